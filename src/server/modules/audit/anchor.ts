import { createHash } from 'node:crypto';

/*
 * Anchors of the audit chains (pure part). A chain alone shows an edited or removed event in its
 * middle, but not its last events removed, nor a whole chain removed: the rows that would tell are
 * gone. An anchor fixes, at a cut-off instant, the head of every chain (its last position and hash
 * as of the cut-off) in a root per unit and an overall root; it is appended to a file outside the
 * database (anchor-file.ts), each line hashed with the previous one. Verification recomputes the
 * heads as of the latest anchor's cut-off from the rows still there and compares.
 */

/** The last event of one chain as of a cut-off. `dossierCode` null is the unit's security chain. */
export interface ChainHead {
  unitCode: string;
  dossierCode: string | null;
  seq: number;
  hash: string;
}

/** What an anchor fixes of one unit: its chains, its events up to the cut-off, and the root over the heads. */
export interface UnitRoot {
  chains: number;
  events: number;
  root: string;
}

export interface AnchorBody {
  /** Position of the line in the anchor file, from 1. */
  n: number;
  writtenAt: string;
  /** The cut-off: events at or before this instant are covered. */
  until: string;
  units: Record<string, UnitRoot>;
  /** Root over the units' roots. */
  root: string;
}

export interface AnchorLine extends AnchorBody {
  v: 1;
  /** Hash of the previous line ('' for the first). */
  prev: string;
  /** SHA-256 of prev + the canonical body: editing or removing a line breaks every line after it. */
  hash: string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** How a chain is named inside its unit's root: its dossier code, or '*' for the security chain. */
function chainKey(h: Pick<ChainHead, 'dossierCode'>) {
  return h.dossierCode ?? '*';
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The root of each unit over its chain heads, with its counts. */
export function unitRoots(heads: readonly ChainHead[], eventsPerUnit: ReadonlyMap<string, number>) {
  const perUnit = new Map<string, string[]>();
  for (const h of heads) {
    const lines = perUnit.get(h.unitCode) ?? [];
    lines.push(`${chainKey(h)}\t${h.seq}\t${h.hash}`);
    perUnit.set(h.unitCode, lines);
  }
  const units: Record<string, UnitRoot> = {};
  for (const unit of [...perUnit.keys()].sort(byCodeUnit)) {
    const lines = perUnit.get(unit)!.sort(byCodeUnit);
    units[unit] = {
      chains: lines.length,
      events: eventsPerUnit.get(unit) ?? 0,
      root: sha256(`${unit}\n${lines.join('\n')}`),
    };
  }
  return units;
}

/** The overall root over the units' roots. */
export function overallRoot(units: Record<string, UnitRoot>): string {
  const lines = Object.keys(units)
    .sort(byCodeUnit)
    .map((u) => `${u}\t${units[u]!.chains}\t${units[u]!.events}\t${units[u]!.root}`);
  return sha256(lines.join('\n'));
}

function canonicalBody(b: AnchorBody): string {
  const units = Object.keys(b.units)
    .sort(byCodeUnit)
    .map((u) => [u, b.units[u]!.chains, b.units[u]!.events, b.units[u]!.root]);
  return JSON.stringify([b.n, b.writtenAt, b.until, units, b.root]);
}

export function sealAnchor(prev: AnchorLine | undefined, body: Omit<AnchorBody, 'n'>): AnchorLine {
  const full: AnchorBody = { ...body, n: (prev?.n ?? 0) + 1 };
  const prevHash = prev?.hash ?? '';
  return { v: 1, ...full, prev: prevHash, hash: sha256(`${prevHash}\n${canonicalBody(full)}`) };
}

export interface AnchorFileProblem {
  line: number;
  problem: 'unreadable' | 'prev_mismatch' | 'hash_mismatch' | 'order';
}

/** Reads the lines of an anchor file and checks their own chain; the first broken line is named. */
export function parseAnchorFile(text: string): { lines: AnchorLine[]; problem?: AnchorFileProblem } {
  const lines: AnchorLine[] = [];
  const raw = text.split('\n').filter((l) => l.trim() !== '');
  for (let i = 0; i < raw.length; i++) {
    let a: AnchorLine;
    try {
      a = JSON.parse(raw[i]!) as AnchorLine;
      if (a.v !== 1 || typeof a.hash !== 'string' || typeof a.units !== 'object' || a.units === null)
        throw new Error('shape');
    } catch {
      return { lines, problem: { line: i + 1, problem: 'unreadable' } };
    }
    const prev = lines[lines.length - 1];
    if (a.prev !== (prev?.hash ?? '')) return { lines, problem: { line: i + 1, problem: 'prev_mismatch' } };
    if (a.n !== i + 1) return { lines, problem: { line: i + 1, problem: 'order' } };
    if (sealAnchor(prev, a).hash !== a.hash)
      return { lines, problem: { line: i + 1, problem: 'hash_mismatch' } };
    lines.push(a);
  }
  return { lines };
}

export interface AnchorMismatch {
  unitCode: string;
  problem: 'unit_missing' | 'chains_missing' | 'events_missing' | 'root_mismatch';
  anchored: { chains: number; events: number };
  found: { chains: number; events: number };
}

/**
 * Compares the units an anchor fixed with the same units recomputed now as of its cut-off (only
 * `unitCode` when given). Units that have events now but none in the anchor are not a mismatch when
 * they have no event up to the cut-off (the recomputation covers only that).
 */
export function compareWithAnchor(
  anchor: Pick<AnchorLine, 'units'>,
  now: Record<string, UnitRoot>,
  unitCode?: string,
): AnchorMismatch[] {
  const codes = new Set([...Object.keys(anchor.units), ...Object.keys(now)]);
  const out: AnchorMismatch[] = [];
  for (const unit of [...codes].sort(byCodeUnit)) {
    if (unitCode !== undefined && unit !== unitCode) continue;
    const a = anchor.units[unit] ?? { chains: 0, events: 0, root: '' };
    const f = now[unit] ?? { chains: 0, events: 0, root: '' };
    if (a.root === f.root && a.chains === f.chains && a.events === f.events) continue;
    const problem = !now[unit]
      ? 'unit_missing'
      : f.chains < a.chains
        ? 'chains_missing'
        : f.events < a.events
          ? 'events_missing'
          : 'root_mismatch';
    out.push({
      unitCode: unit,
      problem,
      anchored: { chains: a.chains, events: a.events },
      found: { chains: f.chains, events: f.events },
    });
  }
  return out;
}

/** Vietnamese sentence for an anchor mismatch (CLI, API and page show the same words). */
export function describeMismatch(m: AnchorMismatch, until: string): string {
  const unit = m.unitCode === '*' ? 'Nhật ký chung' : `Đơn vị ${m.unitCode}`;
  const counts = `mốc neo ghi ${m.anchored.chains} chuỗi, ${m.anchored.events} sự kiện; cơ sở dữ liệu hiện còn ${m.found.chains} chuỗi, ${m.found.events} sự kiện`;
  switch (m.problem) {
    case 'unit_missing':
      return `${unit}: toàn bộ nhật ký đến ${until} đã bị xóa (${counts})`;
    case 'chains_missing':
      return `${unit}: có chuỗi nhật ký bị xóa toàn bộ trước mốc neo ${until} (${counts})`;
    case 'events_missing':
      // The walk of the chains names a gap in the middle; with every chain intact, it is a chain's tail.
      return `${unit}: có sự kiện bị xóa trước mốc neo ${until} — ở cuối chuỗi nếu không chuỗi nào bị đứt (${counts})`;
    case 'root_mismatch':
      return `${unit}: đầu chuỗi không khớp mốc neo ${until} — nhật ký đã bị sửa hoặc thay (${counts})`;
  }
}
