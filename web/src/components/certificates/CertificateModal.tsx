// 查看 of a 历史考核结果 row (seed 002 §1.10) and 打印 of 考核进度 (seed 003 §2.3.0): the record, and for 合格 its
// certificate with 下载证书 / 打印 (the PDF in the browser's viewer); the provincial authority may 撤销证书 with a reason.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { enrolmentStatusLabels, practiceCategoryLabels } from '../../../../common/enums';
import { progressProcedureLabels, progressResultLabels } from '../../../../common/schemas/assessment-progress';
import { certificateStatusLabels, type HistoryItem } from '../../../../common/schemas/certificates';
import { exemptionStatusLabels } from '../../../../common/schemas/registration';
import { certificatePdfUrl, enrolmentCertificatePdfUrl, useRevokeCertificate } from '../../api/certificates';
import { errorMessage } from '../../api/client';
import { downloadUrl } from '../../lib/download';

export const STAMP_NOTICE = '定期考核合格证书需加盖发证机关公章后方可生效';

/** Opens the certificate's PDF in a new tab, where the browser's viewer prints it. */
export const printCertificate = (url: string) => window.open(url, '_blank', 'noopener');

function RevokeForm({ id, onDone }: { id: number; onDone: () => void }) {
  const { message } = App.useApp();
  const revoke = useRevokeCertificate();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      name="revokeCertificate"
      onFinish={(v) =>
        revoke.mutate(
          { id, reason: v.reason.trim() },
          {
            onSuccess: (r) => {
              message.success(`已撤销证书 ${r.number}`);
              onDone();
            },
            onError: (e) => message.error(errorMessage(e)),
          },
        )
      }
    >
      <Form.Item name="reason" label="撤销理由" rules={[{ required: true, whitespace: true, message: '请输入撤销理由' }, { max: 200, message: '撤销理由不能超过200个字' }]}>
        <Input.TextArea rows={3} maxLength={200} showCount placeholder="医师将在站内消息中看到该理由" />
      </Form.Item>
      <Button danger htmlType="submit" loading={revoke.isPending}>
        确认撤销
      </Button>
    </Form>
  );
}

export function CertificateModal({ item, canRevoke, onClose }: { item: HistoryItem | null; canRevoke?: boolean; onClose: () => void }) {
  const [revoking, setRevoking] = useState(false);
  const cert = item?.certificate ?? null;
  const passed = item?.result === 'passed';
  const pdf = (download: boolean) => (cert ? certificatePdfUrl(cert.id, download) : enrolmentCertificatePdfUrl(item!.enrolmentId, download));
  const valid = passed && (!cert || cert.status === 'valid');
  return (
    <Modal
      open={item !== null}
      title="考核结果"
      width={640}
      onCancel={() => {
        setRevoking(false);
        onClose();
      }}
      footer={
        valid ? (
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => printCertificate(pdf(false))}>
              打印
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => downloadUrl(pdf(true))}>
              下载证书
            </Button>
          </Space>
        ) : null
      }
      destroyOnHidden
    >
      {item && (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'cycle', label: '考核周期', children: item.cycleName, span: 2 },
              { key: 'institution', label: '医疗卫生机构', children: item.institutionName, span: 2 },
              { key: 'name', label: '姓名', children: item.name },
              { key: 'id', label: '证件号码', children: item.idNumberMasked },
              { key: 'category', label: '执业类别', children: practiceCategoryLabels[item.practiceCategory] },
              { key: 'procedure', label: '考核程序', children: progressProcedureLabels[item.procedure] },
              { key: 'status', label: '考核状态', children: enrolmentStatusLabels[item.status] },
              { key: 'exemption', label: '免考状态', children: exemptionStatusLabels[item.exemptionStatus] },
              { key: 'result', label: '考核结果', children: <Tag color={passed ? 'green' : item.result === 'failed' ? 'red' : undefined}>{progressResultLabels[item.result]}</Tag>, span: 2 },
              ...(cert
                ? [
                    { key: 'number', label: '证书编号', children: cert.number },
                    { key: 'certStatus', label: '证书状态', children: <Tag color={cert.status === 'valid' ? 'green' : 'red'}>{certificateStatusLabels[cert.status]}</Tag> },
                    { key: 'issued', label: '发证日期', children: cert.issuedOn, span: 2 },
                  ]
                : []),
            ]}
          />
          {valid && <Alert type="warning" showIcon title={`备注：${STAMP_NOTICE}。`} />}
          {!passed && <Alert type="info" showIcon title="考核结果为合格的医师方可下载合格证书。" />}
          {cert?.status === 'revoked' && <Alert type="error" showIcon title="该合格证书已撤销。" />}
          {canRevoke && cert?.status === 'valid' && (revoking ? <RevokeForm id={cert.id} onDone={onClose} /> : <Button danger onClick={() => setRevoking(true)}>撤销证书</Button>)}
        </Space>
      )}
    </Modal>
  );
}
