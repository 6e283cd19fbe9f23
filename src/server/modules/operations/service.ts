import {
  type Bucket,
  consecutiveFailures,
  denseBuckets,
  LAG_MS,
  linkState,
} from '../../../domain/operations/link-state.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { LinkProbe } from '../../lib/http-link.ts';
import type { AuthUser } from '../identity/types.ts';
import { mayRetryDeadLetters, operationsTarget } from './policy.ts';
import * as repo from './repository.ts';
import type { Status, StatusQuery } from './schemas.ts';

/*
 * The operations figures (issue 15 item 6): per link — national portal, population platform, and the
 * outbox's other kinds (SMS, e-mail…) — its state, backlog, oldest pending message, last success,
 * dead letters and error rate over time, for one commune or the communes of a province.
 */

/** Attempts looked at for the state: the latest few of the last hour. */
const RECENT_ATTEMPTS = 10;
const RECENT_MS = 3_600_000;
const WINDOWS = [
  { window: '24h' as const, bucketMs: 5 * 60_000, n: 288 },
  { window: '7d' as const, bucketMs: 3_600_000, n: 168 },
];
const DEAD_LETTER_LIMIT = 50;

/** Probes are cheap but not free: one per link every PROBE_TTL_MS at most, whoever asks. */
const PROBE_TTL_MS = 10_000;
const probes = new Map<string, { at: number; result: Promise<LinkProbe & { checkedAt: string }> }>();

/** Forgets cached probe results (tests that change a stand-in's faults between two reads). */
export function forgetProbes() {
  probes.clear();
}

function probeOf(key: string, client: { probe(): Promise<LinkProbe> }) {
  const cached = probes.get(key);
  if (cached && Date.now() - cached.at < PROBE_TTL_MS) return cached.result;
  const result = client.probe().then((p) => ({ ...p, checkedAt: new Date().toISOString() }));
  probes.set(key, { at: Date.now(), result });
  return result;
}

const origin = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

const LINK_ORDER = ['portal', 'population'];
const byLinkOrder = (a: string, b: string) => {
  const ia = LINK_ORDER.indexOf(a);
  const ib = LINK_ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
};

/** How much a commune's row needs attention: its worst link state, then its backlog. */
function severity(links: ReadonlyArray<{ state: string; backlog: number | null; deadLettered: number }>) {
  const rank: Record<string, number> = { down: 3, degraded: 2 };
  const worst = Math.max(0, ...links.map((l) => rank[l.state] ?? 0));
  const waiting = links.reduce((n, l) => n + (l.backlog ?? 0) + l.deadLettered, 0);
  return worst * 1_000_000 + Math.min(waiting, 999_999);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const maxDate = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);
const minDate = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a < b ? a : b);

