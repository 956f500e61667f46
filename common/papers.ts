// 测评试卷 and 考核程序: which papers exist, and the two procedures a physician is assessed under (DESIGN §2).

/** 医学人文·法律法规 and 业务水平 (seed 003: 简易程序免考 exempts the humanities paper, 一般程序免考 the proficiency one). */
export const paperKinds = ['humanities', 'proficiency'] as const;
export type PaperKind = (typeof paperKinds)[number];
export const paperKindLabels: Record<PaperKind, string> = {
  humanities: '医学人文·法律法规',
  proficiency: '业务水平',
};

/** 一般程序 / 简易程序. */
export const procedures = ['standard', 'simplified'] as const;
export type Procedure = (typeof procedures)[number];
export const procedureLabels: Record<Procedure, string> = {
  standard: '一般程序',
  simplified: '简易程序',
};

/** The national default: 一般程序 takes both papers, 简易程序 the humanities paper only. */
export const defaultPapersByProcedure: Record<Procedure, PaperKind[]> = {
  standard: ['humanities', 'proficiency'],
  simplified: ['humanities'],
};

/** The papers in catalog order, each once. */
export function normalizePapers(papers: readonly PaperKind[]): PaperKind[] {
  return paperKinds.filter((kind) => papers.includes(kind));
}

/** The paper 免考 exempts (DESIGN §3): 简易程序 the humanities paper, 一般程序 only the proficiency paper. */
export const exemptedPaper: Record<Procedure, PaperKind> = { simplified: 'humanities', standard: 'proficiency' };

/** Whether an approved 免考 leaves no paper to take under the province's rule for the procedure. */
export const allPapersExempted = (required: readonly PaperKind[], procedure: Procedure) => required.every((paper) => paper === exemptedPaper[procedure]);
