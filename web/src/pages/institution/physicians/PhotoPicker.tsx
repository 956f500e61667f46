import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Typography, Upload } from 'antd';
import { useEffect, useMemo } from 'react';

export const PHOTO_MAX_MB = 2;
const EXTENSIONS = ['.jpg', '.jpeg', '.png'];

function problemOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((ext) => name.endsWith(ext))) return '只能上传.jpg、.jpeg、.png格式的照片';
  if (file.size === 0) return '照片文件为空';
  if (file.size > PHOTO_MAX_MB * 1024 * 1024) return `照片不能超过${PHOTO_MAX_MB}M`;
  return null;
}

/** 上传图片: picks the photo and previews it; it is uploaded once the physician has been saved. */
export function PhotoPicker({ value, onChange }: { value: File | null; onChange: (file: File | null) => void }) {
  const { message } = App.useApp();
  const preview = useMemo(() => (value ? URL.createObjectURL(value) : null), [value]);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  return (
    <Flex gap={12} align="start" wrap>
      {preview && <Image src={preview} alt="医师照片预览" width={80} className="physician-photo-preview" />}
      <Flex vertical gap={4} align="start">
        <Upload
          accept=".jpg,.jpeg,.png"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            const problem = problemOf(file);
            if (problem) void message.error(problem);
            else onChange(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />}>{value ? '重新上传' : '上传图片'}</Button>
        </Upload>
        {value && (
          <Button type="link" size="small" className="physician-photo-remove" onClick={() => onChange(null)}>
            移除照片
          </Button>
        )}
        <Typography.Text type="secondary" className="physician-photo-hint">
          请上传2M以下.jpg.png.jpeg格式照片
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
