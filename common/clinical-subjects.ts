// 《医疗机构诊疗科目名录》 (卫医发〔1994〕27号 and the notices that amended it): every first-level subject
// with its second-level items, and the organ-transplant items (third level, under the surgical specialty
// that performs them). Codes are the 名录's: `03` 内科, `03.01` 呼吸内科专业, `04.01.01` 肝脏移植项目.

export interface ClinicalSubject {
  code: string;
  name: string;
  children?: ClinicalSubject[];
}

const sub = (parent: string, names: string[]): ClinicalSubject[] =>
  names.map((name, i) => ({ code: `${parent}.${String(i + 1).padStart(2, '0')}`, name }));

/** Adds third-level items under some second-level ones (the transplant items of 外科). */
const withItems = (items: ClinicalSubject[], extra: Record<string, string[]>): ClinicalSubject[] =>
  items.map((item) => (extra[item.code] ? { ...item, children: sub(item.code, extra[item.code]) } : item));

export const clinicalSubjectCatalog: ClinicalSubject[] = [
  { code: '01', name: '预防保健科' },
  { code: '02', name: '全科医疗科' },
  {
    code: '03', name: '内科',
    children: sub('03', ['呼吸内科专业', '消化内科专业', '神经内科专业', '心血管内科专业', '血液内科专业', '肾病学专业', '内分泌专业', '免疫学专业', '变态反应专业', '老年病专业', '其他']),
  },
  {
    code: '04', name: '外科',
    // 人体器官移植 items, as the 名录 lists them under the specialty that performs them. The two 亲属 (living
    // related donor) items follow the same scheme as the next number under their specialty.
    children: withItems(sub('04', ['普通外科专业', '神经外科专业', '骨科专业', '泌尿外科专业', '胸外科专业', '心脏大血管外科专业', '烧伤科专业', '整形外科专业', '其他']), {
      '04.01': ['肝脏移植项目', '胰腺移植项目', '小肠移植项目', '亲属肝脏移植项目'],
      '04.04': ['肾脏移植项目', '亲属肾脏移植项目'],
      '04.05': ['肺脏移植项目'],
      '04.06': ['心脏移植项目'],
    }),
  },
  { code: '05', name: '妇产科', children: sub('05', ['妇科专业', '产科专业', '计划生育专业', '优生学专业', '生殖健康与不孕症专业', '其他']) },
  { code: '06', name: '妇女保健科', children: sub('06', ['青春期保健专业', '围产期保健专业', '更年期保健专业', '妇女心理卫生专业', '妇女营养专业', '其他']) },
  {
    code: '07', name: '儿科',
    children: sub('07', ['新生儿专业', '小儿传染病专业', '小儿消化专业', '小儿呼吸专业', '小儿心脏病专业', '小儿肾病专业', '小儿血液病专业', '小儿神经病学专业', '小儿内分泌专业', '小儿遗传病专业', '小儿免疫专业', '其他']),
  },
  { code: '08', name: '小儿外科', children: sub('08', ['小儿普通外科专业', '小儿骨科专业', '小儿泌尿外科专业', '小儿胸心外科专业', '小儿神经外科专业', '其他']) },
  { code: '09', name: '儿童保健科', children: sub('09', ['儿童生长发育专业', '儿童营养专业', '儿童心理卫生专业', '儿童五官保健专业', '儿童康复专业', '其他']) },
  { code: '10', name: '眼科' },
  { code: '11', name: '耳鼻咽喉科', children: sub('11', ['耳科专业', '鼻科专业', '咽喉科专业', '其他']) },
  {
    code: '12', name: '口腔科',
    children: sub('12', ['牙体牙髓病专业', '牙周病专业', '口腔粘膜病专业', '儿童口腔专业', '口腔颌面外科专业', '口腔修复专业', '口腔正畸专业', '口腔种植专业', '口腔麻醉专业', '口腔颌面医学影像专业', '口腔病理专业', '预防口腔专业', '其他']),
  },
  { code: '13', name: '皮肤科', children: sub('13', ['皮肤病专业', '性传播疾病专业', '其他']) },
  // 《医疗美容服务管理办法》 (2002): 医疗美容科 with its four second-level subjects.
  { code: '14', name: '医疗美容科', children: sub('14', ['美容外科', '美容牙科', '美容皮肤科', '美容中医科']) },
  {
    code: '15', name: '精神科',
    children: sub('15', ['精神病专业', '精神卫生专业', '药物依赖专业', '精神康复专业', '社区防治专业', '临床心理专业', '司法精神专业', '其他']),
  },
  {
    code: '16', name: '传染科',
    children: sub('16', ['肠道传染病专业', '呼吸道传染病专业', '肝炎专业', '虫媒传染病专业', '动物源性传染病专业', '蠕虫病专业', '其他']),
  },
  { code: '17', name: '结核病科' },
  { code: '18', name: '地方病科' },
  { code: '19', name: '肿瘤科' },
  { code: '20', name: '急诊医学科' },
  { code: '21', name: '康复医学科' },
  { code: '22', name: '运动医学科' },
  { code: '23', name: '职业病科', children: sub('23', ['职业中毒专业', '尘肺专业', '放射病专业', '物理因素损伤专业', '职业健康监护专业', '其他']) },
  { code: '24', name: '临终关怀科' },
  { code: '25', name: '特种医学与军事医学科' },
  { code: '26', name: '麻醉科' },
  { code: '27', name: '疼痛科' },
  { code: '28', name: '重症医学科' },
  {
    code: '30', name: '医学检验科',
    children: sub('30', ['临床体液、血液专业', '临床微生物学专业', '临床生化检验专业', '临床免疫、血清学专业', '临床细胞分子遗传学专业', '其他']),
  },
  { code: '31', name: '病理科' },
  {
    code: '32', name: '医学影像科',
    children: sub('32', ['X线诊断专业', 'CT诊断专业', '磁共振成像诊断专业', '核医学专业', '超声诊断专业', '心电诊断专业', '脑电及脑血流图诊断专业', '神经肌肉电图专业', '介入放射学专业', '放射治疗专业', '其他']),
  },
  {
    code: '50', name: '中医科',
    children: sub('50', ['内科专业', '外科专业', '妇产科专业', '儿科专业', '皮肤科专业', '眼科专业', '耳鼻咽喉科专业', '口腔科专业', '肿瘤科专业', '骨伤科专业', '肛肠科专业', '老年病科专业', '针灸科专业', '推拿科专业', '康复医学专业', '急诊科专业', '预防保健科专业', '其他']),
  },
  { code: '51', name: '民族医学科', children: sub('51', ['维吾尔医学', '藏医学', '蒙医学', '彝医学', '傣医学', '其他']) },
  { code: '52', name: '中西医结合科' },
  { code: '69', name: '其他业务科室' },
];

