import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { MATERIALS_MAX, registrationFileSlots, type Registration, type RegistrationFileSlot } from '../../../../../common/schemas/registration';
import { errorMessage } from '../../../api/client';
import { registrationFileUrl, useDeleteFile, useUploadFile } from '../../../api/registration';

/** What each slot takes, as the server checks it (by content there; by name and size here, to fail fast). */
const slotRules: Record<RegistrationFileSlot, { label: string; extensions: string[]; maxMb: number; many: boolean }> = {
  licensePage1: { label: '执业证书第一页', extensions: ['.jpg', '.jpeg', '.png'], maxMb: 2, many: false },
  licensePage2: { label: '执业证书第二页', extensions: ['.jpg', '.jpeg', '.png'], maxMb: 2, many: false },
  electronicLicense: { label: '电子证照', extensions: ['.jpg', '.jpeg', '.png', '.pdf'], maxMb: 5, many: false },
  simplifiedMaterial: { label: '简易程序申请材料', extensions: ['.pdf', '.jpg', '.jpeg', '.png'], maxMb: 10, many: true },
  exemptionMaterial: { label: '免考申请材料', extensions: ['.pdf', '.jpg', '.jpeg', '.png'], maxMb: 10, many: true },
};

export const slotLabel = (slot: RegistrationFileSlot) => slotRules[slot].label;

function problemOf(slot: RegistrationFileSlot, file: File): string | null {
  const rule = slotRules[slot];
  const name = file.name.toLowerCase();
  if (!rule.extensions.some((ext) => name.endsWith(ext))) return `${rule.label}只能上传${rule.extensions.join('、')}格式的文件`;
  if (file.size === 0) return '文件为空';
  if (file.size > rule.maxMb * 1024 * 1024) return `${rule.label}不能超过${rule.maxMb}M`;
  return null;
}

interface Props {
  slot: RegistrationFileSlot;
  registration: Registration;
  required?: boolean;
  /** From 提交: 请上传… */
  error?: string;
  onChanged?: () => void;
}

/** One file slot of the registration: uploaded at once; a page replaces the one before it, materials add up (≤ 5). */
export function SlotFiles({ slot, registration, required, error, onChanged }: Props) {
  const { message } = App.useApp();
  const upload = useUploadFile();
  const remove = useDeleteFile();
  const rule = slotRules[slot];
  const files = registration.files.filter((f) => f.slot === registrationFileSlots[slot]);
  const full = rule.many && files.length >= MATERIALS_MAX;
  const hint = `${rule.extensions.join(' ')}，不超过${rule.maxMb}M${rule.many ? `，最多${MATERIALS_MAX}个` : ''}`;

  return (
    <div className="slot-files" data-slot={slot}>
      <Typography.Text className="slot-files-label">
        {required && <span className="registration-required">* </span>}
        {rule.label}
      </Typography.Text>
      <Flex vertical gap={6} align="start">
        {files.map((file) => (
          <Flex key={file.id} gap={8} align="center" className="slot-file-row">
            <Typography.Link href={registrationFileUrl(file.id)} target="_blank" rel="noreferrer" className="slot-file-name">
              <PaperClipOutlined /> {file.name}
            </Typography.Link>
            <Popconfirm
              title={`删除${rule.label}「${file.name}」？`}
              okText="删除"
              cancelText="取消"
              onConfirm={() =>
                remove.mutateAsync(file.id).then(
                  () => onChanged?.(),
                  (e: unknown) => void message.error(errorMessage(e)),
                )
              }
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${file.name}`} />
            </Popconfirm>
          </Flex>
        ))}
        {!full && (
          <Upload
            accept={rule.extensions.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              const problem = problemOf(slot, file);
              if (problem) void message.error(problem);
              else
                upload.mutate(
                  { slot, file },
                  {
                    onSuccess: () => {
                      void message.success(`${rule.label}已上传`);
                      onChanged?.();
                    },
                    onError: (e) => void message.error(errorMessage(e)),
                  },
                );
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {files.length > 0 && !rule.many ? `重新上传${rule.label}` : `上传${rule.label}`}
            </Button>
          </Upload>
        )}
        <Typography.Text type="secondary" className="registration-hint">
          {hint}
        </Typography.Text>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Flex>
    </div>
  );
}
