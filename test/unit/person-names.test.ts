/** Names as people write them: honorifics, accents, CJK spaces and order, first names, slips. Table-driven. */
import assert from 'node:assert/strict';
import { editDistance, foldName, sameFirstName, sameName, searchPrefixes, slipDistance, withoutHonorifics } from '../../src/domain/person-names';

const HONORIFICS: readonly [string, string][] = [
  ['佐藤花さん', '佐藤花'],
  ['田中様', '田中'],
  ['森君', '森'],
  ['田中先生', '田中'],
  ['佐藤氏', '佐藤'],
  ['王芳女士', '王芳'],
  ['林小姐', '林'],
  ['张先生', '张'],
  ['M. Dubois', 'Dubois'],
  ['Mme Chloé Lefèvre', 'Chloé Lefèvre'],
  ['Mlle Martin', 'Martin'],
  ['Mr Tanaka', 'Tanaka'],
  ['Mrs. Johnson', 'Johnson'],
  ['Ms Bowen', 'Bowen'],
  ['Dr. Hiroshi Tanaka', 'Hiroshi Tanaka'],
  ['Marc', 'Marc'],
  ['さん', 'さん'],
];

const hana = { displayName: '佐藤 花', givenName: '花', surname: '佐藤' };
const chloe = { displayName: 'Chloé Lefèvre', givenName: 'Chloé', surname: 'Lefèvre' };
const SAME: readonly [string, typeof hana, boolean][] = [
  ['佐藤花', hana, true],
  ['佐藤 花', hana, true],
  ['花 佐藤', hana, true],
  ['花佐藤', hana, true],
  ['佐藤', hana, false],
  ['Chloe Lefevre', chloe, true],
  ['chloé lefèvre', chloe, true],
  ['Lefevre Chloe', chloe, true],
  ['Chloe Dubois', chloe, false],
];

describe('names as people write them', () => {
  for (const [written, name] of HONORIFICS) it(`"${written}" → "${name}"`, () => assert.equal(withoutHonorifics(written), name));
  for (const [written, person, same] of SAME) it(`"${written}" ${same ? 'is' : 'is not'} ${person.displayName}`, () => assert.equal(sameName(written, person), same));

  it('folds accents, case, spaces and hyphens', () => assert.equal(foldName(' Mei-Ling  Lín '), 'meilinglin'));
  it('a first name alone, accents aside', () => {
    assert.equal(sameFirstName('chloe', chloe), true);
    assert.equal(sameFirstName('Lefevre', chloe), false);
  });
  it('a small slip is close; another name is not', () => {
    assert.equal(slipDistance('Chloé Lefevbre', chloe), 1);
    assert.equal(slipDistance('Chleo Lefevre', chloe), 1);
    assert.equal(slipDistance('Camille Dubois', chloe), undefined);
    assert.equal(slipDistance('Cho', chloe), undefined);
  });
  it('edit distance counts a swap of neighbours as one', () => {
    assert.equal(editDistance('dubios', 'dubois'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
  const PREFIXES: readonly [string, string[]][] = [
    ['Chloe Lefevre', ['Chl', 'Lef']],
    ['佐藤花', ['佐', '花']],
    ['花 佐藤', ['花', '佐']],
    ['Émilie', []],
    // Single letters among several words would ask for half the directory: left out.
    ['a b c d e f', []],
  ];
  for (const [written, prefixes] of PREFIXES) {
    it(`searches "${written}" by [${prefixes.join(', ')}]`, () => assert.deepEqual(searchPrefixes(written), prefixes));
  }
});
