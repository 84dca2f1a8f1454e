/** Table runner shared by the parse-*.test.ts files: one row, one test, every field asserted. */
import assert from 'node:assert/strict';
import { parseUtterance, type ParseLanguage, type PersonReference } from '../../src/domain/parse';

export interface ParseRow {
  readonly text: string;
  readonly action?: 'assign' | 'remove';
  readonly products: readonly string[];
  readonly person: PersonReference | undefined;
  /** Defaults to the table's language; null when no vocabulary word should match. */
  readonly language?: ParseLanguage | null;
  readonly unmatched?: string;
  /** Defaults to false: the row asks for something, it does not ask something. */
  readonly question?: boolean;
  /** Defaults to none: no misspelt product close to several. */
  readonly productCandidates?: readonly string[];
}

export const SELF: PersonReference = { kind: 'self' };
export const named = (value: string): PersonReference => ({ kind: 'name', value });
export const email = (value: string): PersonReference => ({ kind: 'email', value });

export function describeRows(title: string, language: ParseLanguage | null, rows: readonly ParseRow[]): void {
  describe(title, () => {
    for (const row of rows) {
      it(JSON.stringify(row.text), () => {
        const parsed = parseUtterance(row.text);
        assert.deepEqual(parsed, {
          action: row.action ?? 'assign',
          products: row.products,
          person: row.person,
          language: (row.language === undefined ? language : row.language) ?? undefined,
          unmatchedText: row.unmatched ?? '',
          question: row.question ?? false,
          productCandidates: row.productCandidates ?? [],
        });
      });
    }
  });
}
