/** Every language the utterance parser understands, in tie-breaking order. */
import { EN } from './en';
import { FR } from './fr';
import { JA } from './ja';
import type { Vocabulary } from './types';
import { ZH_CN } from './zh-cn';
import { ZH_TW } from './zh-tw';

export { NEUTRAL_PRODUCTS } from './neutral';
export type { ParseLanguage, ProductPhrases, Vocabulary } from './types';

export const VOCABULARIES: readonly Vocabulary[] = [EN, ZH_CN, ZH_TW, JA, FR];
