import { describeRows, email, named, SELF } from './parse-table';

describe('parseUtterance in Japanese', () => {
  describeRows('Japanese', 'ja', [
    { text: 'Alice に通話プランを割り当てて', products: ['MCOPSTN1'], person: named('Alice') },
    { text: 'アリスに電話会議を付与', products: ['MCOMEETADV'], person: named('アリス') },
    { text: 'Aliceの通話プランを削除して', action: 'remove', products: ['MCOPSTN1'], person: named('Alice') },
    { text: '私に通話プランを割り当てて', products: ['MCOPSTN1'], person: SELF },
    { text: '山田さんに国内通話プランを割り当ててください', products: ['MCOPSTN1'], person: named('山田') },
    { text: 'Alice から電話システムを外して', action: 'remove', products: ['MCOEV'], person: named('Alice') },
    { text: 'アリスの電話会議を解除して', action: 'remove', products: ['MCOMEETADV'], person: named('アリス') },
    { text: '通信クレジットを私に付与して', products: ['MCOPSTNC'], person: SELF },
    { text: '鈴木さんに国内および国際通話プランを付与してください', products: ['MCOPSTN2'], person: named('鈴木') },
    { text: 'ボブに音声会議を割り当てて', products: ['MCOMEETADV'], person: named('ボブ') },
    { text: '佐藤さんに電話システムと通話プランを割り当ててください', products: ['MCOEV', 'MCOPSTN1'], person: named('佐藤') },
    { text: '田中さんにエンタープライズ E3 ライセンスを割り当てて', products: ['ENTERPRISEPACK'], person: named('田中') },
    { text: 'Megan Bowen さんに Enterprise E5 (電話会議なし) を付与', products: ['ENTERPRISEPREMIUM_NOPSTNCONF'], person: named('Megan Bowen') },
    { text: 'megan@contoso.com に通話プラン (120分) を割り当てて', products: ['MCOPSTN5'], person: email('megan@contoso.com') },
    { text: '高橋さんの電話会議の1分あたりの料金を削除して', action: 'remove', products: ['MCOMEETACPEA'], person: named('高橋') },
    { text: 'アリスにコミュニケーション クレジットを付与', products: ['MCOPSTNC'], person: named('アリス') },
    { text: '山田 太郎さんに国際通話プランを割り当ててください', products: ['MCOPSTN2'], person: named('山田 太郎') },
    { text: '<at>佐藤 花子</at>さんの通話プランを取り消して', action: 'remove', products: ['MCOPSTN1'], person: named('佐藤 花子') },
    { text: 'ｱﾘｽに電話ｼｽﾃﾑを割り当てて', products: ['MCOEV'], person: named('アリス') },
  ]);

  describeRows("today's product names in Japanese", 'ja', [
    { text: '山田さんに Teams Phone を割り当てて', products: ['MCOEV'], person: named('山田') },
    { text: '山田さんに Teams 電話 スタンダードを割り当てて', products: ['MCOEV'], person: named('山田') },
    { text: '山田さんに Teams Phone Standard を割り当てて', products: ['MCOEV'], person: named('山田') },
    { text: '山田さんに Teams Phone (通話プラン付き) を割り当てて', products: ['MCOTEAMS_ESSENTIALS'], person: named('山田') },
    { text: '山田さんに Teams エンタープライズを割り当てて', products: ['Microsoft_Teams_Enterprise_New'], person: named('山田') },
    { text: '山田さんに Microsoft Teams Enterprise を割り当てて', products: ['Microsoft_Teams_Enterprise_New'], person: named('山田') },
    { text: '山田さんに Microsoft Teams を割り当てて', products: ['TEAMS1'], person: named('山田') },
    { text: '山田さんに Microsoft 365 E5 を割り当てて', products: ['SPE_E5'], person: named('山田') },
    { text: '山田さんに M365 E3 を付与', products: ['SPE_E3'], person: named('山田') },
    { text: '山田さんに Microsoft 365 E5 (Teams なし) を割り当てて', products: ['Microsoft_365_E5_(no_Teams)'], person: named('山田') },
    { text: '山田さんに E3 Teams なしを割り当てて', products: ['Microsoft_365_E3_(no_Teams)'], person: named('山田') },
    { text: '山田さんに従量課金の通話プランを割り当てて', products: ['MCOPSTN_PAYG_1'], person: named('山田') },
    { text: '山田さんから Teams Phone を外して', action: 'remove', products: ['MCOEV'], person: named('山田') },
  ]);
});
