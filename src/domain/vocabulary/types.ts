/**
 * The shape of one language's vocabulary for the utterance parser. Words only: the parser's
 * algorithm (src/domain/parse*.ts) holds no language's words.
 * Phrases are written naturally; the parser folds them the same way as the user's text
 * (NFKC, lowercase, accents and punctuation ignored, spaces optional next to CJK characters).
 */

export type ParseLanguage = 'en' | 'zh-CN' | 'zh-TW' | 'ja' | 'fr';

export interface ProductPhrases {
  /** A catalog part number (src/domain/catalog.ts). */
  readonly partNumber: string;
  readonly phrases: readonly string[];
}

export interface Vocabulary {
  readonly language: ParseLanguage;
  readonly products: readonly ProductPhrases[];
  /** Ask for a licence; the person may follow directly ("give Alice …"). */
  readonly assignVerbs: readonly string[];
  /** Ask for a licence to be taken away; the person may follow directly ("remove Alice's …"). */
  readonly removeVerbs: readonly string[];
  /**
   * Ask for one licence in place of another ("upgrade", "switch", "change", "升级到", "切り替えて", "passe"): an assign
   * of the target. The person may follow directly, "from"-like markers point at the person too, and of two products
   * of one kind ("change Alice's calling plan to international") only the last, the target, is asked.
   */
  readonly changeVerbs: readonly string[];
  /** Words that always make the text a question ("what", "who", "how many", "什么", "誰", "combien"). */
  readonly questionWords: readonly string[];
  /**
   * Words that make the text a question unless it also asks for a change: "does Alice have …" is a question,
   * "能给我开通音频会议吗" and "割り当てていただけますか" are polite requests.
   */
  readonly questionMarks: readonly string[];
  /** The person follows: "to Alice", "给Alice", "à Alice". */
  readonly personFollows: readonly string[];
  /** The person precedes: "Alice's", "Alice needs", "Aliceに", "Alice的". */
  readonly personPrecedes: readonly string[];
  /** Like personFollows, but only when removing ("from Bob", "从Alice", "de Bob"). */
  readonly sourceFollows: readonly string[];
  /** Like personPrecedes, but only when removing ("Aliceから"). */
  readonly sourcePrecedes: readonly string[];
  /** The requester themself: "me", "我", "私", "moi". */
  readonly self: readonly string[];
  /** What follows an article is a thing, not a person ("a unicorn licence"). */
  readonly articles: readonly string[];
  /** Generic licence words; an unknown word before one is a product name, not a person. */
  readonly licenceNouns: readonly string[];
  /** Politeness and glue words, dropped. */
  readonly fillers: readonly string[];
  /** Endings a product name or licence noun may take in the plural ("calling plans"). */
  readonly pluralSuffixes: readonly string[];
}
