/**
 * The licence request story as the benchmarks play it over HTTP: a requester asks for a calling plan for someone
 * and confirms; the approval card reaches the approver (the target's manager). Each step checks that the bot did
 * its work, so that a benchmark never measures an error reply.
 */
import { adaptiveCardOf, choiceButtons, executeActions } from '../support/cards';
import type { CapturedActivity, CapturingConnector } from '../support/capturing-connector';
import { TeamsTraffic, type Person } from './teams-traffic';

export const CONFIRM_CHOICE = 'Send for approval';

export interface SubmittedRequest {
  readonly requestId: string;
  /** The approval card as posted to the approver. */
  readonly card: CapturedActivity;
}

function repliesSince(connector: CapturingConnector, person: Person, from: number): CapturedActivity[] {
  const conversation = TeamsTraffic.conversationOf(person);
  return connector.activities.slice(from).filter((entry) => entry.conversationId === conversation);
}

/** "give <target> a calling plan": the summary and the confirm prompt. */
export async function askForCallingPlan(traffic: TeamsTraffic, connector: CapturingConnector, requester: Person, targetName: string): Promise<void> {
  const from = connector.activities.length;
  const turn = await traffic.say(requester, `give ${targetName} a calling plan`);
  const prompt = repliesSince(connector, requester, from).find((entry) => choiceButtons(entry).includes(CONFIRM_CHOICE));
  if (turn.status !== 200 || !prompt) {
    throw new Error(`${requester.name} got no confirm prompt for ${targetName}: ${repliesSince(connector, requester, from).map((entry) => entry.activity.text).join(' | ')}`);
  }
}

/** The requester confirms; returns the request id from the approval card posted during that turn. */
export async function confirm(traffic: TeamsTraffic, connector: CapturingConnector, requester: Person): Promise<SubmittedRequest> {
  const from = connector.activities.length;
  const turn = await traffic.say(requester, CONFIRM_CHOICE);
  const card = connector.activities.slice(from).find((entry) => executeActions(adaptiveCardOf(entry) ?? {}).some((action) => action.verb === 'approve'));
  const approve = card && executeActions(adaptiveCardOf(card)).find((action) => action.verb === 'approve');
  if (turn.status !== 200 || !card || !approve) {
    throw new Error(`${requester.name}'s confirmation posted no approval card: ${repliesSince(connector, requester, from).map((entry) => entry.activity.text).join(' | ')}`);
  }
  return { requestId: String(approve.data.requestId), card };
}

/**
 * Waits for the approval card of the request to be updated in place (a PUT to the connector) after the capture
 * index `after`. An approval is answered with the "assigning" card in the invoke response itself; the first PUT
 * that follows is the final card, sent once the Graph write has settled.
 */
export function finalCardOf(connector: CapturingConnector, submitted: SubmittedRequest, after: number, timeoutMs: number): Promise<CapturedActivity> {
  return connector.waitFor(
    (entry) =>
      entry.method === 'PUT' &&
      entry.activityId === submitted.card.activityId &&
      entry.conversationId === submitted.card.conversationId &&
      connector.activities.indexOf(entry) >= after,
    `the final card of request ${submitted.requestId}`,
    timeoutMs,
  );
}
