import { physicianTemplateUrl, useImportPhysicians } from '../../../api/physicians';
import { ImportExcelModal } from '../../../components/import/ImportExcelModal';

/** 批量导入医师. */
export function ImportPhysiciansModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ImportExcelModal
      open={open}
      onClose={onClose}
      title="批量导入医师"
      instructions="按模板填写医师信息（说明页列出各列的填写要求和可选值）"
      templateUrl={physicianTemplateUrl}
      rejectedFileName="医师导入失败数据.xlsx"
      importFile={useImportPhysicians()}
    />
  );
}
