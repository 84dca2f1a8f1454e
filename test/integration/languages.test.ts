/**
 * The core story in Simplified Chinese, Traditional Chinese, Japanese and French, over HTTP: each
 * person reads the bot in their own Teams language — the requester's summary, buttons and outcome,
 * the approver's card — and Graph gets the licences. English is covered by core-story.test.ts.
 * The approver's language comes from their own earlier message to the bot, or, when they have
 * never written, from Graph's preferredLanguage (the multilingual fixture tenant).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { harnessPerTest, readableText, type Harness } from '../support/harness';
import { adaptiveCardOf, executeActions, choiceButtons } from '../support/cards';
import type { CapturedActivity } from '../support/capturing-connector';
import type { TeamsUser } from '../support/teams-user';

const MULTILINGUAL_TENANT_FILE = path.resolve(__dirname, '../../../test/fixtures/multilingual-tenant.json');

/** English the bot would have said at each step; none of it may reach a reader of another language. */
const ENGLISH = {
  summary: /Here is the request|Licences to assign|Phone System|Calling Plan/,
  prompt: /Shall I send|Send for approval/,
  sent: /Sent to|for approval|manager\)/,
  card: /Licence request|"Approve"|"Reject"|Requested by|Licences to add|Phone System|Calling Plan/,
  decidedCard: /Approved by|assigning…|"Assigned"/,
  outcome: /Done:|assigned to|Next step|phone numbers|hours/,
  refusal: /can't send|usage location|Nothing was sent/i,
};

interface LanguageStory {
  readonly locale: string;
  /** The approver's first words to the bot, so that the bot knows their language. */
  readonly greeting: string;
  readonly greetingReply: RegExp;
  readonly request: string;
  readonly summary: readonly RegExp[];
  readonly buttons: readonly [confirm: string, cancel: string];
  readonly prompt: RegExp;
  readonly sent: RegExp;
  readonly card: readonly RegExp[];
  readonly approvedCard: RegExp;
  readonly assignedCard: RegExp;
  readonly outcome: readonly RegExp[];
  readonly refusalRequest: string;
  readonly refusal: readonly RegExp[];
}

