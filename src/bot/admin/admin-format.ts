/**
 * Numbers, durations, ages and reasons as the reader says them: the bulk engine's own reason codes live
 * in the "admin" namespace (admin:reasons.*), the rest are the shared explanations (explain.ts).
 */
import { explainReason, productList } from '../explain';
import { hasKey, resolveLocale, type Translate } from '../../i18n';

export function localeTag(t: Translate): string {
  return resolveLocale(t('replies:localeTag'));
}

export function formatNumber(t: Translate, value: number): string {
  return new Intl.NumberFormat(localeTag(t)).format(value);
}

/** "2 h 5 min", "4 min 10 s", "12 s" in the reader's language. */
export function formatDuration(t: Translate, ms: number): string {
  const locale = localeTag(t);
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const seconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
  if (minutes > 0) return `${unit(minutes, 'minute')} ${unit(seconds % 60, 'second')}`;
  return unit(seconds, 'second');
}

/** "3 hours ago", "yesterday" … */
export function formatAge(t: Translate, since: string, now: Date): string {
  const seconds = Math.round((Date.parse(since) - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(localeTag(t), { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of steps) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, 'second');
}

export function formatDate(t: Translate, at: string): string {
  return new Intl.DateTimeFormat(localeTag(t), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(at)) + ' UTC';
}

/** A reason for one user of a bulk job, in plain language. */
export function explainBulkReason(t: Translate, code: string, params: Readonly<Record<string, string | number>> = {}): string {
  const key = `admin:reasons.${code}`;
  return hasKey(key) ? t(key, namedProducts(t, params)) : explainReason(t, code, params);
}

/** The bulk engine's own reasons carry part numbers ("MCOEV, MCOPSTN1" in partNumber): people read product names. */
function namedProducts(t: Translate, params: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const { partNumber } = params;
  if (typeof partNumber !== 'string') return { ...params };
  const partNumbers = partNumber.split(',').map((part) => part.trim()).filter(Boolean);
  return { ...params, partNumber: productList(t, partNumbers) };
}
