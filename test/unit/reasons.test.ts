import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../../src/domain/catalog';
import { SEED_SKU_PLANS, stockOf, TODAY_SUITE_PLANS } from './seed-skus';
import type { HeldLicense, LicenseChangeRequest, RuleNote, TenantFacts, UserFacts } from '../../src/domain/decision';
import { REASON_CODES, RULE_REASON_CODES } from '../../src/domain/reason-codes';
import { adviceAfterSuccess, evaluate, explanationParams } from '../../src/domain/rules';
import { hasKey, localesDirectory, translator } from '../../src/i18n';

const t = translator('en');
const productName = (partNumber: string): string => t(`products:${partNumber}`);

describe('English reason explanations', () => {
  for (const code of REASON_CODES) {
    it(`${code} has an explanation`, () => {
      assert.ok(hasKey(`reasons:${code}`), `reasons:${code} is missing`);
      const text = t(`reasons:${code}`);
      assert.notEqual(text, code);
      assert.ok(text.length > 40, `${code} explains too little: "${text}"`);
    });
  }

  it('has no key that is not a known code (or its "_alternative" variant)', () => {
    const file = path.join(localesDirectory(), 'en', 'reasons.json');
    const keys = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>);
    const known = new Set<string>(REASON_CODES);
    assert.deepEqual(keys.filter((key) => !known.has(key.replace(/_alternative$/, ''))), []);
  });
});

describe('English product names', () => {
  for (const product of CATALOG) {
    it(`${product.partNumber} has a name`, () => {
      assert.ok(hasKey(`products:${product.partNumber}`));
      assert.notEqual(productName(product.partNumber), product.partNumber);
    });
  }
});

