/**
 * The audit trail must never hold credentials: details often carry Graph responses or request options.
 * Keys named like a credential are dropped at any depth, and bearer tokens, JWTs and storage keys are replaced
 * inside any string value, wherever they sit (a token pasted into a comment is still a token).
 */
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie/i;
const SECRET_IN_TEXT = /\bbearer\s+[\w~+/.=-]+|eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*|\b(AccountKey|SharedAccessSignature|sig)=[^;&\s]+/gi;
export const REDACTED = '[redacted]';

export function withoutSecrets(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return stripObject(details, new WeakSet());
}

function strip(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return value.replace(SECRET_IN_TEXT, (_match, keyName?: string) => (keyName ? `${keyName}=${REDACTED}` : REDACTED));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  const result = Array.isArray(value)
    ? value.map((item) => strip(item, seen))
    : stripObject(value as Record<string, unknown>, seen);
  seen.delete(value);
  return result;
}

function stripObject(value: Readonly<Record<string, unknown>>, seen: WeakSet<object>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!SECRET_KEY.test(key)) kept[key] = strip(item, seen);
  }
  return kept;
}
