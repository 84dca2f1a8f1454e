import assert from 'node:assert/strict';
import { findDuration } from '../../src/domain/duration';
import { parseUtterance, type ParseLanguage } from '../../src/domain/parse';

const DAY = 86_400;
const TWO_WEEKS = 14 * DAY;

interface DurationRow {
  readonly text: string;
  readonly language: ParseLanguage | undefined;
  /** undefined: no duration. */
  readonly seconds?: number;
  /** The span found, as text. */
  readonly span?: string;
}

const rows: readonly DurationRow[] = [
  { text: 'give Alice audio conferencing for two weeks', language: 'en', seconds: TWO_WEEKS, span: 'for two weeks' },
  { text: 'give Alice E5 for 90 days', language: 'en', seconds: 90 * DAY, span: 'for 90 days' },
  { text: 'give me E5 for a month', language: 'en', seconds: 30 * DAY, span: 'for a month' },
  { text: '给 Alice 分配音频会议两周', language: 'zh-CN', seconds: TWO_WEEKS, span: '两周' },
  { text: '给Alice分配E5为期一个月', language: 'zh-CN', seconds: 30 * DAY, span: '为期一个月' },
  { text: '幫 Alice 指派音訊會議兩週', language: 'zh-TW', seconds: TWO_WEEKS, span: '兩週' },
  { text: '幫Alice指派E5為期兩個月', language: 'zh-TW', seconds: 60 * DAY, span: '為期兩個月' },
  { text: 'Alice に電話会議を2週間割り当てて', language: 'ja', seconds: TWO_WEEKS, span: '2週間' },
  { text: 'Alice に E5 を3日間割り当てて', language: 'ja', seconds: 3 * DAY, span: '3日間' },
  { text: 'Alice に E5 を1ヶ月割り当てて', language: 'ja', seconds: 30 * DAY, span: '1ヶ月' },
  { text: "Attribue l'audioconférence à Alice pendant deux semaines", language: 'fr', seconds: TWO_WEEKS, span: 'pendant deux semaines' },
  { text: 'Attribue E5 à Alice pour 10 jours', language: 'fr', seconds: 10 * DAY, span: 'pour 10 jours' },
  // Not durations: no unit, or less than a day (a calling plan's minutes are a product, never a licence's time).
  { text: 'give Alice E5', language: 'en' },
  { text: 'E5', language: undefined },
  { text: 'give Alice a 120 minute calling plan', language: 'en' },
  { text: 'give Alice E5 for 3 hours', language: 'en' },
  { text: '给Alice分配通话计划120分钟', language: 'zh-CN' },
  { text: 'Attribue un forfait 240 minutes à Alice', language: 'fr' },
  { text: 'Alice に通話プラン120分を割り当てて', language: 'ja' },
  // The library throws on some Chinese phrasings; that reads as "no duration", never as an error.
  { text: '两周后给Alice分配E5', language: 'zh-CN' },
];

describe('findDuration', function () {
  // The recognizer builds its models on first use (a second or so for French).
  this.timeout(20000);
  for (const row of rows) {
    it(`${row.language ?? '-'}: ${JSON.stringify(row.text)}`, () => {
      const found = findDuration(row.text, row.language);
      if (row.seconds === undefined) {
        assert.equal(found, undefined);
        return;
      }
      assert.ok(found, 'a duration is found');
      assert.equal(found.seconds, row.seconds);
      assert.equal(row.text.slice(found.start, found.end), row.span);
    });
  }

  it('skips a duration that overlaps an ignored span (a product) and takes the next one', () => {
    const text = 'give Alice E5 for 3 days then for two weeks';
    const first = text.indexOf('3 days');
    const found = findDuration(text, 'en', [{ start: first, end: first + 6 }]);
    assert.equal(found?.seconds, TWO_WEEKS);
  });

  it('does not read texts longer than a chat request', () => {
    assert.equal(findDuration(`${'x '.repeat(300)}for two weeks`, 'en'), undefined);
  });
});

describe('parseUtterance with a duration', function () {
  this.timeout(20000);
  const table: readonly { text: string; products: string[]; person: string; seconds?: number }[] = [
    { text: 'give Alice audio conferencing for two weeks', products: ['MCOMEETADV'], person: 'Alice', seconds: TWO_WEEKS },
    { text: 'give Alice Anders audio conferencing for two weeks', products: ['MCOMEETADV'], person: 'Alice Anders', seconds: TWO_WEEKS },
    { text: 'give Alice for two weeks audio conferencing', products: ['MCOMEETADV'], person: 'Alice', seconds: TWO_WEEKS },
    { text: '给 Alice 分配音频会议两周', products: ['MCOMEETADV'], person: 'Alice', seconds: TWO_WEEKS },
    { text: '幫 Alice 指派音訊會議兩週', products: ['MCOMEETADV'], person: 'Alice', seconds: TWO_WEEKS },
    { text: 'Alice に電話会議を2週間割り当てて', products: ['MCOMEETADV'], person: 'Alice', seconds: TWO_WEEKS },
    { text: "Attribue l'audioconférence à Alice pendant deux semaines", products: ['MCOMEETADV'], person: 'Alice', seconds: TWO_WEEKS },
    { text: 'give Alice a 120 minute calling plan', products: ['MCOPSTN5'], person: 'Alice' },
    { text: 'give Alice a 240 minutes calling plan for 2 weeks', products: ['MCOPSTN6'], person: 'Alice', seconds: TWO_WEEKS },
    { text: '给Alice分配通话计划120分钟', products: ['MCOPSTN5'], person: 'Alice' },
    { text: 'give Alice E5', products: ['ENTERPRISEPREMIUM'], person: 'Alice' },
  ];
  for (const row of table) {
    it(JSON.stringify(row.text), () => {
      const parsed = parseUtterance(row.text);
      assert.deepEqual(parsed.products, row.products);
      assert.deepEqual(parsed.person, { kind: 'name', value: row.person });
      assert.equal(parsed.unmatchedText, '', 'the duration is neither the person nor unmatched text');
      assert.deepEqual(parsed.duration, row.seconds === undefined ? undefined : { seconds: row.seconds });
      if (row.seconds === undefined) assert.equal('duration' in parsed, false, 'no duration key (existing tables compare whole objects)');
    });
  }
});
