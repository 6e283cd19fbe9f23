import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import { type AuthUser, type Role, scopeFor } from './types.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Signs a user in: checks the lock-out, the password, and opens a session. Returns the raw token. */
export async function login(db: Db, config: Config, username: string, password: string) {
  const user = await repo.findUserByUsername(db, username);
  const now = new Date();
  if (user?.lockedUntil && user.lockedUntil > now) {
    const retry = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('AUTH_RATE_LIMITED', undefined, undefined, { 'retry-after': String(retry) });
  }
  const ok = await verifyPassword(user?.isActive ? user.passwordHash : undefined, password);
  if (!user || !ok) {
    if (user) await repo.recordLoginFailure(db, user.id, config.loginMaxFailures, config.loginLockSeconds);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    if (user.failedLogins > 0 || user.lockedUntil) await repo.resetLoginFailures(tx, user.id);
    await repo.insertSession(tx, { tokenHash: hashToken(token), userId: user.id, expiresAt });
  });
  return { token, expiresAt };
}

export async function logout(db: Db, token: string, cache?: SessionCache) {
  cache?.delete(hashToken(token));
  await repo.deleteSession(db, hashToken(token));
}

/** The signed-in user for a session token, or undefined when the token is unknown, expired or tampered. */
export async function authenticate(
  db: Db,
  token: string,
  cache?: SessionCache,
): Promise<AuthUser | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const cached = cache?.get(tokenHash);
  if (cached) return cached;
  const row = await repo.findSessionUser(db, tokenHash, new Date());
  if (!row) return undefined;
  const unit =
    row.unitCode && row.unitName && row.unitLevel
      ? {
          code: row.unitCode,
          name: row.unitName,
          level: row.unitLevel,
          provinceCode: row.unitLevel === 'province' ? row.unitCode : (row.unitParent ?? ''),
        }
      : null;
  const scope = scopeFor(row.role as Role, unit);
  if (!scope) return undefined;
  const user: AuthUser = {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    role: row.role as Role,
    unit,
    scope,
  };
  cache?.set(tokenHash, user);
  return user;
}

/**
 * Signed-in users by session token hash, kept for a few seconds so a burst of requests reads the
 * session once. Logout removes the entry at once in this process; other server processes may accept
 * a revoked token for at most `ttlMs`.
 */
export function createSessionCache(ttlMs = 10_000, maxEntries = 10_000) {
  const entries = new Map<string, { at: number; user: AuthUser }>();
  return {
    get(tokenHash: string): AuthUser | undefined {
      const hit = entries.get(tokenHash);
      if (!hit) return undefined;
      if (Date.now() - hit.at > ttlMs) {
        entries.delete(tokenHash);
        return undefined;
      }
      return hit.user;
    },
    set(tokenHash: string, user: AuthUser) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { at: Date.now(), user });
    },
    delete(tokenHash: string) {
      entries.delete(tokenHash);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
