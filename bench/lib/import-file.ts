// Writes the 批量导入医师 workbook of the benchmark: `rows` valid, new physicians in the template's columns,
// with the streaming writer so that 100k rows never sit in memory.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { idTypeLabels, physicianLevelLabels, practiceCategoryLabels, sexLabels } from '../../common/enums.js';
import { residentIdCheckChar } from '../../common/id-number.js';
import { educations, titles } from '../../common/physician-catalogs.js';
import { physicianImportColumns } from '../../common/schemas/physician.js';
import { IMPORTED_LICENSE_PREFIX } from './bench-accounts.js';
import { pickCategory, pickTitle, scopeOf, seededRandom, weighted } from './province-shape.js';

/**
 * A unique 身份证 per row: region `44xxxx` (another province than the generated one, so never a duplicate
 * of the roster) with the row number spread over the region digits and the sequence digits.
 */
function idNumberOf(i: number, birth: string): string {
  const first17 = `44${String(i % 10_000).padStart(4, '0')}${birth.replaceAll('-', '')}${String(Math.floor(i / 10_000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * The streaming writer puts the sheet before [Content_Types].xml and streams entries with data descriptors;
 * the upload check (file-type) then sees only a zip and refuses the file. Excel and WPS save
 * [Content_Types].xml first, so the file is re-zipped that way, as if it had been filled in and saved in Excel.
 */
function rezipContentTypesFirst(from: string, to: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-xlsx-'));
  try {
    execFileSync('unzip', ['-q', from, '-d', dir]);
    const entries = execFileSync('find', ['.', '-type', 'f'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.slice(2));
    const ordered = ['[Content_Types].xml', ...entries.filter((e) => e !== '[Content_Types].xml').sort()];
    fs.rmSync(to, { force: true });
    execFileSync('zip', ['-q', '-X', '-D', to, ...ordered], { cwd: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function writeImportFile(file: string, rows: number, departmentNames: string[]): Promise<void> {
  const streamed = `${file}.streamed.xlsx`;
  const random = seededRandom(100_000);
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
  const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平'];
  const today = dayjs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: fs.createWriteStream(streamed), useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('医师');
  sheet.addRow(physicianImportColumns.map(([header]) => header)).commit();
  for (let i = 0; i < rows; i++) {
    const birth = today.subtract(Math.floor((25 + ((random() + random()) / 2) * 40) * 365.25), 'day');
    const idNumber = idNumberOf(i, birth.format('YYYY-MM-DD'));
    const firstRegistration = birth.add(Math.floor((24 + random() * 6) * 365.25), 'day');
    const registered = firstRegistration.isBefore(today) ? firstRegistration : today.subtract(30, 'day');
    const category = pickCategory(random);
    const title = pickTitle(random);
    const values: Record<(typeof physicianImportColumns)[number][1], string> = {
      name: `${surnames[Math.floor(random() * surnames.length)]}${given[Math.floor(random() * given.length)]}${i % 7 === 0 ? given[i % given.length] : ''}`,
      sex: sexLabels[Number(idNumber[16]) % 2 ? 'male' : 'female'],
      idType: idTypeLabels.resident,
      idNumber,
      birthDate: birth.format('YYYY-MM-DD'),
      ethnicity: '汉族',
      education: weighted(random, [[educations[1], 2], [educations[2], 5], [educations[3], 2]] as const),
      email: '',
      mobile: `13${String(100_000_000 + i).slice(-9)}`,
      departmentId: departmentNames[i % departmentNames.length],
      title,
      titleDate: title === titles[5] ? '' : registered.add(2, 'year').isBefore(today) ? registered.add(2, 'year').format('YYYY-MM-DD') : '',
      physicianLevel: physicianLevelLabels[random() < 0.1 ? 'assistant' : 'physician'],
      residentTrainee: '否',
      position: '',
      positionDate: '',
      practiceCategory: practiceCategoryLabels[category],
      practiceScope: weighted(random, scopeOf[category]),
      licenseNumber: `${IMPORTED_LICENSE_PREFIX}${String(i).padStart(8, '0')}`,
      licenseDate: registered.format('YYYY-MM-DD'),
      qualificationNumber: `${IMPORTED_LICENSE_PREFIX}Q${String(i).padStart(8, '0')}`,
      qualificationDate: registered.subtract(200, 'day').format('YYYY-MM-DD'),
      firstRegistrationDate: registered.format('YYYY-MM-DD'),
    };
    sheet.addRow(physicianImportColumns.map(([, field]) => values[field])).commit();
  }
  sheet.commit();
  await workbook.commit();
  rezipContentTypesFirst(path.resolve(streamed), path.resolve(file));
  fs.rmSync(streamed);
}
