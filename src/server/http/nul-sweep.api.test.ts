import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTILINE_TEXT, SINGLE_LINE_TEXT } from '../../domain/text/safe-text.ts';
import { type StandInProcess, startStandInProcess } from '../../standins/spawn.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../test-support/harness.ts';
import { COMMUNE, examples, SWEEP_USERS as USERS } from '../test-support/openapi-examples.ts';
import {
  type OpenApiDocument,
  type SampledRequest,
  type StringSlot,
  sampleOperations,
} from '../test-support/openapi-sample.ts';

/*
 * Every string a client can send — each path, query and header parameter of every route and each string
 * anywhere in the JSON body of every write route, found by walking the app's OpenAPI document — is
 * sent once with a NUL inserted, all else valid. PostgreSQL cannot store NUL in text: the request
 * must be refused by request validation (422 naming that very field), not by the database (a 500, or
 * the last-guard 422 that names no field), and nothing may be written to any table or the file store.
 * A header cannot carry NUL on a real socket, so header parameters need only a 4xx and no write.
 */

// Found when this test was written; a walker that finds fewer has lost routes or fields.
const MIN_ROUTES = 40;
const MIN_STRINGS = 120;
const applicant = intakeBody().applicant;

function withNul(value: unknown): string {
  const s = String(value);
  return `${s.slice(0, 1)}\u0000${s.slice(1)}`;
}

function setAt(target: unknown, at: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(target) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
  return copy;
}

function build(req: SampledRequest, slot?: StringSlot) {
  const { path: pathParams, query } = req.params;
  // An optional header (Idempotency-Key) goes only with its own NUL: the same key on requests with
  // different bodies would be refused for that reason before any field reached the database.
  const header = Object.fromEntries(
    Object.entries(req.params.header).filter(
      ([k]) => !req.optionalHeaders.includes(k) || (slot?.in === 'header' && slot.path[0] === k),
    ),
  );
  const alter = <T>(where: StringSlot['in'], values: T): T =>
    slot?.in === where ? (setAt(values, slot.path, withNul(getAt(values, slot.path))) as T) : values;
  const p = alter('path', pathParams);
  const url = req.route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(p[name])));
  const qs = new URLSearchParams(Object.entries(alter('query', query)).map(([k, v]) => [k, String(v)]));
  return {
    url: qs.size ? `${url}?${qs}` : url,
    headers: Object.fromEntries(Object.entries(alter('header', header)).map(([k, v]) => [k, String(v)])),
    body: alter('body', req.body),
  };
}

function getAt(target: unknown, at: Array<string | number>): unknown {
  return at.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], target);
}

