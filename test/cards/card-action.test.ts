import assert from 'node:assert/strict';
import { parseCardAction, MAX_COMMENT_LENGTH, type CardAction } from '../../cards/card-action';

const ID = '3f2b5c1e-8a4d-4e6f-9b1a-2c3d4e5f6a7b';

/** The invoke value as Teams sends it for an Action.Execute (input values merged into data). */
function invoke(action: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return { action: { type: 'Action.Execute', ...action }, trigger: 'manual', ...extra };
}

const valid: readonly [string, unknown, CardAction][] = [
  ['approve', invoke({ verb: 'approve', data: { requestId: ID } }), { verb: 'approve', requestId: ID }],
  [
    'approve with a comment, trimmed',
    invoke({ verb: 'approve', data: { requestId: ID, comment: '  fine by me \n' } }),
    { verb: 'approve', requestId: ID, comment: 'fine by me' },
  ],
  ['reject with an empty comment box', invoke({ verb: 'reject', data: { requestId: ID, comment: '' } }), { verb: 'reject', requestId: ID }],
  ['reject with blanks only', invoke({ verb: 'reject', data: { requestId: ID, comment: '   ' } }), { verb: 'reject', requestId: ID }],
  [
    'reject with a comment of exactly the limit',
    invoke({ verb: 'reject', data: { requestId: ID, comment: 'x'.repeat(MAX_COMMENT_LENGTH) } }),
    { verb: 'reject', requestId: ID, comment: 'x'.repeat(MAX_COMMENT_LENGTH) },
  ],
  [
    'automatic refresh',
    invoke({ verb: 'refresh', data: { requestId: ID } }, { trigger: 'automatic' }),
    { verb: 'refresh', requestId: ID },
  ],
  ['refresh ignores a comment', invoke({ verb: 'refresh', data: { requestId: ID, comment: 'x' } }), { verb: 'refresh', requestId: ID }],
  [
    'as normalized by botbuilder (action id and authentication fields undefined)',
    { action: { type: 'Action.Execute', id: undefined, verb: 'approve', data: { requestId: ID } }, authentication: {}, state: undefined },
    { verb: 'approve', requestId: ID },
  ],
  [
    'unknown extra fields are ignored, never passed on',
    invoke({ verb: 'approve', data: { requestId: ID, approved: true, state: 'completed' } }),
    { verb: 'approve', requestId: ID },
  ],
];

const invalid: readonly [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a string', 'approve'],
  ['an array', [invoke({ verb: 'approve', data: { requestId: ID } })]],
  ['no action', { trigger: 'manual' }],
  ['action is an array', { action: [{ type: 'Action.Execute', verb: 'approve', data: { requestId: ID } }] }],
  ['Action.Submit', { action: { type: 'Action.Submit', verb: 'approve', data: { requestId: ID } } }],
  ['missing type', { action: { verb: 'approve', data: { requestId: ID } } }],
  ['unknown verb', invoke({ verb: 'assign', data: { requestId: ID } })],
  ['verb in another case', invoke({ verb: 'Approve', data: { requestId: ID } })],
  ['verb is an array', invoke({ verb: ['approve', 'reject'], data: { requestId: ID } })],
  ['missing verb', invoke({ data: { requestId: ID } })],
  ['missing data', invoke({ verb: 'approve' })],
  ['data is a string', invoke({ verb: 'approve', data: ID })],
  ['data is null', invoke({ verb: 'approve', data: null })],
  ['missing requestId', invoke({ verb: 'approve', data: { comment: 'ok' } })],
  ['requestId is not a UUID', invoke({ verb: 'approve', data: { requestId: 'req-1' } })],
  ['requestId with a path', invoke({ verb: 'approve', data: { requestId: `../${ID}` } })],
  ['requestId is a number', invoke({ verb: 'approve', data: { requestId: 42 } })],
  ['requestId is an array', invoke({ verb: 'approve', data: { requestId: [ID] } })],
  ['requestId is null', invoke({ verb: 'approve', data: { requestId: null } })],
  ['comment over the limit', invoke({ verb: 'reject', data: { requestId: ID, comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) } })],
  ['huge comment', invoke({ verb: 'reject', data: { requestId: ID, comment: 'x'.repeat(1_000_000) } })],
  ['comment is a number', invoke({ verb: 'reject', data: { requestId: ID, comment: 7 } })],
  ['comment is an object', invoke({ verb: 'reject', data: { requestId: ID, comment: { text: 'no' } } })],
  ['comment is an array', invoke({ verb: 'reject', data: { requestId: ID, comment: ['no'] } })],
];

describe('parseCardAction', () => {
  for (const [name, value, expected] of valid) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(parseCardAction(value), expected);
    });
  }
  for (const [name, value] of invalid) {
    it(`refuses ${name}`, () => {
      assert.equal(parseCardAction(value), undefined);
    });
  }
});
