/**
 * Bodies of the invoke response to an `adaptiveCard/action` invoke (Universal Actions). botbuilder's
 * `onAdaptiveCardInvoke` returns one of these and sends it as the HTTP body with its statusCode.
 */
import type { AdaptiveCardJson } from './fill-template';

export const CARD_RESPONSE_TYPE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';
export const ERROR_RESPONSE_TYPE = 'application/vnd.microsoft.error';

/** The client replaces the card it shows with this one. */
export interface CardInvokeResponse {
  readonly statusCode: 200;
  readonly type: typeof CARD_RESPONSE_TYPE;
  readonly value: AdaptiveCardJson;
}

/** The client shows the text briefly and keeps the card as it is. */
export interface MessageInvokeResponse {
  readonly statusCode: 200;
  readonly type: typeof MESSAGE_RESPONSE_TYPE;
  readonly value: string;
}

/** The client shows an error; 400 for a malformed or refused action, 500 for a fault on our side. */
export interface ErrorInvokeResponse {
  readonly statusCode: 400 | 500;
  readonly type: typeof ERROR_RESPONSE_TYPE;
  readonly value: { readonly code: string; readonly message: string };
}

export type UniversalActionResponse = CardInvokeResponse | MessageInvokeResponse | ErrorInvokeResponse;

export function cardResponse(card: AdaptiveCardJson): CardInvokeResponse {
  return { statusCode: 200, type: CARD_RESPONSE_TYPE, value: card };
}

export function messageResponse(text: string): MessageInvokeResponse {
  return { statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: text };
}

export function errorResponse(code: string, message: string, statusCode: 400 | 500 = 400): ErrorInvokeResponse {
  return { statusCode, type: ERROR_RESPONSE_TYPE, value: { code, message } };
}
