/*
 * The training center: a second application context on its OWN embedded database (PGlite in a
 * separate data folder, or in memory), seeded with demo data. It runs the very same routes and use
 * cases as the real server, reached through `/api/v1/practice/api/...` (routes.ts); nothing in it
 * ever opens the real database, whatever the real server runs on.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { Config } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { type Database, openPglite } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { DEMO_COMMUNES, seedDemo } from '../../seed/demo.ts';
import { loadReferenceData } from '../../seed/reference.ts';
import * as identityRepo from '../identity/repository.ts';
import { hashToken } from '../identity/service.ts';
import { type AuthUser, type Role, scopeFor } from '../identity/types.ts';
import * as repo from './repository.ts';

/** The commune the trainees work in (a demo commune of the practice database). */
export const PRACTICE_COMMUNE = DEMO_COMMUNES[1];

export interface PracticeCenter {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  /** The trainee of a real officer (created on first use) and a session token in the practice database. */
  trainee(real: AuthUser): Promise<{ user: AuthUser; token: string }>;
  /** A demo officer of the practice commune (to prepare exercises). */
  staff(role: Role): Promise<AuthUser>;
  close(): Promise<void>;
}

const centers = new WeakMap<AppContext, Promise<PracticeCenter>>();

/**
 * Where a new in-memory practice database may start from: a data-folder tarball already migrated and
 * holding the reference data (the API tests hand theirs in; the server builds its own).
 */
let template: (() => Promise<Blob>) | undefined;
export function setPracticeTemplate(load: (() => Promise<Blob>) | undefined) {
  template = load;
}

/** The training center of a running server, opened (and seeded) on first use. */
export function practiceCenter(ctx: AppContext): Promise<PracticeCenter> {
  if (!ctx.config.practice.enabled) throw new AppError('PRACTICE_DISABLED');
  let center = centers.get(ctx);
  if (!center) {
    center = openCenter(ctx);
    centers.set(ctx, center);
    center.catch(() => centers.delete(ctx));
  }
  return center;
}

/** Closes the training center of a server if it was opened. */
export async function closePracticeCenter(ctx: AppContext) {
  const center = centers.get(ctx);
  centers.delete(ctx);
  if (center) await (await center.catch(() => undefined))?.close();
}

async function openCenter(real: AppContext): Promise<PracticeCenter> {
  const dir = real.config.practice.dataDir;
  const scratch = dir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-practice-'));
  const base = dir ?? scratch ?? os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  const config: Config = {
    ...real.config,
    mode: 'demo',
    database: { kind: 'pglite', dataDir: path.join(base, 'pgdata') },
    dataDir: base,
    filesDir: path.join(base, 'files'),
    // Practice accounts never sign in with a password: sessions are opened for trainees below.
    demoPassword: randomBytes(18).toString('base64url'),
    portalSync: false,
    smtpUrl: undefined,
    smsUrl: undefined,
    links: { portal: undefined, population: undefined, standIns: 'off' },
    practice: { enabled: false, dataDir: undefined },
    workerThreads: 1,
  };
  const database =
    !dir && template
      ? await openPglite(undefined, { client: await PGlite.create({ loadDataDir: await template() }) })
      : await openPglite(dir ? path.join(base, 'pgdata') : undefined);
  try {
    await database.migrate();
    await loadReferenceData(database.db);
    await seedDemo(database.db, config);
  } catch (err) {
    await database.close();
    throw err;
  }
  const { app, ctx } = await buildApp(config, database, { logger: false, now: real.now });
  await app.ready();
  const tokens = new Map<string, { user: AuthUser; token: string }>();

  async function authUser(username: string): Promise<AuthUser> {
    const { user: u, unit } = await repo.findAccount(database.db, username);
    if (!u || !unit) throw new Error('practice account missing from the practice database');
    const unitView = {
      code: unit.code,
      name: unit.name,
      level: 'commune' as const,
      provinceCode: unit.parentCode ?? '',
    };
    const role = u.role as Role;
    const scope = scopeFor(role, unitView);
    if (!scope) throw new Error('practice account without a commune');
    return { id: u.id, username: u.username, fullName: u.fullName, role, unit: unitView, scope };
  }

  return {
    app,
    ctx,
    database,
    async trainee(realUser) {
      const known = tokens.get(realUser.id);
      if (known) return known;
      const username = `luyentap.${realUser.username}`.slice(0, 100);
      await repo.insertTrainee(database.db, {
        id: randomUUID(),
        username,
        fullName: `Học viên ${realUser.fullName}`.slice(0, 200),
        // No password opens this account: the hash is of random bytes nobody keeps.
        passwordHash: `practice:${randomBytes(24).toString('base64url')}`,
        role: 'reception',
        unitCode: PRACTICE_COMMUNE,
        isDemo: true,
      });
      const user = await authUser(username);
      const token = randomBytes(32).toString('base64url');
      await identityRepo.insertSession(database.db, {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt: new Date(Date.now() + 7 * 24 * 3_600_000),
      });
      const entry = { user, token };
      tokens.set(realUser.id, entry);
      return entry;
    },
    async staff(role) {
      const username = await repo.findDemoStaff(database.db, PRACTICE_COMMUNE, role);
      if (!username) throw new Error(`no ${role} in the practice commune`);
      return authUser(username);
    },
    async close() {
      await app.close();
      await database.close();
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}
