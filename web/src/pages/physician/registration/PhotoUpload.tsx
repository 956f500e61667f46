import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Flex, Image, Typography, Upload } from 'antd';
import ImgCrop from 'antd-img-crop';
import { errorMessage } from '../../../api/client';
import { registrationFileUrl, useUploadPhoto } from '../../../api/registration';

const PHOTO_MAX_MB = 2;
const EXTENSIONS = ['.jpg', '.jpeg', '.png'];
/** 一寸证件照 (25 × 35 mm). */
const PHOTO_ASPECT = 5 / 7;

function problemOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((ext) => name.endsWith(ext))) return '只能上传.jpg、.jpeg、.png格式的照片';
  if (file.size === 0) return '照片文件为空';
  if (file.size > PHOTO_MAX_MB * 1024 * 1024) return `照片不能超过${PHOTO_MAX_MB}M`;
  return null;
}

interface Props {
  photoFileId: string | null;
  /** From 提交: 请上传照片. */
  error?: string;
  onUploaded?: () => void;
}

/** 头像: cropped to an ID photo, uploaded at once (the server checks the content), previewed large on click. */
export function PhotoUpload({ photoFileId, error, onUploaded }: Props) {
  const { message } = App.useApp();
  const upload = useUploadPhoto();

  return (
    <Flex gap={16} align="start" wrap className="registration-photo">
      {photoFileId ? (
        <Image src={registrationFileUrl(photoFileId)} alt="医师照片" width={96} height={134} className="registration-photo-image" />
      ) : (
        <Avatar shape="square" size={96} icon={<UserOutlined />} aria-label="未上传照片" />
      )}
      <Flex vertical gap={4} align="start" className="registration-photo-side">
        {/* A file that cannot be a photo skips the cropper and is refused by beforeUpload with its reason. */}
        <ImgCrop
          aspect={PHOTO_ASPECT}
          quality={0.85}
          showGrid
          modalTitle="裁剪照片"
          modalOk="确定"
          modalCancel="取消"
          beforeCrop={(file) => problemOf(file) === null}
        >
          <Upload
            accept=".jpg,.jpeg,.png"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              const problem = problemOf(file);
              if (problem) void message.error(problem);
              else
                upload.mutate(file, {
                  onSuccess: () => {
                    void message.success('照片已上传');
                    onUploaded?.();
                  },
                  onError: (e) => void message.error(errorMessage(e)),
                });
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {photoFileId ? '更换照片' : '上传照片'}
            </Button>
          </Upload>
        </ImgCrop>
        <Typography.Text type="secondary" className="registration-hint">
          请上传2M以下.jpg.png.jpeg格式照片
        </Typography.Text>
        <Typography.Text type="secondary" className="registration-hint">
          医师头像照必须是本人近两年内证件照，照片将用于考试过程监考及考核结果通知书打印
        </Typography.Text>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
