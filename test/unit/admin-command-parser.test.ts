import assert from 'node:assert/strict';
import { parseCommand, type Command } from '../../src/bot/admin/command-parser';
import { readLicences } from '../../src/bot/admin/licence-words';
import { splitReferences } from '../../src/bot/admin/user-references';
import { readAuditArgument } from '../../src/bot/admin/audit-command';

const cases: { text: string; expected: Command | undefined }[] = [
  { text: 'help', expected: { name: 'help' } },
  { text: '/seats', expected: { name: 'seats' } },
  { text: 'Pending', expected: { name: 'pending' } },
  { text: 'seats please', expected: undefined },
  { text: 'status 1a2b3c4d', expected: { name: 'status', id: '1a2b3c4d' } },
  { text: 'status', expected: { name: 'usage', command: 'status' } },
  { text: 'status of my request', expected: { name: 'usage', command: 'status' } },
  { text: 'cancel', expected: undefined },
  { text: 'cancel that', expected: undefined },
  { text: 'cancel 1a2b3c4d', expected: { name: 'cancel', id: '1a2b3c4d' } },
  { text: 'audit', expected: { name: 'audit', argument: '' } },
  { text: 'audit alice@contoso.com', expected: { name: 'audit', argument: 'alice@contoso.com' } },
  { text: 'assign calling plan to Alice, Bob', expected: { name: 'assign', licences: 'calling plan', users: 'Alice, Bob', noApproval: false } },
  { text: 'remove E3 from a@b.example --no-approval', expected: { name: 'remove', licences: 'E3', users: 'a@b.example', noApproval: true } },
  { text: 'assign Alice a calling plan', expected: undefined },
  { text: 'assign to Alice', expected: undefined },
  { text: 'give Alice a calling plan', expected: undefined },
  {
    text: 'bulk assign E3, Phone System, calling plan\na@b.example\nc@d.example',
    expected: { name: 'bulk', action: 'assign', licences: 'E3, Phone System, calling plan', list: 'a@b.example\nc@d.example', noApproval: false },
  },
  { text: 'bulk remove calling plan a@b.example', expected: { name: 'bulk', action: 'remove', licences: 'calling plan', list: 'a@b.example', noApproval: false } },
  { text: 'bulk assign', expected: { name: 'usage', command: 'bulk' } },
  { text: 'bulk', expected: { name: 'usage', command: 'bulk' } },
  { text: 'bulk approve 0f0e', expected: { name: 'bulkButton', verb: 'approve', id: '0f0e', noApproval: false } },
  { text: 'bulk submit 0f0e --no-approval', expected: { name: 'bulkButton', verb: 'submit', id: '0f0e', noApproval: true } },
  { text: 'bulk reject 0f0e --no-approval', expected: { name: 'bulkButton', verb: 'reject', id: '0f0e', noApproval: false } },
];

describe('admin command syntax', () => {
  for (const { text, expected } of cases) {
    it(`${JSON.stringify(text)} → ${expected ? expected.name : 'not a command'}`, () => {
      assert.deepEqual(parseCommand(text), expected);
    });
  }

  const licences: { text: string; expected: ReturnType<typeof readLicences> }[] = [
    { text: 'E3, Phone System and calling plan', expected: { kind: 'ok', partNumbers: ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1'] } },
    { text: 'MCOPSTN2', expected: { kind: 'ok', partNumbers: ['MCOPSTN2'] } },
    { text: '通话计划', expected: { kind: 'ok', partNumbers: ['MCOPSTN1'] } },
    { text: 'E3, unicorn', expected: { kind: 'unknown', text: 'unicorn' } },
  ];
  for (const { text, expected } of licences) {
    it(`licences ${JSON.stringify(text)}`, () => assert.deepEqual(readLicences(text), expected));
  }

  it('splits people on commas, semicolons, new lines and "and"', () => {
    assert.deepEqual(splitReferences('a@b.example, <at>Bob Smith</at>; Carol Jones and dave@x.example\neve@x.example'), [
      'a@b.example',
      '<at>Bob Smith</at>',
      'Carol Jones',
      'dave@x.example',
      'eve@x.example',
    ]);
  });

  const now = new Date('2025-06-10T12:00:00Z');
  const audits: { argument: string; expected: ReturnType<typeof readAuditArgument> }[] = [
    { argument: '', expected: { kind: 'all' } },
    { argument: '7d', expected: { kind: 'since', since: '2025-06-03T12:00:00.000Z' } },
    { argument: '12h', expected: { kind: 'since', since: '2025-06-10T00:00:00.000Z' } },
    { argument: '2025-05-01', expected: { kind: 'since', since: '2025-05-01T00:00:00.000Z' } },
    { argument: 'alice@contoso.com', expected: { kind: 'user', text: 'alice@contoso.com' } },
  ];
  for (const { argument, expected } of audits) {
    it(`audit ${JSON.stringify(argument)}`, () => assert.deepEqual(readAuditArgument(argument, now), expected));
  }
});
