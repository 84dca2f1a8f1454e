import assert from 'node:assert/strict';
import { parseUtterance } from '../../src/domain/parse';
import { describeRows, email, named, SELF } from './parse-table';

describe('parseUtterance', () => {
  describeRows('English requests', 'en', [
    { text: 'give Alice a calling plan', products: ['MCOPSTN1'], person: named('Alice') },
    { text: 'assign Phone System to megan@contoso.com', products: ['MCOEV'], person: email('megan@contoso.com') },
    { text: 'Adele needs audio conferencing', products: ['MCOMEETADV'], person: named('Adele') },
    { text: 'Alice needs a calling plan and audio conferencing', products: ['MCOPSTN1', 'MCOMEETADV'], person: named('Alice') },
    { text: 'give Bob domestic and international calling', products: ['MCOPSTN2'], person: named('Bob') },
    { text: 'give Bob a domestic and international calling plan', products: ['MCOPSTN2'], person: named('Bob') },
    { text: 'international calling plan for Bob', products: ['MCOPSTN2'], person: named('Bob') },
    { text: 'E3 for Lee', products: ['ENTERPRISEPACK'], person: named('Lee') },
    { text: 'give Alex Wilber an E5 licence', products: ['ENTERPRISEPREMIUM'], person: named('Alex Wilber') },
    { text: 'please assign MCOPSTN1 to alex@contoso.com', products: ['MCOPSTN1'], person: email('alex@contoso.com') },
    { text: 'remove Alice\'s calling plan', action: 'remove', products: ['MCOPSTN1'], person: named('Alice') },
    { text: 'remove Alice’s calling plans', action: 'remove', products: ['MCOPSTN1'], person: named('Alice') },
    { text: 'take away audio conferencing from Bob', action: 'remove', products: ['MCOMEETADV'], person: named('Bob') },
    { text: 'revoke phone system from Lee Gu', action: 'remove', products: ['MCOEV'], person: named('Lee Gu') },
    { text: 'unassign communications credits from Megan Bowen', action: 'remove', products: ['MCOPSTNC'], person: named('Megan Bowen') },
    { text: 'Please remove the phone system licence from Alex Wilber, thanks', action: 'remove', products: ['MCOEV'], person: named('Alex Wilber') },
    { text: 'remove all licenses from Bob', action: 'remove', products: [], person: named('Bob') },
    { text: 'give me a calling plan', products: ['MCOPSTN1'], person: SELF },
    { text: 'I need audio conferencing', products: ['MCOMEETADV'], person: SELF },
    { text: 'can I get a calling plan for Bob', products: ['MCOPSTN1'], person: named('Bob') },
    { text: 'Could you please give Diego Siciliani pay per minute conferencing? Thanks!', products: ['MCOMEETACPEA'], person: named('Diego Siciliani') },
    { text: 'Isaiah needs dial-in conferencing', products: ['MCOMEETADV'], person: named('Isaiah') },
    { text: 'dial in for Nestor Wilke', products: ['MCOMEETADV'], person: named('Nestor Wilke') },
    { text: 'communications credits for Patti Fernandez', products: ['MCOPSTNC'], person: named('Patti Fernandez') },
    { text: 'give Lynne a domestic calling plan 120 minutes', products: ['MCOPSTN5'], person: named('Lynne') },
    { text: 'Give Lynne a Calling Plan (120 min) please', products: ['MCOPSTN5'], person: named('Lynne') },
    { text: '240 min calling plan for Joni', products: ['MCOPSTN6'], person: named('Joni') },
    { text: 'enterprise e5 without audio conferencing for Grady Archie', products: ['ENTERPRISEPREMIUM_NOPSTNCONF'], person: named('Grady Archie') },
    { text: 'E1 for Pradeep Gupta', products: ['STANDARDPACK'], person: named('Pradeep Gupta') },
    { text: 'Skype for Business Plan 2 for Lidia', products: ['MCOSTANDARD'], person: named('Lidia') },
    { text: 'give Bob E3, phone system and a calling plan', products: ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1'], person: named('Bob') },
    { text: 'calling plan and calling plans for Bob', products: ['MCOPSTN1'], person: named('Bob') },
    { text: 'assign <at>Megan Bowen</at> E3 and phone system', products: ['ENTERPRISEPACK', 'MCOEV'], person: named('Megan Bowen') },
    { text: 'give Grant a calling plan', products: ['MCOPSTN1'], person: named('Grant') },
    { text: 'Grant needs E3', products: ['ENTERPRISEPACK'], person: named('Grant') },
    { text: 'give 王小明 E3', products: ['ENTERPRISEPACK'], person: named('王小明') },
    { text: 'give アリス a calling plan', products: ['MCOPSTN1'], person: named('アリス') },
    { text: 'give Toby and Ian E3', products: ['ENTERPRISEPACK'], person: named('Toby'), unmatched: 'Ian' },
  ]);

  describeRows('part numbers, in any case', null, [
    { text: 'MCOEV', products: ['MCOEV'], person: undefined },
    { text: 'mcopstn2 mcopstnpp', products: ['MCOPSTN2', 'MCOPSTNC'], person: undefined },
    { text: 'McOmEeTaCpEa', products: ['MCOMEETACPEA'], person: undefined },
    { text: 'enterprisepremium_nopstnconf for Bob', products: ['ENTERPRISEPREMIUM_NOPSTNCONF'], person: named('Bob'), language: 'en' },
    { text: 'E1', products: ['STANDARDPACK'], person: undefined },
    { text: 'sfb plan 2', products: ['MCOSTANDARD'], person: undefined },
  ]);

  describeRows("today's product names (issue 14)", 'en', [
    { text: 'give Uma a teams phone standard licence', products: ['MCOEV'], person: named('Uma') },
    { text: 'give Uma Teams Phone', products: ['MCOEV'], person: named('Uma') },
    { text: 'assign Microsoft Teams Phone Standard to uma@contoso.com', products: ['MCOEV'], person: email('uma@contoso.com') },
    { text: 'remove phone system from Uma', action: 'remove', products: ['MCOEV'], person: named('Uma') },
    { text: 'give Uma Teams Phone with Calling Plan', products: ['MCOTEAMS_ESSENTIALS'], person: named('Uma') },
    { text: 'give Uma teams phone and a calling plan', products: ['MCOEV', 'MCOPSTN1'], person: named('Uma') },
    { text: 'give Uma Teams Enterprise', products: ['Microsoft_Teams_Enterprise_New'], person: named('Uma') },
    { text: 'Uma needs Microsoft Teams Enterprise', products: ['Microsoft_Teams_Enterprise_New'], person: named('Uma') },
    { text: 'give Uma Teams', products: ['TEAMS1'], person: named('Uma') },
    { text: 'assign Microsoft Teams to Uma', products: ['TEAMS1'], person: named('Uma') },
    { text: 'remove teams from Uma', action: 'remove', products: ['TEAMS1'], person: named('Uma') },
    { text: 'give Uma Microsoft 365 E5', products: ['SPE_E5'], person: named('Uma') },
    { text: 'give Uma a Microsoft 365 E3 licence', products: ['SPE_E3'], person: named('Uma') },
    { text: 'M365 E5 for Uma', products: ['SPE_E5'], person: named('Uma') },
    { text: 'm365 e3 for Uma', products: ['SPE_E3'], person: named('Uma') },
    { text: 'give Uma E5', products: ['ENTERPRISEPREMIUM'], person: named('Uma') },
    { text: 'give Uma E3', products: ['ENTERPRISEPACK'], person: named('Uma') },
    { text: 'give Uma E5 without Teams', products: ['Microsoft_365_E5_(no_Teams)'], person: named('Uma') },
    { text: 'give Uma E5 (no Teams)', products: ['Microsoft_365_E5_(no_Teams)'], person: named('Uma') },
    { text: 'give Uma Microsoft 365 E5 no Teams', products: ['Microsoft_365_E5_(no_Teams)'], person: named('Uma') },
    { text: 'give Uma E3 without Teams', products: ['Microsoft_365_E3_(no_Teams)'], person: named('Uma') },
    { text: 'give Uma Microsoft 365 E3 (no Teams)', products: ['Microsoft_365_E3_(no_Teams)'], person: named('Uma') },
    { text: 'give Uma a pay-as-you-go calling plan', products: ['MCOPSTN_PAYG_1'], person: named('Uma') },
    { text: 'Uma needs pay as you go calling', products: ['MCOPSTN_PAYG_1'], person: named('Uma') },
    { text: 'give Uma communications credits', products: ['MCOPSTNC'], person: named('Uma') },
    { text: 'give Uma a PSTN usage calling plan', products: ['MCOPSTN3'], person: named('Uma') },
  ]);

  describeRows("today's part numbers", null, [
    { text: 'MCOPSTNC', products: ['MCOPSTNC'], person: undefined },
    { text: 'spe_e5', products: ['SPE_E5'], person: undefined },
    { text: 'MCOTEAMS_ESSENTIALS', products: ['MCOTEAMS_ESSENTIALS'], person: undefined },
    { text: 'Microsoft_365_E5_(no_Teams)', products: ['Microsoft_365_E5_(no_Teams)'], person: undefined },
    { text: 'microsoft_teams_enterprise_new', products: ['Microsoft_Teams_Enterprise_New'], person: undefined },
  ]);

  describeRows('edge cases', null, [
    { text: '', products: [], person: undefined },
    { text: '   \n\t ', products: [], person: undefined },
    { text: 'calling plan', products: ['MCOPSTN1'], person: undefined, language: 'en' },
    { text: 'Alice', products: [], person: named('Alice') },
    { text: '@Alice', products: [], person: named('Alice') },
    { text: '<at>Megan Bowen</at>', products: [], person: named('Megan Bowen') },
    { text: 'give Alice a unicorn licence', products: [], person: named('Alice'), language: 'en', unmatched: 'unicorn' },
    { text: 'give a unicorn licence to Alice', products: [], person: named('Alice'), language: 'en', unmatched: 'unicorn' },
    { text: 'assign unicorn to Alice', products: [], person: named('Alice'), language: 'en', unmatched: 'unicorn' },
    { text: 'Alice needs a unicorn', products: [], person: named('Alice'), language: 'en', unmatched: 'unicorn' },
    { text: 'unicorn licence', products: [], person: undefined, language: 'en', unmatched: 'unicorn' },
    { text: 'give Alice a calling plan and a unicorn', products: ['MCOPSTN1'], person: named('Alice'), language: 'en', unmatched: 'unicorn' },
    { text: 'give Alice 🎉 a calling plan 🙏🏽', products: ['MCOPSTN1'], person: named('Alice'), language: 'en' },
    { text: '🙏🏽👍', products: [], person: undefined },
    { text: 'ｇｉｖｅ Ａｌｉｃｅ ａ ｃａｌｌｉｎｇ ｐｌａｎ', products: ['MCOPSTN1'], person: named('Alice'), language: 'en' },
    { text: 'E3 for <at>Megan Bowen</at> and lee@contoso.com', products: ['ENTERPRISEPACK'], person: named('Megan Bowen'), language: 'en' },
    { text: 'remove E3', action: 'remove', products: ['ENTERPRISEPACK'], person: undefined, language: 'en' },
    { text: 'phone systems', products: ['MCOEV'], person: undefined, language: 'en' },
    { text: 'phone systemic', products: [], person: named('phone systemic') },
  ]);

  describe('long input', function () {
    // A guard against catastrophic backtracking (which would take minutes), not a benchmark.
    this.timeout(5000);
    const inputs = {
      'repeated request': 'give Alice a calling plan '.repeat(400),
      'one long word': 'a'.repeat(10_000),
      'many at signs': 'a@'.repeat(5_000),
      'dotted address prefix': `${'a.'.repeat(5_000)}@x`,
      'unclosed mentions': '<at>'.repeat(2_500),
      'CJK without spaces': '通话计划'.repeat(2_500),
      'spaced CJK': '通 '.repeat(3_333),
    };
    for (const [label, text] of Object.entries(inputs)) {
      it(`returns for ${label} (${text.length} chars)`, () => {
        const parsed = parseUtterance(text);
        assert.ok(parsed.products.length <= 1);
      });
    }

    it('still reads the request in a 10k-character message', () => {
      const parsed = parseUtterance(`give Alice a calling plan ${'thanks '.repeat(1_430)}`);
      assert.deepEqual([parsed.person, parsed.products], [named('Alice'), ['MCOPSTN1']]);
    });
  });
});
