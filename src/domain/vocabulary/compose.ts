/** Helpers that build phrase lists for the vocabulary files (data construction, no matching). */

/**
 * A qualifier alone ("120 min") and with each base phrase before or after it
 * ("calling plan 120 minutes", "120 minutes calling plan", "calling plan with 120 minutes").
 * Punctuation is ignored by the matcher, so "calling plan (120 min)" is covered too.
 */
export function withQualifier(
  bases: readonly string[],
  qualifiers: readonly string[],
  connectors: readonly string[] = [],
): string[] {
  const phrases = [...qualifiers];
  for (const base of bases) {
    for (const qualifier of qualifiers) {
      phrases.push(`${base} ${qualifier}`, `${qualifier} ${base}`);
      for (const connector of connectors) phrases.push(`${base} ${connector} ${qualifier}`);
    }
  }
  return phrases;
}
