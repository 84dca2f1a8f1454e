/** The licences named in a command ("E3, Phone System, calling plan", part numbers, any language). */
import { parseUtterance } from '../../domain/parse';

export type LicenceWords = { readonly kind: 'ok'; readonly partNumbers: string[] } | { readonly kind: 'unknown'; readonly text: string } | { readonly kind: 'none' };

export function readLicences(text: string): LicenceWords {
  const parsed = parseUtterance(text);
  const leftover = [parsed.unmatchedText, parsed.person?.kind === 'name' ? parsed.person.value : '']
    .join(' ')
    .replace(/[,;、，]|\b(and|et)\b/gi, ' ')
    .trim();
  if (leftover !== '') return { kind: 'unknown', text: leftover };
  if (parsed.products.length === 0) return { kind: 'none' };
  return { kind: 'ok', partNumbers: parsed.products };
}
