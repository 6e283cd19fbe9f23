import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './fixtures.ts';

/*
 * Where the server's CPU went during the measured window, from the V8 profile that `--cpu-prof` writes
 * when the server exits. Sample timestamps are on the monotonic clock that `process.hrtime` reads, so
 * the window measured by the bench selects the samples of the load and leaves out start-up and logins.
 *
 * Also runnable on its own: node --import tsx bench/intake/profile.ts <file.cpuprofile>
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  windowMs: number;
  /** Share of the window the server's main thread was not idle. */
  busyPct: number;
  byArea: Array<{ area: string; ms: number; pct: number }>;
  topSelf: Array<{ frame: string; ms: number; pct: number }>;
  /** Inclusive time of the product's own frames (synchronous stretches only: awaits split stacks). */
  topProductInclusive: Array<{ frame: string; ms: number; pct: number }>;
}

function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 14).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const file = url.replace(/^file:\/\//, '');
  if (file.startsWith(REPO_ROOT)) return path.relative(REPO_ROOT, file);
  return file;
}

function label(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${areaOf(frame)}:${frame.lineNumber + 1}`;
}

/** Summarises a profile, restricted to [fromUs, toUs] on the monotonic clock when given. */
export function summarizeProfile(
  file: string,
  window?: { fromUs: number; toUs: number },
  top = 15,
): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const area = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    // Each sample stands for the time until the next one.
    const weight = (profile.timeDeltas[i + 1] ?? dt) / 1000;
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    total += weight;
    if (node.callFrame.functionName === '(idle)') {
      idle += weight;
      continue;
    }
    const a = areaOf(node.callFrame);
    area.set(a, (area.get(a) ?? 0) + weight);
    const l = label(node.callFrame);
    self.set(l, (self.get(l) ?? 0) + weight);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)?.callFrame;
      if (!f?.url.includes('/src/')) continue;
      const fl = label(f);
      if (seen.has(fl)) continue;
      seen.add(fl);
      inclusive.set(fl, (inclusive.get(fl) ?? 0) + weight);
    }
  }
  const rank = <K extends string>(m: Map<string, number>, key: K) =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(
        ([k, ms]) =>
          ({ [key]: k, ms, pct: total ? (100 * ms) / total : 0 }) as { [P in K]: string } & {
            ms: number;
            pct: number;
          },
      );
  return {
    windowMs: total,
    busyPct: total ? (100 * (total - idle)) / total : 0,
    byArea: rank(area, 'area'),
    topSelf: rank(self, 'frame'),
    topProductInclusive: rank(inclusive, 'frame'),
  };
}

export function printProfile(s: ProfileSummary, print: (line: string) => void = console.log) {
  const row = (name: string, ms: number, pct: number) =>
    `    ${pct.toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`;
  print(
    `  server CPU profile: ${s.windowMs.toFixed(0)} ms window, main thread busy ${s.busyPct.toFixed(1)}%`,
  );
  print('  by area (self time):');
  for (const a of s.byArea) print(row(a.area, a.ms, a.pct));
  print('  hottest functions (self time):');
  for (const f of s.topSelf) print(row(f.frame, f.ms, f.pct));
  print('  product frames (inclusive, synchronous parts):');
  for (const f of s.topProductInclusive) print(row(f.frame, f.ms, f.pct));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node --import tsx bench/intake/profile.ts <file.cpuprofile>');
    process.exit(2);
  }
  printProfile(summarizeProfile(file));
}
