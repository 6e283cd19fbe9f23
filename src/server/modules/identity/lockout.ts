import type { Config } from '../../config.ts';
import type { Db, Executor } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { addressBucket } from './client-address.ts';
import * as repo from './repository.ts';

/*
 * Sign-in lock-out. Every attempt takes a slot in its buckets before the password is checked, so no
 * more than a bucket's limit of passwords is ever checked per window, however many arrive at once:
 * - the account bucket ('u:' + the normalised username, whether or not the account exists, so the
 *   answers do not tell which accounts exist);
 * - the address bucket ('a:' + client address, IPv6 by /64), shared by every username tried from it,
 *   so one address cannot try a few passwords on each of many accounts;
 * - or, instead of both, the device bucket ('d:' + device token hash) when the browser presents a
 *   device cookie that this user received at an earlier sign-in: an attacker without that cookie
 *   locks only the account bucket, and the officer at their usual counter still signs in.
 * A right password empties its account or device bucket and gives its address slot back.
 */

export interface Bucket {
  key: string;
  max: number;
  /** Shared by many users: a right password gives its slot back instead of emptying it. */
  shared: boolean;
}

/** How many device tokens one browser's cookie keeps (counter PCs shared by a few officers). */
export const DEVICE_TOKENS_PER_COOKIE = 5;
/** How many trusted browsers one user keeps. */
export const DEVICES_PER_USER = 20;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function normaliseUsername(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

/** The well-formed device tokens of a device cookie (at most DEVICE_TOKENS_PER_COOKIE). */
export function parseDeviceCookie(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split('.')
    .filter((t) => TOKEN.test(t))
    .slice(0, DEVICE_TOKENS_PER_COOKIE);
}

/** The device cookie after a sign-in: this user's token first, then the other users' of this browser. */
export function deviceCookieValue(token: string, presented: string[]): string {
  return [token, ...presented.filter((t) => t !== token)].slice(0, DEVICE_TOKENS_PER_COOKIE).join('.');
}

/** The buckets an attempt counts in. */
export function loginBuckets(
  config: Config,
  username: string,
  address: string,
  trustedDeviceHash: string | undefined,
): Bucket[] {
  const max = config.loginMaxFailures;
  if (trustedDeviceHash) return [{ key: `d:${trustedDeviceHash}`, max, shared: false }];
  const buckets: Bucket[] = [];
  // Address before account in every transaction: one lock order, so no deadlock on PostgreSQL.
  if (config.loginAddressMaxFailures > 0)
    buckets.push({ key: `a:${addressBucket(address)}`, max: config.loginAddressMaxFailures, shared: true });
  buckets.push({ key: `u:${normaliseUsername(username)}`, max, shared: false });
  return buckets;
}

/**
 * Takes a slot in every bucket, or in none: throws AUTH_RATE_LIMITED (with retry-after) when one is
 * full. Commits before the password is checked, so the slow check holds no row lock.
 */
export async function reserveAttempt(db: Db, config: Config, buckets: Bucket[], now: Date) {
  await db.transaction(async (tx) => {
    for (const b of buckets) {
      if (await repo.reserveLoginAttempt(tx, b.key, b.max, config.loginLockSeconds, now)) continue;
      const resetsAt = await repo.findThrottleResetsAt(tx, b.key);
      const seconds = resetsAt ? Math.ceil((resetsAt.getTime() - now.getTime()) / 1000) : 1;
      throw new AppError('AUTH_RATE_LIMITED', undefined, undefined, {
        'retry-after': String(Math.max(1, seconds)),
      });
    }
  });
}

/** After a right password (inside the sign-in transaction). */
export async function settleAttempt(tx: Executor, buckets: Bucket[], now: Date) {
  for (const b of buckets) {
    if (b.shared) await repo.releaseLoginAttempt(tx, b.key);
    else await repo.clearLoginThrottle(tx, b.key);
  }
  await repo.purgeExpiredThrottle(tx, now, 100);
}
