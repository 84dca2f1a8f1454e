/**
 * How a time-bound assignment reads: its end date (a day, in UTC like the audit) and its length in days.
 * Shared by the summary, the approval card and the licence-end messages so they all say the same date.
 */
import { resolveLocale, type Translate } from '../../i18n';

const DAY_MS = 86_400_000;

/** "15 Mar 2026", "2026年3月15日" … in the reader's language. */
export function formatEndDate(t: Translate, at: string | Date): string {
  return new Intl.DateTimeFormat(resolveLocale(t('replies:localeTag')), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(at));
}

/** Whole days, rounded (a month from the recognizer is 30 days). */
export function durationDays(seconds: number): number {
  return Math.max(1, Math.round((seconds * 1000) / DAY_MS));
}

/** When a time-bound assignment made at `from` ends. */
export function endOf(from: string | Date, durationSeconds: number): Date {
  return new Date(new Date(from).getTime() + durationSeconds * 1000);
}
