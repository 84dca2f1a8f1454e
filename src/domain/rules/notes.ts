/** Builders for rule notes, so every rule states its kind the same way. */
import type { NoteKind, ReasonCode, RuleNote } from '../decision';

type Params = RuleNote['params'];

function note(code: ReasonCode, kind: NoteKind, params: Params): RuleNote {
  return { code, kind, params };
}

export const refusal = (code: ReasonCode, params: Params = {}): RuleNote => note(code, 'refusal', params);
export const noop = (code: ReasonCode, params: Params = {}): RuleNote => note(code, 'noop', params);
export const change = (code: ReasonCode, params: Params = {}): RuleNote => note(code, 'change', params);
export const advice = (code: ReasonCode, params: Params = {}): RuleNote => note(code, 'advice', params);
