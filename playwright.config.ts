import { defineConfig } from '@playwright/test';

// Debian's Chromium; Playwright never downloads a browser here.
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
// E2E_PORT moves both servers (pglite on it, postgres on the next), so two checkouts can run journeys side by side.
const basePort = Number(process.env.E2E_PORT ?? 3901);
// With TEST_CITUS_URL (scripts/citus-cluster.sh) one journey runs on a Citus cluster as well.
const withCitus = Boolean(process.env.TEST_CITUS_URL);
const CITUS_JOURNEYS = /dossier-lifecycle\.spec\.ts$/;
const servers = [
  { kind: 'pglite', port: basePort },
  ...(withPostgres ? [{ kind: 'postgres', port: basePort + 1 }] : []),
  ...(withCitus ? [{ kind: 'citus', port: basePort + 2 }] : []),
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  outputDir: 'test-results/playwright',
  use: { launchOptions, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', trace: 'retain-on-failure' },
  projects: servers.map((s) => ({
    name: s.kind,
    use: { baseURL: `http://127.0.0.1:${s.port}` },
    ...(s.kind === 'citus' ? { testMatch: CITUS_JOURNEYS } : {}),
  })),
  webServer: servers.map((s) => ({
    command: `node --import tsx e2e/serve.ts ${s.kind} ${s.port}`,
    url: `http://127.0.0.1:${s.port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  })),
});
