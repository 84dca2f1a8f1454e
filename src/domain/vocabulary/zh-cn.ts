/**
 * Simplified Chinese vocabulary. Product names from the zh-CN seeds (000, 002), including their
 * machine translations ("调用计划", "通话套餐", "通信片尾"). Spaces are optional between CJK characters.
 */
import { DEFAULT_CALLING_PLAN } from '../catalog';
import { withQualifier } from './compose';
import type { Vocabulary } from './types';

const CALLING_PLAN = ['通话计划', '国内通话计划', '通话套餐', '国内通话套餐', '调用计划', '呼叫计划'];
const minutes = (count: number): string[] => [`${count}分钟`, `${count}分`, `${count} minutes`, `${count} min`];

export const ZH_CN: Vocabulary = {
  language: 'zh-CN',
  products: [
    {
      partNumber: 'ENTERPRISEPREMIUM',
      phrases: ['企业版e5', '企业e5', '企业版e5 含音频会议', '企业e5 使用音频会议', '企业版e5 含电话系统', '企业e5 与电话系统', 'e5 含音频会议'],
    },
    {
      partNumber: 'ENTERPRISEPREMIUM_NOPSTNCONF',
      phrases: ['企业版e5 不含音频会议', '企业e5 不带音频的会议', '企业e5 不含音频会议', 'e5 不含音频会议', 'e5 不带音频会议', 'e5 无音频会议'],
    },
    { partNumber: 'ENTERPRISEPACK', phrases: ['企业版e3', '企业e3'] },
    { partNumber: 'STANDARDPACK', phrases: ['企业版e1', '企业e1'] },
    { partNumber: 'MCOSTANDARD', phrases: ['skype for business online 独立计划 2', 'skype for business 独立计划 2', 'skype 计划 2'] },
    { partNumber: 'MCOEV', phrases: ['电话系统', 'teams 电话系统', 'teams 电话'] },
    { partNumber: DEFAULT_CALLING_PLAN, phrases: ['通话计划', '通话套餐', '调用计划', '调用规划', '呼叫计划'] },
    { partNumber: 'MCOPSTN1', phrases: ['国内通话计划', '国内通话套餐', '国内调用计划', '国内调用规划', '国内呼叫计划'] },
    { partNumber: 'MCOPSTN5', phrases: withQualifier(CALLING_PLAN, minutes(120)) },
    { partNumber: 'MCOPSTN6', phrases: withQualifier(CALLING_PLAN, minutes(240)) },
    {
      partNumber: 'MCOPSTN2',
      phrases: [
        '国内和国际通话计划',
        '国内及国际通话计划',
        '国内与国际通话计划',
        '国内&国际通话计划',
        '国内和国际呼叫计划',
        '国内和国际调用计划',
        '国际通话计划',
        '国际呼叫计划',
        '国际调用计划',
        '国际长途计划',
        '国际通话套餐',
      ],
    },
    { partNumber: 'MCOMEETADV', phrases: ['音频会议', '音频会议订阅', '电话会议', '拨入会议'] },
    {
      partNumber: 'MCOMEETACPEA',
      phrases: ['按分钟付费音频会议', '音频会议按分钟付费', '每分钟付费音频会议', '音频会议每分钟付费', '按分钟付费', '即用即付音频会议'],
    },
    {
      partNumber: 'MCOPSTNC',
      phrases: ['通信点数', '通讯点数', '通信信用点数', '通讯信用点数', '通信信用', '通讯信用', '通信片尾', '通讯片尾', '通信额度'],
    },
    // The seeds' MCOPSTNPP (their Communications Credits) is really this plan's SKU; the plan itself is MCOPSTN3.
    { partNumber: 'MCOPSTN3', phrases: ['pstn 使用量通话计划', '使用量通话计划'] },
    { partNumber: 'MCOEV', phrases: ['teams phone 标准版', 'teams 电话标准版'] },
    {
      partNumber: 'MCOTEAMS_ESSENTIALS',
      phrases: [
        '配有通话套餐的 microsoft teams phone',
        '配有通话套餐的 teams phone',
        'teams phone 含通话套餐',
        'teams phone 含通话计划',
        'teams 电话 含通话套餐',
        'teams 电话 含通话计划',
        '含通话套餐的 teams phone',
        '含通话套餐的 teams 电话',
      ],
    },
    { partNumber: 'MCOPSTN_PAYG_1', phrases: ['即用即付通话计划', '即用即付通话套餐', '按需付费通话计划', '现收现付通话计划', '通话计划 即用即付'] },
    { partNumber: 'Microsoft_Teams_Enterprise_New', phrases: ['teams 企业版', 'microsoft teams 企业版'] },
    { partNumber: 'Microsoft_365_E5_(no_Teams)', phrases: ['e5 不含 teams', 'e5 无 teams', 'microsoft 365 e5 不含 teams', 'microsoft 365 e5 无 teams', 'm365 e5 不含 teams'] },
    { partNumber: 'Microsoft_365_E3_(no_Teams)', phrases: ['e3 不含 teams', 'e3 无 teams', 'microsoft 365 e3 不含 teams', 'microsoft 365 e3 无 teams', 'm365 e3 不含 teams'] },
  ],
  assignVerbs: ['分配', '指派', '授予', '开通', '添加', '增加', '申请', '设置', '配置', '加上', '安排', '启用', '打开', '开启', '开', '加'],
  removeVerbs: ['移除', '删除', '删掉', '去掉', '去除', '取消', '撤销', '撤回', '收回', '回收', '拿掉', '解除', '停用', '关闭', '停掉', '关掉', '撤掉', '禁用', '不需要', '不再需要', '不用'],
  changeVerbs: ['升级到', '升级为', '升级成', '升级', '降级到', '降级为', '降级', '切换到', '切换为', '切换成', '切换', '换成', '换为', '换到', '改成', '改为', '改到', '更换为', '更换成', '更换', '迁移到', '迁移', '变更为', '变更'],
  questionWords: ['什么', '谁', '多少', '哪些', '哪个', '几个', '有没有', '是否', '怎么', '怎样', '如何'],
  questionMarks: ['吗', '呢'],
  personFollows: ['给', '为', '帮', '替'],
  personPrecedes: ['的', '需要', '想要', '要', '应该有', '应有'],
  sourceFollows: ['从'],
  sourcePrecedes: [],
  self: ['我', '我的', '本人', '自己'],
  articles: ['一个', '一份', '一张', '个'],
  licenceNouns: ['许可证', '许可', '授权', '订阅', '套餐', '计划'],
  fillers: ['请', '麻烦', '麻烦你', '帮忙', '谢谢', '多谢', '吧', '啊', '一下', '和', '及', '以及', '与', '还有', '把', '将', '并', '您好', '你好', '用户', '同事', '了', '每用户', '每月', '所有', '全部', '我的同事', '我同事'],
  pluralSuffixes: [],
};
