import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTILINE_TEXT, SINGLE_LINE_TEXT } from '../../domain/text/safe-text.ts';
import { type StandInProcess, startStandInProcess } from '../../standins/spawn.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../test-support/harness.ts';
import { COMMUNE, examples, SWEEP_USERS } from '../test-support/openapi-examples.ts';
import {
  type OpenApiDocument,
  type SampledRequest,
  sampleOperations,
} from '../test-support/openapi-sample.ts';

/*
 * Every write route, found by walking the app's OpenAPI document, receives the same valid request
 * PARALLEL times at once — as a double-clicking officer or an attacker would send it. Whatever the
 * route decides (one success and conflicts, all successes, refusals), no answer may be a 5xx.
 */

const PARALLEL = 12;
const MIN_WRITE_ROUTES = 10;

let platform: StandInProcess;
beforeAll(async () => {
  platform = await startStandInProcess('population');
});
afterAll(async () => platform?.stop());

describe.each(databaseKinds())(
  'the same write sent %i times at once, on %s'.replace('%i', String(PARALLEL)),
  (kind) => {
    let s: TestServer;
    const cookies: Record<string, string> = {};
    beforeAll(async () => {
      s = await createTestServer(kind, {
        now: () => new Date('2025-07-03T02:00:00Z'),
        // The population lookup asks the platform: its stand-in runs as a process beside the server.
        env: { MOTCUA_POPULATION_URL: platform.url },
      });
      for (const u of SWEEP_USERS) cookies[u] = await s.login(u);
    });
    afterAll(async () => s?.close());

    function send(req: SampledRequest, cookie: string) {
      const url = req.route.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(String(req.params.path[name])),
      );
      const qs = new URLSearchParams(Object.entries(req.params.query).map(([k, v]) => [k, String(v)]));
      const headers = Object.fromEntries(Object.entries(req.params.header).map(([k, v]) => [k, String(v)]));
      return s.request({
        method: req.method as 'POST',
        url: qs.size ? `${url}?${qs}` : url,
        headers: { ...headers, cookie },
        ...(req.body === undefined ? {} : { payload: req.body as object }),
      });
    }

    it('never answers 5xx', async () => {
      const intake = await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: cookies['reception.tan-thoi'] ?? '' },
        payload: intakeBody(),
      });
      expect(intake.statusCode, intake.body).toBe(201);
      const staff = await s.request({
        method: 'POST',
        url: `/api/v1/registers/staff?unit=${COMMUNE}`,
        headers: { cookie: cookies['leader.tan-thoi'] ?? '' },
        payload: {
          fullName: 'Đỗ Văn Song',
          category: 'cong_chuc',
          orgUnit: 'Trung tâm',
          orgUnitKind: 'center',
        },
      });
      expect(staff.statusCode, staff.body).toBe(201);
      const doc = (await s.request({ url: '/api/openapi.json' })).json() as OpenApiDocument;
      const writes = sampleOperations(doc, {
        exampleFor: examples(intake.json().code, staff.json().id),
        freeTextPatterns: [SINGLE_LINE_TEXT.source, MULTILINE_TEXT.source],
      }).filter((r) => r.method !== 'GET' && r.route !== '/api/v1/auth/logout');

      const failures: string[] = [];
      const seen: Record<string, number> = {};
      for (const req of writes) {
        // As each demo user in turn until one is let through: the burst itself is the probe.
        let user = '';
        let answers: LightMyRequestResponse[] = [];
        for (const u of SWEEP_USERS) {
          user = u;
          answers = await Promise.all(Array.from({ length: PARALLEL }, () => send(req, cookies[u] ?? '')));
          if (answers.some((a) => a.statusCode !== 401 && a.statusCode !== 403)) break;
        }
        const statuses = answers.map((a) => a.statusCode);
        for (const st of statuses) seen[st] = (seen[st] ?? 0) + 1;
        const broken = answers.find((a) => a.statusCode >= 500);
        if (broken)
          failures.push(`${req.method} ${req.route} as ${user}: [${statuses.join(',')}] ${broken.body}`);
      }
      console.log(
        `${kind}: ${writes.length} write routes × ${PARALLEL} at once; statuses ${JSON.stringify(seen)}`,
      );
      expect(failures).toEqual([]);
      expect(writes.length).toBeGreaterThanOrEqual(MIN_WRITE_ROUTES);
    });
  },
);
