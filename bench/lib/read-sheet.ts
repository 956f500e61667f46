// The anchor of the import benchmark: exceljs alone streams the same workbook with the options the app's streamSheet
// uses (shared strings and styles cached), touching every row's values. Run in a process of its own so that its peak
// RSS is its own. Prints {"ms":…,"rows":…,"peakRssMb":…}.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';

const file = process.argv[2];
if (!file) throw new Error('usage: read-sheet.ts <file.xlsx>');
const started = performance.now();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([fs.readFileSync(file)]), {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'emit',
});
let rows = 0;
let cells = 0;
for await (const worksheet of reader) {
  for await (const row of worksheet) {
    rows += 1;
    cells += (row.values as unknown[]).length;
  }
  break;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, rows, cells, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
