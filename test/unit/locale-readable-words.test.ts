/**
 * Sentences people read name things as people know them: no Microsoft Graph property names ("the
 * usageLocation property") and no `<placeholder>` in angle brackets, which Teams shows escaped
 * (`cancel &lt;id&gt;`). Every namespace, every locale.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { NAMESPACES, SUPPORTED_LOCALES, localesDirectory } from '../../src/i18n';

const GRAPH_PROPERTY_NAMES = [
  'usageLocation',
  'assignedLicenses',
  'assignedPlans',
  'disabledPlans',
  'skuId',
  'skuPartNumber',
  'servicePlan',
  'servicePlanId',
  'servicePlanName',
  'prepaidUnits',
  'consumedUnits',
  'licenseAssignmentStates',
  'assignedByGroup',
  'subscribedSkus',
  'assignLicense',
  'addLicenses',
  'removeLicenses',
  'capabilityStatus',
  'provisioningStatus',
  'aadObjectId',
];

/** A CSV column people must name in their own file: the header is the word, so it stays. */
const ALLOWED: Readonly<Record<string, RegExp>> = {
  'admin:help.commands': /userPrincipalName/g,
  'admin:bulk.unsupportedFile': /userPrincipalName/g,
};

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('locales: words people read', () => {
  for (const locale of SUPPORTED_LOCALES) {
    for (const ns of NAMESPACES) {
      const file = path.join(localesDirectory(), locale, `${ns}.json`);
      if (!fs.existsSync(file)) continue;
      const entries = leaves(JSON.parse(fs.readFileSync(file, 'utf8')));
      it(`${locale}/${ns}: no Graph property names`, () => {
        for (const [key, text] of entries) {
          const value = text.replace(ALLOWED[`${ns}:${key}`] ?? /(?!)/g, '');
          const found = GRAPH_PROPERTY_NAMES.filter((name) => new RegExp(`\\b${name}\\b`, 'i').test(value));
          assert.deepEqual(found, [], `${locale} ${ns}:${key} names ${found.join(', ')}: "${value}"`);
        }
      });
      it(`${locale}/${ns}: no <placeholder> in angle brackets`, () => {
        for (const [key, value] of entries) {
          assert.doesNotMatch(value, /<[A-Za-z][\w-]*>/, `${locale} ${ns}:${key}: "${value}"`);
        }
      });
    }
  }
  it('the allowed exceptions still match (the list stays honest)', () => {
    for (const [key, pattern] of Object.entries(ALLOWED)) {
      const [ns = '', dotted = ''] = key.split(':');
      const value = leaves(JSON.parse(fs.readFileSync(path.join(localesDirectory(), 'en', `${ns}.json`), 'utf8'))).find(([name]) => name === dotted)?.[1];
      assert.ok(value !== undefined && pattern.test(value), key);
    }
  });
});
