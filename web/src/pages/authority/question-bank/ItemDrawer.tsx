import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Divider, Drawer, Flex, Form, Input, Radio, Select, Space, TreeSelect, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { practiceCategoryLabels } from '../../../../../common/enums';
import { paperKindLabels } from '../../../../../common/papers';
import { clinicalSubjectCatalog, clinicalSubjectLabel, type ClinicalSubject } from '../../../../../common/clinical-subjects';
import { difficultyLabels, optionLetters, questionTypeLabels, questionTypes, type QuestionType } from '../../../../../common/question-bank';
import { bankItemBodySchema } from '../../../../../common/schemas/question-bank';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useBankItem, useSaveBankItem } from '../../../api/questionBank';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { labelOptions } from '../../../lib/options';
import { useInFlight } from '../../../lib/useInFlight';
import { bodyOf, defaultsFor, formNameOf, newItemValues, valuesOf, type ItemFormValues } from './itemForm';

const typeOptions = questionTypes.map((type) => ({ value: type, label: questionTypeLabels[type] }));
const difficultyOptions = (Object.entries(difficultyLabels) as [string, string][]).map(([value, label]) => ({ value: Number(value), label }));
const letterOptions = (n: number) => optionLetters.slice(0, n).map((l) => ({ value: l, label: l }));
const LEAVES = new Set(['paper', 'practiceCategory', 'clinicalSubject', 'type', 'stem', 'answer', 'explanation', 'difficulty', 'shared']);

interface SubjectNode {
  value: string;
  title: string;
  children?: SubjectNode[];
}
const subjectTree = (items: ClinicalSubject[]): SubjectNode[] =>
  items.map((s) => ({ value: s.code, title: `${s.code} ${clinicalSubjectLabel(s.code)}`, children: s.children ? subjectTree(s.children) : undefined }));
const subjectTreeData = subjectTree(clinicalSubjectCatalog);

const required = (label: string, verb = '请输入') => [{ required: true, whitespace: true, message: `${verb}${label}` }];

/** 选项A…: a fixed list (A1/A2/A3/A4/B1: five) or 4–5 for X. */
function OptionInputs({ name, label, adjustable }: { name: (string | number)[]; label: string; adjustable?: boolean }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Form.Item key={field.key} label={`${label}${optionLetters[i]}`} required>
              <Flex gap={8}>
                <Form.Item name={field.name} noStyle rules={required(`${label}${optionLetters[i]}`)}>
                  <Input maxLength={500} />
                </Form.Item>
                {adjustable && fields.length > 4 && i === fields.length - 1 && <Button icon={<DeleteOutlined />} aria-label="删除选项" onClick={() => remove(field.name)} />}
              </Flex>
            </Form.Item>
          ))}
          {adjustable && fields.length < 5 && (
            <Form.Item label=" " colon={false}>
              <Button icon={<PlusOutlined />} onClick={() => add('')}>
                添加选项
              </Button>
            </Form.Item>
          )}
        </>
      )}
    </Form.List>
  );
}

function CommonFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  return (
    <>
      <Form.Item name={[...prefix, 'explanation']} label="解析" rules={required('解析')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="法律法规题请写明依据的条款" />
      </Form.Item>
      <Form.Item name={[...prefix, 'difficulty']} label="难度" rules={[{ required: true, message: '请选择难度' }]}>
        <Radio.Group options={difficultyOptions} />
      </Form.Item>
    </>
  );
}

/** A1 / A2 / X / 判断. */
function SingleFields({ type, form }: { type: QuestionType; form: FormInstance<ItemFormValues> }) {
  const options = Form.useWatch('options', form) ?? [];
  return (
    <>
      <Form.Item name="stem" label="题干" rules={required('题干')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      {type !== 'TF' && <OptionInputs name={['options']} label="选项" adjustable={type === 'X'} />}
      <Form.Item name="answer" label="答案" rules={[{ required: true, message: '请选择答案' }]}>
        {type === 'TF' ? (
          <Radio.Group options={[{ value: 'T', label: '正确' }, { value: 'F', label: '错误' }]} />
        ) : type === 'X' ? (
          <Checkbox.Group options={letterOptions(options.length || 5)} />
        ) : (
          <Radio.Group options={letterOptions(5)} />
        )}
      </Form.Item>
      <CommonFields />
    </>
  );
}

/** A3 / A4 (共用题干, each question its own five options) and B1 (共用备选答案). */
function GroupFields({ type }: { type: 'A3' | 'A4' | 'B1' }) {
  const b1 = type === 'B1';
  return (
    <>
      {b1 ? (
        <OptionInputs name={['sharedOptions']} label="备选答案" />
      ) : (
        <Form.Item name="shared" label="共用题干" rules={required('共用题干（病例）')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} placeholder="病例" />
        </Form.Item>
      )}
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                title={`第${i + 1}小题`}
                extra={
                  fields.length > 2 && (
                    <Button type="link" danger size="small" onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  )
                }
              >
                <Form.Item name={[field.name, 'stem']} label="题干" rules={required('题干')}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
                </Form.Item>
                {!b1 && <OptionInputs name={[field.name, 'options']} label="选项" />}
                <Form.Item name={[field.name, 'answer']} label="答案" rules={[{ required: true, message: '请选择答案' }]}>
                  <Radio.Group options={letterOptions(5)} />
                </Form.Item>
                <CommonFields prefix={[field.name]} />
              </Card>
            ))}
            {(b1 || fields.length < 6) && (
              <Button icon={<PlusOutlined />} onClick={() => add({ stem: '', options: b1 ? undefined : ['', '', '', '', ''], difficulty: 2 })}>
                添加小题
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  );
}

