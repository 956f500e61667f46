import { UserOutlined } from '@ant-design/icons';
import { App, Avatar, Flex, Image, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { registrationFileUrl, useUploadPhoto } from '../../../api/registration';
import { PhotoUploadButton } from '../../../components/photo/PhotoUploadButton';

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
        <PhotoUploadButton
          label={photoFileId ? '更换照片' : '上传照片'}
          loading={upload.isPending}
          onPhoto={(photo) =>
            upload.mutate(photo, {
              onSuccess: () => {
                void message.success('照片已上传');
                onUploaded?.();
              },
              onError: (e) => void message.error(errorMessage(e)),
            })
          }
        />
        <Typography.Text type="secondary" className="registration-hint">
          请上传.jpg.png.jpeg格式照片，可裁剪，较大的照片会自动压缩到2M以下
        </Typography.Text>
        <Typography.Text type="secondary" className="registration-hint">
          医师头像照必须是本人近两年内证件照，照片将用于考试过程监考及考核结果通知书打印
        </Typography.Text>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
