import { Button, Flex, Image, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { PhotoUploadButton } from '../../../components/photo/PhotoUploadButton';

/** 上传图片: picks the photo, crops it and previews it; it is uploaded once the physician has been saved. */
export function PhotoPicker({ value, onChange }: { value: File | null; onChange: (file: File | null) => void }) {
  const preview = useMemo(() => (value ? URL.createObjectURL(value) : null), [value]);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  return (
    <Flex gap={12} align="start" wrap>
      {preview && <Image src={preview} alt="医师照片预览" width={80} className="physician-photo-preview" />}
      <Flex vertical gap={4} align="start">
        <PhotoUploadButton label={value ? '重新上传' : '上传图片'} onPhoto={onChange} />
        {value && (
          <Button type="link" size="small" className="physician-photo-remove" onClick={() => onChange(null)}>
            移除照片
          </Button>
        )}
        <Typography.Text type="secondary" className="physician-photo-hint">
          请上传.jpg.png.jpeg格式照片，可裁剪，较大的照片会自动压缩到2M以下
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