interface Props {
  /** null: 新增; a number: 编辑 of that item; undefined: closed. */
  id: number | null | undefined;
  onClose: () => void;
}

/** 新增试题 / 编辑试题: the fields of the chosen 题型, checked by the API's own schema before it is sent. */
export function ItemDrawer({ id, onClose }: Props) {
  const open = id !== undefined;
  const editing = id ?? null;
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const detail = useBankItem(open ? editing : null);
  const save = useSaveBankItem();
  const once = useInFlight();
  const type = Form.useWatch('type', form);
  const paper = Form.useWatch('paper', form);

  // The form instance outlives one opening (the drawer's footer submits it): each opening starts it from what it shows.
  const ready = open && (editing === null || detail.data !== undefined);
  const loaded = editing === null ? null : detail.data;
  useEffect(() => {
    if (!ready) return;
    form.resetFields();
    form.setFieldsValue(loaded ? valuesOf(loaded) : newItemValues());
  }, [ready, loaded, form]);

  const close = () => {
    form.resetFields();
    setProblems([]);
    onClose();
  };

  /** Field messages on their fields; the others (a list too short …) above the form. */
  const showProblems = (fields: Record<string, string>) => {
    const onFields: { name: (string | number)[]; errors: string[] }[] = [];
    const above: string[] = [];
    for (const [path, text] of Object.entries(fields)) {
      const name = formNameOf(path);
      const last = name[name.length - 1];
      if (LEAVES.has(String(last)) || typeof last === 'number') onFields.push({ name, errors: [text] });
      else above.push(text);
    }
    form.setFields(onFields as Parameters<typeof form.setFields>[0]);
    setProblems(above);
    return onFields.length + above.length;
  };

  const submit = (values: ItemFormValues) =>
    once(async () => {
      const body = bodyOf(values);
      const checked = bankItemBodySchema.safeParse(body);
      if (!checked.success) {
        const fields: Record<string, string> = {};
        for (const issue of checked.error.issues) fields[issue.path.join('.')] ??= issue.message;
        showProblems(fields);
        return;
      }
      setProblems([]);
      try {
        const saved = await save.mutateAsync({ id: editing, body });
        void message.success(saved.versioned ? '已保存为新版本，已抽取该题的考试仍使用原版本' : editing === null ? '已新增试题' : '已保存');
        close();
      } catch (error) {
        const shown = isApiRequestError(error) ? showProblems(error.fields) : 0;
        if (shown === 0) void message.error(errorMessage(error));
      }
    });

  const body =
    editing !== null && detail.isError ? (
      <LoadFailed message={errorMessage(detail.error)} onRetry={() => void detail.refetch()} />
    ) : editing !== null && !detail.data ? (
      <PageSpin />
    ) : (
      <>
        {detail.data?.drawn && editing !== null && (
          <Alert
            className="bank-drawer-alert"
            type="warning"
            showIcon
            title={`该试题已被考试或练习抽取，保存后将生成新版本（第${detail.data.version + 1}版），原版本保留给已抽取它的考试`}
          />
        )}
        {problems.length > 0 && <Alert className="bank-drawer-alert" type="error" showIcon title={problems.join('；')} />}
        <Form<ItemFormValues>
          form={form}
          name="bankItem"
          layout="horizontal"
          labelCol={{ flex: '96px' }}
          wrapperCol={{ flex: 'auto' }}
          labelWrap
          autoComplete="off"
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: Partial<ItemFormValues>) => {
            if (changed.type) form.setFieldsValue(defaultsFor(changed.type));
            if (changed.paper === 'humanities') form.setFieldsValue({ practiceCategory: undefined, clinicalSubject: undefined });
          }}
        >
          <Form.Item name="paper" label="试卷" rules={[{ required: true, message: '请选择试卷' }]}>
            <Radio.Group options={labelOptions(paperKindLabels)} />
          </Form.Item>
          {paper === 'proficiency' && (
            <>
              <Form.Item name="practiceCategory" label="执业类别" rules={[{ required: true, message: '请选择执业类别' }]}>
                <Select options={labelOptions(practiceCategoryLabels)} placeholder="请选择" />
              </Form.Item>
              <Form.Item name="clinicalSubject" label="诊疗科目">
                <TreeSelect treeData={subjectTreeData} showSearch={{ treeNodeFilterProp: 'title' }} allowClear placeholder="选填，可输入名称或代码搜索" listHeight={320} />
              </Form.Item>
            </>
          )}
          <Form.Item name="type" label="题型" rules={[{ required: true, message: '请选择题型' }]}>
            <Select options={typeOptions} />
          </Form.Item>
          <Divider />
          {type && (type === 'A3' || type === 'A4' || type === 'B1' ? <GroupFields type={type} /> : <SingleFields type={type} form={form} />)}
        </Form>
      </>
    );

  return (
    <Drawer
      title={editing === null ? '新增试题' : '编辑试题'}
      size="min(880px, 100vw)"
      open={open}
      onClose={close}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
          <Button onClick={close}>返回</Button>
        </Space>
      }
    >
      {body}
    </Drawer>
  );
}
