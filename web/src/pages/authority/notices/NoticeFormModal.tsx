import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  NOTICE_ATTACHMENT_ACCEPT,
  NOTICE_ATTACHMENT_MAX_MB,
  NOTICE_ATTACHMENTS_MAX,
  NOTICE_TITLE_MAX,
  noticeCategoryLabels,
  noticeFieldsSchema,
  type Notice,
  type NoticeCategory,
} from '../../../../../common/schemas/notices';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { fileUrl, useSaveNotice } from '../../../api/notices';
import { labelOptions } from '../../../lib/options';
import { useOpening } from '../../../lib/useOpening';
import { zodRule } from '../../../lib/zodRule';

interface Values {
  category: NoticeCategory;
  title: string;
  publishedOn: Dayjs;
  attachments: UploadFile[];
}

interface Props {
  /** The notice to edit, `new` for a new one, null when closed. */
  notice: Notice | 'new' | null;
  onClose: () => void;
}

const allowedExtensions = NOTICE_ATTACHMENT_ACCEPT.split(',');

/** A chosen file the server would refuse by name or size: said at once, the content is checked on saving. */
function fileProblem(file: File): string | null {
  const extension = `.${file.name.split('.').pop()?.toLowerCase() ?? ''}`;
  if (!allowedExtensions.includes(extension)) return `「${file.name}」：只能上传PDF、Word、Excel文件`;
  if (file.size > NOTICE_ATTACHMENT_MAX_MB * 1024 * 1024) return `「${file.name}」：文件不能超过${NOTICE_ATTACHMENT_MAX_MB}MB`;
  return null;
}

const formFields = ['category', 'title', 'publishedOn', 'attachments'] as const;

/** 新建 / 编辑通知公告: 类别*, 标题*, 发布日期*, 附件 (several PDF / Word / Excel files); each opening shows its own notice. */
export function NoticeFormModal({ notice, onClose }: Props) {
  const opening = useOpening(notice);
  return opening && <NoticeDialog key={opening.key} notice={opening.value} open={notice !== null} onClose={onClose} />;
}

function NoticeDialog({ notice, open, onClose }: { notice: Notice | 'new'; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveNotice();
  const editing = notice !== 'new' ? notice : null;
  const initialFiles: UploadFile[] = (editing?.files ?? []).map((f) => ({ uid: f.id, name: f.name, status: 'done', url: fileUrl(f.id) }));

  // Reached through the form's submit, so an invalid form only shows its messages (validateFields would reject).
  const submit = async (values: Values) => {
    const kept = new Set(values.attachments.map((f) => f.uid));
    try {
      await save.mutateAsync({
        id: editing?.id,
        values: {
          category: values.category,
          title: values.title.trim(),
          publishedOn: values.publishedOn.format('YYYY-MM-DD'),
          files: values.attachments.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
          removeFileIds: initialFiles.filter((f) => !kept.has(f.uid)).map((f) => f.uid),
        },
      });
      message.success(editing ? '通知公告已保存' : '通知公告已创建，发布后公开显示');
      onClose();
    } catch (error) {
      if (!isApiRequestError(error)) return void message.error(errorMessage(error));
      const fields = Object.entries(error.fields).filter(([name]) => (formFields as readonly string[]).includes(name));
      if (fields.length) form.setFields(fields.map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
      message.error(error.message);
    }
  };

  return (
    <Modal
      title={editing ? '编辑通知公告' : '新建通知公告'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        name="notice"
        labelCol={{ flex: '96px' }}
        className="notice-form"
        onFinish={(values) => void submit(values)}
        initialValues={{
          category: editing?.category,
          title: editing?.title,
          publishedOn: editing ? dayjs(editing.publishedOn) : dayjs(),
          attachments: initialFiles,
        }}
      >
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select placeholder="请选择类别" options={labelOptions(noticeCategoryLabels)} />
        </Form.Item>
        <Form.Item name="title" label="标题" required rules={[zodRule(noticeFieldsSchema.shape.title)]}>
          <Input placeholder="请输入标题" maxLength={NOTICE_TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item name="publishedOn" label="发布日期" rules={[{ required: true, message: '请选择发布日期' }]}>
          <DatePicker style={{ width: '100%' }} placeholder="请选择发布日期" />
        </Form.Item>
        <Form.Item
          name="attachments"
          label="附件"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          extra={`PDF、Word、Excel 文件，每个不超过${NOTICE_ATTACHMENT_MAX_MB}MB，最多${NOTICE_ATTACHMENTS_MAX}个`}
          rules={[
            {
              validator: async (_r, files: UploadFile[] = []) => {
                if (files.length > NOTICE_ATTACHMENTS_MAX) throw new Error(`附件最多${NOTICE_ATTACHMENTS_MAX}个`);
                for (const f of files) {
                  const problem = f.originFileObj ? fileProblem(f.originFileObj) : null;
                  if (problem) throw new Error(problem);
                }
              },
            },
          ]}
        >
          <Upload accept={NOTICE_ATTACHMENT_ACCEPT} multiple beforeUpload={() => false}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
