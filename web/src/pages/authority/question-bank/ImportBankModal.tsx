import { bankTemplateUrl, useImportBank } from '../../../api/questionBank';
import { ImportExcelModal } from '../../../components/import/ImportExcelModal';

/** 批量导入 of the 题库: all or nothing, the report is the file with a 失败原因 column. */
export function ImportBankModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ImportExcelModal
      open={open}
      onClose={onClose}
      title="批量导入试题"
      instructions="按模板填写试题（每行一题，A3/A4/B1 一组用相同的分组号；说明页解释每一列）"
      templateUrl={bankTemplateUrl}
      rejectedFileName="题库导入错误报告.xlsx"
      importFile={useImportBank()}
      allOrNothing
      unit="题"
    />
  );
}
