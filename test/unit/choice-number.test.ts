/** Which button an answer means by its position: digits and the words for one to ten in the bot's four languages. */
import assert from 'node:assert/strict';
import { choiceNumber } from '../../dialogs/choice-number';

describe('choiceNumber: a choice answered by its position', () => {
  const table: readonly (readonly [string, number | undefined])[] = [
    ['2', 2],
    ['２', 2], // full-width, as CJK keyboards type it
    [' 3 ', 3],
    ['number 4 please', 4],
    ['the second one', 2],
    ['2nd', 2],
    ['First', 1],
    ['two', 2],
    ['le deuxième', 2],
    ['la première', 1],
    ['1er', 1],
    ['deux', 2],
    ['第二个', 2],
    ['第3個', 3],
    ['二番目', 2],
    ['2つ目', 2],
    ['三', 3],
    ['两个', 2],
    ['十', 10],
    // Ordinals win over plain numbers, as in botbuilder's recognizeChoices.
    ['the second of the 3', 2],
    // Nothing that names a position.
    ['Alice', undefined],
    ['', undefined],
    ['alice2@contoso.com', undefined],
    ['一般', undefined],
  ];
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)} → ${expected ?? 'none'}`, () => {
      assert.equal(choiceNumber(text), expected);
    });
  }
});
