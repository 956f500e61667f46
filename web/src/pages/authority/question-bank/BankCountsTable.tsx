import { Table, type TableProps } from 'antd';
import { practiceCategories, practiceCategoryLabels, type PracticeCategory } from '../../../../../common/enums';
import { paperKindLabels, type PaperKind } from '../../../../../common/papers';
import { questionTypeLabels, questionTypes, type QuestionType } from '../../../../../common/question-bank';
import type { BankCount } from '../../../../../common/schemas/question-bank';

interface Row {
  key: string;
  bank: string;
  counts: Partial<Record<QuestionType, BankCount>>;
  total: number;
}

const GROUPS = new Set<QuestionType>(['A3', 'A4', 'B1']);
const banks: [PaperKind, PracticeCategory | null][] = [['humanities', null], ...practiceCategories.map((c): [PaperKind, PracticeCategory] => ['proficiency', c])];

/** 启用题目数量: a row per bank (试卷 × 执业类别), a column per 题型; groups also say how many groups. */
export function BankCountsTable({ counts, loading }: { counts: BankCount[]; loading: boolean }) {
  const rows: Row[] = banks.map(([paper, category]) => {
    const mine = counts.filter((c) => c.paper === paper && c.practiceCategory === category);
    return {
      key: `${paper}-${category ?? ''}`,
      bank: category ? `${paperKindLabels[paper]}·${practiceCategoryLabels[category]}` : paperKindLabels[paper],
      counts: Object.fromEntries(mine.map((c) => [c.type, c])),
      total: mine.reduce((n, c) => n + c.questions, 0),
    };
  });
  const columns: TableProps<Row>['columns'] = [
    { title: '题库', dataIndex: 'bank', width: 160, fixed: 'start' },
    ...questionTypes.map((type) => ({
      title: questionTypeLabels[type],
      key: type,
      width: 100,
      align: 'center' as const,
      render: (_: unknown, row: Row) => {
        const c = row.counts[type];
        if (!c) return '0';
        return GROUPS.has(type) ? `${c.questions}（${c.items}组）` : String(c.questions);
      },
    })),
    { title: '合计（题）', dataIndex: 'total', width: 90, align: 'center' },
  ];
  return <Table<Row> size="small" rowKey="key" columns={columns} dataSource={rows} loading={loading} pagination={false} scroll={{ x: 960 }} />;
}
