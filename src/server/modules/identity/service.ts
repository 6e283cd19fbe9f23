import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordSecurityEvent, SYSTEM_CHAIN } from '../audit/security.ts';
import {
  DEVICES_PER_USER,
  deviceCookieValue,
  loginBuckets,
  parseDeviceCookie,
  reserveAttempt,
  settleAttempt,
} from './lockout.ts';
import { verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import { type AuthUser, type Role, scopeFor } from './types.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface LoginAttempt {
  username: string;
  password: string;
  /** The client's address (behind a trusted proxy, the forwarded one). */
  address: string;
  /** The device cookie the browser presented, if any. */
  deviceCookie: string | undefined;
}

/**
 * Signs a user in: takes a lock-out slot, checks the password, opens a session and renews the
 * browser's device cookie. Returns the raw session token and the new device cookie value.
 */
export async function login(ctx: Pick<AppContext, 'db' | 'config' | 'now'>, attempt: LoginAttempt) {
  const { db, config } = ctx;
  // The lock-out follows the injected clock (tests step through a lock window); sessions keep the
  // wall clock that `authenticate` checks them against.
  const now = ctx.now();
  const presented = parseDeviceCookie(attempt.deviceCookie);
  const trustedHash = await repo.findTrustedDevice(db, presented.map(hashToken), attempt.username, now);
  const buckets = loginBuckets(config, attempt.username, attempt.address, trustedHash);
  try {
    await reserveAttempt(db, config, buckets, now);
  } catch (err) {
    if (err instanceof AppError && err.code === 'AUTH_RATE_LIMITED')
      await recordLoginRefusal(
        db,
        'staff_login_locked',
        await repo.findUserByUsername(db, attempt.username),
        now,
      );
    throw err;
  }

  const user = await repo.findUserByUsername(db, attempt.username);
  const ok = await verifyPassword(user?.isActive ? user.passwordHash : undefined, attempt.password);
  if (!user || !ok) {
    await recordLoginRefusal(db, 'staff_login_failed', user, now);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config.sessionHours * 3_600_000);
  const deviceToken =
    presented.find((t) => hashToken(t) === trustedHash) ?? randomBytes(32).toString('base64url');
  const deviceSeconds = config.loginDeviceDays * 86_400;
  await db.transaction(async (tx) => {
    await settleAttempt(tx, buckets, now);
    await repo.insertSession(tx, { tokenHash: hashToken(token), userId: user.id, expiresAt });
    await recordSecurityEvent(tx, {
      action: 'staff_login',
      unitCode: user.unitCode ?? SYSTEM_CHAIN,
      actor: { userId: user.id, role: user.role, username: user.username },
      at: now,
    });
    await repo.saveDevice(
      tx,
      {
        tokenHash: hashToken(deviceToken),
        userId: user.id,
        usedAt: now,
        expiresAt: new Date(now.getTime() + deviceSeconds * 1000),
      },
      DEVICES_PER_USER,
    );
  });
  return {
    token,
    expiresAt,
    device: { value: deviceCookieValue(deviceToken, presented), maxAgeSeconds: deviceSeconds },
  };
}

/**
 * A refused sign-in in the audit trail. The username is kept only when it is an account's: what
 * someone typed into the username field may be their name or e-mail address.
 */
async function recordLoginRefusal(
  db: Db,
  action: 'staff_login_failed' | 'staff_login_locked',
  user: { id: string; role: string; username: string; unitCode: string | null } | undefined,
  now: Date,
) {
  await recordSecurityEvent(db, {
    action,
    unitCode: user?.unitCode ?? SYSTEM_CHAIN,
    actor: user
      ? { userId: user.id, role: user.role, username: user.username }
      : { userId: null, role: null, username: null },
    data: { knownAccount: Boolean(user) },
    at: now,
  });
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
