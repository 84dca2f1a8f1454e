/**
 * The official Adaptive Cards renderer, loaded the way Node 20 can load it, plus a jsdom "browser" to
 * render into. jsdom has no innerText (the renderer writes text through it), so it maps to textContent.
 */
import { JSDOM } from 'jsdom';
import type * as AdaptiveCards from 'adaptivecards';

export const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** What the renderer reaches for as globals: the window, the document and the DOM classes. */
function domGlobalNames(window: object): string[] {
  const classes = Object.getOwnPropertyNames(window).filter((name) => /^HTML\w*Element$/.test(name));
  return ['window', 'document', 'Node', 'Element', ...classes];
}

export interface ParsedCard {
  readonly card: AdaptiveCards.AdaptiveCard;
  /** Parse-time problems (unknown element or action types, unsupported versions). */
  readonly parseEvents: string[];
  /** validateProperties() problems (duplicate ids, invalid values, empty collections…). */
  readonly validationEvents: string[];
}

export function parseCard(json: object): ParsedCard {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const parseEvents: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    parseEvents.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const validationEvents = card
    .validateProperties()
    .validationEvents.map((event) => `${AC.ValidationEvent[event.event]}: ${event.message}`);
  return { card, parseEvents, validationEvents };
}

/** Installs a jsdom window as the global browser; returns the function that removes it again. */
export function installDom(): () => void {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const globals = globalThis as Record<string, unknown>;
  for (const name of domGlobalNames(dom.window)) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    globals[name] = name === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[name];
  }
  Object.defineProperty(dom.window.HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: HTMLElement) {
      return this.textContent ?? '';
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
  // Plain text is what we assert on; without a processor the renderer only warns on the console.
  AC.AdaptiveCard.onProcessMarkdown = (_text, result) => {
    result.didProcess = false;
  };
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete globals[name];
    }
    dom.window.close();
  };
}
