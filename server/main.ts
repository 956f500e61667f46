// CLI: serve | migrate | seed | create-authority | sms-outbox | files-orphans | backup | restore. `serve` is what `npm start` runs.
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { backupCommand, restoreCommand } from './backup/cli.js';
import { loadConfig, refusalToServe, type Config } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { isDatabaseEmpty, seedDemo } from './db/seed/demo.js';
import { DEMO_PASSWORD, DEMO_EXAMINEE_ID, DEMO_PHYSICIAN_ID } from './db/seed/demo-data.js';
import { createAuthority } from './modules/authorities/create.js';
import { findOrphanFiles } from './modules/files/orphans.js';
import { PURGE_EVERY_MS, purgeExpired } from './purge-job.js';
import { SWEEP_EVERY_MS, sweepExpiredAttempts } from './modules/exams/sweeper.js';
import { deliverSms } from './modules/messages/notify.js';
import { WINDOW_CLOSE_EVERY_MS, closeEndedWindows } from './modules/retakes/close-windows.js';
import { ISSUE_EVERY_MS, issueMissingCertificates } from './modules/certificates/issue-job.js';
import { faceComparer } from './modules/proctoring/face.js';
import { RETENTION_EVERY_MS, purgeExpiredSnapshots } from './modules/proctoring/retention.js';
import { SIMILARITY_EVERY_MS, similarityWorker } from './modules/proctoring/similarity-job.js';
import { schedule } from './lib/schedule.js';
import { latestSmsMessages, smsPurposeLabels, type SmsPurpose } from './lib/sms.js';
import { openRuntime } from './runtime.js';

const DEMO_ACCOUNTS = [
  ['卫生行政部门（省级）', '机构', 'wjw990000'],
  ['卫生行政部门（市级）', '机构', 'wjw990100'],
  ['医疗卫生机构 + 考核机构', '机构', 'DEMO0001'],
  ['医疗卫生机构', '机构', 'DEMO0002'],
  ['医师', '医师', DEMO_PHYSICIAN_ID],
  ['医师（待参加考核）', '医师', DEMO_EXAMINEE_ID],
];

function printDemoAccounts(): void {
  console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const [role, tab, account] of DEMO_ACCOUNTS) console.log(`  ${role.padEnd(14, '　')} 登录页「${tab}」  ${account}`);
}

/** Below the 30 s a process manager (systemd, Kubernetes) waits after SIGTERM before SIGKILL. */
const SHUTDOWN_GRACE_MS = 25_000;

async function serve(config: Config): Promise<void> {
  const refusal = refusalToServe(config);
  if (refusal) {
    console.error(refusal);
    process.exitCode = 1;
    return;
  }
  const started = Date.now();
  const runtime = await openRuntime(config, (err) => {
    console.error(`数据目录锁已失效，为避免数据损坏立即退出：${err.message}`);
    process.exit(1);
  });
  // Demo data comes by itself only into the embedded default; a PostgreSQL deployment asks for it (`seed`).
  if (!config.databaseUrl && (await isDatabaseEmpty(runtime.database.db))) {
    const { physicians } = await seedDemo(runtime.database.db, runtime.pii);
    console.log(`空数据库：已载入演示数据（演示省，${physicians} 名医师）`);
  }
  const app = await buildApp(
    { config, database: runtime.database, pii: runtime.pii, storage: runtime.storage },
    // While closing, requests on still-open connections get 503 (nginx passes idempotent ones to another instance).
    { log: { level: config.logLevel }, return503OnClosing: true },
  );
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  // Every instance schedules each job; runExclusive lets one of them run it per period.
  const jobs = schedule(app.log);
  jobs.every('purge', PURGE_EVERY_MS, () => purgeExpired(runtime.database.db, timeouts));
  // Attempts past their deadline are closed on the server even when no page submits them.
  jobs.every('exam sweep', SWEEP_EVERY_MS, () =>
    sweepExpiredAttempts(runtime.database.db).then(({ sms }) => deliverSms(runtime.database.db, app.deps.sms, app.log, sms)),
  );
  // When a 测评考核 or 补考 window has closed, who did not pass moves on.
  jobs.every('window close', WINDOW_CLOSE_EVERY_MS, () =>
    closeEndedWindows(runtime.database.db).then(({ sms }) => deliverSms(runtime.database.db, app.deps.sms, app.log, sms)),
  );
  // 合格 enrolments without a certificate (data loaded, or completed before certificates) get one.
  jobs.every('certificate issue', ISSUE_EVERY_MS, () => issueMissingCertificates(runtime.database.db), { now: true });
  // 监考: snapshots are scored off the request path (one model thread per instance, one pass at a time), and
  // deleted once the policy's retention after the cycle's end has passed.
  const similarity = similarityWorker(runtime.database.db, runtime.storage, faceComparer());
  // PROCTORING_WORKER=off leaves the scoring to other instances (the queue is shared).
  if (config.proctoringWorker) jobs.every('similarity scoring', SIMILARITY_EVERY_MS, () => similarity.tick());
  jobs.every('snapshot retention', RETENTION_EVERY_MS, () => purgeExpiredSnapshots(runtime.database.db, runtime.storage));
  if (!config.captchaEnabled) app.log.warn('CAPTCHA=off：登录不校验验证码，仅用于自动化测试和基准测试');
  let closing = false;
  // SIGTERM: stop accepting, let in-flight requests finish, close the pool, exit 0. A request that never
  // ends must not hold a deploy forever: after the grace period the process exits 1.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    // No job starts from here on; the database closes after the runs in flight.
    const jobsStopped = jobs.stop();
    setTimeout(() => {
      app.log.error(`shutdown took over ${SHUTDOWN_GRACE_MS / 1000} s, exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    try {
      await app.close();
      await jobsStopped;
      await similarity.close();
      await runtime.close();
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`\n医师定期考核信息登记管理系统 已启动：http://localhost:${config.port}  （数据库：${runtime.database.kind}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  if (!config.databaseUrl) printDemoAccounts();
}

/** The latest SMS (newest first): with the default outbox provider, the only place codes arrive. */
async function printSmsOutbox(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { limit: { type: 'string', default: '20' } } });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    console.error('用法：npm run cli -- sms-outbox [--limit 20]（1–1000 条）');
    process.exitCode = 1;
    return;
  }
  // The embedded database has one opener: while `serve` runs, read DATA_DIR/sms-outbox.log instead.
  const runtime = await openRuntime(config);
  try {
    const rows = await latestSmsMessages(runtime.database.db, limit);
    if (rows.length === 0) console.log('短信发件箱为空');
    for (const row of rows) {
      const at = row.createdAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      const purpose = smsPurposeLabels[row.purpose as SmsPurpose] ?? row.purpose;
      console.log(`${at}  ${row.phone}  ${purpose}${row.delivered ? '' : '（发送失败）'}  ${row.content}`);
    }
  } finally {
    await runtime.close();
  }
}

