import { defineConfig } from 'vitest/config';

// Projects: `unit` (pure rules), `api` (the real app through inject, on PGlite), `api-postgres` (on PostgreSQL when
// TEST_DATABASE_URL is set), `browser` (journeys in Chromium).
const pgUrl = process.env.TEST_DATABASE_URL;
const journeyServers = Math.max(1, Number(process.env.JOURNEY_SERVERS ?? 2));
const apiFiles = ['server/**/*.test.ts'];
// PGlite is PostgreSQL's own engine: with a PostgreSQL server at hand every API file runs there, and PGlite runs
// the files that exercise what differs between the two drivers: the database layer, jobs and locks, bulk
// loading, backup, start and stop, the session statement, raw-SQL aggregates, and transactions under concurrency.
// Without a server, every API file runs on PGlite.
const pgliteFiles = pgUrl
  ? [
      'server/*.test.ts',
      'server/db/**/*.test.ts',
      'server/lib/**/*.test.ts',
      'server/backup/**/*.test.ts',
      'server/auth/**/*.test.ts',
      'server/modules/auth/auth.test.ts',
      'server/modules/exams/exams.test.ts',
      'server/modules/statistics/**/*.test.ts',
      'server/modules/physicians/import.test.ts',
      'server/modules/certificates/**/*.test.ts',
      'server/modules/retakes/**/*.test.ts',
    ]
  : apiFiles;

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine. API files wait on
    // their database (PostgreSQL is another process) as much as they compute, so two run side by side.
    maxWorkers: 2,
    // tests/run-suite.mjs runs the journeys as a second Vitest beside the rest: each names its own report.
    reporters: ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? 'test-results/vitest.json' }]],
    projects: [
      { test: { name: 'unit', include: ['common/**/*.test.ts', 'web/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          include: pgliteFiles,
          // Files share a worker's loaded modules (each still opens its own app and database): loading the app's
          // modules again for every file was a third of the API tests' time. Module state is per app or per
          // database (the policy cache is keyed by the database), so nothing carries from one file to the next.
          isolate: false,
          environment: 'node',
          env: { TEST_DB: 'pglite' },
          globalSetup: ['server/test-support/template-setup.ts'],
          testTimeout: 120_000,
          // Opening a database took over 60 s on a 2-core machine under a load of 30 (other suites running).
          hookTimeout: 180_000,
        },
      },
      ...(pgUrl
        ? [
            {
              test: {
                name: 'api-postgres',
                include: apiFiles,
                isolate: false,
                environment: 'node' as const,
                env: { TEST_DB: 'postgres' },
                globalSetup: ['server/test-support/template-setup.ts'],
                testTimeout: 120_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // Fails a journey whose browser console logged an error (tests/support/console-guard.ts).
          setupFiles: ['tests/support/console-guard.ts'],
          // Each worker has a server of its own (tests/support/global-setup.ts starts one per worker).
          maxWorkers: journeyServers,
          fileParallelism: journeyServers > 1,
          // A journey polls for what the person sees (a count of cards, a tile's number); Vitest's default of 1 s
          // failed one under a suite's load of 10. The poll still ends the moment the page shows it.
          expect: { poll: { timeout: 30_000 } },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
