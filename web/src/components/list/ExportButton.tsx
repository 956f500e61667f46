import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { downloadUrl } from '../../lib/download';

/** 导出: the browser downloads the list's Excel from `url` (the same filters as the screen); off while the list is empty. */
export function ExportButton({ url, total, label = '导出' }: { url: string; total: number | undefined; label?: string }) {
  return (
    <Button icon={<DownloadOutlined />} disabled={!total} onClick={() => downloadUrl(url)}>
      {label}
    </Button>
  );
}
