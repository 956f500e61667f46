import { PlusOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, DatePicker, Form, Input, Modal, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { opinionBodySchema, type Opinion, type ReviewRecord } from '../../../../common/schemas/review';
import { errorMessage, isApiRequestError } from '../../api/client';
import { useAddOpinion } from '../../api/reviews';
import { useInFlight } from '../../lib/useInFlight';
import { zodRule } from '../../lib/zodRule';
import { Section } from './ConductSections';

interface OpinionValues {
  institutionName: string;
  opinion: string;
  opinionDate: Dayjs;
}

/** 【新增意见】: 执业机构 (the physician's other practice sites are offered), 意见, 日期 (not after today). */
function OpinionModal({ record, open, onClose }: { record: ReviewRecord; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OpinionValues>();
  const add = useAddOpinion();
  const once = useInFlight();
  const sites = [...new Set(record.physician.multiSites.map((s) => s.institutionName))].map((value) => ({ value }));

  const submit = (values: OpinionValues) =>
    once(async () => {
      try {
        await add.mutateAsync({
          enrolmentId: record.enrolmentId,
          body: { institutionName: values.institutionName.trim(), opinion: values.opinion.trim(), opinionDate: values.opinionDate.format('YYYY-MM-DD') },
        });
        void message.success('意见已保存');
        onClose();
      } catch (error) {
        const fields = isApiRequestError(error) ? error.fields : {};
        const known = (['institutionName', 'opinion', 'opinionDate'] as const).filter((name) => fields[name]);
        if (known.length > 0) form.setFields(known.map((name) => ({ name, errors: [fields[name]] })));
        else {
          void message.error(errorMessage(error));
          onClose();
        }
      }
    });

  return (
    <Modal title="新增意见" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" okButtonProps={{ loading: add.isPending }} destroyOnHidden>
      <Form<OpinionValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false} initialValues={{ opinionDate: dayjs() }}>
        <Form.Item name="institutionName" label="执业机构" required rules={[zodRule(opinionBodySchema.shape.institutionName)]}>
          <AutoComplete options={sites} placeholder="请输入执业机构名称" maxLength={128} />
        </Form.Item>
        <Form.Item name="opinion" label="意见" required rules={[zodRule(opinionBodySchema.shape.opinion)]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="请输入该执业机构对医师的评定意见" />
        </Form.Item>
        <Form.Item name="opinionDate" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} className="review-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 多执业机构其它意见: the other practice sites' opinions, and 【新增意见】 while the record may take one. */
export function OpinionsSection({ record }: { record: ReviewRecord }) {
  const [adding, setAdding] = useState(false);
  const canAdd = record.actions.includes('addOpinion');
  return (
    <Section
      title="多执业机构其它意见"
      extra={
        canAdd && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增意见
          </Button>
        )
      }
    >
      <Table<Opinion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={record.opinions}
        locale={{ emptyText: '暂无数据' }}
        scroll={{ x: 560 }}
        columns={[
          { title: '执业机构', dataIndex: 'institutionName', width: 220 },
          { title: '意见', dataIndex: 'opinion', render: (v: string) => <span className="review-long-text">{v}</span> },
          { title: '日期', dataIndex: 'opinionDate', width: 112 },
        ]}
      />
      {canAdd && <OpinionModal record={record} open={adding} onClose={() => setAdding(false)} />}
    </Section>
  );
}
