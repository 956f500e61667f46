import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { applicationFileMaxMb, applicationSlots, slotField } from '../../../../../common/schemas/assessor';
import { useSubmitApplication } from '../../../api/assessors';
import { errorMessage, isApiRequestError } from '../../../api/client';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx';
const EXTENSIONS = ACCEPT.split(',');

function problemOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((ext) => name.endsWith(ext))) return '只能上传PDF、JPG、PNG、Word、Excel文件';
  if (file.size > applicationFileMaxMb * 1024 * 1024) return `文件不能超过${applicationFileMaxMb}MB`;
  if (file.size === 0) return '文件为空';
  return null;
}

/** 附件信息: the five slots (one file each, replaceable before submitting) and 提交申请. */
export function SlotUploadForm({ onSubmitted }: { onSubmitted?: () => void }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<Map<number, File>>(new Map());
  const [errors, setErrors] = useState<Record<number, string>>({});
  const submit = useSubmitApplication();

  const put = (slot: number, file: File | null) => {
    setFiles((current) => {
      const next = new Map(current);
      if (file) next.set(slot, file);
      else next.delete(slot);
      return next;
    });
    setErrors(({ [slot]: _dropped, ...rest }) => rest);
  };

  const send = () => {
    const missing = applicationSlots.filter((s) => s.required && !files.has(s.slot));
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((s) => [s.slot, `请上传${s.label}`])));
      message.error(`请上传附件：${missing[0].slot}. ${missing[0].label}`);
      return;
    }
    submit.mutate(files, {
      onSuccess: () => {
        message.success('申请已提交，请等待卫生行政部门审核');
        onSubmitted?.();
      },
      onError: (error) => {
        const fields = isApiRequestError(error) ? error.fields : {};
        setErrors(Object.fromEntries(applicationSlots.filter((s) => fields[slotField(s.slot)]).map((s) => [s.slot, fields[slotField(s.slot)] ?? ''])));
        message.error(errorMessage(error));
      },
    });
  };

  return (
    <Flex vertical gap={12}>
      {applicationSlots.map((slot) => {
        const file = files.get(slot.slot);
        return (
          <div key={slot.slot} className="slot-row" data-slot={slot.slot}>
            <Typography.Text className="slot-label">
              {slot.required && <span className="slot-required">* </span>}
              {slot.slot}. {slot.label}：
            </Typography.Text>
            <Flex align="center" gap={12} wrap>
              <Upload
                accept={ACCEPT}
                maxCount={1}
                showUploadList={false}
                beforeUpload={(f) => {
                  const problem = problemOf(f);
                  if (problem) message.error(`${slot.slot}. ${slot.label}：${problem}`);
                  else put(slot.slot, f);
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button icon={<UploadOutlined />}>{file ? '重新上传' : '上传'}</Button>
              </Upload>
              <Tag color={file ? 'green' : 'default'}>{file ? '已上传' : '未上传'}</Tag>
              {file && (
                <>
                  <Typography.Text className="slot-file">
                    <PaperClipOutlined /> {file.name}
                  </Typography.Text>
                  <Button type="link" size="small" onClick={() => put(slot.slot, null)}>
                    移除
                  </Button>
                </>
              )}
            </Flex>
            {errors[slot.slot] && <Typography.Text type="danger">{errors[slot.slot]}</Typography.Text>}
          </div>
        );
      })}
      <Typography.Text type="secondary">支持 PDF、JPG、PNG、Word、Excel 文件，每个不超过 {applicationFileMaxMb}MB；带 * 的附件必须上传。</Typography.Text>
      <div>
        <Button type="primary" onClick={send} loading={submit.isPending}>
          提交申请
        </Button>
      </div>
    </Flex>
  );
}
