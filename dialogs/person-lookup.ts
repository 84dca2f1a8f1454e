/** What a requester typed when asked "who?": an e-mail address or a name. */
import type { PersonLookup } from '../src/services/people-finder';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function lookupFromText(text: string): PersonLookup {
  const cleaned = text.replace(/<\/?at>/gi, '').trim().slice(0, 200);
  return EMAIL.test(cleaned) ? { kind: 'email', value: cleaned } : { kind: 'name', value: cleaned };
}
