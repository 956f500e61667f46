import { InboxOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportResult } from '../../../../common/schemas/institution';
import { errorMessage } from '../../api/client';
import { downloadBase64, downloadUrl } from '../../lib/download';
import './import.css';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportExcelModalProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What the first step asks to fill in, e.g. 「按模板填写医师信息（…）」. */
  instructions: string;
  templateUrl: string;
  /** The name the rejected rows are saved under. */
  rejectedFileName: string;
  importFile: UseMutationResult<ImportResult, Error, File>;
  /** The file goes in whole or not at all: one refused row imports nothing; the report is the whole file with its reasons. */
  allOrNothing?: boolean;
  /** What one imported row is counted as (条, 题). */
  unit?: string;
}

/** 批量导入: download the template, upload the filled .xlsx, see what was imported and why rows were rejected. */
export function ImportExcelModal({ open, onClose, title, instructions, templateUrl, rejectedFileName, importFile, allOrNothing = false, unit = '条' }: ImportExcelModalProps) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { message } = App.useApp();

  const close = () => {
    setFile(null);
    setResult(null);
    importFile.reset();
    onClose();
  };

  const start = () => {
    if (!file) return;
    importFile.mutate(file, {
      onSuccess: (answer) => {
        setResult(answer);
        setFile(null);
      },
      onError: (error) => void message.error(errorMessage(error)),
    });
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={close}>关闭</Button>
          <Button type="primary" disabled={!file} loading={importFile.isPending} onClick={start}>
            开始导入
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph className="import-steps">
          1. 下载导入模板，{instructions}；2. 上传填好的 Excel 文件（.xlsx）。
          {allOrNothing
            ? '全部行校验通过才导入；有任一行未通过则不导入任何一行，可下载错误报告（原文件加“失败原因”列），在报告中修改后直接重新导入。'
            : '校验通过的行一次导入，未通过的行不导入，可下载失败数据修改后重新导入。'}
        </Typography.Paragraph>
        <div>
          <Button onClick={() => downloadUrl(templateUrl)}>下载导入模板</Button>
        </div>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setResult(null);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽 Excel 文件到此处</p>
          <p className="ant-upload-hint">仅支持按模板填写的 .xlsx 文件</p>
        </Upload.Dragger>
        {result && <ImportOutcome result={result} rejectedFileName={rejectedFileName} allOrNothing={allOrNothing} unit={unit} />}
      </Flex>
    </Modal>
  );
}

function ImportOutcome({ result, rejectedFileName, allOrNothing, unit }: { result: ImportResult; rejectedFileName: string; allOrNothing: boolean; unit: string }) {
  const title = !allOrNothing
    ? `导入成功${result.imported}${unit}，失败${result.rejected}${unit}`
    : result.rejected === 0
      ? `导入成功${result.imported}${unit}`
      : `${result.rejected}行未通过校验，未导入任何数据，请修改后重新导入`;
  return (
    <Flex vertical gap={12}>
      <Alert
        type={result.rejected === 0 ? 'success' : result.imported === 0 ? 'error' : 'warning'}
        showIcon
        title={title}
        action={
          result.rejectedFile ? (
            <Button size="small" onClick={() => downloadBase64(result.rejectedFile!, rejectedFileName, XLSX)}>
              {allOrNothing ? '下载错误报告' : '下载失败数据'}
            </Button>
          ) : undefined
        }
      />
      {result.errors.length > 0 && (
        <Table
          size="small"
          rowKey="row"
          dataSource={result.errors}
          pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 72 },
            { title: '失败原因', dataIndex: 'reason' },
          ]}
        />
      )}
    </Flex>
  );
}
