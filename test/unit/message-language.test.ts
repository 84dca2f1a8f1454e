/** The language a message is written in: one row per kind of text, including the ones that must not switch. */
import assert from 'node:assert/strict';
import { messageLanguage, type MessageLanguage } from '../../src/domain/language/message-language';

const ROWS: readonly [text: string, zhVariant: 'zh-CN' | 'zh-TW', expected: MessageLanguage | undefined][] = [
  ['佐藤花さんに通話プランを割り当ててください', 'zh-CN', 'ja'],
  ['田中さんのライセンスは？', 'zh-TW', 'ja'],
  ['给王芳分配通话计划', 'zh-TW', 'zh-CN'],
  ['給王芳分配通話計劃', 'zh-CN', 'zh-TW'],
  ['王芳', 'zh-TW', 'zh-TW'],
  ['王芳', 'zh-CN', 'zh-CN'],
  ['donne un forfait d\'appels à Chloé Lefèvre', 'zh-CN', 'fr'],
  ['quelles licences a Alice Johnson ?', 'zh-CN', 'fr'],
  ['qui approuve pour Alice ?', 'zh-CN', 'fr'],
  ['give Alice a calling plan', 'zh-CN', 'en'],
  ['what licences does Alice Johnson have?', 'zh-CN', 'en'],
  ['Chloé Lefèvre', 'zh-CN', undefined],
  ['Alice', 'zh-CN', undefined],
  ['2', 'zh-CN', undefined],
  ['', 'zh-CN', undefined],
];

describe('the language a message is written in', () => {
  for (const [text, zhVariant, expected] of ROWS) {
    it(`"${text}" (client ${zhVariant}) → ${expected ?? 'unclear'}`, () => {
      assert.equal(messageLanguage(text, zhVariant), expected);
    });
  }
});
