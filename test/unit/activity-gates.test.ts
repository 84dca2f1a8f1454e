/** The gates in front of every turn: the activity's shape, the home tenant, and redelivered copies. */
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { parseActivity } from '../../src/bot/activity-shape';
import { isFromHomeTenant } from '../../src/bot/home-tenant';
import { SeenActivities } from '../../src/bot/seen-activities';

const HOME = '5c453505-e131-4742-be4b-35c1defa2954';
const message = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'message',
  id: 'a1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:rita', aadObjectId: 'rita' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:rita', tenantId: HOME },
  channelData: { tenant: { id: HOME } },
  text: 'give Alice a calling plan',
  ...extra,
});

describe('activity shape', () => {
  it('takes a Teams message, with odd but harmless fields', () => {
    assert.ok(parseActivity(message({ locale: 'en-US'.repeat(200), entities: [1, null, { type: 'mention' }], value: { anything: true } })));
  });
  const garbage: [string, unknown][] = [
    ['nothing', undefined],
    ['{}', {}],
    ['an array', [message()]],
    ['a text that is an object', message({ text: { a: 1 } })],
    ['no sender', message({ from: undefined })],
    ['a sender id that is a number', message({ from: { id: 7 } })],
    ['no conversation', message({ conversation: undefined })],
    ['a service URL that is not http(s)', message({ serviceUrl: 'file:///etc/passwd' })],
    ['entities that are not a list', message({ entities: { type: 'mention' } })],
    ['a text over 1 MiB', message({ text: 'x'.repeat(1_048_577) })],
  ];
  for (const [title, body] of garbage) {
    it(`refuses ${title}`, () => assert.equal(parseActivity(body), undefined));
  }
});

describe('home tenant', () => {
  const activity = (channelTenant: string | undefined, conversationTenant: string | undefined) =>
    ({ channelData: channelTenant ? { tenant: { id: channelTenant } } : {}, conversation: { id: 'c', ...(conversationTenant ? { tenantId: conversationTenant } : {}) } }) as unknown as Activity;
  const cases: [string, Activity, boolean][] = [
    ['both name the home tenant', activity(HOME, HOME), true],
    ['channelData only, in another case', activity(HOME.toUpperCase(), undefined), true],
    ['the conversation only', activity(undefined, HOME), true],
    ['another tenant', activity('00000000-0000-0000-0000-000000000000', undefined), false],
    ['home in the conversation, another in channelData', activity('other', HOME), false],
    ['home in channelData, another in the conversation', activity(HOME, 'other'), false],
    ['no tenant at all', activity(undefined, undefined), false],
  ];
  for (const [title, given, expected] of cases) {
    it(`${title}: ${expected ? 'served' : 'turned away'}`, () => assert.equal(isFromHomeTenant(given, HOME), expected));
  }
});

describe('redelivered activities', () => {
  it('takes an activity once per conversation, again after 15 minutes', () => {
    let now = 0;
    const seen = new SeenActivities(() => now);
    const a = { id: 'x', conversation: { id: 'c1' } } as Activity;
    assert.equal(seen.firstTime(a), true);
    assert.equal(seen.firstTime(a), false);
    assert.equal(seen.firstTime({ id: 'x', conversation: { id: 'c2' } } as Activity), true, 'same id, another conversation');
    now += 15 * 60_000;
    assert.equal(seen.firstTime(a), true, 'forgotten after 15 minutes');
  });
  it('an activity without an id is always taken', () => {
    const seen = new SeenActivities();
    const a = { conversation: { id: 'c1' } } as Activity;
    assert.equal(seen.firstTime(a), true);
    assert.equal(seen.firstTime(a), true);
  });
});
