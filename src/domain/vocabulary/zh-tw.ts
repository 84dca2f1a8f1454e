/**
 * Traditional Chinese vocabulary. Product names from the zh-TW seed (001), including its machine
 * translations ("手機系統", "語音會議", "通訊信用額度"). Spaces are optional between CJK characters.
 */
import { DEFAULT_CALLING_PLAN } from '../catalog';
import { withQualifier } from './compose';
import type { Vocabulary } from './types';

const CALLING_PLAN = ['通話方案', '國內通話方案', '通話計劃', '通話計畫'];
const minutes = (count: number): string[] => [`${count}分鐘`, `${count}分`, `${count} minutes`, `${count} min`];

export const ZH_TW: Vocabulary = {
  language: 'zh-TW',
  products: [
    {
      partNumber: 'ENTERPRISEPREMIUM',
      phrases: ['企業版e5', '企業e5', '企業版e5 含音訊會議', '企業版e5 含電話系統', 'e5 含音訊會議'],
    },
    {
      partNumber: 'ENTERPRISEPREMIUM_NOPSTNCONF',
      phrases: ['企業版e5 不含音訊會議', '企業e5 不含音訊會議', 'e5 不含音訊會議', 'e5 無音訊會議'],
    },
    { partNumber: 'ENTERPRISEPACK', phrases: ['企業版e3', '企業e3'] },
    { partNumber: 'STANDARDPACK', phrases: ['企業版e1', '企業e1'] },
    { partNumber: 'MCOSTANDARD', phrases: ['skype for business online 獨立方案 2', '商務用 skype online 方案 2', 'skype 方案 2'] },
    { partNumber: 'MCOEV', phrases: ['電話系統', '手機系統', 'teams 電話系統', 'teams 電話'] },
    { partNumber: DEFAULT_CALLING_PLAN, phrases: ['通話方案', '通話計劃', '通話計畫'] },
    { partNumber: 'MCOPSTN1', phrases: ['國內通話方案', '國內通話計劃'] },
    { partNumber: 'MCOPSTN5', phrases: withQualifier(CALLING_PLAN, minutes(120)) },
    { partNumber: 'MCOPSTN6', phrases: withQualifier(CALLING_PLAN, minutes(240)) },
    {
      partNumber: 'MCOPSTN2',
      phrases: ['國內及國際通話方案', '國內和國際通話方案', '國內與國際通話方案', '國內&國際通話方案', '國際通話方案', '國際通話計劃'],
    },
    { partNumber: 'MCOMEETADV', phrases: ['音訊會議', '音訊會議 訂閱', '語音會議', '電話會議', '撥入會議'] },
    {
      partNumber: 'MCOMEETACPEA',
      phrases: ['每分鐘付費語音會議', '每分鐘付費音訊會議', '音訊會議每分鐘付費', '按分鐘付費音訊會議', '按分鐘付費', '每分鐘付費'],
    },
    { partNumber: 'MCOPSTNC', phrases: ['通訊點數', '通訊信用額度', '通訊信用', '通信點數'] },
    // The seeds' MCOPSTNPP (their Communications Credits) is really this plan's SKU; the plan itself is MCOPSTN3.
    { partNumber: 'MCOPSTN3', phrases: ['pstn 使用量通話方案', '使用量通話方案'] },
    { partNumber: 'MCOEV', phrases: ['teams phone 標準版', 'teams 電話標準版'] },
    {
      partNumber: 'MCOTEAMS_ESSENTIALS',
      phrases: ['teams phone 含通話方案', 'teams phone 含通話計劃', 'teams 電話 含通話方案', '含通話方案的 teams phone', '含通話方案的 teams 電話'],
    },
    { partNumber: 'MCOPSTN_PAYG_1', phrases: ['隨用隨付通話方案', '隨用隨付通話計劃', '按用量付費通話方案', '通話方案 隨用隨付'] },
    { partNumber: 'Microsoft_Teams_Enterprise_New', phrases: ['teams 企業版', 'microsoft teams 企業版'] },
    { partNumber: 'Microsoft_365_E5_(no_Teams)', phrases: ['e5 不含 teams', 'e5 無 teams', 'microsoft 365 e5 不含 teams', 'microsoft 365 e5 無 teams', 'm365 e5 不含 teams'] },
    { partNumber: 'Microsoft_365_E3_(no_Teams)', phrases: ['e3 不含 teams', 'e3 無 teams', 'microsoft 365 e3 不含 teams', 'microsoft 365 e3 無 teams', 'm365 e3 不含 teams'] },
  ],
  assignVerbs: ['指派', '分配', '授予', '開通', '新增', '添加', '增加', '申請', '設定', '加上', '安排', '啟用', '打開', '開啟', '開', '加'],
  removeVerbs: ['移除', '刪除', '刪掉', '去掉', '去除', '取消', '撤銷', '撤回', '收回', '回收', '拿掉', '解除', '停用', '關閉', '停掉', '關掉', '撤掉', '禁用', '不需要', '不再需要', '不用'],
  changeVerbs: ['升級到', '升級為', '升級成', '升級', '降級到', '降級為', '降級', '切換到', '切換為', '切換成', '切換', '換成', '換為', '換到', '改成', '改為', '改到', '更換為', '更換成', '更換', '遷移到', '遷移', '變更為', '變更'],
  questionWords: ['什麼', '甚麼', '誰', '多少', '哪些', '哪個', '幾個', '有沒有', '是否', '怎麼', '怎樣', '如何'],
  questionMarks: ['嗎', '呢'],
  personFollows: ['給', '為', '幫', '替'],
  personPrecedes: ['的', '需要', '想要', '要', '應該有', '應有'],
  sourceFollows: ['從'],
  sourcePrecedes: [],
  self: ['我', '我的', '本人', '自己'],
  articles: ['一個', '一份', '一張', '個'],
  licenceNouns: ['授權', '授權許可', '許可證', '許可', '訂閱', '方案'],
  fillers: ['請', '麻煩', '麻煩你', '幫忙', '謝謝', '多謝', '吧', '啊', '一下', '和', '及', '以及', '與', '還有', '把', '將', '並', '您好', '你好', '使用者', '用戶', '同事', '了', '所有', '全部', '我的同事', '我同事'],
  pluralSuffixes: [],
};
