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
  { partNumber: 'MCOPSTN1', enabled: 20, consumed: 18 },
  { partNumber: 'MCOPSTN2', enabled: 1, consumed: 1 },
];

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

  it('shows purchased, assigned and free seats with a warning when few are left (English)', () => {
    const json = seatsCard({ stock: STOCK, locale: 'en' });
    const table = objectsIn(json).find((object) => object['type'] === 'Table') as { rows: { cells: { items: { text: string }[] }[] }[] };
    const rows = table.rows.slice(1).map((row) => row.cells.map((cell) => cell.items.map((item) => item.text).join(' ')));
    assert.deepEqual(rows, [
      ['Office 365 Enterprise E3 ENTERPRISEPACK', '50', '10', '40', 'OK'],
      ['Phone System MCOEV', '100', '95', '5', 'Running low'],
      ['Domestic Calling Plan MCOPSTN1', '20', '18', '2', 'Running low'],
      ['Domestic and International Calling Plan MCOPSTN2', '1', '1', '0', 'None free'],
    ]);
    assert.match(JSON.stringify(json), /3 licences are running low/);
  });

  const levels: { stock: SkuStock; level: ReturnType<typeof seatLevel> }[] = [
    { stock: { partNumber: 'X', enabled: 100, consumed: 89 }, level: 'ok' },
    { stock: { partNumber: 'X', enabled: 100, consumed: 91 }, level: 'low' },
    { stock: { partNumber: 'X', enabled: 10, consumed: 8 }, level: 'low' },
    { stock: { partNumber: 'X', enabled: 10, consumed: 7 }, level: 'ok' },
    { stock: { partNumber: 'X', enabled: 5, consumed: 5 }, level: 'none' },
    { stock: { partNumber: 'X', enabled: 2, consumed: 3 }, level: 'none' },
  ];
  for (const { stock, level } of levels) {
    it(`${stock.enabled - stock.consumed} free of ${stock.enabled} is ${level}`, () => assert.equal(seatLevel(stock), level));
  }

  it('says so when the tenant has none of the catalog licences', () => {
    const json = seatsCard({ stock: [], locale: 'en' });
    assert.ok(!objectsIn(json).some((object) => object['type'] === 'Table'));
    assert.match(JSON.stringify(json), /none of the licences/);
  });
});
