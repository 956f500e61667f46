// `npm test`: the type check beside the production build of the web client the journeys use, then the journeys
// beside the unit and API tests instead of after them (in one Vitest run the journeys, which have a worker count
// of their own, would wait for every other file). Each Vitest run writes its JSON report; the two are merged into
// test-results/vitest.json, which .ci/summary.mjs reads. Building before the API tests start also means no API
// test's app ever reads web/dist while it is being rewritten.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';

const steps = [
  { label: 'typecheck', command: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  // NODE_ENV=production: a build as users get it (under NODE_ENV=test antd adds test ids).
  { label: 'build', command: ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'], env: { NODE_ENV: 'production' } },
];

const runs = [
  { label: 'api', projects: ['unit', 'api', ...(process.env.TEST_DATABASE_URL ? ['api-postgres'] : [])], report: 'test-results/vitest-api.json' },
  { label: 'journeys', projects: ['browser'], report: 'test-results/vitest-browser.json' },
];

fs.mkdirSync('test-results', { recursive: true });

/** Runs `npx <command>`, its lines prefixed with the label so two logs side by side stay readable. */
function npx(label, command, env = {}) {
  const child = spawn('npx', command, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${label}] ${line}\n`));
  }
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

const prepared = await Promise.all(steps.map(({ label, command, env }) => npx(label, command, env)));
if (prepared.some((code) => code !== 0)) {
  steps.forEach(({ label }, i) => console.log(`${label}: ${prepared[i] === 0 ? 'passed' : `failed (exit ${prepared[i]})`}`));
  process.exit(1);
}

const codes = await Promise.all(
  runs.map(({ label, projects, report }) => {
    fs.rmSync(report, { force: true });
    const command = ['vitest', 'run', '--passWithNoTests', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
    // WEB_BUILT: the journeys' global setup uses the build made above instead of making its own.
    return npx(label, command, { VITEST_JSON_REPORT: report, WEB_BUILT: '1' });
  }),
);

const merged = { numPassedTests: 0, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 0, numTodoTests: 0, numTotalTests: 0, testResults: [] };
for (const { report } of runs) {
  if (!fs.existsSync(report)) continue;
  const part = JSON.parse(fs.readFileSync(report, 'utf8'));
  for (const key of ['numPassedTests', 'numFailedTests', 'numFailedTestSuites', 'numPendingTests', 'numTodoTests', 'numTotalTests']) merged[key] += part[key] ?? 0;
  merged.testResults.push(...(part.testResults ?? []));
}
fs.writeFileSync('test-results/vitest.json', JSON.stringify(merged));
runs.forEach(({ label }, i) => console.log(`${label}: ${codes[i] === 0 ? 'passed' : `failed (exit ${codes[i]})`}`));
process.exit(codes.every((c) => c === 0) ? 0 : 1);
