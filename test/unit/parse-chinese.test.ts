import { describeRows, email, named, SELF } from './parse-table';

describe('parseUtterance in Chinese', () => {
  describeRows('simplified Chinese', 'zh-CN', [
    { text: '给Alice分配通话计划', products: ['MCOPSTN1'], person: named('Alice') },
    { text: '给爱丽丝分配电话系统', products: ['MCOEV'], person: named('爱丽丝') },
    { text: '从Alice移除通话计划', action: 'remove', products: ['MCOPSTN1'], person: named('Alice') },
    { text: '请给王小明分配音频会议', products: ['MCOMEETADV'], person: named('王小明') },
    { text: '把通话计划分配给王小明', products: ['MCOPSTN1'], person: named('王小明') },
    { text: 'Alice需要音频会议和电话系统', products: ['MCOMEETADV', 'MCOEV'], person: named('Alice') },
    { text: '我需要通话计划', products: ['MCOPSTN1'], person: SELF },
    { text: '给我分配通信点数', products: ['MCOPSTNC'], person: SELF },
    { text: '删除Alice的电话系统', action: 'remove', products: ['MCOEV'], person: named('Alice') },
    { text: '取消王伟的国际通话计划', action: 'remove', products: ['MCOPSTN2'], person: named('王伟') },
    { text: '给张伟分配企业版E3和电话系统', products: ['ENTERPRISEPACK', 'MCOEV'], person: named('张伟') },
    { text: '为李娜开通国内和国际通话计划', products: ['MCOPSTN2'], person: named('李娜') },
    { text: '给 Megan 分配调用计划', products: ['MCOPSTN1'], person: named('Megan') },
    { text: '请帮我给Alice开通国内通话计划（120分钟）', products: ['MCOPSTN5'], person: named('Alice') },
    { text: '给alex@contoso.com分配企业 E5 （不带音频的会议）', products: ['ENTERPRISEPREMIUM_NOPSTNCONF'], person: email('alex@contoso.com') },
    { text: '从 Bob 撤销按分钟付费音频会议', action: 'remove', products: ['MCOMEETACPEA'], person: named('Bob') },
    { text: '给王芳分配MCOPSTN6', products: ['MCOPSTN6'], person: named('王芳') },
    { text: '给Alice分配E1许可证，谢谢', products: ['STANDARDPACK'], person: named('Alice') },
    { text: '给<at>王小明</at>分配通讯信用点数', products: ['MCOPSTNC'], person: named('王小明') },
    { text: '给陈静分配一个独角兽许可证', products: [], person: named('陈静'), unmatched: '独角兽' },
  ]);

  describeRows('traditional Chinese', 'zh-TW', [
    { text: '幫 Alice 指派電話系統', products: ['MCOEV'], person: named('Alice') },
    { text: '請給 Megan 音訊會議授權', products: ['MCOMEETADV'], person: named('Megan') },
    { text: '給王大明指派國內通話方案', products: ['MCOPSTN1'], person: named('王大明') },
    { text: '從 Megan 刪除音訊會議授權', action: 'remove', products: ['MCOMEETADV'], person: named('Megan') },
    { text: '移除 Alice 的通話方案', action: 'remove', products: ['MCOPSTN1'], person: named('Alice') },
    { text: '我需要通訊點數', products: ['MCOPSTNC'], person: SELF },
    { text: '給我指派電話系統和通話方案', products: ['MCOEV', 'MCOPSTN1'], person: SELF },
    { text: '為林志明指派國內及國際通話方案', products: ['MCOPSTN2'], person: named('林志明') },
    { text: '請幫 Bob 指派每分鐘付費語音會議', products: ['MCOMEETACPEA'], person: named('Bob') },
    { text: '取消陳小華的企業版E5', action: 'remove', products: ['ENTERPRISEPREMIUM'], person: named('陳小華') },
    { text: '給 Lee Gu 指派企業版 E5（不含音訊會議）', products: ['ENTERPRISEPREMIUM_NOPSTNCONF'], person: named('Lee Gu') },
    { text: '撤銷王大明的通訊點數', action: 'remove', products: ['MCOPSTNC'], person: named('王大明') },
    { text: 'Alice 需要企業版E3', products: ['ENTERPRISEPACK'], person: named('Alice') },
    { text: '給 alex@contoso.com 指派通話方案（240分鐘）', products: ['MCOPSTN6'], person: email('alex@contoso.com') },
    { text: '幫<at>Megan Bowen</at>指派國際通話方案', products: ['MCOPSTN2'], person: named('Megan Bowen') },
    { text: '給李美玲指派企業版E1授權', products: ['STANDARDPACK'], person: named('李美玲') },
    { text: '請給 Megan 手機系統', products: ['MCOEV'], person: named('Megan') },
  ]);

  describeRows("today's product names in simplified Chinese", 'zh-CN', [
    { text: '给王芳分配 Teams 电话', products: ['MCOEV'], person: named('王芳') },
    { text: '给王芳分配 Teams Phone 标准版', products: ['MCOEV'], person: named('王芳') },
    { text: '给王芳分配 Teams Phone（含通话套餐）', products: ['MCOTEAMS_ESSENTIALS'], person: named('王芳') },
    { text: '给王芳分配配有通话套餐的 Microsoft Teams Phone', products: ['MCOTEAMS_ESSENTIALS'], person: named('王芳') },
    { text: '给王芳分配即用即付通话套餐', products: ['MCOPSTN_PAYG_1'], person: named('王芳') },
    { text: '给王芳分配 Teams 电话和通话计划', products: ['MCOEV', 'MCOPSTN1'], person: named('王芳') },
    { text: '给王芳分配 Teams 企业版', products: ['Microsoft_Teams_Enterprise_New'], person: named('王芳') },
    { text: '给王芳分配 Microsoft Teams', products: ['TEAMS1'], person: named('王芳') },
    { text: '给王芳分配 Microsoft 365 E5', products: ['SPE_E5'], person: named('王芳') },
    { text: '给王芳分配 M365 E3', products: ['SPE_E3'], person: named('王芳') },
    { text: '给王芳分配 Microsoft 365 E5（不含 Teams）', products: ['Microsoft_365_E5_(no_Teams)'], person: named('王芳') },
    { text: '给王芳分配 E3 不含 Teams', products: ['Microsoft_365_E3_(no_Teams)'], person: named('王芳') },
    { text: '给王芳分配即用即付通话计划', products: ['MCOPSTN_PAYG_1'], person: named('王芳') },
    { text: '从王芳移除 Teams 电话', action: 'remove', products: ['MCOEV'], person: named('王芳') },
  ]);

  describeRows("today's product names in traditional Chinese", 'zh-TW', [
    { text: '給王大明指派 Teams 電話', products: ['MCOEV'], person: named('王大明') },
    { text: '給王大明指派 Teams Phone 標準版', products: ['MCOEV'], person: named('王大明') },
    { text: '給王大明指派 Teams Phone（含通話方案）', products: ['MCOTEAMS_ESSENTIALS'], person: named('王大明') },
    { text: '給王大明指派 Teams 企業版', products: ['Microsoft_Teams_Enterprise_New'], person: named('王大明') },
    { text: '給王大明指派 Microsoft Teams', products: ['TEAMS1'], person: named('王大明') },
    { text: '給王大明指派 Microsoft 365 E5', products: ['SPE_E5'], person: named('王大明') },
    { text: '給王大明指派 Microsoft 365 E3（不含 Teams）', products: ['Microsoft_365_E3_(no_Teams)'], person: named('王大明') },
    { text: '給王大明指派 E5 不含 Teams', products: ['Microsoft_365_E5_(no_Teams)'], person: named('王大明') },
    { text: '給王大明指派隨用隨付通話方案', products: ['MCOPSTN_PAYG_1'], person: named('王大明') },
    { text: '撤銷王大明的 Teams 電話', action: 'remove', products: ['MCOEV'], person: named('王大明') },
  ]);
});
