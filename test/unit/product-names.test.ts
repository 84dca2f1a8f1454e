/**
 * productName (src/bot/explain.ts): our localized name, else Microsoft's English name from its catalog, else the
 * part number. Part numbers that i18next would misread as keys ('/', spaces, '.', ':') never reach i18next.
 */
import assert from 'node:assert/strict';
import { productList, productName } from '../../src/bot/explain';
import { translator } from '../../src/i18n';

describe('product names people read', () => {
  const cases: readonly (readonly [locale: string, partNumber: string, expected: string])[] = [
    ['en', 'MCOEV', 'Phone System'],
    ['en', 'MCOPSTN1', 'Domestic Calling Plan'],
    ['fr', 'MCOPSTN1', "Forfait d'appels nationaux"],
    ['ja', 'MCOMEETADV', '電話会議'],
    // Today's SKUs, localized; the rules upper-case part numbers, Microsoft writes some in mixed case.
    ['fr', 'SPE_E5', 'Microsoft 365 E5'],
    ['fr', 'Microsoft_365_E5_(no_Teams)', 'Microsoft 365 E5 (sans Teams)'],
    ['zh-TW', 'MICROSOFT_365_E5_(NO_TEAMS)', 'Microsoft 365 E5（不含 Teams）'],
    ['zh-CN', 'MCOTEAMS_ESSENTIALS', '配有通话套餐的 Microsoft Teams Phone'],
    ['ja', 'Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1)', 'Microsoft Teams 従量課金の通話プラン (国ゾーン 1)'],
    ['en', 'MCOPSTN_6', 'Domestic Calling Plan (240 minutes)'],
    // Communications Credits are MCOPSTNC; MCOPSTNPP, which the 2018 articles printed, is another product.
    ['en', 'MCOPSTNC', 'Communications Credits'],
    ['fr', 'MCOPSTNC', 'Crédits de communication'],
    ['en', 'MCOPSTNPP', 'PSTN Usage Calling Plan'],
    // Not in products.json: Microsoft's English name.
    ['en', 'AAD_PREMIUM', 'Microsoft Entra ID P1'],
    ['zh-CN', 'AAD_PREMIUM', 'Microsoft Entra ID P1'],
    ['en', 'MCOPSTN5', 'Domestic Calling Plan (120 minutes)'],
    // Part numbers i18next would split on '/', spaces or '.': Microsoft's name, never an i18next lookup.
    ['en', 'O365_w/o Teams Bundle_M3', 'Microsoft 365 E3 EEA (no Teams)'],
    ['fr', 'Microsoft 365 A3 Suite features for faculty', 'Microsoft 365 A3 Suite features for faculty'],
    ['en', 'DYN365_ ENTERPRISE _RELATIONSHIP_SALES', 'Microsoft Relationship Sales solution'],
    // Unknown everywhere: the part number as Graph gives it.
    ['en', 'CONTOSO_CUSTOM_SKU', 'CONTOSO_CUSTOM_SKU'],
    ['en', 'products:replies', 'products:replies'],
    ['en', 'a.b', 'a.b'],
    ['en', '', ''],
  ];
  for (const [locale, partNumber, expected] of cases) {
    it(`${locale}: ${JSON.stringify(partNumber)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(productName(translator(locale), partNumber), expected);
    });
  }

  it('joins several names with the locale\'s separator', () => {
    assert.equal(productList(translator('en'), ['MCOEV', 'AAD_PREMIUM']), 'Phone System, Microsoft Entra ID P1');
  });
});
