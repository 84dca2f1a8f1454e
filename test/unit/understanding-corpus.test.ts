/**
 * The utterance corpus (test/fixtures/utterances/) as a floor: per language at least 97% understood and not one
 * wrong request (a request other than the one meant is worse than a question back). `npm run bench:understanding`
 * prints the figures and every miss.
 */
import assert from 'node:assert/strict';
import { CORPUS_LANGUAGES, describe as readAs, loadCorpus, scoreCorpus, tally } from '../bench/understanding-corpus';

const FLOOR = 0.97;
const MIN_ENTRIES_PER_LANGUAGE = 78;

describe('understanding corpus', () => {
  const scored = scoreCorpus();
  const byLanguage = tally(scored, (item) => item.language);

  it('holds at least 400 messages, about 80 per language', () => {
    assert.ok(scored.length >= 400, `${scored.length} messages`);
    for (const language of CORPUS_LANGUAGES) assert.ok(loadCorpus(language).length >= MIN_ENTRIES_PER_LANGUAGE, language);
  });

  for (const language of CORPUS_LANGUAGES) {
    it(`${language}: at least ${FLOOR * 100}% understood`, () => {
      const figures = byLanguage.get(language);
      assert.ok(figures, language);
      const misses = scored.filter((item) => item.language === language && item.outcome !== 'right').map((item) => `${item.entry.text} → ${readAs(item.parsed)}`);
      assert.ok(figures.right / figures.total >= FLOOR, `${figures.right}/${figures.total}\n${misses.join('\n')}`);
    });
  }

  it('reads no message as a request other than the one meant', () => {
    const wrong = scored.filter((item) => item.outcome === 'wrong').map((item) => `${item.language} ${item.entry.text} → ${readAs(item.parsed)}`);
    assert.deepEqual(wrong, []);
  });

  it('covers every kind of phrase the issue lists', () => {
    const kinds = new Set(scored.map((item) => item.entry.kind));
    for (const kind of ['plain', 'polite', 'terse', 'word-order', 'change', 'removal', 'honorific', 'surname-first', 'first-name', 'email', 'typo', 'multi', 'self', 'today', 'question', 'unknown']) {
      assert.ok(kinds.has(kind), kind);
    }
  });
});
