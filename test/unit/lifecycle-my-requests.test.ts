/** "my requests": the words that ask for it, in every language, and the words that must stay with the dialog. */
import assert from 'node:assert/strict';
import { parseCommand } from '../../src/bot/admin/command-parser';

describe('my requests command', () => {
  const asks = ['my requests', 'My Requests', '  my   requests? ', '/my requests', 'mes demandes', 'Mes demandes ?', '我的申请', '我的申請', '自分の依頼', '自分の依頼？'];
  for (const text of asks) {
    it(`"${text}" lists the sender's requests`, () => {
      assert.deepEqual(parseCommand(text), { name: 'myRequests' });
    });
  }
  const notIt = ['my requests for Alice', 'show my requests', 'give Alice my requests', 'mes demandes de licence'];
  for (const text of notIt) {
    it(`"${text}" is not the command`, () => {
      assert.notDeepEqual(parseCommand(text), { name: 'myRequests' });
    });
  }
});
