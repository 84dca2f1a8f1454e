/** Seat counts of the SKUs a change adds, as stored with a request and shown on its card. */
import type { TenantFacts } from '../decision';
import type { SeatCount } from '../request';
import { stockOf } from './holdings';

export function seatCounts(tenant: TenantFacts, partNumbers: readonly string[]): SeatCount[] {
  return partNumbers.flatMap((partNumber) => {
    const stock = stockOf(tenant, partNumber);
    return stock ? [{ partNumber: stock.partNumber, enabled: stock.enabled, consumed: stock.consumed }] : [];
  });
}
