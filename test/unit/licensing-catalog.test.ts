/** Lookups in the shipped Microsoft licensing catalog (src/catalog/licensing-catalog.ts), table-driven. */
import assert from 'node:assert/strict';
import {
  forgetLicensingCatalog,
  isLicensingCatalogLoaded,
  microsoftPlanName,
  microsoftProductName,
  skuByPartNumber,
  skuBySkuId,
  skusByPartNumber,
} from '../../src/catalog/licensing-catalog';

describe('Microsoft licensing catalog', () => {
  it('is read on the first lookup, not when the module is loaded', () => {
    forgetLicensingCatalog();
    assert.equal(isLicensingCatalogLoaded(), false);
    microsoftProductName('SPE_E5');
    assert.equal(isLicensingCatalogLoaded(), true);
  });

  const productNames: readonly (readonly [string, string | undefined])[] = [
    ['SPE_E5', 'Microsoft 365 E5'],
    ['spe_e3', 'Microsoft 365 E3'],
    ['ENTERPRISEPREMIUM', 'Office 365 E5'],
    ['enterprisepack', 'Office 365 E3'],
    ['MCOEV', 'Microsoft Teams Phone Standard'],
    ['MCOTEAMS_ESSENTIALS', 'Teams Phone with Calling Plan'],
    ['MCOPSTNC', 'Communications Credits'],
    ['MCOPSTNPP', 'Skype for Business PSTN Usage Calling Plan'],
    ['MCOPSTN_6', 'Microsoft Teams Domestic Calling Plan (240 min)'],
    ['MCOPSTN5', 'Skype for Business PSTN Domestic Calling (120 Minutes)'],
    ['Microsoft_365_E5_(no_Teams)', 'Microsoft 365 E5 (no Teams)'],
    ['MICROSOFT_365_E3_(NO_TEAMS)', 'Microsoft 365 E3 (no Teams)'],
    ['Microsoft_Teams_Enterprise_New', 'Microsoft Teams Enterprise'],
    ['  SPE_E5 ', 'Microsoft 365 E5'],
    ['MCOPSTN6', undefined],
    ['TEAMS1', undefined],
    ['NOT_A_SKU', undefined],
    ['', undefined],
  ];
  for (const [partNumber, expected] of productNames) {
    it(`names part number ${JSON.stringify(partNumber)} ${expected === undefined ? 'nothing' : JSON.stringify(expected)}`, () => {
      assert.equal(microsoftProductName(partNumber), expected);
    });
  }

  const planNames: readonly (readonly [string, string | undefined])[] = [
    ['TEAMS1', 'Microsoft Teams'],
    ['MCOEV', 'Microsoft 365 Phone System'],
    ['mcoev', 'Microsoft 365 Phone System'],
    ['MCOPSTN6', 'Microsoft 365 Domestic Calling Plan (240 min)'],
    ['EXCHANGE_S_FOUNDATION', 'Exchange Foundation'],
    ['NOT_A_PLAN', undefined],
  ];
  for (const [planName, expected] of planNames) {
    it(`names service plan ${JSON.stringify(planName)} ${expected === undefined ? 'nothing' : JSON.stringify(expected)}`, () => {
      assert.equal(microsoftPlanName(planName), expected);
    });
  }

  it('keeps both spellings of plan names that differ only in case', () => {
    assert.ok(microsoftPlanName('DESKLESS'));
    assert.ok(microsoftPlanName('Deskless'));
  });

  const bySkuId: readonly (readonly [string, string | undefined])[] = [
    ['06ebc4ee-1bb5-47dd-8120-11324bc54e06', 'SPE_E5'],
    ['06EBC4EE-1BB5-47DD-8120-11324BC54E06', 'SPE_E5'],
    ['d43177b5-475b-4880-92d4-d54c27b5efbd', 'MCOPSTN5'],
    ['47794cd0-f0e5-45c5-9033-2eb6b5fc84e0', 'MCOPSTNC'],
    ['00000000-0000-0000-0000-000000000000', undefined],
  ];
  for (const [skuId, partNumber] of bySkuId) {
    it(`finds skuId ${skuId} as ${partNumber ?? 'nothing'}`, () => {
      assert.equal(skuBySkuId(skuId)?.partNumber, partNumber);
    });
  }

  it('gives a SKU its service plans as names and ids', () => {
    const plans = skuBySkuId('ae2343d1-0999-43f6-ae18-d816516f6e78')?.servicePlans;
    assert.deepEqual(plans, [
      { name: 'MCOEV', id: '4828c8ec-dc2e-4779-b502-87ac9ce28ab7' },
      { name: 'MCOPSTN1', id: '4ed3ff63-69d7-4fb7-b984-5aec7f605ca8' },
    ]);
  });

  it('knows that E5 (no Teams) carries Phone System but not Teams', () => {
    const plans = skuByPartNumber('Microsoft_365_E5_(no_Teams)')?.servicePlans.map((plan) => plan.name) ?? [];
    assert.ok(plans.includes('MCOEV') && plans.includes('MCOMEETADV'));
    assert.ok(!plans.includes('TEAMS1'));
  });

  it('lists both SKUs of MCOPSTN5, the one carrying the MCOPSTN5 plan first', () => {
    assert.deepEqual(skusByPartNumber('mcopstn5').map((sku) => sku.skuId), ['54a152dc-90de-4996-93d2-bc47e670fc06', 'd43177b5-475b-4880-92d4-d54c27b5efbd']);
  });
});
