import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { passwordChecks } from '../modules/identity/passwords.ts';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function digest(s: string) {
  return createHash('sha256').update(s).digest();
}

/**
 * /metrics stays off the public internet: with MOTCUA_METRICS_TOKEN it wants that bearer token,
 * without it only a client on this machine (the socket's own address: X-Forwarded-For is not
 * trusted here) gets an answer. Everyone else gets the same 404 as an unknown path.
 */
export function mayReadMetrics(req: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return given !== undefined && timingSafeEqual(digest(given), digest(token));
  }
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}

/** Prometheus text at /metrics: request counts and latency by route, and the outbox backlog. */
export function metricsRoutes(app: FastifyInstance, ctx: AppContext) {
  const counts = new Map<string, number>();
  const histograms = new Map<string, { buckets: number[]; sum: number; count: number }>();
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const key = `method="${req.method}",route="${route}",status="${reply.statusCode}"`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const seconds = reply.elapsedTime / 1000;
    const hk = `method="${req.method}",route="${route}"`;
    const h = histograms.get(hk) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) h.buckets[i]!++;
    });
    h.sum += seconds;
    h.count++;
    histograms.set(hk, h);
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayReadMetrics(req, ctx.config.metricsToken)) throw new AppError('NOT_FOUND', `GET /metrics`);
    const lines = [
      '# HELP motcua_http_requests_total HTTP requests by route and status',
      '# TYPE motcua_http_requests_total counter',
    ];
    for (const [k, v] of counts) lines.push(`motcua_http_requests_total{${k}} ${v}`);
    lines.push(
      '# HELP motcua_http_request_duration_seconds HTTP request latency',
      '# TYPE motcua_http_request_duration_seconds histogram',
    );
    for (const [k, h] of histograms) {
      BUCKETS.forEach((b, i) => {
        lines.push(`motcua_http_request_duration_seconds_bucket{${k},le="${b}"} ${h.buckets[i]}`);
      });
      lines.push(`motcua_http_request_duration_seconds_bucket{${k},le="+Inf"} ${h.count}`);
      lines.push(
        `motcua_http_request_duration_seconds_sum{${k}} ${h.sum}`,
        `motcua_http_request_duration_seconds_count{${k}} ${h.count}`,
      );
    }
    const pending = (await ctx.db.execute(
      sql`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`,
    )) as unknown as { rows: Array<{ n: number }> };
    lines.push(
      '# HELP motcua_outbox_pending Messages waiting for delivery',
      '# TYPE motcua_outbox_pending gauge',
      `motcua_outbox_pending ${Number(pending.rows[0]?.n ?? 0)}`,
    );
    lines.push(
      '# HELP motcua_password_checks_total Passwords checked at sign-in (the lock-out bounds them)',
      '# TYPE motcua_password_checks_total counter',
      `motcua_password_checks_total ${passwordChecks()}`,
    );
    if (ctx.fairGate) {
      lines.push(
        '# HELP motcua_request_gate_queued Requests waiting for their turn on the embedded database',
        '# TYPE motcua_request_gate_queued gauge',
        `motcua_request_gate_queued ${ctx.fairGate.queued}`,
        '# HELP motcua_request_gate_queued_max Longest the request queue has been since start',
        '# TYPE motcua_request_gate_queued_max gauge',
        `motcua_request_gate_queued_max ${ctx.fairGate.maxQueued}`,
      );
    }
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
  app.get('/readyz', { schema: { hide: true } }, async () => {
    await ctx.database.ping();
    return { status: 'ready' };
  });
}
