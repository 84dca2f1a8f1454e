/**
 * Every locale says everything English says: the same keys (deeply, no more, no fewer), the same
 * {{placeholders}} per key, no empty text, and no English sentence left untranslated. The namespaces
 * are the ones src/i18n loads; one whose English file does not exist yet (admin, while it is being
 * written) is skipped.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../../src/domain/catalog';
import { parseUtterance } from '../../src/domain/parse';
import { NAMESPACES, SUPPORTED_LOCALES, localesDirectory, translator } from '../../src/i18n';

type Tree = { readonly [key: string]: string | Tree };

const TRANSLATED_LOCALES = SUPPORTED_LOCALES.filter((locale) => locale !== 'en');

/** An English value this long is a sentence; the same value in another locale means nobody translated it. */
const SENTENCE_LENGTH = 20;

/**
 * Values that may stay identical to English, keyed "namespace:key.path", with the reason.
 * An entry that no longer matches an identical value fails the suite, so the list stays honest.
 */
const SAME_AS_ENGLISH_ALLOWED: Readonly<Record<string, string>> = {
  'products:Microsoft_Teams_Enterprise_New': "Microsoft's Japanese product name is the English one",
};

/**
 * Product names the parser does not yet read back as the same product, keyed "locale:PARTNUMBER",
 * with the reason. Like the list above, a stale entry fails.
 */
const PARSER_ROUND_TRIP_GAPS: Readonly<Record<string, string>> = {
};

const namespaces = NAMESPACES.filter((ns) => fs.existsSync(fileOf('en', ns)));

function fileOf(locale: string, ns: string): string {
  return path.join(localesDirectory(), locale, `${ns}.json`);
}

function readTree(locale: string, ns: string): Tree {
  return JSON.parse(fs.readFileSync(fileOf(locale, ns), 'utf8')) as Tree;
}

/** "a.b.c" → value for every leaf; objects stay objects so a leaf/branch swap shows up as a type mismatch. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of leaves(value as Tree, dotted)) found.set(inner, innerValue);
    } else {
      found.set(dotted, value);
    }
  }
  return found;
}

/** i18next interpolations: {{name}}, {{ name }}, {{value, format}} → "name". */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((match) => match[1]!))].sort();
}

describe('locale files', () => {
  it('cover the namespaces the bot loads, with English as the reference', () => {
    assert.ok(namespaces.includes('replies') && namespaces.includes('cards') && namespaces.includes('reasons') && namespaces.includes('products'));
  });

  for (const ns of namespaces) {
    const english = leaves(readTree('en', ns));

    for (const locale of TRANSLATED_LOCALES) {
      describe(`${locale}/${ns}.json`, () => {
        const present = fs.existsSync(fileOf(locale, ns));
        const translated = present ? leaves(readTree(locale, ns)) : new Map<string, unknown>();

        it('exists and is valid JSON', () => {
          assert.ok(present, `${fileOf(locale, ns)} is missing`);
        });

        it('has exactly the English keys, no more and no fewer', () => {
          const missing = [...english.keys()].filter((key) => !translated.has(key));
          const extra = [...translated.keys()].filter((key) => !english.has(key));
          assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
        });

        it('has a non-empty string wherever English has one', () => {
          const wrong = [...english.keys()].filter((key) => {
            const value = translated.get(key);
            return translated.has(key) && (typeof value !== 'string' || value.trim() === '');
          });
          assert.deepEqual(wrong, []);
        });

        it('keeps the same {{placeholders}} in every value', () => {
          const differing: string[] = [];
          for (const [key, value] of english) {
            const other = translated.get(key);
            if (typeof value !== 'string' || typeof other !== 'string') continue;
            const expected = placeholders(value).join(',');
            const actual = placeholders(other).join(',');
            if (expected !== actual) differing.push(`${key}: {${expected}} vs {${actual}}`);
          }
          assert.deepEqual(differing, []);
        });

        it('translates every sentence (nothing identical to English unless allowed)', () => {
          const identical = [...english].filter(([key, value]) => {
            if (typeof value !== 'string' || value.length <= SENTENCE_LENGTH) return false;
            return translated.get(key) === value && !(`${ns}:${key}` in SAME_AS_ENGLISH_ALLOWED);
          });
          assert.deepEqual(identical.map(([key]) => key), []);
        });

        it('is what i18next serves for this locale', () => {
          const t = translator(locale);
          const wrong = [...translated].filter(([key, value]) => typeof value === 'string' && t(`${ns}:${key}`) !== value);
          assert.deepEqual(wrong.map(([key]) => key), []);
        });
      });
    }
  }

  it('the allow-list of untranslated values names only values that are still identical', () => {
    const stale = Object.keys(SAME_AS_ENGLISH_ALLOWED).filter((entry) => {
      const [ns = '', key = ''] = entry.split(/:(.*)/s);
      if (!namespaces.includes(ns as (typeof namespaces)[number])) return false;
      const value = leaves(readTree('en', ns)).get(key);
      return !TRANSLATED_LOCALES.some((locale) => fs.existsSync(fileOf(locale, ns)) && leaves(readTree(locale, ns)).get(key) === value);
    });
    assert.deepEqual(stale, []);
  });
});

describe('locale specifics', () => {
  const cases = [
    { teamsLocale: 'zh-CN', expected: 'zh-CN' },
    { teamsLocale: 'zh-cn', expected: 'zh-CN' },
    { teamsLocale: 'zh-TW', expected: 'zh-TW' },
    { teamsLocale: 'zh-Hant-TW', expected: 'zh-TW' },
    { teamsLocale: 'ja-JP', expected: 'ja' },
    { teamsLocale: 'fr-FR', expected: 'fr' },
    { teamsLocale: 'fr-CA', expected: 'fr' },
    { teamsLocale: 'en-US', expected: 'en' },
  ];
  for (const { teamsLocale, expected } of cases) {
    it(`a Teams client in ${teamsLocale} reads replies tagged ${expected}`, () => {
      assert.equal(translator(teamsLocale)('replies:localeTag'), expected);
    });
  }

  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: the confirmation buttons are short, distinct, and named in the retry prompt`, () => {
      const t = translator(locale);
      const yes = t('replies:request.confirmYes');
      const no = t('replies:request.confirmNo');
      assert.ok(yes.length <= 20 && no.length <= 20, `${yes} / ${no}`);
      assert.notEqual(yes, no);
      const retry = t('replies:request.confirmRetry');
      assert.ok(retry.includes(yes) && retry.includes(no), retry);
    });

    it(`${locale}: every product name the bot shows is read back by the parser as that product`, () => {
      const t = translator(locale);
      const misread: string[] = [];
      for (const { partNumber } of CATALOG) {
        const name = t(`products:${partNumber}`);
        const read = parseUtterance(name).products;
        const gap = `${locale}:${partNumber}` in PARSER_ROUND_TRIP_GAPS;
        if ((read.length === 1 && read[0] === partNumber) === gap) misread.push(`${name} → ${read.join('+') || 'nothing'}${gap ? ' (listed as a gap, now read correctly)' : ''}`);
      }
      assert.deepEqual(misread, []);
    });
  }
});
