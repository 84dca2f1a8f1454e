/** "Did you mean X or Y?" in the five languages, with the products' names in that language. */
import assert from 'node:assert/strict';
import { didYouMean } from '../../dialogs/product-candidates';
import { translator } from '../../src/i18n';

describe('didYouMean', () => {
  const rows: readonly [string, string][] = [
    ['en-US', 'Did you mean Microsoft 365 E5 or Microsoft 365 E3?'],
    ['fr-FR', 'Vouliez-vous dire Microsoft 365 E5 ou Microsoft 365 E3 ?'],
    ['ja-JP', 'Microsoft 365 E5またはMicrosoft 365 E3のことですか？'],
    ['zh-CN', '您是指Microsoft 365 E5或Microsoft 365 E3吗？'],
    ['zh-TW', '您是指Microsoft 365 E5或Microsoft 365 E3嗎？'],
  ];
  for (const [locale, start] of rows) {
    it(locale, () => {
      const text = didYouMean(translator(locale), ['SPE_E5', 'SPE_E3']);
      assert.ok(text.startsWith(start), text);
    });
  }
  it('names one candidate alone', () => assert.ok(didYouMean(translator('en-US'), ['MCOEV']).startsWith('Did you mean Phone System'), didYouMean(translator('en-US'), ['MCOEV'])));
});
