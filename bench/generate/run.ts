import { DEMO_PASSWORD } from '../intake/fixtures.ts';
import { intOption, readOptions, usageError } from '../lib/args.ts';
import { DEMO_HOT_COMMUNES, generate } from './generate.ts';

/*
 * Fills a motcua PostgreSQL database with generated dossiers (set-based SQL, batches with progress).
 *
 *   node --import tsx bench/generate/run.ts --url=postgres://postgres@127.0.0.1:5432/mydb --dossiers=1000000
 *        [--batch=200000] [--jobs=2] [--hot=28693,28696,...] [--hot-share=0.1] [--specialists=4]
 *        [--history=intake|full] [--months=24] [--seed=1] [--no-vacuum] [--password=...]
 *
 * The database must exist; an empty one is migrated and loaded with reference data in-process. Run it
 * while no server takes intakes on that database (counters are written per batch), and restart servers
 * afterwards (they cache units and catalogues for a minute). Exit status: 0 done, 1 failed, 2 bad arguments.
 */

const argv = readOptions({
  url: { type: 'string' },
  dossiers: { type: 'string', default: '1000000' },
  batch: { type: 'string', default: '200000' },
  jobs: { type: 'string', default: '2' },
  hot: { type: 'string', default: DEMO_HOT_COMMUNES.join(',') },
  'hot-share': { type: 'string', default: '0.1' },
  specialists: { type: 'string', default: '4' },
  history: { type: 'string', default: 'intake' },
  months: { type: 'string', default: '24' },
  seed: { type: 'string', default: '1' },
  'no-vacuum': { type: 'boolean', default: false },
  password: { type: 'string', default: DEMO_PASSWORD },
});
if (!argv.url) usageError('--url=postgres://… is required (the database must exist)');
if (argv.history !== 'full' && argv.history !== 'intake') usageError('--history must be full or intake');
const hotShare = Number(argv['hot-share']);
if (!(hotShare >= 0 && hotShare < 1)) usageError('--hot-share must be in [0, 1)');

const log = (line: string) => console.log(`[generate] ${line}`);
generate({
  url: argv.url,
  dossiers: intOption('dossiers', argv.dossiers, 1),
  batchSize: intOption('batch', argv.batch, 1000),
  jobs: intOption('jobs', argv.jobs, 1),
  hot: (argv.hot ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  hotShare,
  specialists: intOption('specialists', argv.specialists, 1),
  history: argv.history,
  months: intOption('months', argv.months, 1),
  seed: intOption('seed', argv.seed, 0),
  vacuum: !argv['no-vacuum'],
  password: argv.password ?? DEMO_PASSWORD,
  log,
}).then(
  (r) => {
    const s = r.seconds;
    log(
      `done: ${r.dossiers.toLocaleString('en-US')} dossiers, ${r.events.toLocaleString('en-US')} audit events, ` +
        `${r.steps.toLocaleString('en-US')} step rows, ${r.trackingBook.toLocaleString('en-US')} tracking-book rows, ` +
        `${r.pauses.toLocaleString('en-US')} pauses, ${r.counters.toLocaleString('en-US')} counters, ${r.users} new officers`,
    );
    log(`hot communes: ${r.hot.map((h) => `${h.code}=${h.dossiers.toLocaleString('en-US')}`).join(', ')}`);
    log(
      `time: ${s.total.toFixed(1)} s (setup ${s.setup.toFixed(1)} s, inserts ${s.insert.toFixed(1)} s = ` +
        `${Math.round(r.dossiers / s.insert).toLocaleString('en-US')} dossiers/s, vacuum+analyze ${s.vacuum.toFixed(1)} s)`,
    );
    log(
      "note: generated audit events carry no valid hash chain (prev_hash = hash = ''): audit verification reports them",
    );
    console.log(JSON.stringify({ bench: 'generate', at: new Date().toISOString(), ...r }));
    process.exit(0);
  },
  (err: unknown) => {
    console.error(`[generate] failed: ${err instanceof Error ? err.message : String(err)}`);
    if (err instanceof Error && err.stack) console.error(err.stack);
    process.exit(1);
  },
);
