// 发证机关公章: the provincial authority uploads its seal (a transparent PNG), drawn on every 合格证书 it issues.
// Without one, certificates carry the space for the stamp and the seed's sentence that they need it.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Image, Typography, Upload } from 'antd';
import { useState } from 'react';
import { API_BASE, errorMessage } from '../../../api/client';
import { useSealInfo, useUploadSeal } from '../../../api/certificates';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { STAMP_NOTICE } from '../../../components/certificates/CertificateModal';

export function CertificateSealPage() {
  const { message } = App.useApp();
  const info = useSealInfo();
  const upload = useUploadSeal();
  const [version, setVersion] = useState(0);
  if (info.isPending) return <PageSpin />;
  if (info.isError) return <LoadFailed message={errorMessage(info.error)} onRetry={() => void info.refetch()} />;
  return (
    <Card title="发证机关公章">
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary">
          上传本机关公章图片（透明背景的PNG，1MB以内）后，新下载或打印的合格证书将在发证机关处显示公章；未上传时证书保留盖章位置，并注明「{STAMP_NOTICE}」。
        </Typography.Paragraph>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'state', label: '公章', children: info.data.uploaded ? `已上传（${new Date(info.data.uploadedAt!).toLocaleString('zh-CN')}）` : '未上传' },
          ]}
        />
        {info.data.uploaded && <Image width={160} alt="发证机关公章" src={`${API_BASE}/certificates/seal/image?v=${version}`} preview={false} />}
        {!info.data.uploaded && <Alert type="warning" showIcon title={`尚未上传公章：${STAMP_NOTICE}。`} />}
        <Upload
          accept="image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file, {
              onSuccess: () => {
                setVersion((v) => v + 1);
                message.success('公章已上传');
              },
              onError: (e) => message.error(errorMessage(e)),
            });
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
            {info.data.uploaded ? '更换公章' : '上传公章'}
          </Button>
        </Upload>
      </Flex>
    </Card>
  );
}
