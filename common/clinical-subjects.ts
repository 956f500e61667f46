// 《医疗机构诊疗科目名录》: codes and names. First-level subjects, with the second-level items of the
// subjects whose departments the demo data and the forms use most.

export interface ClinicalSubject {
  code: string;
  name: string;
  children?: ClinicalSubject[];
}

const sub = (parent: string, names: string[]): ClinicalSubject[] =>
  names.map((name, i) => ({ code: `${parent}.${String(i + 1).padStart(2, '0')}`, name }));

export const clinicalSubjectCatalog: ClinicalSubject[] = [
  { code: '01', name: '预防保健科' },
  { code: '02', name: '全科医疗科' },
  {
    code: '03', name: '内科',
    children: sub('03', ['呼吸内科专业', '消化内科专业', '神经内科专业', '心血管内科专业', '血液内科专业', '肾病学专业', '内分泌专业', '免疫学专业', '变态反应专业', '老年病专业', '其他']),
  },
  {
    code: '04', name: '外科',
    children: sub('04', ['普通外科专业', '神经外科专业', '骨科专业', '泌尿外科专业', '胸外科专业', '心脏大血管外科专业', '烧伤科专业', '整形外科专业', '其他']),
  },
  { code: '05', name: '妇产科', children: sub('05', ['妇科专业', '产科专业', '计划生育专业', '优生学专业', '生殖健康与不孕症专业', '其他']) },
  { code: '06', name: '妇女保健科' },
  {
    code: '07', name: '儿科',
    children: sub('07', ['新生儿专业', '小儿传染病专业', '小儿消化专业', '小儿呼吸专业', '小儿心脏病专业', '小儿肾病专业', '小儿血液病专业', '小儿神经病学专业', '小儿内分泌专业', '小儿遗传病专业', '小儿免疫专业', '其他']),
  },
  { code: '08', name: '小儿外科' },
  { code: '09', name: '儿童保健科' },
  { code: '10', name: '眼科' },
  { code: '11', name: '耳鼻咽喉科' },
  {
    code: '12', name: '口腔科',
    children: sub('12', ['牙体牙髓病专业', '牙周病专业', '口腔粘膜病专业', '儿童口腔专业', '口腔颌面外科专业', '口腔修复专业', '口腔正畸专业', '口腔种植专业', '口腔麻醉专业', '口腔颌面医学影像专业', '口腔病理专业', '预防口腔专业', '其他']),
  },
  { code: '13', name: '皮肤科' },
  { code: '14', name: '医疗美容科' },
  { code: '15', name: '精神科' },
  { code: '16', name: '传染科' },
  { code: '17', name: '结核病科' },
  { code: '18', name: '地方病科' },
  { code: '19', name: '肿瘤科' },
  { code: '20', name: '急诊医学科' },
  { code: '21', name: '康复医学科' },
  { code: '22', name: '运动医学科' },
  { code: '23', name: '职业病科' },
  { code: '24', name: '临终关怀科' },
  { code: '25', name: '特种医学与军事医学科' },
  { code: '26', name: '麻醉科' },
  { code: '27', name: '疼痛科' },
  { code: '28', name: '重症医学科' },
  { code: '30', name: '医学检验科' },
  { code: '31', name: '病理科' },
  { code: '32', name: '医学影像科' },
  {
    code: '50', name: '中医科',
    children: sub('50', ['内科专业', '外科专业', '妇产科专业', '儿科专业', '皮肤科专业', '眼科专业', '耳鼻咽喉科专业', '口腔科专业', '肿瘤科专业', '骨伤科专业', '肛肠科专业', '老年病科专业', '针灸科专业', '推拿科专业', '康复医学专业', '急诊科专业', '预防保健科专业', '其他']),
  },
  { code: '51', name: '民族医学科' },
  { code: '52', name: '中西医结合科' },
  { code: '69', name: '其他业务科室' },
];

const flat = new Map<string, ClinicalSubject>();
for (const s of clinicalSubjectCatalog) {
  flat.set(s.code, s);
  for (const c of s.children ?? []) flat.set(c.code, c);
}

export function clinicalSubjectName(code: string): string | undefined {
  return flat.get(code)?.name;
}
