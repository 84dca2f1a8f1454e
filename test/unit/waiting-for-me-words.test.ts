import assert from 'node:assert/strict';
import { isWaitingForMe } from '../../src/bot/admin/waiting-for-me';
import { parseCommand } from '../../src/bot/admin/command-parser';

describe('"waiting for me" as people say it', () => {
  const said = ['waiting for me', 'Waiting for me?', '/waiting for me', "what's waiting for me?", 'waiting on me', 'my approvals', 'en attente de moi', 'À valider', 'à approuver', '等我审批', '待我审批', '等我核准', '待我核准', '私の承認待ち', '承認待ち', ' waiting  for\u00a0me '];
  for (const text of said) it(`"${text}" is the command`, () => assert.ok(isWaitingForMe(text)));
  const notIt = ['waiting for me to give Alice a calling plan', 'give Alice a calling plan', 'pending', 'my requests', 'wait', ''];
  for (const text of notIt) it(`"${text}" is not`, () => assert.ok(!isWaitingForMe(text)));
  it('takes no word the admin commands use', () => {
    for (const text of said) assert.equal(parseCommand(text), undefined, text);
  });
});
