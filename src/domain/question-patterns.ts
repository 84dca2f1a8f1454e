/**
 * How people ask about licences, per language: each pattern captures the person (and the licence) as written.
 * Anchored at both ends, so that a request that merely contains a question word ("give Alice … who needs it")
 * stays a request. Honorifics are left in the person; the people finder drops them.
 */
export type QuestionKind = 'licences' | 'has' | 'approvers' | 'seatsLeft';

export interface QuestionPattern {
  readonly kind: QuestionKind;
  readonly pattern: RegExp;
  /** Which capture groups hold the person and the licence. */
  readonly person?: number;
  readonly product?: number;
}

const Q = '\\s*[?？]?\\s*$';
const ZH_LICENCE = '(?:许可证|許可證|授权|授權|许可|許可|licen[cs]es?)';
const JA_LICENCE = '(?:ライセンス)';

export const QUESTION_PATTERNS: readonly QuestionPattern[] = [
  // English
  { kind: 'licences', pattern: new RegExp(`^(?:what|which)\\s+(?:licen[cs]es?\\s+)?(?:does|do|has)\\s+(.+?)\\s+(?:have|hold|got)${Q}`, 'i'), person: 1 },
  { kind: 'has', pattern: new RegExp(`^(?:does|has)\\s+(.+?)\\s+(?:have|hold|got)\\s+(.+?)${Q}`, 'i'), person: 1, product: 2 },
  { kind: 'approvers', pattern: new RegExp(`^who\\s+(?:approves|can\\s+approve|will\\s+approve|would\\s+approve)\\s+(?:requests?\\s+)?(?:for|of)\\s+(.+?)${Q}`, 'i'), person: 1 },
  { kind: 'seatsLeft', pattern: new RegExp(`^how\\s+many\\s+(.+?)\\s+(?:do\\s+we\\s+have\\s+|are\\s+|are\\s+there\\s+|is\\s+)?(?:left|remaining|available|free)${Q}`, 'i'), product: 1 },
  // French
  { kind: 'licences', pattern: new RegExp(`^quel(?:le)?s?\\s+licences?\\s+(?:a|possède|détient)(?:-t-(?:il|elle))?\\s+(.+?)${Q}`, 'i'), person: 1 },
  { kind: 'licences', pattern: new RegExp(`^quel(?:le)?s\\s+sont\\s+les\\s+licences\\s+(?:de\\s+|d['’]\\s*)(.+?)${Q}`, 'i'), person: 1 },
  { kind: 'has', pattern: new RegExp(`^(.+?)\\s+(?:a|possède|dispose)-t-(?:il|elle)\\s+(?:d['’]\\s*|de\\s+)?(.+?)${Q}`, 'i'), person: 1, product: 2 },
  { kind: 'has', pattern: new RegExp(`^est-ce\\s+qu(?:e\\s+|['’]\\s*)(.+?)\\s+(?:a|possède|dispose\\s+d['’e]\\s*)\\s*(.+?)${Q}`, 'i'), person: 1, product: 2 },
  { kind: 'approvers', pattern: new RegExp(`^qui\\s+(?:approuve|valide)\\s+(?:les\\s+demandes\\s+)?(?:pour|de)\\s+(.+?)${Q}`, 'i'), person: 1 },
  { kind: 'seatsLeft', pattern: new RegExp(`^combien\\s+reste-t-il\\s+(?:de\\s+|d['’]\\s*)(.+?)${Q}`, 'i'), product: 1 },
  { kind: 'seatsLeft', pattern: new RegExp(`^combien\\s+(?:de\\s+|d['’]\\s*)(.+?)\\s+(?:reste-t-il|restent|reste|sont\\s+disponibles|disponibles|libres)${Q}`, 'i'), product: 1 },
  // Japanese
  { kind: 'licences', pattern: new RegExp(`^(.+?)(?:の${JA_LICENCE}は(?:何|なに|どれ)?(?:ですか)?|は(?:どの|何の|なんの)${JA_LICENCE}を持って(?:いますか|いる|ますか))${Q}`), person: 1 },
  { kind: 'has', pattern: new RegExp(`^(.+?)は(.+?)を持って(?:いますか|いる|ますか)${Q}`), person: 1, product: 2 },
  { kind: 'approvers', pattern: new RegExp(`^(.+?)の(?:依頼|申請|リクエスト)?(?:を|は)?(?:誰|だれ)が承認(?:しますか|する|します)?${Q}`), person: 1 },
  { kind: 'approvers', pattern: new RegExp(`^(.+?)の承認者は(?:誰|だれ)(?:ですか)?${Q}`), person: 1 },
  { kind: 'seatsLeft', pattern: new RegExp(`^(.+?)(?:は|の)(?:あと|残り)?(?:何個|いくつ|何件|何ライセンス|何本)(?:残って(?:いますか|ますか|る)|ありますか)?${Q}`), product: 1 },
  // Chinese (simplified and traditional)
  { kind: 'licences', pattern: new RegExp(`^(.+?)(?:有|拥有|擁有)(?:哪些|什么|什麼)${ZH_LICENCE}${Q}`, 'i'), person: 1 },
  { kind: 'licences', pattern: new RegExp(`^(.+?)的${ZH_LICENCE}(?:有哪些|是什么|是什麼)?${Q}`, 'i'), person: 1 },
  { kind: 'has', pattern: new RegExp(`^(.+?)(?:有没有|有沒有)(.+?)${Q}`), person: 1, product: 2 },
  { kind: 'has', pattern: new RegExp(`^(.+?)有(.+?)(?:吗|嗎)${Q}`), person: 1, product: 2 },
  { kind: 'approvers', pattern: new RegExp(`^(?:谁|誰)(?:来|來)?(?:审批|審批|核准|批准)(.+?)的(?:申请|申請)${Q}`), person: 1 },
  { kind: 'approvers', pattern: new RegExp(`^(.+?)的(?:申请|申請)?(?:由)?(?:谁|誰)(?:来|來)?(?:审批|審批|核准|批准)${Q}`), person: 1 },
  { kind: 'seatsLeft', pattern: new RegExp(`^(.+?)(?:还剩|還剩|剩下|剩余|剩餘)(?:多少|几|幾)(?:个|個)?${Q}`), product: 1 },
  { kind: 'seatsLeft', pattern: new RegExp(`^(?:还剩|還剩)(?:多少|几|幾)(?:个|個)?(.+?)${Q}`), product: 1 },
];
