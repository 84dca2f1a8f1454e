import assert from 'node:assert/strict';
import { approvalCard, type AdaptiveCardJson } from '../../cards/approval-card';
import { explainReason, productName } from '../../src/bot/explain';
import { translator } from '../../src/i18n';
import { AC, installDom, parseCard } from './adaptive-cards-host';
import { APPROVER_MRI, CARD_CASES, REQUEST_ID, REQUESTER, TARGET, TARGET_UPN, requestIn } from './request-fixtures';

const LOCALES = ['en', 'fr', 'ja', 'zh-CN', 'zh-TW'] as const;

/** Every template this module fills, so a new template joins the same checks. */
const TEMPLATES = [{ name: 'approval card', fill: approvalCard }] as const;

interface JsonObject {
  readonly [key: string]: unknown;
}

function objectsIn(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  return [value as JsonObject, ...Object.values(value).flatMap(objectsIn)];
}

function versionAtMost(version: string, major: number, minor: number): boolean {
  const [maj = NaN, min = NaN] = version.split('.').map(Number);
  return maj < major || (maj === major && min <= minor);
}

function renderText(json: AdaptiveCardJson): { text: string; buttons: string[]; inputs: number } {
  const { card } = parseCard(json);
  const element = card.render();
  assert.ok(element, 'the card renders to an element');
  return {
    text: element.textContent ?? '',
    buttons: Array.from(element.querySelectorAll('button')).map((button) => button.textContent ?? ''),
    inputs: element.querySelectorAll('input, textarea').length,
  };
}

