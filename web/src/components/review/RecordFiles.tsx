import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import type { z } from 'zod';
import type { registrationFileSchema } from '../../../../common/schemas/registration';
import { fileUrl } from '../../api/physicians';

type RecordFile = z.infer<typeof registrationFileSchema>;

const isPdf = (file: RecordFile) => file.name.toLowerCase().endsWith('.pdf');

/** Files of the given slots as links (申请材料, 免考材料); 未上传 when there is none. */
export function FileLinks({ files, slots }: { files: RecordFile[]; slots: number[] }) {
  const shown = files.filter((f) => slots.includes(f.slot));
  if (shown.length === 0) return <Typography.Text type="secondary">未上传</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {shown.map((f) => (
        <Typography.Link key={f.id} href={fileUrl(f.id)} target="_blank" rel="noreferrer" className="review-file-link">
          {isPdf(f) ? <FilePdfOutlined /> : <PaperClipOutlined />} {f.name}
        </Typography.Link>
      ))}
    </Flex>
  );
}

/** Pictures as thumbnails that open large (执业证书 pages, 电子证照); a PDF 电子证照 as a link. */
export function FileThumbnails({ files, slots, labels }: { files: RecordFile[]; slots: number[]; labels: Record<number, string> }) {
  const shown = files.filter((f) => slots.includes(f.slot)).sort((a, b) => a.slot - b.slot);
  if (shown.length === 0) return <Typography.Text type="secondary">未上传</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Flex gap={16} wrap>
        {shown.map((f) => (
          <figure key={f.id} className="review-thumbnail">
            {isPdf(f) ? (
              <Typography.Link href={fileUrl(f.id)} target="_blank" rel="noreferrer" className="review-thumbnail-pdf">
                <FilePdfOutlined />
                <span>{f.name}</span>
              </Typography.Link>
            ) : (
              <Image src={fileUrl(f.id)} alt={labels[f.slot] ?? f.name} height={140} />
            )}
            <figcaption>{labels[f.slot] ?? f.name}</figcaption>
          </figure>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
