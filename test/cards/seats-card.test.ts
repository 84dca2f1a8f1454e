import assert from 'node:assert/strict';
import { seatLevel, seatsCard } from '../../cards/seats-card';
import type { SkuStock } from '../../src/domain/decision';
import { AC, installDom, parseCard } from './adaptive-cards-host';

const LOCALES = ['en', 'fr', 'ja', 'zh-CN', 'zh-TW'] as const;
/** Parsed by their parents, not registered on their own. */
const PARSED_BY_PARENT = ['AdaptiveCard', 'Column', 'TextRun', 'TableRow', 'TableCell'];

const STOCK: SkuStock[] = [
  { partNumber: 'ENTERPRISEPACK', enabled: 50, consumed: 10 },
  { partNumber: 'MCOEV', enabled: 100, consumed: 95 },
  { partNumber: 'MCOPSTN1', enabled: 20, consumed: 19 },
  { partNumber: 'MCOPSTN2', enabled: 1, consumed: 1 },
];
/** Prepaid funds: Graph counts them as ten million units. */
const CREDITS: SkuStock = { partNumber: 'MCOPSTNC', enabled: 10_000_000, consumed: 1 };
/** One seat nobody uses: nothing is running low. */
const ONE_UNUSED: SkuStock = { partNumber: 'MCOMEETADV', enabled: 1, consumed: 0 };

/**
 * The narrow case: a Teams personal chat on a phone or a narrow window leaves a card about 320 px; a table
 * cell loses some to its padding and grid. Latin text at the default size is about 7.5 px a character
 * (8.5 bold), CJK about 14 px; CJK text breaks between any two characters, other text at spaces.
 */
const NARROW_CARD_WIDTH = 320 - 2 * 16;
const CELL_PADDING = 12;
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

function unbreakableRuns(text: string): string[] {
  return text.split(/[ \t\n]+/).flatMap((word) => (CJK.test(word) ? word.split(/(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])/) : [word])).filter(Boolean);
}

function textWidth(word: string, bold: boolean): number {
  return [...word].reduce((sum, char) => sum + (CJK.test(char) ? 14 : bold ? 8.5 : 7.5), 0);
}

function tableRows(json: object, from = 1): string[][] {
  const table = objectsIn(json).find((object) => object['type'] === 'Table') as { rows: { cells: { items: { text: string }[] }[] }[] };
  return table.rows.slice(from).map((row) => row.cells.map((cell) => cell.items.map((item) => item.text).join(' ')));
}

function objectsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objectsIn)];
}