describe('explanations rendered from real rule notes', () => {
  const held = (partNumber: string, groupName?: string): HeldLicense => ({
    partNumber,
    assignedDirectly: !groupName,
    inheritedFrom: groupName ? [{ groupId: 'g-1', groupName }] : [],
  });
  const user = (licenses: readonly HeldLicense[], extra: Partial<UserFacts> = {}): UserFacts => ({
    userId: 'u-1',
    displayName: 'Alice',
    usageLocation: 'GB',
    licenses,
    isHybridPstn: false,
    ...extra,
  });
  const everything: TenantFacts = { skus: stockOf({ ...SEED_SKU_PLANS, ...TODAY_SUITE_PLANS }) };
  const without = (partNumber: string): TenantFacts => ({ skus: everything.skus.filter((sku) => sku.partNumber !== partNumber) });
  const full = (partNumber: string): TenantFacts => ({
    skus: everything.skus.map((sku) => (sku.partNumber === partNumber ? { ...sku, consumed: sku.enabled } : sku)),
  });
  const assign = (...requested: string[]): LicenseChangeRequest => ({ action: 'assign', requested });
  const remove = (...requested: string[]): LicenseChangeRequest => ({ action: 'remove', requested });
  const e3 = held('ENTERPRISEPACK');

  const scenarios: readonly (readonly RuleNote[])[] = [
    evaluate(assign('MCOPSTN1'), user([e3], { isHybridPstn: true }), everything).notes,
    evaluate(assign('MCOPSTN1'), user([e3, held('MCOEV')], { isHybridPstn: true }), everything).notes,
    evaluate(assign('MCOPSTN5'), user([e3, held('MCOEV')], { usageLocation: 'US' }), everything).notes,
    evaluate(assign('MCOPSTN1', 'MCOPSTN2'), user([e3]), everything).notes,
    evaluate(assign('MCOMEETACPEA'), user([e3]), without('MCOPSTNPP')).notes,
    evaluate(assign('MCOPSTNPP'), user([e3]), everything).notes,
    evaluate(assign('MCOMEETADV'), user([e3]), full('MCOMEETADV')).notes,
    evaluate(assign('MCOPSTN2'), user([e3, held('MCOEV')]), without('MCOPSTN2')).notes,
    evaluate(assign('MCOEV'), user([e3], { usageLocation: null }), everything).notes,
    evaluate(remove('MCOMEETADV'), user([e3, held('MCOMEETADV', 'Conferencing users')]), everything).notes,
    evaluate(assign('MCOEV', 'MCOMEETADV'), user([held('ENTERPRISEPREMIUM'), held('MCOMEETADV')]), everything).notes,
    evaluate(remove('MCOPSTN1'), user([e3]), everything).notes,
    evaluate(assign('MCOPSTN1'), user([]), everything).notes,
    evaluate(assign('MCOPSTN2'), user([e3, held('MCOEV'), held('MCOPSTN1')]), everything).notes,
    evaluate(assign('MCOPSTN1'), user([e3, held('MCOEV'), held('MCOPSTN2')]), everything).notes,
    evaluate(remove('MCOEV'), user([e3, held('MCOEV'), held('MCOPSTN1')]), everything).notes,
    adviceAfterSuccess(['MCOPSTN1', 'MCOMEETADV'], user([held('ENTERPRISEPREMIUM_NOPSTNCONF')]), everything),
    evaluate(assign('MCOEV'), user([{ ...held('SPE_E5'), disabledPlans: ['MCOEV'] }]), everything).notes,
    evaluate(remove('MCOEV'), user([held('SPE_E5')]), everything).notes,
    evaluate(assign('MCOEV'), user([held('Microsoft_365_E3_(no_Teams)')]), everything).notes,
    evaluate(assign('MCOEV'), user([held('Microsoft_365_E3_(no_Teams)')]), without('Microsoft_Teams_Enterprise_New')).notes,
  ];
  const notes = scenarios.flat();

  it('the scenarios produce every rule reason code', () => {
    const seen = new Set(notes.map((note) => note.code as string));
    assert.deepEqual(RULE_REASON_CODES.filter((code) => !seen.has(code)), []);
  });

  for (const note of notes) {
    it(`${note.code} ${JSON.stringify(note.params)} reads without placeholders or part numbers`, () => {
      const text = t(`reasons:${note.code}`, explanationParams(note.params, { productName }));
      assert.doesNotMatch(text, /\{\{|\}\}|undefined/);
      for (const product of CATALOG) {
        assert.doesNotMatch(text, new RegExp(`\\b${product.partNumber}\\b`), `part number ${product.partNumber} shown instead of its name`);
      }
    });
  }

  it('a hybrid refusal offers Phone System only when the user lacks it', () => {
    const [offered] = evaluate(assign('MCOPSTN1'), user([e3], { isHybridPstn: true }), everything).notes;
    const [plain] = evaluate(assign('MCOPSTN1'), user([e3, held('MCOEV')], { isHybridPstn: true }), everything).notes;
    assert.ok(offered && plain);
    assert.match(t(`reasons:${offered.code}`, explanationParams(offered.params, { productName })), /Ask for Phone System instead/);
    assert.doesNotMatch(t(`reasons:${plain.code}`, explanationParams(plain.params, { productName })), /Ask for/);
  });

  it('country names can be localized by the caller', () => {
    const [note] = evaluate(assign('MCOPSTN6'), user([e3, held('MCOEV')], { usageLocation: 'US' }), everything).notes;
    assert.ok(note);
    const countryName = (code: string): string => new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
    const text = t(`reasons:${note.code}`, explanationParams(note.params, { productName, countryName }));
    assert.match(text, /Domestic Calling Plan \(240 minutes\) isn't available where this user is located \(United States\)/);
    assert.match(text, /Ask for Domestic Calling Plan instead/);
  });

  it('group names and seat counts appear in the text', () => {
    const [group] = evaluate(remove('MCOMEETADV'), user([e3, held('MCOMEETADV', 'Conferencing users')]), everything).notes;
    const [seats] = evaluate(assign('MCOMEETADV'), user([e3]), full('MCOMEETADV')).notes;
    assert.ok(group && seats);
    assert.match(t(`reasons:${group.code}`, explanationParams(group.params, { productName })), /group Conferencing users/);
    assert.match(t(`reasons:${seats.code}`, explanationParams(seats.params, { productName })), /10 of 10 are in use/);
  });
});
