import assert from 'node:assert/strict';
import { CATALOG, isCatalogPartNumber } from '../../src/domain/catalog';
import { parseUtterance } from '../../src/domain/parse';
import { foldPhrase } from '../../src/domain/parse-text';
import { NEUTRAL_PRODUCTS, VOCABULARIES } from '../../src/domain/vocabulary';

describe('parser vocabulary', () => {
  const allProducts = [...NEUTRAL_PRODUCTS, ...VOCABULARIES.flatMap((vocabulary) => vocabulary.products)];

  it('names only catalog part numbers', () => {
    const unknown = allProducts.filter(({ partNumber }) => !isCatalogPartNumber(partNumber)).map(({ partNumber }) => partNumber);
    assert.deepEqual(unknown, []);
  });

  for (const vocabulary of VOCABULARIES) {
    it(`${vocabulary.language} names every catalog SKU (with the language-neutral names)`, () => {
      const named = new Set([...NEUTRAL_PRODUCTS, ...vocabulary.products].map(({ partNumber }) => partNumber));
      assert.deepEqual(CATALOG.map(({ partNumber }) => partNumber).filter((partNumber) => !named.has(partNumber)), []);
    });
  }

  it('never gives one phrase two part numbers', () => {
    const partByPhrase = new Map<string, string>();
    const conflicts: string[] = [];
    for (const { partNumber, phrases } of allProducts) {
      for (const phrase of phrases.map(foldPhrase)) {
        const known = partByPhrase.get(phrase);
        if (known !== undefined && known !== partNumber) conflicts.push(`${phrase}: ${known} / ${partNumber}`);
        partByPhrase.set(phrase, partNumber);
      }
    }
    assert.deepEqual(conflicts, []);
  });

  const seedTerms: readonly (readonly [string, string])[] = [
    ['通话计划', 'MCOPSTN1'],
    ['通話方案', 'MCOPSTN1'],
    ['通話プラン', 'MCOPSTN1'],
    ["forfait d'appels", 'MCOPSTN1'],
    ['调用计划', 'MCOPSTN1'],
    ["plan d'appel", 'MCOPSTN1'],
    ["offres d'appels", 'MCOPSTN1'],
    ['国内通话套餐', 'MCOPSTN1'],
    ['电话系统', 'MCOEV'],
    ['電話系統', 'MCOEV'],
    ['電話システム', 'MCOEV'],
    ['système téléphonique', 'MCOEV'],
    ['音频会议', 'MCOMEETADV'],
    ['音訊會議', 'MCOMEETADV'],
    ['電話会議', 'MCOMEETADV'],
    ['音声会議', 'MCOMEETADV'],
    ['audioconférence', 'MCOMEETADV'],
    ['conférence audio', 'MCOMEETADV'],
    ['通信点数', 'MCOPSTNC'],
    ['通訊點數', 'MCOPSTNC'],
    ['通信クレジット', 'MCOPSTNC'],
    ['crédits de communication', 'MCOPSTNC'],
    ['国内和国际通话计划', 'MCOPSTN2'],
    ['國內及國際通話方案', 'MCOPSTN2'],
    ['国内および国際通話プラン', 'MCOPSTN2'],
    ["forfait d'appels nationaux et internationaux", 'MCOPSTN2'],
    ['国际长途计划', 'MCOPSTN2'],
    ['國內 & 國際通話方案', 'MCOPSTN2'],
    ['国内 & 国際通話プラン', 'MCOPSTN2'],
    ['每分鐘付費語音會議', 'MCOMEETACPEA'],
    ['電話会議の1分あたりの料金', 'MCOMEETACPEA'],
    ['Payez à la minute', 'MCOMEETACPEA'],
    ['企业 E5 （不带音频的会议）', 'ENTERPRISEPREMIUM_NOPSTNCONF'],
    ['企業版 E5 （不含音訊會議）', 'ENTERPRISEPREMIUM_NOPSTNCONF'],
    ['Enterprise E5 (電話会議なし)', 'ENTERPRISEPREMIUM_NOPSTNCONF'],
    ['Entreprise E5 (sans Audioconférence)', 'ENTERPRISEPREMIUM_NOPSTNCONF'],
    ['企业版 E3', 'ENTERPRISEPACK'],
    ['エンタープライズ E1', 'STANDARDPACK'],
    ['Skype for Business Online 独立计划 2', 'MCOSTANDARD'],
    ['國內通話方案（120分鐘）', 'MCOPSTN5'],
    ['国内通話プラン (240分)', 'MCOPSTN6'],
  ];
  for (const [term, partNumber] of seedTerms) {
    it(`reads the seeds' "${term}" as ${partNumber}`, () => {
      assert.deepEqual(parseUtterance(term).products, [partNumber]);
    });
  }
});