describe('seats card', () => {
  let removeDom: () => void = () => undefined;
  before(() => {
    removeDom = installDom();
  });
  after(() => removeDom());

  for (const locale of LOCALES) {
    describe(locale, () => {
      const json = seatsCard({ stock: STOCK, locale });

      it('binds everything and validates with the official Adaptive Cards library', () => {
        assert.doesNotMatch(JSON.stringify(json), /\$\{/);
        const { parseEvents, validationEvents } = parseCard(json);
        assert.deepEqual(parseEvents, []);
        assert.deepEqual(validationEvents, []);
      });

      it('is version 1.5 with known elements only (Table is 1.5)', () => {
        assert.equal(json.version, '1.5');
        for (const object of objectsIn(json)) {
          const type = object['type'];
          if (typeof type !== 'string' || PARSED_BY_PARENT.includes(type)) continue;
          const registration = AC.GlobalRegistry.elements.findByName(type) ?? AC.GlobalRegistry.actions.findByName(type);
          assert.ok(registration, `unknown type ${type}`);
          assert.ok(registration.schemaVersion.compareTo(AC.Versions.v1_5) <= 0, `${type} is newer than 1.5`);
        }
      });

      it('renders a header row and one row per licence', () => {
        const { card } = parseCard(json);
        const element = card.render();
        assert.ok(element);
        const table = objectsIn(json).find((object) => object['type'] === 'Table') as { rows: unknown[] };
        assert.equal(table.rows.length, STOCK.length + 1);
        for (const stock of STOCK) assert.ok((element.textContent ?? '').includes(stock.partNumber));
      });
    });
  }

  it('shows free seats and seats in use out of those purchased, with a warning when few are left (English)', () => {
    const rows = tableRows(seatsCard({ stock: [...STOCK, CREDITS, ONE_UNUSED], locale: 'en' }));
    assert.deepEqual(rows, [
      ['Office 365 Enterprise E3 ENTERPRISEPACK OK', '40', '10 / 50'],
      ['Phone System MCOEV OK', '5', '95 / 100'],
      ['Domestic Calling Plan MCOPSTN1 Running low', '1', '19 / 20'],
      ['Domestic and International Calling Plan MCOPSTN2 None free', '0', '1 / 1'],
      ['Communications Credits MCOPSTNC Not limited by seats', '—', '1'],
      ['Audio Conferencing MCOMEETADV OK', '1', '0 / 1'],
    ]);
    const text = JSON.stringify(seatsCard({ stock: [...STOCK, CREDITS, ONE_UNUSED], locale: 'en' }));
    assert.match(text, /2 licences are running low/);
    assert.doesNotMatch(text, /9,999,999|10,000,000 /);
  });

  it('has three columns whose headers are whole words (Licence | Free | In use / Purchased)', () => {
    const header = tableRows(seatsCard({ stock: STOCK, locale: 'en' }), 0)[0];
    assert.deepEqual(header, ['Licence', 'Free', 'In use / Purchased']);
  });

  it('formats numbers in the reader\'s way', () => {
    const big: SkuStock = { partNumber: 'ENTERPRISEPACK', enabled: 12_500, consumed: 2_000 };
    assert.deepEqual(tableRows(seatsCard({ stock: [big], locale: 'en' }))[0]?.slice(1), ['10,500', '2,000 / 12,500']);
    assert.match(tableRows(seatsCard({ stock: [big], locale: 'fr' }))[0]?.[1] ?? '', /^10\s500$/);
  });

  for (const locale of LOCALES) {
    it(`fits the narrow width of a Teams personal chat: no word wider than its column (${locale})`, () => {
      const json = seatsCard({ stock: [...STOCK, CREDITS, ONE_UNUSED, { partNumber: 'ENTERPRISEPACK', enabled: 12_500, consumed: 2_000 }], locale });
      const table = objectsIn(json).find((object) => object['type'] === 'Table') as { columns: { width: number }[]; rows: { cells: { items: { text: string; weight?: string }[] }[] }[] };
      const shares = table.columns.map((column) => column.width);
      const total = shares.reduce((sum, width) => sum + width, 0);
      for (const row of table.rows) {
        row.cells.forEach((cell, index) => {
          const room = (NARROW_CARD_WIDTH * (shares[index] ?? 0)) / total - CELL_PADDING;
          for (const item of cell.items) {
            for (const word of unbreakableRuns(item.text)) {
              assert.ok(textWidth(word, item.weight === 'Bolder') <= room, `${locale}: "${word}" (${Math.round(textWidth(word, item.weight === 'Bolder'))}px) in a ${Math.round(room)}px column`);
            }
          }
        });
      }
    });
  }

  const levels: { stock: SkuStock; level: ReturnType<typeof seatLevel> }[] = [
    { stock: { partNumber: 'X', enabled: 100, consumed: 89 }, level: 'ok' },
    { stock: { partNumber: 'X', enabled: 100, consumed: 96 }, level: 'ok' },
    { stock: { partNumber: 'X', enabled: 100, consumed: 97 }, level: 'low' },
    { stock: { partNumber: 'X', enabled: 20, consumed: 19 }, level: 'low' },
    { stock: { partNumber: 'X', enabled: 20, consumed: 18 }, level: 'ok' },
    { stock: { partNumber: 'X', enabled: 10, consumed: 8 }, level: 'ok' },
    { stock: { partNumber: 'X', enabled: 1, consumed: 0 }, level: 'ok' },
    { stock: { partNumber: 'X', enabled: 2, consumed: 0 }, level: 'ok' },
    { stock: { partNumber: 'X', enabled: 5, consumed: 5 }, level: 'none' },
    { stock: { partNumber: 'X', enabled: 2, consumed: 3 }, level: 'none' },
    { stock: { partNumber: 'X', enabled: 10_000_000, consumed: 9_999_999 }, level: 'unlimited' },
  ];
  for (const { stock, level } of levels) {
    it(`${stock.enabled - stock.consumed} free of ${stock.enabled} (${stock.consumed} in use) is ${level}`, () => assert.equal(seatLevel(stock), level));
  }

  it('says so when the tenant has none of the catalog licences', () => {
    const json = seatsCard({ stock: [], locale: 'en' });
    assert.ok(!objectsIn(json).some((object) => object['type'] === 'Table'));
    assert.match(JSON.stringify(json), /none of the licences/);
  });
});
