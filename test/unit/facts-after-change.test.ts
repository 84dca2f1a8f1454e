/** The facts after a licence change, worked out from the facts before it (src/domain/facts-after-change.ts). */
import assert from 'node:assert/strict';
import type { HeldLicense } from '../../src/domain/decision';
import { factsAfterChange, type FactsAfterChange } from '../../src/domain/facts-after-change';

const direct = (partNumber: string): HeldLicense => ({ partNumber, assignedDirectly: true, inheritedFrom: [] });
const fromGroup = (partNumber: string, alsoDirect = false): HeldLicense => ({ partNumber, assignedDirectly: alsoDirect, inheritedFrom: [{ groupId: 'g1', groupName: 'Phones' }] });

function before(licenses: HeldLicense[]): FactsAfterChange {
  return {
    user: { userId: 'u1', displayName: 'Alice Anders', usageLocation: 'US', licenses, isHybridPstn: false },
    tenant: {
      skus: [
        { partNumber: 'ENTERPRISEPACK', enabled: 25, consumed: 20 },
        { partNumber: 'MCOEV', enabled: 10, consumed: 4 },
        { partNumber: 'MCOPSTN1', enabled: 10, consumed: 9 },
      ],
    },
  };
}

const table: readonly {
  readonly title: string;
  readonly licenses: HeldLicense[];
  readonly change: { add: string[]; remove: string[] };
  readonly held: string[];
  readonly consumed: Record<string, number>;
}[] = [
  {
    title: 'adding two licences takes a seat of each',
    licenses: [direct('ENTERPRISEPACK')],
    change: { add: ['MCOEV', 'MCOPSTN1'], remove: [] },
    held: ['ENTERPRISEPACK:direct', 'MCOEV:direct', 'MCOPSTN1:direct'],
    consumed: { ENTERPRISEPACK: 20, MCOEV: 5, MCOPSTN1: 10 },
  },
  {
    title: 'removing a direct licence gives its seat back',
    licenses: [direct('ENTERPRISEPACK'), direct('MCOPSTN1')],
    change: { add: [], remove: ['MCOPSTN1'] },
    held: ['ENTERPRISEPACK:direct'],
    consumed: { ENTERPRISEPACK: 20, MCOEV: 4, MCOPSTN1: 8 },
  },
  {
    title: 'removing the direct assignment of a licence a group also gives keeps it, and its seat',
    licenses: [fromGroup('MCOEV', true)],
    change: { add: [], remove: ['MCOEV'] },
    held: ['MCOEV:group'],
    consumed: { ENTERPRISEPACK: 20, MCOEV: 4, MCOPSTN1: 9 },
  },
  {
    title: 'a swap in one change (part numbers in any case)',
    licenses: [direct('MCOPSTN1')],
    change: { add: ['mcoev'], remove: ['mcopstn1'] },
    held: ['MCOEV:direct'],
    consumed: { ENTERPRISEPACK: 20, MCOEV: 5, MCOPSTN1: 8 },
  },
  {
    title: 'nothing changed, nothing moves',
    licenses: [direct('ENTERPRISEPACK')],
    change: { add: [], remove: [] },
    held: ['ENTERPRISEPACK:direct'],
    consumed: { ENTERPRISEPACK: 20, MCOEV: 4, MCOPSTN1: 9 },
  },
];

describe('factsAfterChange', () => {
  for (const row of table) {
    it(row.title, () => {
      const after = factsAfterChange(before(row.licenses), row.change);
      assert.deepEqual(
        after.user.licenses.map((license) => `${license.partNumber}:${license.assignedDirectly ? 'direct' : 'group'}`).sort(),
        [...row.held].sort(),
      );
      assert.deepEqual(Object.fromEntries(after.tenant.skus.map((sku) => [sku.partNumber, sku.consumed])), row.consumed);
      assert.equal(after.user.usageLocation, 'US');
    });
  }
});
