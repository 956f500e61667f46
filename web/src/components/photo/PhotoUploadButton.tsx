import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import ImgCrop from 'antd-img-crop';

export const PHOTO_MAX_MB = 2;
/** A phone camera's picture is larger than the photo the server keeps: it is cropped and scaled down first. */
const ORIGINAL_MAX_MB = 20;
const EXTENSIONS = ['.jpg', '.jpeg', '.png'];
/** 一寸证件照 (25 × 35 mm). */
const PHOTO_ASPECT = 5 / 7;
/** Enough for the certificate and for proctoring; a larger crop is scaled down to this. */
const PHOTO_MAX_HEIGHT = 840;

function nameProblem(file: File): string | null {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((ext) => name.endsWith(ext))) return '只能上传.jpg、.jpeg、.png格式的照片';
  if (file.size === 0) return '照片文件为空';
  if (file.size > ORIGINAL_MAX_MB * 1024 * 1024) return `照片不能超过${ORIGINAL_MAX_MB}M`;
  return null;
}

async function decoded(file: File): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(file);
  } catch {
    return null;
  }
}

/** The picture at most PHOTO_MAX_HEIGHT high, as JPEG (or the file itself when it is small enough already). */
async function scaledDown(file: File, image: ImageBitmap): Promise<File> {
  if (image.height <= PHOTO_MAX_HEIGHT && file.size <= PHOTO_MAX_MB * 1024 * 1024) return file;
  const scale = Math.min(1, PHOTO_MAX_HEIGHT / image.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const context = canvas.getContext('2d');
  if (!context) return file;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
  return blob ? new File([blob], file.name.replace(/\.\w+$/, '.jpg'), { type: 'image/jpeg' }) : file;
}

/**
 * The photo to upload, or why this file cannot be one: a .jpg/.png that is really a picture, scaled down to
 * PHOTO_MAX_HEIGHT and within PHOTO_MAX_MB. (The server checks the content again.)
 */
async function preparePhoto(file: File): Promise<{ photo: File } | { problem: string }> {
  const problem = nameProblem(file);
  if (problem) return { problem };
  const image = await decoded(file);
  if (!image) return { problem: '照片文件不是有效的图片，请重新选择' };
  const photo = await scaledDown(file, image);
  image.close();
  if (photo.size > PHOTO_MAX_MB * 1024 * 1024) return { problem: `照片不能超过${PHOTO_MAX_MB}M` };
  return { photo };
}

/**
 * 上传照片: a chosen picture is first cropped to an ID photo (一寸), then scaled down and handed to `onPhoto`.
 * A file that is not a picture skips the cropper and is refused with its reason.
 */
export function PhotoUploadButton({ label, loading, onPhoto }: { label: string; loading?: boolean; onPhoto: (photo: File) => void }) {
  const { message } = App.useApp();
  return (
    <ImgCrop
      aspect={PHOTO_ASPECT}
      quality={0.9}
      showGrid
      modalTitle="裁剪照片"
      modalOk="确定"
      modalCancel="取消"
      beforeCrop={async (file) => {
        if (nameProblem(file) !== null) return false;
        const image = await decoded(file);
        image?.close();
        return image !== null;
      }}
    >
      <Upload
        accept=".jpg,.jpeg,.png"
        maxCount={1}
        showUploadList={false}
        beforeUpload={async (file) => {
          const prepared = await preparePhoto(file);
          if ('problem' in prepared) void message.error(prepared.problem);
          else onPhoto(prepared.photo);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={loading}>
          {label}
        </Button>
      </Upload>
    </ImgCrop>
  );
}
