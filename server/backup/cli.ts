// The `backup` and `restore` commands of the CLI.
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { createBackup } from './backup.js';
import { KEYS_REMINDER, type BackupManifest } from './common.js';
import { restoreBackup } from './restore.js';

const summary = (m: BackupManifest) =>
  `${Object.keys(m.tables).length} 张表、${Object.values(m.tables).reduce((a, b) => a + b, 0)} 行，${m.files} 个文件`;

export async function backupCommand(config: Config, args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('用法：npm run cli -- backup <备份文件>');
    process.exitCode = 1;
    return;
  }
  const manifest = await createBackup(config, positionals[0]);
  console.log(`已备份到 ${positionals[0]}（${manifest.database}：${summary(manifest)}）`);
  console.log(KEYS_REMINDER);
}

export async function restoreCommand(config: Config, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) {
    console.error('用法：npm run cli -- restore <备份文件> [--force]');
    process.exitCode = 1;
    return;
  }
  const manifest = await restoreBackup(config, positionals[0], { force: values.force });
  console.log(`已从 ${positionals[0]} 恢复（备份时间 ${manifest.createdAt}；${summary(manifest)}，已逐表核对）`);
  console.log(KEYS_REMINDER);
}
