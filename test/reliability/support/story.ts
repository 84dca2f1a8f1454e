/** The request part of the story, through the chat: ask, confirm, and find the approval card that was posted. */
import assert from 'node:assert/strict';
import type { CapturedActivity, CapturingConnector } from '../../support/capturing-connector';
import { adaptiveCardOf, executeActions, heroCardButtons } from '../../support/cards';
import type { TeamsClient } from './teams-client';

export const CONFIRM = 'Send for approval';

/** Asks for a licence and confirms it; returns the id of the stored request (from the approval card). */
export async function requestThroughChat(connector: CapturingConnector, requester: TeamsClient, text: string, to: string): Promise<string> {
  const start = connector.activities.length;
  assert.equal(await requester.say(text, { to }), 200, `the bot took "${text}"`);
  const prompt = connector.activities
    .slice(start)
    .find((entry) => entry.conversationId === requester.personalConversationId && heroCardButtons(entry).includes(CONFIRM));
  assert.ok(prompt, `a confirmation prompt for "${text}":\n${describe(connector.activities.slice(start))}`);
  const beforeConfirm = connector.activities.length;
  assert.equal(await requester.say(CONFIRM, { to }), 200);
  const cards = connector.activities.slice(beforeConfirm).map(requestIdOnCard).filter((id): id is string => id !== undefined);
  assert.ok(cards.length > 0, `an approval card was posted:\n${describe(connector.activities.slice(beforeConfirm))}`);
  return cards[0] as string;
}

/** The request id an approval card (POSTed or updated) is about. */
export function requestIdOnCard(entry: CapturedActivity): string | undefined {
  const card = adaptiveCardOf(entry);
  if (!card) return undefined;
  const fromAction = executeActions(card).find((action) => action.data?.requestId)?.data.requestId;
  return typeof fromAction === 'string' ? fromAction : (card.refresh?.action?.data?.requestId as string | undefined);
}

export function describe(entries: readonly CapturedActivity[]): string {
  return entries.map((e) => `${e.method} ${e.conversationId}: ${String(e.activity.text ?? e.activity.attachments?.[0]?.contentType ?? e.activity.type)}`).join('\n');
}
