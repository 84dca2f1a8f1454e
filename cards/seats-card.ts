/**
 * The seats card: for every catalog licence the tenant has, purchased (prepaidUnits.enabled), assigned
 * (consumedUnits) and free seats, with a warning when few are left. An Adaptive Card 1.5 Table.
 */
import { productName } from '../src/bot/explain';
import { formatNumber } from '../src/bot/admin/admin-format';
import { translator } from '../src/i18n';
import type { SkuStock } from '../src/domain/decision';
import { fillTemplate, type AdaptiveCardJson } from './fill-template';
import seatsTemplate from './templates/seats-card.json';

/** Few seats left: under this share of the purchased ones, or under LOW_SEATS_ABSOLUTE. */
export const LOW_SEATS_SHARE = 0.1;
export const LOW_SEATS_ABSOLUTE = 3;

export type SeatLevel = 'ok' | 'low' | 'none';

export function seatLevel(stock: SkuStock): SeatLevel {
  const free = stock.enabled - stock.consumed;
  if (free <= 0) return 'none';
  return free < LOW_SEATS_ABSOLUTE || free < stock.enabled * LOW_SEATS_SHARE ? 'low' : 'ok';
}

const colors: Record<SeatLevel, string> = { ok: 'Good', low: 'Warning', none: 'Attention' };

export interface SeatsCardView {
  readonly stock: readonly SkuStock[];
  readonly locale: string | null;
}

export function seatsCard(view: SeatsCardView): AdaptiveCardJson {
  const t = translator(view.locale);
  const rows = view.stock.map((stock) => {
    const level = seatLevel(stock);
    const free = stock.enabled - stock.consumed;
    return {
      name: productName(t, stock.partNumber),
      partNumber: stock.partNumber,
      purchased: formatNumber(t, stock.enabled),
      assigned: formatNumber(t, stock.consumed),
      free: formatNumber(t, Math.max(0, free)),
      status: t(`admin:seats.level.${level}`, { count: Math.max(0, free) }),
      color: colors[level],
    };
  });
  const warnings = rows.filter((row) => row.color !== 'Good').length;
  return fillTemplate(seatsTemplate, {
    title: t('admin:seats.title'),
    subtitle: warnings > 0 ? t('admin:seats.subtitleWarnings', { count: warnings }) : t('admin:seats.subtitleOk'),
    rows,
    empty: t('admin:seats.empty'),
    footnote: t('admin:seats.footnote', { share: Math.round(LOW_SEATS_SHARE * 100), absolute: LOW_SEATS_ABSOLUTE }),
    labels: {
      licence: t('admin:seats.column.licence'),
      purchased: t('admin:seats.column.purchased'),
      assigned: t('admin:seats.column.assigned'),
      free: t('admin:seats.column.free'),
      status: t('admin:seats.column.status'),
    },
    show: { table: rows.length > 0, empty: rows.length === 0 },
  });
}