/** GET /integration/status for the user's commune, or the province they may watch. */
export async function integrationStatus(ctx: AppContext, user: AuthUser, q: StatusQuery): Promise<Status> {
  const target = operationsTarget(user, q.province, ctx.config.defaultProvince);
  if (!target) throw new AppError('FORBIDDEN', 'Chỉ xem được kết nối của tỉnh mình');
  const unit = await ctx.services.units.get(target.code);
  if (unit.level !== target.level) throw new AppError('UNIT_NOT_FOUND', `Mã tỉnh ${target.code}`);
  const communes =
    target.level === 'commune'
      ? [unit]
      : await ctx.services.units.list({ level: 'commune', parent: unit.code });
  const codes = communes.map((c) => c.code);
  const now = ctx.now();
  const since = new Date(now.getTime() - RECENT_MS);

  const portal = ctx.config.portalSync ? ctx.links.portal : undefined;
  const population = ctx.links.population;
  const [queues, perUnit, overall, errors, dead, portalProbe, populationProbe, ...windows] =
    await Promise.all([
      repo.queueFigures(ctx.db, codes, now, LAG_MS),
      repo.attemptSummaries(ctx.db, codes, since, RECENT_ATTEMPTS, true),
      repo.attemptSummaries(ctx.db, codes, since, RECENT_ATTEMPTS, false),
      repo.lastErrors(ctx.db, codes),
      repo.deadLetters(ctx.db, codes, DEAD_LETTER_LIMIT),
      portal ? probeOf(`portal ${portal.baseUrl}`, portal) : undefined,
      population ? probeOf(`population ${population.baseUrl}`, population) : undefined,
      ...WINDOWS.map((w) =>
        repo.bucketCounts(ctx.db, codes, new Date(now.getTime() - w.bucketMs * w.n), w.bucketMs),
      ),
    ]);

  const linkNames = new Set<string>(['portal', 'population']);
  for (const x of [...queues, ...overall]) linkNames.add(x.link);
  const links = [...linkNames].sort(byLinkOrder);
  const configured = (link: string) =>
    link === 'portal' ? Boolean(portal) : link === 'population' ? Boolean(population) : true;
  const probeFor = (link: string) =>
    link === 'portal' ? portalProbe : link === 'population' ? populationProbe : undefined;

  /** The figures of one link from its queue rows and its attempt summary. */
  const figures = (
    link: string,
    qs: repo.QueueFigures[],
    a: repo.AttemptSummary | undefined,
    commune = false,
  ) => {
    const backlog = qs.reduce((n, x) => n + x.backlog, 0);
    const oldest = qs.reduce<Date | null>((d, x) => minDate(d, x.oldestPendingAt), null);
    const recent = a?.recent ?? [];
    // The probe is one for the whole link: a commune with nothing sent or waiting lately is idle,
    // not "up" on the strength of the others' traffic.
    const active = recent.length > 0 || backlog > 0;
    const probe = commune && !active ? undefined : probeFor(link);
    const { state, reasons } = linkState({
      configured: configured(link),
      probe: probe ? { ok: probe.ok, latencyMs: probe.latencyMs } : undefined,
      recent,
      overdue: qs.reduce((n, x) => n + x.overdue, 0),
    });
    return {
      link,
      state,
      reasons,
      // The population lookup is synchronous: it has no queue, so no backlog.
      backlog: link === 'population' ? null : backlog,
      oldestPendingAt: iso(oldest),
      oldestPendingAgeSeconds: oldest
        ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000))
        : null,
      lastSuccessAt: iso(a?.lastSuccessAt ?? null),
      lastFailureAt: iso(a?.lastFailureAt ?? null),
      deadLettered: qs.reduce((n, x) => n + x.deadLettered, 0),
      consecutiveFailures: consecutiveFailures(recent),
    };
  };

  const series: Status['series'] = [];
  for (const [i, w] of WINDOWS.entries()) {
    for (const link of links) {
      const counts = new Map<number, { attempts: number; failures: number }>();
      for (const c of windows[i] ?? []) if (c.link === link) counts.set(c.bucket, c);
      series.push({
        link,
        window: w.window,
        bucketSeconds: w.bucketMs / 1000,
        buckets: denseBuckets(counts, now, w.bucketMs, w.n),
      });
    }
  }
  const day = (link: string) =>
    series.find((s) => s.link === link && s.window === '24h')?.buckets ?? ([] as Bucket[]);

  return {
    scope: { level: target.level, code: unit.code, name: unit.fullName },
    generatedAt: now.toISOString(),
    links: links.map((link) => {
      const f = figures(
        link,
        queues.filter((x) => x.link === link),
        overall.find((x) => x.link === link),
      );
      const probe = probeFor(link);
      const client = link === 'portal' ? portal : link === 'population' ? population : undefined;
      return {
        ...f,
        configured: configured(link),
        endpoint: client ? origin(client.baseUrl) : null,
        probe: probe ?? null,
        lastError: errors.get(link) ?? null,
        attempts24h: day(link).reduce((n, b) => n + b.attempts, 0),
        failures24h: day(link).reduce((n, b) => n + b.failures, 0),
      };
    }),
    // Communes in trouble first: down, then degraded, then by backlog; then by name.
    communes: communes
      .map((c) => ({
        unit: { code: c.code, name: c.fullName },
        links: links.map((link) =>
          figures(
            link,
            queues.filter((x) => x.link === link && x.unitCode === c.code),
            perUnit.find((x) => x.link === link && x.unitCode === c.code),
            true,
          ),
        ),
      }))
      .map((row) => ({ row, rank: severity(row.links) }))
      .sort((a, b) => b.rank - a.rank || a.row.unit.name.localeCompare(b.row.unit.name, 'vi'))
      .map(({ row }) => row),
    series,
    deadLetters: dead.map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
      deadAt: d.deadAt.toISOString(),
    })),
    canRetry: mayRetryDeadLetters(user),
  };
}
