import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Radio, Row, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { questionTypeLabels, questionTypes, type QuestionType } from '../../../../../common/question-bank';
import { multipleScoringLabels, sectionTotals, type MultipleScoring, type PaperRuleCard } from '../../../../../common/schemas/paper-rules';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useSavePaperRule } from '../../../api/paperRules';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { labelOptions } from '../../../lib/options';
import { useInFlight } from '../../../lib/useInFlight';

interface SectionValues {
  type: QuestionType;
  count: number | null;
  points: number | null;
}

interface RuleFormValues {
  sections: SectionValues[];
  passScore: number | null;
  durationMinutes: number | null;
  multipleScoring: MultipleScoring;
  reviewAllowed: boolean;
}

/** Every 题型 in catalog order: the saved count and points, else none of it at 1 point. */
function initialValues(card: PaperRuleCard): RuleFormValues {
  const rule = card.rule;
  return {
    sections: questionTypes.map((type) => {
      const saved = rule?.sections.find((s) => s.type === type);
      return { type, count: saved?.count ?? 0, points: saved?.points ?? 1 };
    }),
    passScore: rule?.passScore ?? null,
    durationMinutes: rule?.durationMinutes ?? 60,
    multipleScoring: rule?.multipleScoring ?? 'all_or_nothing',
    reviewAllowed: rule?.reviewAllowed ?? true,
  };
}

/** 题库中启用: questions, and for group types how the groups split them (a section takes whole groups). */
function bankText(bank: PaperRuleCard['bank'][number]): string {
  if (bank.questions === 0) return '0题';
  if (bank.groupSizes.length === 0) return `${bank.questions}题`;
  return `${bank.questions}题（${bank.groupSizes.length}组：${bank.groupSizes.join('、')}）`;
}

const LABELED = new Set(['passScore', 'durationMinutes', 'multipleScoring', 'reviewAllowed']);

/** One 试卷 × 执业类别: the sections table (题量, 每题分值, 小计, totals), 合格分, 时长, X型题计分, 交卷后查看, 保存. */
export function RuleCard({ card, disabled }: { card: PaperRuleCard; disabled: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSavePaperRule();
  const once = useInFlight();
  const sections = Form.useWatch('sections', form) ?? initialValues(card).sections;
  const totals = sectionTotals(sections.map((s) => ({ count: Number(s?.count) || 0, points: Number(s?.points) || 0 })));

  const submit = (values: RuleFormValues) =>
    once(async () => {
      setProblem(null);
      try {
        const saved = await save.mutateAsync({
          paper: card.paper,
          practiceCategory: card.practiceCategory,
          // The form holds 题量 and 分值 by row; the rows are the 题型 in catalog order.
          sections: questionTypes.map((type, i) => ({ type, count: values.sections[i]?.count ?? 0, points: values.sections[i]?.points ?? 0 })),
          passScore: values.passScore ?? 0,
          durationMinutes: values.durationMinutes ?? 0,
          multipleScoring: values.multipleScoring,
          reviewAllowed: values.reviewAllowed,
          updatedAt: card.rule?.updatedAt ?? null,
        });
        form.setFieldsValue(initialValues(saved));
        void message.success(`已保存${card.title}的试卷规则`);
      } catch (error) {
        const fields = isApiRequestError(error) ? error.fields : {};
        const onFields = Object.entries(fields).flatMap(([path, text]) => {
          const name = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
          return (name[0] === 'sections' && name.length === 3) || LABELED.has(path) ? [{ name, errors: [text] }] : [];
        });
        form.setFields(onFields as Parameters<typeof form.setFields>[0]);
        setProblem(errorMessage(error));
      }
    });

  const columns: TableProps<PaperRuleCard['bank'][number]>['columns'] = [
    { title: '题型', dataIndex: 'type', width: 140, render: (type: QuestionType) => questionTypeLabels[type] },
    { title: '题库中启用', key: 'bank', width: 200, render: (_v, bank) => bankText(bank) },
    {
      title: '题量',
      key: 'count',
      width: 140,
      render: (_v, _bank, i) => (
        <Form.Item name={['sections', i, 'count']} className="rule-cell" rules={[{ required: true, message: '请输入题量' }]}>
          <InputNumber min={0} max={300} precision={0} disabled={disabled} aria-label={`${questionTypeLabels[questionTypes[i]]}题量`} />
        </Form.Item>
      ),
    },
    {
      title: '每题分值',
      key: 'points',
      width: 140,
      render: (_v, _bank, i) => (
        <Form.Item name={['sections', i, 'points']} className="rule-cell">
          <InputNumber min={0} max={100} step={0.5} precision={1} disabled={disabled} aria-label={`${questionTypeLabels[questionTypes[i]]}每题分值`} />
        </Form.Item>
      ),
    },
    {
      title: '小计（分）',
      key: 'subtotal',
      width: 100,
      align: 'right',
      render: (_v, _bank, i) => {
        const s = sections[i];
        return Math.round((Number(s?.count) || 0) * (Number(s?.points) || 0) * 10) / 10;
      },
    },
  ];

  return (
    <Card
      title={card.title}
      extra={card.rule ? <Tag color="green">已设置 · {formatDateTime(card.rule.updatedAt)}</Tag> : <Tag>未设置</Tag>}
      className="rule-card"
    >
      <Form<RuleFormValues> form={form} name={`rule-${card.paper}-${card.practiceCategory ?? 'all'}`} initialValues={initialValues(card)} onFinish={(v) => void submit(v)} disabled={disabled}>
        <Table
          size="small"
          rowKey="type"
          columns={columns}
          dataSource={card.bank}
          pagination={false}
          scroll={{ x: 720 }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                <Typography.Text strong>{totals.questions}题</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} />
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{totals.points}分</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <Row gutter={16} className="rule-fields">
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="passScore" label="合格分" rules={[{ required: true, message: '请输入合格分' }]}>
              <InputNumber min={0} max={10000} precision={1} suffix="分" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="durationMinutes" label="考试时长（分钟）" rules={[{ required: true, message: '请输入考试时长（分钟）' }]}>
              <InputNumber min={5} max={240} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="multipleScoring" label="X型题计分">
              <Radio.Group options={labelOptions(multipleScoringLabels)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="reviewAllowed" label="交卷后可查看答案与解析" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        {problem && <Alert type="error" showIcon title={problem} className="rule-problem" closable={{ onClose: () => setProblem(null) }} />}
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
