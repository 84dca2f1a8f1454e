/** Product names with a slip: one close product is read, several are handed back, names and CJK stay as written. */
import assert from 'node:assert/strict';
import { editDistanceWithin } from '../../src/domain/edit-distance';
import { parseUtterance } from '../../src/domain/parse';

describe('editDistanceWithin (Damerau-Levenshtein, bounded)', () => {
  const rows: readonly [string, string, number, number | undefined][] = [
    ['caling', 'calling', 1, 1],
    ['phnoe', 'phone', 1, 1],
    ['sytem', 'system', 1, 1],
    ['conferncing', 'conferencing', 2, 1],
    ['systemic', 'system', 1, undefined],
    ['abc', 'abc', 0, 0],
    ['kenji', 'teams', 2, undefined],
  ];
  for (const [a, b, bound, expected] of rows) it(`${a} ~ ${b} within ${bound}: ${String(expected)}`, () => assert.equal(editDistanceWithin(a, b, bound), expected));
});

describe('parseUtterance: product names with a slip', () => {
  const rows: readonly { text: string; products: readonly string[]; candidates?: readonly string[]; person: string | undefined }[] = [
    { text: 'give alice a caling plan', products: ['MCOPSTN1'], person: 'alice' },
    { text: 'Ben Carter needs audio conferncing', products: ['MCOMEETADV'], person: 'Ben Carter' },
    { text: 'assign phone sytem to Priya Nair', products: ['MCOEV'], person: 'Priya Nair' },
    { text: 'give Kenji Mori teams phnoe', products: ['MCOEV'], person: 'Kenji Mori' },
    { text: 'give Nina Walsh an internatonal calling plan', products: ['MCOPSTN2'], person: 'Nina Walsh' },
    { text: "attribue un forfiat d'appels à Camille Dubois", products: ['MCOPSTN1'], person: 'Camille Dubois' },
    { text: "donne l'audioconférance à Pierre Moreau", products: ['MCOMEETADV'], person: 'Pierre Moreau' },
    { text: '给张伟开通 phone sytem', products: ['MCOEV'], person: '张伟' },
    // Several close products, or a changed number: asked back, never guessed.
    { text: 'give alice microsoft 365 e4', products: [], candidates: ['SPE_E5', 'SPE_E3'], person: 'alice' },
    { text: 'give alice e4 without teams', products: [], candidates: ['Microsoft_365_E5_(no_Teams)', 'Microsoft_365_E3_(no_Teams)'], person: 'alice' },
    { text: 'give alice skype plan 3', products: [], candidates: ['MCOSTANDARD'], person: 'alice' },
    // Not slips: another word, a short name, a name next to a product.
    { text: 'phone systemic', products: [], person: 'phone systemic' },
    { text: 'give Teans a calling plan', products: ['MCOPSTN1'], person: 'Teans' },
    { text: 'give Tamas a calling plan', products: ['MCOPSTN1'], person: 'Tamas' },
    { text: 'give Alice a unicorn licence', products: [], person: 'Alice' },
  ];
  for (const row of rows) {
    it(JSON.stringify(row.text), () => {
      const parsed = parseUtterance(row.text);
      const person = parsed.person?.kind === 'name' ? parsed.person.value : parsed.person?.kind;
      assert.deepEqual({ products: parsed.products, candidates: parsed.productCandidates, person }, { products: row.products, candidates: row.candidates ?? [], person: row.person });
    });
  }

  it('never corrects CJK text: an unknown Chinese product stays unknown', () => {
    const parsed = parseUtterance('给王芳分配一个独角兽许可证');
    assert.deepEqual([parsed.products, parsed.productCandidates], [[], []]);
  });
});