describe('approval card', () => {
  let removeDom: () => void = () => undefined;
  before(() => {
    removeDom = installDom();
  });
  after(() => removeDom());

  for (const template of TEMPLATES) {
    for (const cardCase of CARD_CASES) {
      for (const locale of LOCALES) {
        describe(`${template.name}: ${cardCase.name} (${locale})`, () => {
          const json = template.fill({ ...cardCase.view, locale });
          const objects = objectsIn(json);

          it('binds every ${…} expression', () => {
            assert.doesNotMatch(JSON.stringify(json), /\$\{/);
          });

          it('parses and validates with the official Adaptive Cards library', () => {
            const { parseEvents, validationEvents } = parseCard(json);
            assert.deepEqual(parseEvents, []);
            assert.deepEqual(validationEvents, []);
          });

          it('uses known element and action types only, unique ids, version ≤ 1.5', () => {
            assert.ok(versionAtMost(json.version, 1, 5), `version ${json.version}`);
            for (const object of objects) {
              const type = object['type'];
              // Columns and text runs are parsed by their parents and are not registered on their own.
              if (typeof type !== 'string' || ['AdaptiveCard', 'Column', 'TextRun'].includes(type)) continue;
              const registration =
                AC.GlobalRegistry.elements.findByName(type) ?? AC.GlobalRegistry.actions.findByName(type);
              assert.ok(registration, `unknown type ${type}`);
              assert.ok(registration.schemaVersion.compareTo(AC.Versions.v1_5) <= 0, `${type} is newer than 1.5`);
            }
            const ids = objects.map((object) => object['id']).filter((id) => typeof id === 'string');
            assert.equal(new Set(ids).size, ids.length, `duplicate ids in ${ids.join(', ')}`);
          });

          it('refreshes only while the request is open, for the approvers', () => {
            const refresh = json['refresh'] as { action?: JsonObject; userIds?: unknown } | undefined;
            if (!cardCase.refresh) {
              assert.equal(refresh, undefined);
              return;
            }
            assert.deepEqual(refresh?.action, { type: 'Action.Execute', verb: 'refresh', data: { requestId: REQUEST_ID } });
            assert.deepEqual(refresh?.userIds, [APPROVER_MRI, 'approver-id']);
          });

          it('offers the comment box and Approve/Reject only on the approver view of a pending request', () => {
            const executes = objects.filter((object) => object['type'] === 'Action.Execute' && object['verb'] !== 'refresh');
            const inputs = objects.filter((object) => object['type'] === 'Input.Text');
            if (!cardCase.buttons) {
              assert.deepEqual(executes, []);
              assert.deepEqual(inputs, []);
              return;
            }
            assert.deepEqual(
              executes.map((action) => [action['verb'], action['style'], action['data']]),
              [
                ['approve', 'positive', { requestId: REQUEST_ID }],
                ['reject', 'destructive', { requestId: REQUEST_ID }],
              ],
            );
            assert.deepEqual(
              inputs.map((input) => [input['id'], input['isRequired'], input['maxLength']]),
              [['comment', undefined, 500]],
            );
          });

          it('renders to HTML with the requester, the user and buttons only when offered', () => {
            const rendered = renderText(json);
            assert.ok(rendered.text.includes(REQUESTER), 'requester shown');
            assert.ok(rendered.text.includes(TARGET) && rendered.text.includes(TARGET_UPN), 'user shown');
            assert.ok(rendered.text.includes(REQUEST_ID.slice(0, 8)) && !rendered.text.includes(REQUEST_ID), 'the short request id shown, as in the chat');
            assert.equal(rendered.buttons.length, cardCase.buttons ? 2 : 0);
            assert.equal(rendered.inputs, cardCase.buttons ? 1 : 0);
          });

          it('shows products, rule notes and the failure reason in the reader’s language', () => {
            const t = translator(locale);
            const { text } = renderText(json);
            const { request } = cardCase.view;
            for (const partNumber of [...request.add, ...request.remove]) {
              assert.ok(text.includes(productName(t, partNumber)), `product ${partNumber}`);
            }
            for (const note of request.notes) {
              const explanation = explainReason(t, note.code, note.params);
              const stillUseful = !['failed', 'rejected', 'cancelled', 'expired'].includes(request.state);
              const shown = note.kind === 'change' || (note.kind === 'advice' && stillUseful);
              assert.equal(text.includes(explanation), shown, `${note.kind} note ${note.code}`);
            }
            const reasonCode = request.outcome?.reasonCode;
            if (request.state === 'failed' && reasonCode) {
              assert.ok(text.includes(explainReason(t, reasonCode, request.outcome?.params)), 'failure reason');
            }
          });

          if (locale === 'en') {
            it('says what happened in English', () => {
              const { text, buttons } = renderText(json);
              const heading = objects.find((object) => object['style'] === 'heading');
              assert.equal(heading?.['text'], cardCase.title);
              for (const expected of cardCase.texts) assert.ok(text.includes(expected), `shows "${expected}"`);
              if (cardCase.buttons) assert.deepEqual(buttons, ['Approve', 'Reject']);
            });
          }
        });
      }
    }
  }

  describe('content details', () => {
    const base = { locale: 'en', seats: [], refreshUserIds: [], withActions: true } as const;

    it('keeps text that looks like a template binding literal', () => {
      const request = requestIn('pending', { requester: { id: 'x', displayName: '${title} {{name}}' } });
      const json = approvalCard({ ...base, request });
      assert.ok(JSON.stringify(json).includes('${title} {{name}}'));
    });

    it('counts free seats and never shows a negative number', () => {
      const json = approvalCard({
        ...base,
        request: requestIn('pending'),
        seats: [{ partNumber: 'MCOEV', enabled: 3, consumed: 5 }],
      });
      const texts = objectsIn(json).map((object) => object['text']);
      assert.ok(texts.includes('free 0 of 3'));
    });

    it('formats seat numbers in the reader\'s way', () => {
      const seats = [{ partNumber: 'MCOEV', enabled: 12_500, consumed: 1_000 }];
      const textsIn = (locale: string) => objectsIn(approvalCard({ ...base, locale, request: requestIn('pending'), seats })).map((object) => String(object['text'] ?? ''));
      assert.ok(textsIn('en').includes('free 11,500 of 12,500'), textsIn('en').join(' | '));
      assert.ok(textsIn('fr').some((text) => /11\s500 sur 12\s500/.test(text)), textsIn('fr').join(' | '));
    });

    it('says Communications Credits are not limited by seats instead of counting millions of units', () => {
      const seats = [{ partNumber: 'MCOPSTNC', enabled: 10_000_000, consumed: 1 }];
      for (const locale of ['en', 'fr', 'ja', 'zh-CN', 'zh-TW']) {
        const text = JSON.stringify(approvalCard({ ...base, locale, request: requestIn('pending', { add: ['MCOPSTNC'] }), seats }));
        assert.doesNotMatch(text, /9[\s,.\u202f]?999[\s,.\u202f]?999|10[\s,.\u202f]?000[\s,.\u202f]?000/, locale);
        assert.ok(text.includes(translator(locale)('cards:approval.seatsUnlimited')), locale);
      }
      assert.ok(objectsIn(approvalCard({ ...base, request: requestIn('pending', { add: ['MCOPSTNC'] }), seats })).some((object) => object['text'] === 'not limited by seats'));
    });

    it('says "to add" while pending and "assigned"/"removed" once completed', () => {
      const labels = (request: Parameters<typeof approvalCard>[0]['request'], locale = 'en') =>
        objectsIn(approvalCard({ ...base, locale, withActions: false, request })).map((object) => String(object['text'] ?? ''));
      const pending = labels(requestIn('pending'));
      assert.ok(pending.includes('Licences to add') && pending.includes('Licences to remove'));
      const done = labels(requestIn('completed', { decision: { id: 'approver-id', displayName: 'Mona', at: '2025-01-10T10:00:00.000Z' } }));
      assert.ok(done.includes('Assigned'));
      assert.ok(done.includes('Licences assigned') && done.includes('Licences removed'), done.join(' | '));
      assert.ok(!done.includes('Licences to add') && !done.includes('Licences to remove'));
      const removal = labels(requestIn('completed', { action: 'remove', add: [], remove: ['MCOPSTN1'] }));
      assert.ok(removal.includes('Removed') && removal.includes('Licences removed') && !removal.includes('Licences to remove'));
      for (const locale of ['fr', 'ja', 'zh-CN', 'zh-TW']) {
        const t = translator(locale);
        const texts = labels(requestIn('completed'), locale);
        assert.ok(texts.includes(t('cards:approval.addDone')) && !texts.includes(t('cards:approval.add')), locale);
        assert.notEqual(t('cards:approval.addDone'), t('cards:approval.add'), locale);
      }
    });

    it('shows the 8-character id the chat shows; the full id is only in the action data', () => {
      const json = approvalCard({ ...base, request: requestIn('pending') });
      const texts = objectsIn(json).map((object) => String(object['text'] ?? ''));
      assert.ok(texts.includes(`Request ID: ${REQUEST_ID.slice(0, 8)}`), texts.join(' | '));
      assert.ok(!texts.some((text) => text.includes(REQUEST_ID)));
      const data = objectsIn(json['actions']).map((object) => object['data']).filter(Boolean) as { requestId: string }[];
      assert.ok(data.length >= 2);
      for (const entry of data) assert.equal(entry.requestId, REQUEST_ID);
    });

    it('drops repeated refresh user ids and keeps at most 60', () => {
      const ids = Array.from({ length: 70 }, (_, index) => `29:user-${index}`);
      const json = approvalCard({ ...base, request: requestIn('pending'), refreshUserIds: [...ids, ids[0] ?? ''] });
      const refresh = json['refresh'] as { userIds: string[] };
      assert.deepEqual(refresh.userIds, ids.slice(0, 60));
    });

    it('hides the lists a request does not need', () => {
      const json = approvalCard({ ...base, request: requestIn('pending', { remove: [], notes: [] }) });
      const texts = objectsIn(json).map((object) => object['text']);
      for (const label of ['Licences to remove', 'Changes made to the request', 'Good to know', 'Seats']) {
        assert.ok(!texts.includes(label), `${label} hidden`);
      }
      assert.ok(texts.includes('Licences to add'));
    });

    it('names a plan turned on or off inside a suite with the suite, in the lists people check', () => {
      const on = requestIn('pending', { add: [], planChanges: [{ partNumber: 'SPE_E5', enable: ['MCOEV'], disable: [] }] });
      const off = requestIn('pending', { action: 'remove', add: [], remove: [], planChanges: [{ partNumber: 'SPE_E5', enable: [], disable: ['MCOEV'] }] });
      const textsOf = (request: Parameters<typeof approvalCard>[0]['request'], locale = 'en') =>
        objectsIn(approvalCard({ ...base, locale, request })).map((object) => String(object['text'] ?? ''));
      assert.ok(textsOf(on).some((text) => text.includes('Phone System') && text.includes('turned on in Microsoft 365 E5')), textsOf(on).join(' | '));
      assert.ok(textsOf(off).some((text) => text.includes('turned off in Microsoft 365 E5, which stays')), textsOf(off).join(' | '));
      assert.ok(textsOf(on, 'fr').some((text) => text.includes('activé dans Microsoft 365 E5')));
      assert.ok(textsOf(on, 'ja').some((text) => text.includes('Microsoft 365 E5の中でオン')));
    });

    it('shows an end date only for a time-bound assignment', () => {
      const titles = (request: Parameters<typeof approvalCard>[0]['request']) =>
        objectsIn(approvalCard({ ...base, request })).map((object) => object['title']);
      assert.ok(!titles(requestIn('pending')).includes('Ends'), 'not time-bound: no end');
      assert.ok(titles(requestIn('pending', { durationSeconds: 86_400 })).includes('Ends'));
      assert.ok(!titles(requestIn('rejected', { durationSeconds: 86_400 })).includes('Ends'), 'nothing ends once rejected');
    });
  });
});
