/**
 * Fills an Adaptive Card template (adaptivecards-templating, `${...}` bindings and `$when`) with data.
 * Values are bound, never re-parsed as templates, so a display name such as "${x}" stays literal text.
 */
import type * as Templating from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send as an attachment or in an invoke response. */
export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [property: string]: unknown;
}

export function fillTemplate(template: object, data: object): AdaptiveCardJson {
  const expanded: unknown = new (templating().Template)(template).expand({ $root: data });
  if (!isCard(expanded)) throw new Error('The template did not expand to an Adaptive Card');
  return withoutEmptyTopLevel(expanded);
}

/**
 * Required with the first card, not at start-up: adaptivecards-templating brings adaptive-expressions (ANTLR, lodash,
 * a timex parser), some 400 modules and 5 MB of heap that a process which has not sent a card yet does not need.
 */
function templating(): typeof Templating {
  return require('adaptivecards-templating') as typeof Templating;
}

function isCard(value: unknown): value is AdaptiveCardJson {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Record<string, unknown>;
  return card['type'] === 'AdaptiveCard' && typeof card['version'] === 'string';
}

/**
 * A `$when` that is false on a property object (such as `refresh`) leaves `null` behind, and a card
 * without buttons keeps an empty `actions` array: both are dropped so clients see no trace of them.
 */
function withoutEmptyTopLevel(card: AdaptiveCardJson): AdaptiveCardJson {
  const entries = Object.entries(card).filter(
    ([, value]) => value !== null && !(Array.isArray(value) && value.length === 0),
  );
  return Object.fromEntries(entries) as unknown as AdaptiveCardJson;
}
