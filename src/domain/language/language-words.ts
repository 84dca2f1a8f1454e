/**
 * Word lists that tell the five languages apart. Function words (articles, pronouns, prepositions) rather than
 * licence vocabulary: they are in every sentence, and a product name ("Teams Phone") is the same in all languages.
 */

/** French function words and request words; "a", "on", "plan" are left out because English has them too. */
export const FRENCH_WORDS: ReadonlySet<string> = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'et', 'est', 'pour', 'avec', 'sans', 'qui', 'que',
  'quoi', 'quels', 'quelles', 'quel', 'quelle', 'combien', 'il', 'elle', 'ils', 'elles', 'je', 'moi', 'mon', 'ma',
  'mes', 'son', 'sa', 'ses', 'leur', 'lui', 'reste', 'restent', 'donne', 'donner', 'attribue', 'attribuer', 'ajoute',
  'ajouter', 'retire', 'retirer', 'supprime', 'enlève', 'besoin', 'forfait', 'appels', 'licences', 'licence',
  'approuve', 'a-t-il', 'a-t-elle', 't-il', 't-elle', 'possède', 'dispose', 'pourrais', 'veuillez', 'merci', 'svp',
  "s'il", 'plaît', 'ai', 'avoir', 'fait', 'quelles', 'audioconférence', 'téléphonie', 'à',
]);

export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  'the', 'an', 'to', 'for', 'of', 'and', 'with', 'give', 'add', 'remove', 'assign', 'what', 'which', 'who', 'does',
  'do', 'is', 'are', 'has', 'have', 'how', 'many', 'left', 'please', 'licence', 'licences', 'license', 'licenses',
  'calling', 'conferencing', 'approves', 'need', 'needs', 'i', 'me', 'my', 'her', 'his', 'their', 'get', 'enable',
  'take', 'away', 'from', 'can', 'you', 'would', 'should', 'want', 'wants', 'set', 'up', 'turn', 'on', 'off',
]);

/**
 * Characters written only in Simplified Chinese, and their Traditional counterparts written only in Traditional
 * Chinese: the ones licence requests and questions use (assign, plan, call, meeting, remove, who, approve …).
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['给', '給'], ['话', '話'], ['计', '計'], ['划', '劃'], ['议', '議'], ['会', '會'], ['请', '請'], ['许', '許'],
  ['删', '刪'], ['审', '審'], ['批', '批'], ['谁', '誰'], ['么', '麼'], ['个', '個'], ['还', '還'], ['几', '幾'],
  ['们', '們'], ['这', '這'], ['电', '電'], ['际', '際'], ['国', '國'], ['内', '內'], ['开', '開'], ['关', '關'],
  ['为', '為'], ['让', '讓'], ['统', '統'], ['户', '戶'], ['务', '務'], ['语', '語'], ['点', '點'],
  ['数', '數'], ['号', '號'], ['钟', '鐘'], ['过', '過'], ['时', '時'], ['间', '間'], ['剩', '剩'], ['经', '經'],
  ['理', '理'], ['级', '級'], ['换', '換'], ['从', '從'], ['将', '將'], ['无', '無'], ['实', '實'], ['现', '現'],
  ['权', '權'], ['证', '證'], ['项', '項'], ['马', '馬'], ['张', '張'], ['伟', '偉'], ['丽', '麗'],
  ['龄', '齡'], ['东', '東'], ['协', '協'], ['应', '應'], ['该', '該'], ['吗', '嗎'], ['没', '沒'], ['帮', '幫'],
  ['配', '配'], ['录', '錄'], ['发', '發'], ['动', '動'], ['义', '義'], ['务', '務'], ['场', '場'], ['码', '碼'],
];

export const SIMPLIFIED_ONLY: ReadonlySet<string> = new Set(PAIRS.filter(([s, t]) => s !== t).map(([s]) => s));
export const TRADITIONAL_ONLY: ReadonlySet<string> = new Set(PAIRS.filter(([s, t]) => s !== t).map(([, t]) => t));
