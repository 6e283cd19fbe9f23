import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import {
  type AnchorFileProblem,
  type AnchorLine,
  type AnchorMismatch,
  compareWithAnchor,
  describeMismatch,
  overallRoot,
  parseAnchorFile,
  sealAnchor,
  unitRoots,
} from './anchor.ts';
import type { BrokenLink } from './chain.ts';
import { chainHeadsUntil, verifyChains } from './repository.ts';
import { type AuditActor, CLI_ACTOR, recordSecurityEvent, SYSTEM_CHAIN } from './security.ts';

/*
 * The one verification of the audit trail, used by `motcua audit-verify`, `GET /api/v1/audit/verify`
 * and the administrators' page: every chain walked (an event edited, removed or reordered in the
 * middle), then the latest anchor compared with the heads recomputed as of its cut-off (a chain's
 * last events or a whole chain removed), and the anchor file's own chain checked.
 */

export const ANCHOR_FILE = 'audit-anchors.jsonl';

export interface AnchorReport {
  status: 'none' | 'ok' | 'mismatch' | 'file_broken';
  /** Lines in the anchor file (readable ones, up to a broken line). */
  count: number;
  latest: { n: number; until: string; writtenAt: string; root: string } | null;
  fileProblem: AnchorFileProblem | null;
  mismatches: Array<AnchorMismatch & { message: string }>;
}

export interface AuditVerification {
  ok: boolean;
  unitCode: string | null;
  checkedEvents: number;
  checkedChains: number;
  breaks: Array<BrokenLink & { message: string }>;
  anchor: AnchorReport;
}

export function anchorFilePath(anchorDir: string) {
  return path.join(anchorDir, ANCHOR_FILE);
}

function readAnchors(anchorDir: string): { lines: AnchorLine[]; problem?: AnchorFileProblem } {
  const file = anchorFilePath(anchorDir);
  if (!fs.existsSync(file)) return { lines: [] };
  return parseAnchorFile(fs.readFileSync(file, 'utf8'));
}

/** Units' roots recomputed from the rows there now, as of a cut-off. */
async function rootsUntil(db: Executor, until: Date, unitCode?: string) {
  const { heads, eventsPerUnit } = await chainHeadsUntil(db, until, unitCode);
  return unitRoots(heads, eventsPerUnit);
}

const PROBLEM_VI: Record<BrokenLink['problem'], string> = {
  sequence_gap: 'thiếu sự kiện (số thứ tự bị đứt quãng)',
  prev_hash_mismatch: 'mắt xích không nối với sự kiện trước',
  hash_mismatch: 'nội dung sự kiện đã bị sửa',
};

export function describeBreak(b: BrokenLink): string {
  const chain = b.dossierCode === null ? 'nhật ký an ninh' : `hồ sơ ${b.dossierCode}`;
  return `Đơn vị ${b.unitCode}, ${chain}, sự kiện số ${b.seq}: ${PROBLEM_VI[b.problem]}`;
}

const FILE_PROBLEM_VI: Record<AnchorFileProblem['problem'], string> = {
  unreadable: 'không đọc được',
  prev_mismatch: 'không nối với dòng trước',
  hash_mismatch: 'nội dung đã bị sửa',
  order: 'sai thứ tự',
};

export function describeAnchorReport(a: AnchorReport): string {
  if (a.status === 'none')
    return 'Chưa có mốc neo nào: chưa phát hiện được việc xóa cuối chuỗi hay xóa cả chuỗi';
  if (a.status === 'file_broken')
    return `Tệp mốc neo bị hỏng ở dòng ${a.fileProblem?.line}: ${FILE_PROBLEM_VI[a.fileProblem!.problem]}`;
  if (a.status === 'mismatch') return a.mismatches.map((m) => m.message).join('; ');
  return `Khớp mốc neo số ${a.latest?.n} (đến ${a.latest?.until})`;
}

async function anchorReport(db: Executor, anchorDir: string, unitCode?: string): Promise<AnchorReport> {
  const { lines, problem } = readAnchors(anchorDir);
  const last = lines[lines.length - 1];
  const latest = last ? { n: last.n, until: last.until, writtenAt: last.writtenAt, root: last.root } : null;
  if (problem)
    return { status: 'file_broken', count: lines.length, latest, fileProblem: problem, mismatches: [] };
  if (!last) return { status: 'none', count: 0, latest: null, fileProblem: null, mismatches: [] };
  const now = await rootsUntil(db, new Date(last.until), unitCode);
  const mismatches = compareWithAnchor(last, now, unitCode).map((m) => ({
    ...m,
    message: describeMismatch(m, last.until),
  }));
  return {
    status: mismatches.length ? 'mismatch' : 'ok',
    count: lines.length,
    latest,
    fileProblem: null,
    mismatches,
  };
}

/** Walks the chains (of one unit, or all) and checks the latest anchor. Writes nothing. */
export async function verifyAudit(
  db: Executor,
  anchorDir: string,
  unitCode?: string,
): Promise<AuditVerification> {
  const walked = await verifyChains(db, unitCode);
  const anchor = await anchorReport(db, anchorDir, unitCode);
  return {
    ok: walked.breaks.length === 0 && (anchor.status === 'ok' || anchor.status === 'none'),
    unitCode: unitCode ?? null,
    checkedEvents: walked.checkedEvents,
    checkedChains: walked.checkedChains,
    breaks: walked.breaks.map((b) => ({ ...b, message: describeBreak(b) })),
    anchor,
  };
}

