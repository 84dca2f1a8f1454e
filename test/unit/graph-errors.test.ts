/** Graph failures as the SDK raises them → reason codes (status first, then Graph's message). */
import assert from 'node:assert/strict';
import { classifyGraphError } from '../../src/graph/graph-errors';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe('classifyGraphError', () => {
  const table: { title: string; error: unknown; reason: string; unknownOutcome?: boolean }[] = [
    { title: 'network failure (no status)', error: new TypeError('fetch failed'), reason: 'GRAPH_UNAVAILABLE', unknownOutcome: true },
    { title: '429', error: { statusCode: 429, code: 'TooManyRequests', message: 'slow down' }, reason: 'GRAPH_THROTTLED' },
    { title: '401', error: { statusCode: 401, code: 'InvalidAuthenticationToken', message: 'expired' }, reason: 'GRAPH_FORBIDDEN' },
    { title: '403', error: { statusCode: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' }, reason: 'GRAPH_FORBIDDEN' },
    { title: '404', error: { statusCode: 404, code: 'Request_ResourceNotFound', message: "Resource 'x' does not exist" }, reason: 'GRAPH_USER_NOT_FOUND' },
    { title: '500', error: { statusCode: 500, code: 'Service_InternalServerError', message: 'oops' }, reason: 'GRAPH_UNAVAILABLE', unknownOutcome: true },
    { title: '503', error: { statusCode: 503, code: 'serviceNotAvailable', message: 'later' }, reason: 'GRAPH_UNAVAILABLE', unknownOutcome: true },
    { title: 'usage location', error: { statusCode: 400, code: 'Request_BadRequest', message: 'License assignment cannot be done for user with invalid usage location.' }, reason: 'GRAPH_USAGE_LOCATION' },
    { title: 'mutually exclusive', error: { statusCode: 400, code: 'Request_BadRequest', message: 'License assignment failed because service plans a, b are mutually exclusive.' }, reason: 'GRAPH_MUTUALLY_EXCLUSIVE' },
    { title: 'dependency', error: { statusCode: 400, code: 'Request_BadRequest', message: 'License assignment failed because service plan a depends on the service plan(s) b' }, reason: 'GRAPH_DEPENDENCY' },
    { title: 'no licences', error: { statusCode: 400, code: 'Request_BadRequest', message: 'Subscription with SKU x does not have any available licenses.' }, reason: 'GRAPH_NO_LICENSES' },
    { title: 'group inherited', error: { statusCode: 400, code: 'Request_BadRequest', message: 'User license is inherited from a group membership and it cannot be removed directly from the user.' }, reason: 'GRAPH_GROUP_INHERITED' },
    { title: 'unknown sku', error: { statusCode: 400, code: 'Request_BadRequest', message: 'License x does not correspond to a valid company License.' }, reason: 'GRAPH_UNKNOWN_SKU' },
    { title: 'an unrecognised 400', error: { statusCode: 400, code: 'Request_BadRequest', message: 'Something else entirely.' }, reason: 'GRAPH_UNKNOWN' },
    { title: 'not an error at all', error: undefined, reason: 'GRAPH_UNAVAILABLE', unknownOutcome: true },
  ];
  for (const row of table) {
    it(`${row.title} → ${row.reason}`, () => {
      const classified = classifyGraphError(row.error);
      assert.equal(classified.reason, row.reason);
      assert.equal(classified.outcomeUnknown, row.unknownOutcome ?? false);
    });
  }

  it('keeps Graph status, code and message for the audit, and Retry-After seconds', () => {
    const classified = classifyGraphError({ statusCode: 429, code: 'Throttled', message: 'wait', headers: headers({ 'retry-after': '12' }) });
    assert.equal(classified.status, 429);
    assert.equal(classified.graphCode, 'Throttled');
    assert.equal(classified.graphMessage, 'wait');
    assert.equal(classified.retryAfterSeconds, 12);
  });

  it('a Retry-After that is not a number is ignored', () => {
    assert.equal(classifyGraphError({ statusCode: 429, headers: headers({ 'retry-after': 'soon' }) }).retryAfterSeconds, undefined);
  });
});
