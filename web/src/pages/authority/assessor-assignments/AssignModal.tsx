import { App, Form, Modal, Select, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import type { AssignmentRow } from '../../../../../common/schemas/assessor';
import { useAssessorOptions, useAssignAssessor } from '../../../api/assessors';
import { errorMessage } from '../../../api/client';

interface Props {
  /** The institutions to assign (null: closed). */
  institutions: AssignmentRow[] | null;
  onClose: (done: boolean) => void;
}

/** Chooses an approved 考核机构 of the province (searchable by name) for the chosen institutions. */
export function AssignModal({ institutions, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assessorId: number }>();
  const [search, setSearch] = useState('');
  const name = useDeferredValue(search.trim());
  const open = institutions !== null;
  const options = useAssessorOptions(name, open);
  const assign = useAssignAssessor();
  const names = institutions?.map((i) => i.name) ?? [];

  const submit = ({ assessorId }: { assessorId: number }) =>
    assign.mutate(
      { assessorId, institutionIds: institutions?.map((i) => i.institutionId) ?? [] },
      {
        onSuccess: (r) => {
          message.success(`已为 ${r.assigned} 家机构指定考核机构`);
          form.resetFields();
          onClose(true);
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );

  return (
    <Modal
      title="指定考核机构"
      open={open}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okButtonProps={{ loading: assign.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        为 {names.length > 3 ? `${names.slice(0, 3).join('、')} 等 ${names.length} 家机构` : names.join('、')} 指定考核机构：
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="assessorId" label="考核机构" rules={[{ required: true, message: '请选择考核机构' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="输入名称搜索本省已通过审核的考核机构"
            loading={options.isFetching}
            notFoundContent={options.isFetching ? '加载中…' : '暂无已通过审核的考核机构'}
            options={(options.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.name}（${o.regionName}，已指定 ${o.assignedCount} 家）`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
