import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { DEMO_PASSWORD, INTAKE_BODY } from '../intake/fixtures.ts';
import { FLOOR_STATEMENTS } from './floor.ts';
import { LIFECYCLE, RESULT_FILE } from './lifecycle.ts';

/*
 * Is the floor still the product's transaction? The app is built in-process on the bench database, the
 * driver records every statement, one dossier of Tân Thới goes through the lifecycle, and the statements
 * each action ran between `begin` and `commit` are compared with FLOOR_STATEMENTS. It also returns the
 * statements outside the transaction (session lookup, reads, the response), which the floor leaves out.
 */

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface StepCheck {
  /** Actions whose in-transaction statements differ from the floor's, with what the product ran. */
  outOfStep: Array<{ action: string; product: string[]; floor: string[] }>;
  /** Statements per action outside begin…commit (same for every action), abbreviated. */
  outside: Record<string, string[]>;
}

export async function stepCheck(url: string, unitSlug = 'tan-thoi'): Promise<StepCheck> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-wf-stepcheck-'));
  const config = loadConfig({
    MOTCUA_DATA_DIR: dataDir,
    MOTCUA_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  });
  const database = openPostgres(url, 2);
  const recorded: string[] = [];
  let recording = false;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (recording) {
      const first = args[0];
      recorded.push(
        norm(typeof first === 'string' ? first : String((first as { text?: unknown })?.text ?? '')),
      );
    }
    return original.apply(this, args);
  };
  try {
    const { app } = await buildApp(config, database, { logger: false });
    try {
      const login = async (role: string) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: `${role}.${unitSlug}`, password: DEMO_PASSWORD },
        });
        if (res.statusCode !== 200)
          throw new Error(`step check: login ${role}.${unitSlug}: HTTP ${res.statusCode}`);
        return String(res.headers['set-cookie']).split(';')[0] ?? '';
      };
      const cookies = {
        reception: await login('reception'),
        specialist: await login('specialist'),
        leader: await login('leader'),
      };
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: cookies.reception, 'content-type': 'application/json' },
        payload: INTAKE_BODY,
      });
      if (created.statusCode !== 201)
        throw new Error(`step check: intake HTTP ${created.statusCode} ${created.body.slice(0, 200)}`);
      let view = JSON.parse(created.body) as { code: string; version: number };
      const out: StepCheck = { outOfStep: [], outside: {} };
      for (const step of LIFECYCLE) {
        recorded.length = 0;
        recording = true;
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/dossiers/${view.code}/actions`,
          headers: { cookie: cookies[step.role], 'content-type': 'application/json' },
          payload: JSON.stringify({
            action: step.action,
            expectedVersion: view.version,
            ...(step.action === 'issue_result' ? { resultFile: RESULT_FILE } : {}),
          }),
        });
        recording = false;
        if (res.statusCode !== 200)
          throw new Error(`step check: ${step.key} HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
        view = JSON.parse(res.body) as typeof view;
        const begin = recorded.indexOf('begin');
        const commit = recorded.lastIndexOf('commit');
        const product = recorded.slice(begin + 1, commit);
        const floor = (FLOOR_STATEMENTS[step.key] ?? []).map(norm);
        if (product.length !== floor.length || product.some((s, i) => s !== floor[i])) {
          out.outOfStep.push({ action: step.key, product, floor });
        }
        out.outside[step.key] = [...recorded.slice(0, begin), ...recorded.slice(commit + 1)].map((s) =>
          s.slice(0, 70),
        );
      }
      return out;
    } finally {
      await app.close();
    }
  } finally {
    proto.query = original;
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
