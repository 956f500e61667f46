// Value lists of the physician record (新增医师, 批量导入, 报名): stored as the words the forms show.
import type { PracticeCategory } from './enums.js';

export const educations = ['中专', '大专', '本科', '硕士研究生', '博士研究生'] as const;

/** 职称 as seed 002 words them. */
export const titles = ['正高（主任医师）', '副高（副主任医师）', '中级（主治/主管）', '初级（医师）', '初级（医士）', '无'] as const;

export const positions = ['院长', '副院长', '科主任', '科副主任', '医疗组长', '无'] as const;

export const ethnicities = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '其他',
] as const;

/** 执业范围 per 执业类别 (《关于医师执业注册中执业范围的暂行规定》). */
export const practiceScopes: Record<PracticeCategory, readonly string[]> = {
  clinical: [
    '内科专业', '外科专业', '妇产科专业', '儿科专业', '眼耳鼻咽喉科专业', '皮肤病与性病专业', '精神卫生专业', '职业病专业',
    '医学影像和放射治疗专业', '医学检验、病理专业', '全科医学专业', '急救医学专业', '康复医学专业', '预防保健专业',
    '特种医学与军事医学专业', '计划生育技术服务专业', '省级卫生行政部门规定的其他专业',
  ],
  dental: ['口腔专业', '省级卫生行政部门规定的其他专业'],
  publicHealth: ['公共卫生类别专业', '省级卫生行政部门规定的其他专业'],
  tcm: ['中医专业', '中西医结合专业', '蒙医专业', '藏医专业', '维医专业', '傣医专业', '全科医学专业', '省级卫生行政部门规定的其他专业'],
};

/** 调离原因 (seed 004 slide 11). */
export const transferReasons = ['resigned', 'retired', 'otherProvince', 'other'] as const;
export type TransferReason = (typeof transferReasons)[number];
export const transferReasonLabels: Record<TransferReason, string> = {
  resigned: '离职',
  retired: '退休',
  otherProvince: '变更外省',
  other: '其他',
};