const STORIES: readonly LanguageStory[] = [
  {
    locale: 'zh-CN',
    greeting: '你好',
    greetingReply: /您需要哪种许可证/,
    request: '给 Alice Anders 分配通话计划',
    summary: [/以下是为 Alice Anders（alice\.anders@fabrikam\.example）准备的申请/, /要分配的许可证：/, /电话系统/, /国内通话计划/, /只能与电话系统一起使用/],
    buttons: ['提交审批', '取消'],
    prompt: /要提交审批吗？/,
    sent: /已发送给 Megan Manager（经理）审批/,
    card: [/许可证申请/, /"批准"/, /"拒绝"/, /申请人/, /要分配的许可证/, /电话系统/, /国内通话计划/],
    approvedCard: /已由 Megan Manager 批准/,
    assignedCard: /"已分配"/,
    outcome: [/已完成：已为 Alice Anders 分配以下许可证：/, /电话系统/, /国内通话计划/, /24 小时/, /电话号码/],
    refusalRequest: '给 uma@fabrikam.example 分配通话计划',
    refusal: [/无法为 Uma Unlocated 提交此申请/, /没有使用位置/, /没有提交任何审批/],
  },
  {
    locale: 'zh-TW',
    greeting: '您好',
    greetingReply: /您需要哪一種授權/,
    request: '幫 Alice Anders 指派通話方案',
    summary: [/以下是為 Alice Anders（alice\.anders@fabrikam\.example）準備的申請/, /要指派的授權：/, /電話系統/, /國內通話方案/, /只能搭配電話系統使用/],
    buttons: ['送交核准', '取消'],
    prompt: /要送交核准嗎？/,
    sent: /已送交 Megan Manager（主管）核准/,
    card: [/授權申請/, /"核准"/, /"拒絕"/, /申請者/, /要指派的授權/, /電話系統/, /國內通話方案/],
    approvedCard: /已由 Megan Manager 核准/,
    assignedCard: /"已指派"/,
    outcome: [/完成：已為 Alice Anders 指派以下授權：/, /電話系統/, /國內通話方案/, /24 小時/, /電話號碼/],
    refusalRequest: '幫 uma@fabrikam.example 指派通話方案',
    refusal: [/無法為 Uma Unlocated 送出此申請/, /沒有使用位置/, /沒有送交任何核准/],
  },
  {
    locale: 'ja-JP',
    // "こんにちは" is misread by the parser as a person "こん" and a licence "ち"; "ヘルプ" is a first message people send too.
    greeting: 'ヘルプ',
    greetingReply: /ライセンスの依頼を受け付けて/,
    request: 'Alice Anders に通話プランを割り当てて',
    summary: [/Alice Anders \(alice\.anders@fabrikam\.example\) への依頼内容は次のとおりです/, /割り当てるライセンス:/, /電話システム/, /国内通話プラン/, /依頼に追加しました/],
    buttons: ['承認を依頼', 'キャンセル'],
    prompt: /この内容で承認を依頼しますか？/,
    sent: /Megan Manager \(上司\) に承認を依頼しました/,
    card: [/ライセンスの依頼/, /"承認"/, /"却下"/, /依頼者/, /割り当てるライセンス/, /電話システム/, /国内通話プラン/],
    approvedCard: /Megan Manager が承認しました/,
    assignedCard: /"割り当て済み"/,
    outcome: [/完了しました: Alice Anders に次のライセンスを割り当てました:/, /電話システム/, /国内通話プラン/, /最大 24 時間/, /電話番号/],
    refusalRequest: 'uma@fabrikam.example に通話プランを割り当てて',
    refusal: [/Uma Unlocated についてのこの依頼は送信できません/, /利用場所/, /承認の依頼は送信しておらず/],
  },
  {
    locale: 'fr-FR',
    greeting: 'bonjour',
    greetingReply: /De quelle licence avez-vous besoin\s\?/,
    request: "Attribue un forfait d'appels à Alice Anders",
    summary: [/Voici la demande pour Alice Anders \(alice\.anders@fabrikam\.example\)\s:/, /Licences à attribuer\s:/, /Système téléphonique/, /Forfait d'appels nationaux/, /ne fonctionne qu'avec Système téléphonique/],
    buttons: ['Envoyer', 'Annuler'],
    prompt: /Voulez-vous que j'envoie cette demande pour approbation\s\?/,
    sent: /Demande envoyée pour approbation à Megan Manager \(responsable\)/,
    card: [/Demande de licence/, /"Approuver"/, /"Rejeter"/, /Demandée par/, /Licences à attribuer/, /Système téléphonique/, /Forfait d'appels nationaux/],
    approvedCard: /Demande approuvée par Megan Manager/,
    assignedCard: /"Attribution effectuée"/,
    outcome: [/C'est fait\s: Alice Anders a reçu/, /Système téléphonique/, /Forfait d'appels nationaux/, /24 heures/, /numéros de téléphone/],
    refusalRequest: "Attribue un forfait d'appels à uma@fabrikam.example",
    refusal: [/Je ne peux pas envoyer cette demande pour Uma Unlocated/, /emplacement d'utilisation/, /Rien n'a été envoyé pour approbation/],
  },
];

function assertAll(text: string, patterns: readonly RegExp[], what: string): void {
  for (const pattern of patterns) assert.match(text, pattern, `${what}: ${text}`);
}

describe('five languages: every reply, card and explanation in the reader’s language (integration over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;
  /** The tenant the next test starts with: the shared Fabrikam fixture unless a suite says otherwise. */
  let tenantFile: string | undefined;

  harnessPerTest((started) => (h = started), () => (tenantFile ? { tenantFile } : {}));

  const repliesTo = (user: TeamsUser) => h.connector.inConversation(user.personalConversationId);

  async function nextReply(user: TeamsUser, after: number, what: string, predicate: (e: CapturedActivity) => boolean = () => true) {
    return h.connector.waitFor(
      (entry) => entry.conversationId === user.personalConversationId && repliesTo(user).indexOf(entry) >= after && predicate(entry),
      what,
    );
  }

  /** Everything the bot posted to a user's chat after `after`, as readers see it. */
  const readAfter = (user: TeamsUser, after: number) => repliesTo(user).slice(after).map((e) => readableText(e.activity)).join('\n');

  /** The approval card posted to an approver: in their existing chat, or in one the bot created with them. */
  async function approvalCardFor(approver: TeamsUser): Promise<{ card: any; requestId: string }> {
    const entry = await h.connector.waitFor(
      (e) =>
        e.method === 'POST' &&
        adaptiveCardOf(e) !== undefined &&
        (e.conversationId === approver.personalConversationId ||
          h.connector.conversationsCreated.some((c) => c.conversationId === e.conversationId && c.parameters.members?.[0]?.aadObjectId === approver.identity.aadObjectId)),
      `the approval card for ${approver.identity.name}`,
    );
    const card = adaptiveCardOf(entry);
    const approve = executeActions(card).find((action) => action.verb === 'approve');
    assert.ok(approve, 'the card has an Approve action');
    return { card, requestId: String(approve.data.requestId) };
  }

  /** The approver says something first, so the bot stores their language with their conversation. */
  async function introduce(approver: TeamsUser, story: Pick<LanguageStory, 'greeting' | 'greetingReply'>): Promise<void> {
    const seen = repliesTo(approver).length;
    assert.equal(await approver.say(story.greeting), 200);
    const reply = await nextReply(approver, seen, 'the answer to the greeting', (e) => story.greetingReply.test(readableText(e.activity)));
    assert.doesNotMatch(readableText(reply.activity), /Which licence do you need|I turn a request/);
  }

  /** Asks, checks the summary and the buttons, confirms, checks the sent-for-approval message. */
  async function askAndConfirm(requester: TeamsUser, story: LanguageStory): Promise<void> {
    let seen = repliesTo(requester).length;
    assert.equal(await requester.say(story.request), 200);
    const prompt = await nextReply(requester, seen, 'the confirmation buttons', (e) => choiceButtons(e).length > 0);
    const summaryAndPrompt = readAfter(requester, seen);
    assertAll(summaryAndPrompt, story.summary, 'summary');
    assert.doesNotMatch(summaryAndPrompt, ENGLISH.summary);
    assert.deepEqual(choiceButtons(prompt), [...story.buttons]);
    assert.match(readableText(prompt.activity), story.prompt);
    assert.doesNotMatch(readableText(prompt.activity), ENGLISH.prompt);

    seen = repliesTo(requester).length;
    await requester.say(story.buttons[0]);
    const sent = await nextReply(requester, seen, 'the sent-for-approval message', (e) => story.sent.test(String(e.activity.text)));
    assert.doesNotMatch(String(sent.activity.text), ENGLISH.sent);
    assert.equal(h.emulator.writeLog.length, 0, 'nothing is written before approval');
  }

  async function assertAssigned(targetName: string, expectedParts: readonly string[]): Promise<void> {
    await h.app.workflow.idle();
    assert.equal(h.emulator.writeLog.length, 1, 'exactly one assignLicense call');
    const write = h.emulator.writeLog[0]!;
    assert.equal(write.userId, h.userId(targetName));
    assert.deepEqual([...write.addedSkuIds].sort(), expectedParts.map((part) => h.skuId(part)).sort());
  }

  describe('the whole story, requester and approver in the same language', () => {
    for (const story of STORIES) {
      it(`${story.locale}: summary, buttons, approval card, outcome and Graph write`, async () => {
        const rita = h.user('Rita Requester', story.locale);
        const megan = h.user('Megan Manager', story.locale);
        await introduce(megan, story);
        await askAndConfirm(rita, story);

        const { card, requestId } = await approvalCardFor(megan);
        const cardText = JSON.stringify(card);
        assertAll(cardText, story.card, 'approval card');
        assert.match(cardText, /Rita Requester/);
        assert.match(cardText, /Alice Anders/);
        assert.doesNotMatch(cardText, ENGLISH.card);

        const approved = await megan.execute('approve', { requestId });
        assert.equal(approved.body.type, 'application/vnd.microsoft.card.adaptive');
        const approvedText = JSON.stringify(approved.body.value);
        assert.match(approvedText, story.approvedCard);
        assert.doesNotMatch(approvedText, ENGLISH.decidedCard);

        const notice = await h.connector.waitFor(
          (e) => e.conversationId === rita.personalConversationId && story.outcome[0]!.test(String(e.activity.text)),
          'the outcome message to the requester',
        );
        assertAll(String(notice.activity.text), story.outcome, 'outcome');
        assert.doesNotMatch(String(notice.activity.text), ENGLISH.outcome);
        await assertAssigned('Alice Anders', ['MCOEV', 'MCOPSTN1']);

        const updated = await h.connector.waitFor((e) => e.method === 'PUT' && story.assignedCard.test(readableText(e.activity)), 'the card updated in place');
        assert.doesNotMatch(readableText(updated.activity), ENGLISH.decidedCard);
      });
    }
  });

  describe('refusals explain themselves in the requester’s language', () => {
    for (const story of STORIES) {
      it(`${story.locale}: a user without a usage location`, async () => {
        const rita = h.user('Rita Requester', story.locale);
        const seen = repliesTo(rita).length;
        await rita.say(story.refusalRequest);
        const reply = await nextReply(rita, seen, 'the refusal', (e) => story.refusal[0]!.test(String(e.activity.text)));
        assertAll(String(reply.activity.text), story.refusal, 'refusal');
        assert.doesNotMatch(String(reply.activity.text), ENGLISH.refusal);
        assert.equal(h.connector.conversationsCreated.length, 0, 'no approver was contacted');
        assert.equal(h.emulator.writeLog.length, 0, 'no Graph write');
      });
    }
  });

  it('mixed: the requester writes French, the approver reads Japanese; each keeps their own language', async () => {
    const french = STORIES.find((story) => story.locale === 'fr-FR')!;
    const japanese = STORIES.find((story) => story.locale === 'ja-JP')!;
    const rita = h.user('Rita Requester', french.locale);
    const megan = h.user('Megan Manager', japanese.locale);
    await introduce(megan, japanese);
    await askAndConfirm(rita, french);

    const { card, requestId } = await approvalCardFor(megan);
    const cardText = JSON.stringify(card);
    assertAll(cardText, japanese.card, 'approval card');
    assert.match(cardText, /依頼に追加しました/, 'the rule note is explained in Japanese too');
    assert.doesNotMatch(cardText, /Demande de licence|Système téléphonique|Forfait d'appels/);
    assert.doesNotMatch(cardText, ENGLISH.card);

    const approved = await megan.execute('approve', { requestId });
    assert.match(JSON.stringify(approved.body.value), japanese.approvedCard);

    const notice = await h.connector.waitFor(
      (e) => e.conversationId === rita.personalConversationId && french.outcome[0]!.test(String(e.activity.text)),
      'the French outcome message',
    );
    assertAll(String(notice.activity.text), french.outcome, 'outcome');
    assert.doesNotMatch(String(notice.activity.text), /[\u3040-\u30ff\u4e00-\u9fff]/, 'no Japanese in the French outcome');
    await assertAssigned('Alice Anders', ['MCOEV', 'MCOPSTN1']);
  });

  describe('names in the language’s own script; an approver who never wrote gets the card in Graph’s preferredLanguage', () => {
    const cases = [
      { locale: 'zh-CN', requester: '李娜', approver: '张伟', target: '王芳', request: '给王芳分配音频会议', card: [/许可证申请/, /音频会议/, /李娜/, /王芳（wang\.fang@global\.example）/], outcome: /已完成：已为 王芳 分配以下许可证：音频会议/ },
      { locale: 'zh-TW', requester: '林美玲', approver: '陳建宏', target: '黃志明', request: '幫黃志明指派音訊會議', card: [/授權申請/, /音訊會議/, /林美玲/, /黃志明（huang\.zhiming@global\.example）/], outcome: /完成：已為 黃志明 指派以下授權：音訊會議/ },
      { locale: 'ja-JP', requester: '高橋美咲', approver: '鈴木一郎', target: '佐藤花子', request: '佐藤花子さんに電話会議を割り当ててください', card: [/ライセンスの依頼/, /電話会議/, /高橋美咲/, /佐藤花子 \(sato\.hanako@global\.example\)/], outcome: /完了しました: 佐藤花子 に次のライセンスを割り当てました: 電話会議/ },
      { locale: 'fr-FR', requester: 'Chloé Martin', approver: 'Étienne Girard', target: 'Élodie Dupont', request: "Élodie Dupont a besoin d'une audioconférence", card: [/Demande de licence/, /Audioconférence/, /Chloé Martin/, /Élodie Dupont \(elodie\.dupont@global\.example\)/], outcome: /C'est fait\s: Élodie Dupont a reçu Audioconférence/ },
    ];
    before(() => {
      tenantFile = MULTILINGUAL_TENANT_FILE;
    });
    after(() => {
      tenantFile = undefined;
    });
    for (const story of cases) {
      it(`${story.locale}: ${story.requester} asks for ${story.target}; ${story.approver} approves`, async () => {
        const requester = h.user(story.requester, story.locale);
        const approver = h.user(story.approver, story.locale);
        let seen = repliesTo(requester).length;
        await requester.say(story.request);
        const prompt = await nextReply(requester, seen, 'the confirmation buttons', (e) => choiceButtons(e).length > 0);
        assert.match(readAfter(requester, seen), new RegExp(story.target));
        seen = repliesTo(requester).length;
        await requester.say(choiceButtons(prompt)[0]!);
        await nextReply(requester, seen, 'the sent-for-approval message', (e) => new RegExp(story.approver).test(String(e.activity.text)));

        const { card, requestId } = await approvalCardFor(approver);
        assert.equal(h.connector.conversationsCreated.length, 1, 'the bot opened the chat with the approver itself');
        const cardText = JSON.stringify(card);
        assertAll(cardText, story.card, 'approval card');
        assert.doesNotMatch(cardText, ENGLISH.card);

        await approver.execute('approve', { requestId });
        await h.connector.waitFor((e) => e.conversationId === requester.personalConversationId && story.outcome.test(String(e.activity.text)), 'the outcome');
        await assertAssigned(story.target, ['MCOMEETADV']);
      });
    }
  });
});
