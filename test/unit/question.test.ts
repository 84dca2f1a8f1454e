/** Questions told from requests, in the five languages: what is asked, about whom, about which licence. */
import assert from 'node:assert/strict';
import { detectQuestion, type Question } from '../../src/domain/question';

const ROWS: readonly [text: string, expected: Question | undefined][] = [
  ['what licences does Alice Johnson have?', { kind: 'licences', person: 'Alice Johnson' }],
  ['which licenses does Kenji Mori have', { kind: 'licences', person: 'Kenji Mori' }],
  ['does Alice Johnson have a calling plan?', { kind: 'has', person: 'Alice Johnson', product: 'a calling plan' }],
  ['who approves for Alice Johnson?', { kind: 'approvers', person: 'Alice Johnson' }],
  ['who approves requests for Patti Fernandez', { kind: 'approvers', person: 'Patti Fernandez' }],
  ['how many calling plans are left?', { kind: 'seatsLeft', product: 'calling plans' }],
  ['quelles licences a Chloé Lefèvre ?', { kind: 'licences', person: 'Chloé Lefèvre' }],
  ['Chloé Lefèvre a-t-elle un forfait d\'appels ?', { kind: 'has', person: 'Chloé Lefèvre', product: 'un forfait d\'appels' }],
  ['qui approuve pour Chloé Lefèvre ?', { kind: 'approvers', person: 'Chloé Lefèvre' }],
  ['combien reste-t-il de forfaits d\'appels ?', { kind: 'seatsLeft', product: 'forfaits d\'appels' }],
  ['田中さんのライセンスは？', { kind: 'licences', person: '田中さん' }],
  ['森健二さんは通話プランを持っていますか？', { kind: 'has', person: '森健二さん', product: '通話プラン' }],
  ['田中さんの承認者は誰ですか？', { kind: 'approvers', person: '田中さん' }],
  ['通話プランは何個残っていますか？', { kind: 'seatsLeft', product: '通話プラン' }],
  ['王芳有哪些许可证？', { kind: 'licences', person: '王芳' }],
  ['Wei Zhang有通话计划吗？', { kind: 'has', person: 'Wei Zhang', product: '通话计划' }],
  ['谁审批Wei Zhang的申请？', { kind: 'approvers', person: 'Wei Zhang' }],
  ['通話方案還剩多少個？', { kind: 'seatsLeft', product: '通話方案' }],
  ['林美玲有哪些授權？', { kind: 'licences', person: '林美玲' }],
  // Requests stay requests.
  ['give Alice a calling plan', undefined],
  ['佐藤花さんに通話プランを割り当ててください', undefined],
  ['给王芳分配通话计划', undefined],
  ["donne un forfait d'appels à Chloé", undefined],
  ['I need a calling plan', undefined],
];

describe('questions told from requests', () => {
  for (const [text, expected] of ROWS) {
    it(`"${text}" → ${expected ? expected.kind : 'a request'}`, () => assert.deepEqual(detectQuestion(text), expected));
  }
});
