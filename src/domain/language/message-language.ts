/**
 * The language a message is written in, when it is clear: people whose Teams client is in English often write
 * in Japanese or French, and should be answered in what they wrote. Pure; "unclear" (a name alone, a number,
 * "ok") returns undefined so that the conversation keeps its language.
 */
import { FRENCH_WORDS, SIMPLIFIED_ONLY, TRADITIONAL_ONLY, ENGLISH_WORDS } from './language-words';

export type MessageLanguage = 'en' | 'zh-CN' | 'zh-TW' | 'ja' | 'fr';

const KANA = /[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Letters only French uses among our languages (English has none of them in ordinary words). */
const FRENCH_LETTERS = /[àâæçéèêëîïôœùûüÿ]/i;

/**
 * @param text what the person wrote
 * @param zhVariant the client's Chinese variant, for Han text with no variant-only character
 */
export function messageLanguage(text: string, zhVariant: 'zh-CN' | 'zh-TW' = 'zh-CN'): MessageLanguage | undefined {
  // Kana exist only in Japanese; Japanese also uses Han, so kana are looked at first.
  if (KANA.test(text)) return 'ja';
  if (HAN.test(text)) return chineseVariant(text) ?? zhVariant;
  const words = text.toLowerCase().match(/[a-zàâæçéèêëîïôœùûüÿ']+/g) ?? [];
  const french = words.filter((word) => FRENCH_WORDS.has(word) || FRENCH_WORDS.has(word.replace(/^[a-z]'/, ''))).length;
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  // A name such as "Chloé Lefèvre" alone has French letters but no French words: not enough to switch.
  if (french > english && (french >= 2 || (french >= 1 && FRENCH_LETTERS.test(text)))) return 'fr';
  if (english >= 1 && english >= french) return 'en';
  return undefined;
}

function chineseVariant(text: string): 'zh-CN' | 'zh-TW' | undefined {
  let simplified = 0;
  let traditional = 0;
  for (const char of text) {
    if (SIMPLIFIED_ONLY.has(char)) simplified++;
    if (TRADITIONAL_ONLY.has(char)) traditional++;
  }
  if (simplified > traditional) return 'zh-CN';
  if (traditional > simplified) return 'zh-TW';
  return undefined;
}
