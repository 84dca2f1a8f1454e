/** Finding Adaptive Cards and their parts in captured activities. */
import type { CapturedActivity } from './capturing-connector';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export function adaptiveCardOf(entry: CapturedActivity): any | undefined {
  return entry.activity.attachments?.find((attachment) => attachment.contentType === ADAPTIVE_CARD)?.content;
}

/** The choices a prompt offers: suggested actions (personal chat) or hero-card buttons. */
export function choiceButtons(entry: CapturedActivity): string[] {
  const suggested = (entry.activity.suggestedActions as { actions?: { value?: string; title?: string }[] } | undefined)?.actions ?? [];
  const hero = entry.activity.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.hero');
  const buttons: { value?: string; title?: string }[] = [...suggested, ...(hero?.content?.buttons ?? [])];
  return buttons.map((button) => String(button.value ?? button.title));
}

/** Kept while other suites move to choiceButtons. */
export const heroCardButtons = choiceButtons;

/** Every Action.Execute in a card, wherever it sits. */
export function executeActions(card: any): { verb: string; data: any; title: string }[] {
  const found: { verb: string; data: any; title: string }[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Execute' && node !== card.refresh?.action) found.push({ verb: node.verb, data: node.data, title: node.title });
    for (const [key, value] of Object.entries(node)) if (key !== 'refresh') walk(value);
  };
  walk(card);
  return found;
}
