/** Verbs of change and removal, and questions, in the five languages: one row, one test. */
import assert from 'node:assert/strict';
import { parseUtterance } from '../../src/domain/parse';

interface Row {
  readonly text: string;
  readonly action: 'assign' | 'remove';
  readonly products: readonly string[];
  readonly person: string | 'self';
}

const personOf = (text: string): string | undefined => {
  const person = parseUtterance(text).person;
  return person === undefined ? undefined : person.kind === 'self' ? 'self' : person.value;
};

describe('parseUtterance: verbs of change ask for the target, as the plain form does', () => {
  const rows: readonly Row[] = [
    { text: 'upgrade Kenji Mori to the international calling plan', action: 'assign', products: ['MCOPSTN2'], person: 'Kenji Mori' },
    { text: 'switch Kenji Mori to domestic and international calling', action: 'assign', products: ['MCOPSTN2'], person: 'Kenji Mori' },
    { text: 'move Tom Becker to the domestic and international calling plan', action: 'assign', products: ['MCOPSTN2'], person: 'Tom Becker' },
    { text: "change Grace Kim's calling plan to international", action: 'assign', products: ['MCOPSTN2'], person: 'Grace Kim' },
    { text: "replace Grace Kim's domestic calling plan with the international calling plan", action: 'assign', products: ['MCOPSTN2'], person: 'Grace Kim' },
    { text: "set Grace Kim's calling plan to international", action: 'assign', products: ['MCOPSTN2'], person: 'Grace Kim' },
    { text: 'downgrade Ben Carter from E5 to E3', action: 'assign', products: ['ENTERPRISEPACK'], person: 'Ben Carter' },
    { text: '把Kenji Mori升级到国际通话计划', action: 'assign', products: ['MCOPSTN2'], person: 'Kenji Mori' },
    { text: '把李娜的通话计划改成国际通话计划', action: 'assign', products: ['MCOPSTN2'], person: '李娜' },
    { text: '將林美玲升級為國內及國際通話方案', action: 'assign', products: ['MCOPSTN2'], person: '林美玲' },
    { text: '鈴木一郎さんの通話プランを国際通話プランに変更してください', action: 'assign', products: ['MCOPSTN2'], person: '鈴木一郎' },
    { text: 'Kenji Moriさんを国際通話プランにアップグレードしてください', action: 'assign', products: ['MCOPSTN2'], person: 'Kenji Mori' },
    { text: "passe Kenji Mori au forfait d'appels internationaux", action: 'assign', products: ['MCOPSTN2'], person: 'Kenji Mori' },
    { text: "remplace le forfait d'appels de Hugo Lambert par le forfait d'appels internationaux", action: 'assign', products: ['MCOPSTN2'], person: 'Hugo Lambert' },
  ];
  for (const row of rows) {
    it(JSON.stringify(row.text), () => {
      const parsed = parseUtterance(row.text);
      assert.deepEqual({ action: parsed.action, products: parsed.products, person: personOf(row.text), question: parsed.question }, { action: row.action, products: row.products, person: row.person, question: false });
    });
  }
});

describe('parseUtterance: verbs of removal', () => {
  const rows: readonly Row[] = [
    { text: 'take away audio conferencing from Olivia Brown', action: 'remove', products: ['MCOMEETADV'], person: 'Olivia Brown' },
    { text: "revoke Daniel Brooks's phone system", action: 'remove', products: ['MCOEV'], person: 'Daniel Brooks' },
    { text: "turn off Grace Kim's domestic calling plan", action: 'remove', products: ['MCOPSTN1'], person: 'Grace Kim' },
    { text: "Tom Becker's Teams Phone with Calling Plan can be removed", action: 'remove', products: ['MCOTEAMS_ESSENTIALS'], person: 'Tom Becker' },
    { text: '撤销李娜的音频会议', action: 'remove', products: ['MCOMEETADV'], person: '李娜' },
    { text: '停用Uma Reddy的电话系统', action: 'remove', products: ['MCOEV'], person: 'Uma Reddy' },
    { text: '鈴木一郎さんの通話プランをオフにして', action: 'remove', products: ['MCOPSTN1'], person: '鈴木一郎' },
    { text: 'Samir KhanさんのTeams 電話を無効化してください', action: 'remove', products: ['MCOEV'], person: 'Samir Khan' },
    { text: "coupe le forfait d'appels de Victor Leclerc", action: 'remove', products: ['MCOPSTN1'], person: 'Victor Leclerc' },
    { text: 'désactive le système téléphonique de Nadia Haddad', action: 'remove', products: ['MCOEV'], person: 'Nadia Haddad' },
  ];
  for (const row of rows) {
    it(JSON.stringify(row.text), () => {
      const parsed = parseUtterance(row.text);
      assert.deepEqual({ action: parsed.action, products: parsed.products, person: personOf(row.text) }, { action: row.action, products: row.products, person: row.person });
    });
  }
});

describe('parseUtterance: questions are flagged, polite requests written as questions are not', () => {
  const rows: readonly [string, boolean][] = [
    ['what licences does Alice Johnson have?', true],
    ['does Alice have a calling plan?', true],
    ['Does Kenji Mori have phone system', true],
    ['who approves for Alice Johnson?', true],
    ['how many calling plans are left?', true],
    ['王芳有通话计划吗？', true],
    ['谁审批张伟的请求？', true],
    ['還剩多少通話方案？', true],
    ['佐藤花子さんは通話プランを持っていますか？', true],
    ['鈴木一郎さんの承認者は誰ですか', true],
    ['quelles licences a Camille Dubois ?', true],
    ["est-ce que Chloé Lefèvre a un forfait d'appels ?", true],
    ["combien de forfaits d'appels reste-t-il ?", true],
    ['can I get Teams Phone?', false],
    ['could you please give Hiroshi Tanaka audio conferencing? thanks', false],
    ['能给我开通音频会议吗？', false],
    ['高橋美咲さんに電話会議を割り当てていただけますか', false],
    ["Est-ce que vous pouvez ajouter l'audioconférence à Hugo Lambert svp", false],
    ['give Alice Johnson a calling plan', false],
  ];
  for (const [text, question] of rows) it(`${JSON.stringify(text)}: ${question ? 'a question' : 'a request'}`, () => assert.equal(parseUtterance(text).question, question));
});