/** 孤立文件: lists stored files without a row (and removes them with --delete) and rows whose file is missing. */
async function filesOrphans(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { delete: { type: 'boolean', default: false }, 'min-age': { type: 'string', default: '15' } } });
  const minAgeMinutes = Number(values['min-age']);
  if (!Number.isInteger(minAgeMinutes) || minAgeMinutes < 0) {
    console.error('用法：npm run cli -- files-orphans [--delete] [--min-age 15]（只处理早于该分钟数的文件）');
    process.exitCode = 1;
    return;
  }
  const runtime = await openRuntime(config);
  try {
    const report = await findOrphanFiles(runtime.database.db, runtime.storage, { remove: values.delete, minAgeMinutes });
    for (const key of report.orphans) console.log(`孤立文件：${key}`);
    for (const row of report.missing) console.log(`文件缺失：${row.storageKey}（${row.ownerType} ${row.ownerId}）`);
    const action = values.delete ? `，已删除 ${report.removed} 个` : report.orphans.length ? '；加 --delete 删除' : '';
    console.log(`孤立文件 ${report.orphans.length} 个${action}；记录存在但文件缺失 ${report.missing.length} 个`);
  } finally {
    await runtime.close();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const runtime = await openRuntime(config);
      await runtime.close();
      console.log('数据库迁移已完成');
      return;
    }
    case 'seed': {
      const runtime = await openRuntime(config);
      try {
        if (!(await isDatabaseEmpty(runtime.database.db))) {
          console.error('数据库非空：演示数据只能载入空数据库');
          process.exitCode = 1;
          return;
        }
        const { physicians } = await seedDemo(runtime.database.db, runtime.pii);
        console.log(`已载入演示数据（${physicians} 名医师）`);
        printDemoAccounts();
      } finally {
        await runtime.close();
      }
      return;
    }
    case 'create-authority': {
      const { values } = parseArgs({
        args: rest,
        options: { region: { type: 'string' }, name: { type: 'string' }, account: { type: 'string' } },
      });
      if (!values.region || !values.name || !values.account) {
        console.error('用法：npm run cli -- create-authority --region 430000 --name 湖南省卫生健康委员会 --account wjw430000');
        process.exitCode = 1;
        return;
      }
      const runtime = await openRuntime(config);
      try {
        const { password } = await createAuthority(runtime.database.db, { regionCode: values.region, name: values.name, account: values.account });
        console.log(`已创建卫生行政部门账号 ${values.account}，初始密码：${password}（首次登录须修改）`);
      } finally {
        await runtime.close();
      }
      return;
    }
    case 'sms-outbox':
      return printSmsOutbox(config, rest);
    case 'files-orphans':
      return filesOrphans(config, rest);
    case 'backup':
      return backupCommand(config, rest);
    case 'restore':
      return restoreCommand(config, rest);
    default:
      console.log('用法：tsx server/main.ts <serve|migrate|seed|create-authority|sms-outbox|files-orphans|backup|restore>');
      process.exitCode = command ? 1 : 0;
  }
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
