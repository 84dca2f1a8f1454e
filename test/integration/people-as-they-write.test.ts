/**
 * Issue 16, items 3, 5 and 6, over HTTP on the demo tenant (plus "佐藤 花", a CJK name with the directory's space,
 * added in this test's own copy of the tenant): names as people write them, questions answered read-only, and
 * replies in the language the message is written in.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_TENANT_FILE } from '../../src/emulator/demo-tenant';
import { harnessPerTest, turn, type Harness } from '../support/harness';
import { adaptiveCardOf, choiceButtons } from '../support/cards';

const HANA_ID = '00000000-0000-0000-0000-000000000999';

/** The demo tenant and one more person: 佐藤 花, Microsoft 365 E3 like Kenji Mori, managed by Megan Bowen. */
function tenantWithHana(): string {
  const tenant = JSON.parse(fs.readFileSync(DEMO_TENANT_FILE, 'utf8'));
  const kenji = tenant.users.find((user: { displayName: string }) => user.displayName === 'Kenji Mori');
  tenant.users.push({
    ...kenji,
    id: HANA_ID,
    displayName: '佐藤 花',
    givenName: '花',
    surname: '佐藤',
    userPrincipalName: 'hana.sato@example.com',
    mail: 'hana.sato@example.com',
    manager: '00000000-0000-0000-0000-0000000000021',
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-hana-')), 'tenant.json');
  fs.writeFileSync(file, JSON.stringify(tenant));
  return file;
}

describe('people as they write: names, questions, reply language (integration over HTTP)', function () {
  this.timeout(60000);
  const tenantFile = tenantWithHana();
  after(() => fs.rmSync(path.dirname(tenantFile), { recursive: true, force: true }));
  let h: Harness;
  harnessPerTest((started) => (h = started), { tenantFile });

  function assertNothingChanged(): void {
    assert.equal(h.emulator.writeLog.length, 0, 'no Graph write');
    assert.equal(h.connector.conversationsCreated.length, 0, 'nobody asked');
  }

  describe('names as written (item 3)', () => {
    it('ja: "佐藤花さん" — no space, an honorific — finds "佐藤 花"', async () => {
      const { texts } = await turn(h, h.user('Lynne Robbins', 'ja-JP'), '佐藤花さんに通話プランを割り当ててください');
      assert.match(texts, /佐藤 花/, texts);
      assert.match(texts, /国内通話プラン/, texts);
      assert.doesNotMatch(texts, /見つかりませんでした/, texts);
    });

    it('zh-CN: the other order with 女士, "花 佐藤女士", finds "佐藤 花"', async () => {
      const { texts } = await turn(h, h.user('Lynne Robbins', 'zh-CN'), '给花 佐藤女士分配电话系统');
      assert.match(texts, /佐藤 花/, texts);
      assert.doesNotMatch(texts, /找不到/, texts);
    });

    it('fr: "Mme Chloe Lefevre", without accents, finds Chloé Lefèvre', async () => {
      const { texts } = await turn(h, h.user('Lynne Robbins', 'fr-FR'), "donne l'audioconférence à Mme Chloe Lefevre");
      assert.match(texts, /Chloé Lefèvre/, texts);
      assert.doesNotMatch(texts, /Je n'ai trouvé personne/, texts);
    });

    it('en: a first name alone, unique, without its accent ("Chloe") is resolved', async () => {
      const { texts } = await turn(h, h.user('Lynne Robbins'), 'give Chloe audio conferencing');
      assert.match(texts, /Chloé Lefèvre/, texts);
      assert.doesNotMatch(texts, /couldn't find/, texts);
    });

    it('en: a slip ("Chloe Lefevbre") is asked back — "Did you mean Chloé Lefèvre?" with a button — then goes on', async () => {
      const lynne = h.user('Lynne Robbins');
      const asked = await turn(h, lynne, 'give Chloe Lefevbre audio conferencing');
      assert.match(asked.texts, /Did you mean Chloé Lefèvre\?/, asked.texts);
      const buttons = asked.replies.flatMap((reply) => choiceButtons(reply));
      const chloe = buttons.find((button) => button.startsWith('Chloé Lefèvre'));
      assert.ok(chloe, buttons.join(' | '));
      assert.ok(buttons.includes('None of these'), buttons.join(' | '));
      const summary = await turn(h, lynne, chloe);
      assert.match(summary.texts, /Chloé Lefèvre/, summary.texts);
      assert.match(summary.texts, /Audio Conferencing/, summary.texts);
      assertNothingChanged();
    });
  });

  describe('questions answered read-only (item 5)', () => {
    const stories: { who: string; locale?: string; say: string; answer: RegExp }[] = [
      { who: 'Lynne Robbins', say: 'what licences does Alice Johnson have?', answer: /Alice Johnson has: Office 365 Enterprise E3, Microsoft Teams\./ },
      { who: 'Lynne Robbins', locale: 'fr-FR', say: "Chloé Lefèvre a-t-elle un forfait d'appels ?", answer: /Oui, Chloé Lefèvre dispose de Forfait d'appels nationaux \(120 minutes\)\./ },
      { who: 'Lynne Robbins', locale: 'fr-FR', say: 'qui approuve pour Patti Fernandez ?', answer: /Les demandes pour Patti Fernandez sont approuvées par .*Adele Vance.*Megan Bowen|Megan Bowen.*Adele Vance/ },
      { who: 'Lynne Robbins', locale: 'ja-JP', say: 'Hiroshi Tanakaの承認者は誰ですか？', answer: /Hiroshi Tanaka さんの依頼を承認するのは Alex Chen \(上司\) です。/ },
      { who: 'Lynne Robbins', locale: 'ja-JP', say: '佐藤花さんは通話プランを持っていますか？', answer: /いいえ、佐藤 花 さんには国内通話プランがありません。/ },
      { who: 'Adele Vance', locale: 'zh-CN', say: '还剩多少个通话计划？', answer: /国内通话计划：剩余 \d+ 个，共 \d+ 个。/ },
      { who: 'Lynne Robbins', locale: 'zh-CN', say: '还剩多少个通话计划？', answer: /只有 License Desk 管理员可以查看剩余许可证数量。/ },
    ];
    for (const story of stories) {
      it(`${story.locale ?? 'en'}: "${story.say}" (${story.who}) is answered and changes nothing`, async () => {
        const { texts, replies } = await turn(h, h.user(story.who, story.locale), story.say);
        assert.match(texts, story.answer, texts);
        assert.equal(replies.length, 1, texts);
        assert.deepEqual(replies.flatMap((reply) => choiceButtons(reply)), [], 'no question back, no buttons');
        assertNothingChanged();
      });
    }
  });

  describe('the language of the message (item 6)', () => {
    it('an English client writing Japanese is answered in Japanese, kept until English; the approver card stays English', async () => {
      const lynne = h.user('Lynne Robbins', 'en-US');
      const summary = await turn(h, lynne, '佐藤花さんに通話プランを割り当ててください');
      assert.match(summary.texts, /国内通話プラン/, summary.texts);
      assert.ok(summary.replies.some((reply) => choiceButtons(reply).includes('承認を依頼')), summary.texts);
      const sent = await turn(h, lynne, '承認を依頼');
      assert.match(sent.texts, /Megan Bowen/, sent.texts);
      assert.doesNotMatch(sent.texts, /Sent to/, sent.texts);
      const card = await h.connector.waitFor((entry) => adaptiveCardOf(entry) !== undefined, 'the approval card');
      assert.match(JSON.stringify(adaptiveCardOf(card)), /Licence request/, 'Megan reads her card in her own language');
      // A name alone says nothing about the language: the conversation keeps Japanese.
      const kept = await turn(h, lynne, 'Alice Johnson');
      assert.match(kept.texts, /どのライセンスが必要ですか/, kept.texts);
      const english = await turn(h, lynne, 'what licences does Alice Johnson have?');
      assert.match(english.texts, /Alice Johnson has:/, english.texts);
    });

    it('a Japanese client writing French is answered in French', async () => {
      const { texts } = await turn(h, h.user('Lynne Robbins', 'ja-JP'), 'quelles licences a Alice Johnson ?');
      assert.match(texts, /Alice Johnson dispose de : Office 365 Entreprise E3, Microsoft Teams\./, texts);
    });

    it('a Traditional Chinese client writing Simplified Chinese is answered in Simplified Chinese', async () => {
      const { texts } = await turn(h, h.user('Lynne Robbins', 'zh-TW'), 'Wei Zhang有哪些许可证？');
      assert.match(texts, /Wei Zhang 拥有：Office 365 企业版 E3、Microsoft Teams。/, texts);
    });
  });
});
