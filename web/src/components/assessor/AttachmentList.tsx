import { PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Typography } from 'antd';
import { applicationSlots, type ApplicationFile } from '../../../../common/schemas/assessor';
import { fileUrl } from '../../api/assessors';
import './assessor.css';

/** The five attachment slots of an application, each with its file as a download link (or 未上传). */
export function AttachmentList({ files }: { files: ApplicationFile[] }) {
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      className="attachment-list"
      items={applicationSlots.map((slot) => {
        const slotFiles = files.filter((f) => f.slot === slot.slot);
        return {
          key: slot.slot,
          label: `${slot.required ? '* ' : ''}${slot.slot}. ${slot.label}`,
          children: slotFiles.length ? (
            slotFiles.map((f) => (
              <div key={f.id}>
                <Typography.Link href={fileUrl(f.id)} download={f.name}>
                  <PaperClipOutlined /> {f.name}
                </Typography.Link>
              </div>
            ))
          ) : (
            <Typography.Text type="secondary">未上传</Typography.Text>
          ),
        };
      })}
    />
  );
}