/**
 * Appends an anchor over every chain as of `until` to the anchor file. Refuses (AUDIT_ANCHOR_MISMATCH,
 * nothing written) when the file is broken or the database no longer matches the latest anchor: a new
 * anchor must never bless a trail that lost events. Records the anchoring in the system chain.
 */
export async function writeAnchor(
  db: Executor,
  anchorDir: string,
  opts: { until: Date; now?: Date; actor?: AuditActor },
): Promise<AnchorLine> {
  const { lines, problem } = readAnchors(anchorDir);
  const last = lines[lines.length - 1];
  if (problem)
    throw new AppError(
      'AUDIT_ANCHOR_MISMATCH',
      `Tệp mốc neo bị hỏng ở dòng ${problem.line} (${FILE_PROBLEM_VI[problem.problem]}); không ghi mốc mới`,
    );
  if (last) {
    const now = await rootsUntil(db, new Date(last.until));
    const mismatches = compareWithAnchor(last, now);
    if (mismatches.length)
      throw new AppError(
        'AUDIT_ANCHOR_MISMATCH',
        `Nhật ký không khớp mốc neo gần nhất; không ghi mốc mới: ${mismatches.map((m) => describeMismatch(m, last.until)).join('; ')}`,
      );
    if (opts.until.getTime() < new Date(last.until).getTime())
      throw new AppError('VALIDATION_FAILED', 'Mốc neo mới không được sớm hơn mốc neo gần nhất', [
        { path: 'until', message: `Mốc gần nhất: ${last.until}` },
      ]);
  }
  const units = await rootsUntil(db, opts.until);
  const line = sealAnchor(last, {
    writtenAt: (opts.now ?? new Date()).toISOString(),
    until: opts.until.toISOString(),
    units,
    root: overallRoot(units),
  });
  fs.mkdirSync(anchorDir, { recursive: true });
  // Appended, never rewritten: the file may be made append-only (chattr +a) or shipped off the host.
  fs.appendFileSync(anchorFilePath(anchorDir), `${JSON.stringify(line)}\n`, { flag: 'a' });
  await recordSecurityEvent(db, {
    action: 'audit_anchor_written',
    unitCode: SYSTEM_CHAIN,
    actor: opts.actor ?? CLI_ACTOR,
    data: { anchor: line.n, root: line.root, units: Object.keys(units).length },
  });
  return line;
}

/** The latest anchor whose cut-off is at or before an instant (the monthly report prints its roots). */
export function latestAnchorUntil(anchorDir: string, instant: Date): AnchorLine | undefined {
  const { lines } = readAnchors(anchorDir);
  let found: AnchorLine | undefined;
  for (const l of lines) if (new Date(l.until).getTime() <= instant.getTime()) found = l;
  return found;
}

/** The cut-off of the daily anchor: the start of the current day in Vietnam (UTC+7). */
export function dailyCutoff(now: Date): Date {
  const shifted = now.getTime() + 7 * 3_600_000;
  const dayStart = shifted - (shifted % 86_400_000);
  return new Date(dayStart - 7 * 3_600_000);
}

/**
 * The daily anchoring of a running server: once a day (checked hourly), an anchor at the start of the
 * day, unless the latest anchor already covers it. A mismatch is logged (without personal data) and
 * nothing is written; the next check tries again.
 */
export function startDailyAnchoring(
  db: Executor,
  anchorDir: string,
  log: { warn: (o: object, msg: string) => void; info: (o: object, msg: string) => void },
  intervalMs = 3_600_000,
) {
  const tick = async () => {
    try {
      const cutoff = dailyCutoff(new Date());
      const { lines, problem } = readAnchors(anchorDir);
      const last = lines[lines.length - 1];
      if (!problem && last && new Date(last.until).getTime() >= cutoff.getTime()) return;
      const line = await writeAnchor(db, anchorDir, { until: cutoff });
      log.info({ anchor: line.n, root: line.root }, 'audit anchor written');
    } catch (err) {
      log.warn(
        { code: (err as { code?: string }).code, err: (err as Error).message },
        'audit anchor not written',
      );
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  const first = setTimeout(() => void tick(), 5_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}

/** An anchor as a printed report shows it: what it covers and the roots that pin the chains. */
export interface PrintedAnchor {
  n: number;
  until: string;
  /** Root over every unit's root. */
  root: string;
  /** Hash of the anchor file's line (chains the file up to it). */
  hash: string;
  /** The roots of the report's units that the anchor fixed (unit code → root). */
  units: Record<string, string>;
}

/**
 * The anchors whose cut-off falls in [start, end] (the daily roots of a report's period, end = its
 * cut-off), with the roots of `unitCodes`: a printed report carries them so that a later
 * rewriting of the trail or of the anchor file shows against paper. Read up to a broken line, whose
 * number is returned.
 */
export function anchorsBetween(
  anchorDir: string,
  start: Date,
  end: Date,
  unitCodes: readonly string[],
): { anchors: PrintedAnchor[]; brokenAtLine?: number } {
  const { lines, problem } = readAnchors(anchorDir);
  const anchors = lines
    .filter((l) => {
      const t = new Date(l.until).getTime();
      return t >= start.getTime() && t <= end.getTime();
    })
    .map((l) => ({
      n: l.n,
      until: l.until,
      root: l.root,
      hash: l.hash,
      units: Object.fromEntries(
        unitCodes.filter((u) => l.units[u] !== undefined).map((u) => [u, l.units[u]!.root]),
      ),
    }));
  return problem ? { anchors, brokenAtLine: problem.line } : { anchors };
}
