// `npm test`: lint (biome), type check, unit/API/crash tests (vitest), then browser journeys (Playwright + Chromium).
// PostgreSQL tests run when TEST_DATABASE_URL is set, browser tests when Chromium is found; anything
// skipped is said at the end. With CI=true nothing may be skipped: a missing prerequisite fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';
const env = { ...process.env, TZ: 'UTC' };
const skipped = [];
const hasPg = Boolean(process.env.TEST_DATABASE_URL);
const hasChromium = fs.existsSync(CHROMIUM);
const hasPoppler = spawnSync('which', ['pdftotext']).status === 0;
// A Citus cluster (scripts/citus-cluster.sh starts one; .ci/run does): the API tests run once more on it.
const hasCitus = Boolean(process.env.TEST_CITUS_URL);

if (ci) {
  const missing = [];
  if (!hasPg) missing.push('TEST_DATABASE_URL (PostgreSQL)');
  if (!hasChromium) missing.push(`${CHROMIUM} (apt-get install chromium)`);
  if (!hasPoppler) missing.push('pdftotext (apt-get install poppler-utils)');
  if (!hasCitus) missing.push('TEST_CITUS_URL (a Citus cluster: scripts/citus-cluster.sh)');
  if (missing.length) {
    console.error(`CI=true but missing: ${missing.join(', ')}`);
    process.exit(1);
  }
}
if (!hasPg) skipped.push('PostgreSQL API tests (set TEST_DATABASE_URL)');
if (!hasCitus) skipped.push('Citus API tests and journey (scripts/citus-cluster.sh, then TEST_CITUS_URL)');
if (!hasChromium) skipped.push(`browser journeys (no ${CHROMIUM})`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
const results = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (exit ${r.status ?? r.signal})`);
    ok = false;
  }
  return r.status === 0;
}

run('lint', 'npx', ['biome', 'check', '--diagnostic-level=error', 'src', 'e2e', 'bench', 'scripts']);
run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
// Built before the API tests too: they check that the server serves the app shell.
const webBuilt = run('web build', 'npx', ['vite', 'build', '--logLevel', 'warn']);

const vitestJson = path.join(tmp, 'vitest.json');
run('unit, API and crash tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  results.passed += v.numPassedTests;
  results.failed += v.numFailedTests;
  results.skipped += v.numPendingTests + v.numTodoTests;
} else ok = false;

// The API tests (the *.api.test.ts suites) on the Citus cluster only: databaseKinds() gives 'citus'.
if (hasCitus) {
  const citusJson = path.join(tmp, 'vitest-citus.json');
  const r = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${citusJson}`,
      '.api.test.ts',
    ],
    { stdio: 'inherit', env: { ...env, TEST_DB_KINDS: 'citus' } },
  );
  console.log(`\n▶ API tests on Citus: exit ${r.status ?? r.signal}`);
  if (r.status !== 0) ok = false;
  if (fs.existsSync(citusJson)) {
    const v = JSON.parse(fs.readFileSync(citusJson, 'utf8'));
    results.passed += v.numPassedTests;
    results.failed += v.numFailedTests;
    results.skipped += v.numPendingTests + v.numTodoTests;
  } else ok = false;
}

if (hasChromium) {
  if (webBuilt) {
    const pwJson = path.join(tmp, 'playwright.json');
    const r = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
      stdio: ['inherit', 'inherit', 'inherit'],
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
    });
    if (r.status !== 0) ok = false;
    if (fs.existsSync(pwJson)) {
      const s = JSON.parse(fs.readFileSync(pwJson, 'utf8')).stats;
      results.passed += s.expected + s.flaky;
      results.failed += s.unexpected;
      results.skipped += s.skipped;
    } else ok = false;
  }
}

if (ci && results.skipped > 0) {
  console.error(`CI=true: ${results.skipped} test(s) were skipped; nothing may be skipped in CI`);
  ok = false;
}
console.log('');
for (const s of skipped) console.log(`skipped: ${s}`);
console.log(`Tests: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(ok && results.failed === 0 ? 0 : 1);