interface Entry {
  subject: ClinicalSubject;
  parent?: ClinicalSubject;
}

const flat = new Map<string, Entry>();
const visit = (items: ClinicalSubject[], parent?: ClinicalSubject) => {
  for (const subject of items) {
    flat.set(subject.code, { subject, parent });
    if (subject.children) visit(subject.children, subject);
  }
};
visit(clinicalSubjectCatalog);

export function isClinicalSubjectCode(code: string): boolean {
  return flat.has(code);
}

/** The 名录's name of a code, e.g. `03.01` → 呼吸内科专业. */
export function clinicalSubjectName(code: string): string | undefined {
  return flat.get(code)?.subject.name;
}

/**
 * The name to show in lists and tags: the 名录's name, made readable on its own — the many items called 其他 name
 * their parent (`03.11` → 其他（内科）), and the items of 中医科 say so (`50.01` 内科专业 → 中医内科专业).
 */
export function clinicalSubjectLabel(code: string): string {
  const entry = flat.get(code);
  if (!entry) return code;
  const { subject, parent } = entry;
  if (subject.name === '其他' && parent) return `其他（${parent.name}）`;
  if (parent?.code === '50') return `中医${subject.name}`;
  return subject.name;
}

/** Every code of the catalog, parents before their children, in the 名录's order. */
export function allClinicalSubjectCodes(): string[] {
  return [...flat.keys()];
}
