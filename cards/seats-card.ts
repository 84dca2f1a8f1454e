/**
 * The seats card: for every catalog licence the tenant has, free seats and seats in use out of those
 * purchased (prepaidUnits.enabled, consumedUnits), with a warning when few are left. An Adaptive Card 1.5
 * Table of three columns, so that it reads at the narrow width of a Teams personal chat: Licence | Free |
 * In use / Purchased, numbers in the reader's format. Prepaid funds sold as huge unit counts (Communications
 * Credits: 10,000,000 "seats") are not limited by seats and say so instead of counting.
 */
import { productName } from '../src/bot/explain';
import { formatNumber } from '../src/bot/admin/admin-format';
import { translator } from '../src/i18n';
import type { SkuStock } from '../src/domain/decision';
import { fillTemplate, type AdaptiveCardJson } from './fill-template';
import seatsTemplate from './templates/seats-card.json';

/** Few seats left: fewer than this share of the purchased ones are free, AND no more than LOW_SEATS_ABSOLUTE. */
export const LOW_SEATS_SHARE = 0.1;
export const LOW_SEATS_ABSOLUTE = 3;
/** A SKU with at least this many units is prepaid funds (Communications Credits), not seats people use up. */
export const UNLIMITED_UNITS = 1_000_000;

export type SeatLevel = 'ok' | 'low' | 'none' | 'unlimited';

export function isNotLimitedBySeats(enabled: number): boolean {
  return enabled >= UNLIMITED_UNITS;
}

/**
 * none: no free seat. low: some seats are in use, and the free ones are both under LOW_SEATS_SHARE of those
 * purchased and at most LOW_SEATS_ABSOLUTE (a 1-seat licence nobody uses is not running low).
 */
export function seatLevel(stock: SkuStock): SeatLevel {
  if (isNotLimitedBySeats(stock.enabled)) return 'unlimited';
  const free = stock.enabled - stock.consumed;
  if (free <= 0) return 'none';
  const low = stock.consumed > 0 && free < stock.enabled * LOW_SEATS_SHARE && free <= LOW_SEATS_ABSOLUTE;
  return low ? 'low' : 'ok';
}

const colors: Record<SeatLevel, string> = { ok: 'Good', low: 'Warning', none: 'Attention', unlimited: 'Default' };

export interface SeatsCardView {
  readonly stock: readonly SkuStock[];
  readonly locale: string | null;
}

export function seatsCard(view: SeatsCardView): AdaptiveCardJson {
  const t = translator(view.locale);
  const number = (value: number) => formatNumber(t, value);
  const rows = view.stock.map((stock) => {
    const level = seatLevel(stock);
    const free = Math.max(0, stock.enabled - stock.consumed);
    return {
      name: productName(t, stock.partNumber),
      partNumber: stock.partNumber,
      free: level === 'unlimited' ? '—' : number(free),
      used: level === 'unlimited' ? number(stock.consumed) : t('admin:seats.usedOf', { used: number(stock.consumed), total: number(stock.enabled) }),
      status: t(`admin:seats.level.${level}`, { count: free }),
      color: colors[level],
    };
  });
  const warnings = view.stock.filter((stock) => seatLevel(stock) === 'low' || seatLevel(stock) === 'none').length;
  return fillTemplate(seatsTemplate, {
    title: t('admin:seats.title'),
    subtitle: warnings > 0 ? t('admin:seats.subtitleWarnings', { count: warnings }) : t('admin:seats.subtitleOk'),
    rows,
    empty: t('admin:seats.empty'),
    footnote: t('admin:seats.footnote', { share: Math.round(LOW_SEATS_SHARE * 100), absolute: LOW_SEATS_ABSOLUTE, unlimited: number(UNLIMITED_UNITS) }),
    labels: {
      licence: t('admin:seats.column.licence'),
      free: t('admin:seats.column.free'),
      used: t('admin:seats.column.used'),
    },
    show: { table: rows.length > 0, empty: rows.length === 0 },
  });
}
