// Reading a workbook the app wrote, as a person sees it: every row as wide as the header row, blank cells as ''.
import ExcelJS from 'exceljs';

export async function sheetRows(data: Buffer, sheetIndex = 0): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[sheetIndex];
  const width = sheet.getRow(1).cellCount;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => String(row.getCell(i + 1).value ?? ''))));
  return rows;
}
