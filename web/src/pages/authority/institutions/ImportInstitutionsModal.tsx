import { institutionTemplateUrl, useImportInstitutions } from '../../../api/institutions';
import { ImportExcelModal } from '../../../components/import/ImportExcelModal';

/** 批量导入 of 机构账号. */
export function ImportInstitutionsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ImportExcelModal
      open={open}
      onClose={onClose}
      title="批量导入"
      instructions="按模板填写机构信息（说明页列出可选值和区划代码）"
      templateUrl={institutionTemplateUrl}
      rejectedFileName="机构账号导入失败数据.xlsx"
      importFile={useImportInstitutions()}
    />
  );
}
