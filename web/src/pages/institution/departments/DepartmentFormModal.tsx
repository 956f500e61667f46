import { App, Form, Input, Modal } from 'antd';
import {
  DEPARTMENT_NAME_MAX,
  clinicalSubjectCodesSchema,
  departmentNameSchema,
  type Department,
  type DepartmentBody,
} from '../../../../../common/schemas/departments';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useSaveDepartment } from '../../../api/departments';
import { ClinicalSubjectTreeSelect } from '../../../components/clinical-subject/ClinicalSubjectTreeSelect';
import { useOpening } from '../../../lib/useOpening';
import { zodRule } from '../../../lib/zodRule';

interface Props {
  /** The department to edit, `new` to create one, null when closed. */
  department: Department | 'new' | null;
  onClose: () => void;
}

/** 添加科室 / 编辑科室: 科室* and 关联诊疗科目* (several, from the 名录); each opening shows its own row's values. */
export function DepartmentFormModal({ department, onClose }: Props) {
  const opening = useOpening(department);
  return opening && <DepartmentDialog key={opening.key} department={opening.value} open={department !== null} onClose={onClose} />;
}

function DepartmentDialog({ department, open, onClose }: { department: Department | 'new'; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentBody>();
  const save = useSaveDepartment();
  const editing = department !== 'new' ? department : null;

  // Reached through the form's submit, so an invalid form only shows its messages (validateFields would reject).
  const submit = async (values: DepartmentBody) => {
    try {
      await save.mutateAsync({ id: editing?.id, body: values });
      message.success(editing ? '科室已保存' : '科室已创建');
      onClose();
    } catch (error) {
      if (!isApiRequestError(error)) return void message.error(errorMessage(error));
      const fields = Object.entries(error.fields).filter(([name]) => name === 'name' || name === 'clinicalSubjects');
      if (fields.length) form.setFields(fields.map(([name, msg]) => ({ name: name as keyof DepartmentBody, errors: [msg] })));
      else if (error.status === 409 && error.message.includes('科室名称')) form.setFields([{ name: 'name', errors: [error.message] }]);
      else message.error(error.message);
    }
  };

  return (
    <Modal
      title={editing ? '编辑科室' : '添加科室'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      cancelText="取消"
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name="department"
        labelCol={{ flex: '112px' }}
        className="department-form"
        onFinish={(values) => void submit(values)}
        initialValues={editing ? { name: editing.name, clinicalSubjects: editing.clinicalSubjects.map((s) => s.code) } : undefined}
      >
        <Form.Item name="name" label="科室" required rules={[zodRule(departmentNameSchema)]}>
          <Input placeholder="请输入科室名称" maxLength={DEPARTMENT_NAME_MAX} showCount />
        </Form.Item>
        <Form.Item name="clinicalSubjects" label="关联诊疗科目" required rules={[zodRule(clinicalSubjectCodesSchema)]} extra="可多选；勾选一级科目表示包含其下全部专业">
          <ClinicalSubjectTreeSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