function fieldErrors(res: LightMyRequestResponse): string[] {
  if (res.statusCode !== 422) return [];
  const body = res.json() as { errors?: Array<{ path: string }> };
  return (body.errors ?? []).map((e) => e.path);
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

let platform: StandInProcess;
beforeAll(async () => {
  platform = await startStandInProcess('population');
});
afterAll(async () => platform?.stop());

describe.each(databaseKinds())('a NUL in any string a client sends, on %s', (kind) => {
  let s: TestServer;
  let cookies: Record<string, string>;
  let snapshotSql: string;
  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => new Date('2025-07-03T02:00:00Z'),
      // The population lookup asks the platform: its stand-in runs as a process beside the server.
      env: { MOTCUA_POPULATION_URL: platform.url },
    });
    cookies = {};
    for (const u of USERS) cookies[u] = await s.login(u);
    // The former-units mapping (~10,000 rows) and its name index (~50,000) are left out: hashing them
    // on every snapshot doubled the sweep's time. Only the seed and the corrections import write them,
    // and the import records every line in former_unit_corrections, which is hashed.
    const tables = await s.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('unit_search', 'former_units')
        ORDER BY 1`,
    );
    // Row count and a hash of every row of every table: an update shows as well as an insert.
    snapshotSql = tables
      .map(
        (t) => `SELECT '${t.name}' AS t, count(*)::int AS n,
          md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t.name}" x`,
      )
      .join(' UNION ALL ');
  });
  afterAll(async () => s?.close());

  async function snapshot() {
    const rows = await s.query<{ t: string; n: number; h: string }>(snapshotSql);
    return {
      tables: Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`])),
      files: countFiles(s.config.filesDir),
    };
  }

  async function send(req: SampledRequest, cookie: string, slot?: StringSlot) {
    const { url, headers, body } = build(req, slot);
    return s.request({
      method: req.method as 'GET',
      url,
      headers: { ...headers, cookie },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }

  it('is refused by validation naming the field, and nothing is written', async () => {
    const intake = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: cookies['reception.tan-thoi']! },
      payload: intakeBody(),
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const staff = await s.request({
      method: 'POST',
      url: `/api/v1/registers/staff?unit=${COMMUNE}`,
      headers: { cookie: cookies['leader.tan-thoi']! },
      payload: {
        fullName: applicant.fullName,
        category: 'cong_chuc',
        orgUnit: 'Trung tâm',
        orgUnitKind: 'center',
      },
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const doc = (await s.request({ url: '/api/openapi.json' })).json() as OpenApiDocument;
    const requests = sampleOperations(doc, {
      exampleFor: examples(intake.json().code, staff.json().id),
      freeTextPatterns: [SINGLE_LINE_TEXT.source, MULTILINE_TEXT.source],
    }).filter((r) => r.strings.length > 0);

    const failures: string[] = [];
    const counts = { routes: 0, accepted: 0, path: 0, query: 0, header: 0, body: 0 };
    for (const req of requests) {
      const name = `${req.method} ${req.route}`;
      // The sampled request itself, as each demo user in turn until one may make it.
      let user = USERS[0]!;
      let baseline: LightMyRequestResponse | undefined;
      for (const u of USERS) {
        user = u;
        baseline = await send(req, cookies[u]!);
        if (baseline.statusCode !== 401 && baseline.statusCode !== 403) break;
      }
      if (!baseline || baseline.statusCode >= 500) {
        failures.push(`${name} without NUL: ${baseline?.statusCode} ${baseline?.body}`);
        continue;
      }
      counts.routes++;
      if (baseline.statusCode < 300) counts.accepted++;
      const baselineErrors = fieldErrors(baseline);
      let before = await snapshot();
      for (const slot of req.strings) {
        const field = `${name} ${slot.in} ${slot.path.join('.')}`;
        const errorPath = slot.path.join('.');
        counts[slot.in]++;
        if (baselineErrors.includes(errorPath)) {
          failures.push(`${field}: the sampled value is refused even without NUL: ${baseline.body}`);
          continue;
        }
        const res = await send(req, cookies[user]!, slot);
        const after = await snapshot();
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          const changed = Object.keys(after.tables).filter((t) => after.tables[t] !== before.tables[t]);
          failures.push(
            `${field}: wrote to ${[...changed, after.files !== before.files ? 'files' : ''].join(' ')}`,
          );
          before = after;
        }
        // The path guard refuses a control character anywhere in a path before routing (400).
        const refusedByPathGuard =
          slot.in === 'path' && res.statusCode === 400 && res.json().code === 'BAD_REQUEST';
        if (refusedByPathGuard) continue;
        if (slot.in === 'header') {
          if (res.statusCode < 400 || res.statusCode >= 500)
            failures.push(`${field}: ${res.statusCode} ${res.body}`);
        } else if (res.statusCode !== 422 || !fieldErrors(res).includes(errorPath)) {
          failures.push(`${field} as ${user}: ${res.statusCode} ${res.body}`);
        }
      }
    }
    const strings = counts.path + counts.query + counts.header + counts.body;
    console.log(
      `${kind}: ${counts.routes} routes (${counts.accepted} answer the sampled request with 2xx), ${strings} strings ` +
        `(body ${counts.body}, query ${counts.query}, path ${counts.path}, header ${counts.header}) sent with a NUL`,
    );
    expect(failures).toEqual([]);
    expect(counts.routes).toBeGreaterThanOrEqual(MIN_ROUTES);
    expect(strings).toBeGreaterThanOrEqual(MIN_STRINGS);
    // Every route and string adds a request and a snapshot: the sweep grows with the API.
  }, 240_000);
});
