/**
 * People as they write, over HTTP (issue 16, items 2 and 4, and questions kept from becoming requests), in English,
 * Simplified Chinese, Japanese and French: a verb of change asks for the target plan, a slip in a product name is
 * read as the one close product, a slip close to several is asked back, and a question starts no request.
 */
import assert from 'node:assert/strict';
import { harnessPerTest, turn, type Harness } from '../support/harness';

interface Story {
  readonly locale: string;
  readonly say: string;
  /** What the answer must show… */
  readonly shows: readonly RegExp[];
  /** …and must not. */
  readonly never: readonly RegExp[];
}

/** The start of a request (summary and confirm buttons) in every language: a question must never reach it. */
const REQUEST_SUMMARY = /Here is the request|以下是为|への依頼内容|Voici la demande|Send for approval|提交审批|承認を依頼|"Envoyer"/;

const STORIES: readonly [string, Story][] = [
  ['en: upgrade = assign the target plan', { locale: 'en-US', say: 'upgrade Alice Anders to the international calling plan', shows: [/Alice Anders/, /Domestic and International Calling Plan/], never: [/couldn't find anyone/, /don't know a licence/] }],
  ['zh-CN: 升级到 = assign the target plan', { locale: 'zh-CN', say: '把Alice Anders升级到国际通话计划', shows: [/Alice Anders/, /国内和国际通话计划/], never: [/升级/] }],
  ['fr: passe … au = assign the target plan', { locale: 'fr-FR', say: "passe Alice Anders au forfait d'appels internationaux", shows: [/Alice Anders/, /Forfait d'appels nationaux et internationaux/], never: [/passe Alice/] }],
  ['en: a slip is read as the one close product', { locale: 'en-US', say: 'give Alice Anders a caling plan', shows: [/Alice Anders/, /Domestic Calling Plan/], never: [/don't know a licence/] }],
  ['ja: a slip is read as the one close product', { locale: 'ja-JP', say: 'Alice Andersさんに phone sytem を割り当てて', shows: [/Alice Anders/, /電話システム/], never: [/というライセンスはわからない/] }],
  ['en: a slip close to several is asked back', { locale: 'en-US', say: 'give Alice Anders microsoft 365 e4', shows: [/Did you mean Microsoft 365 E5 or Microsoft 365 E3\?/], never: [REQUEST_SUMMARY] }],
  ['fr: a slip close to several is asked back', { locale: 'fr-FR', say: 'attribue microsoft 365 e4 à Alice Anders', shows: [/Vouliez-vous dire Microsoft 365 E5 ou Microsoft 365 E3 \?/], never: [REQUEST_SUMMARY] }],
  ['ja: a slip close to several is asked back', { locale: 'ja-JP', say: 'Alice Andersさんに microsoft 365 e4 を割り当てて', shows: [/Microsoft 365 E5またはMicrosoft 365 E3のことですか/], never: [REQUEST_SUMMARY] }],
  ['en: a question starts no request', { locale: 'en-US', say: 'does Alice Anders have a calling plan?', shows: [], never: [REQUEST_SUMMARY] }],
  ['zh-CN: a question starts no request', { locale: 'zh-CN', say: 'Alice Anders有通话计划吗？', shows: [], never: [REQUEST_SUMMARY] }],
  ['fr: a question starts no request', { locale: 'fr-FR', say: "est-ce que Alice Anders a un forfait d'appels ?", shows: [], never: [REQUEST_SUMMARY] }],
];

describe('people as they write, over HTTP', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started));

  for (const [title, story] of STORIES) {
    it(title, async () => {
      const { texts } = await turn(h, h.user('Rita Requester', story.locale), story.say);
      assert.ok(texts.trim() !== '', 'the bot answers');
      for (const pattern of story.shows) assert.match(texts, pattern);
      for (const pattern of story.never) assert.doesNotMatch(texts, pattern);
    });
  }
});
