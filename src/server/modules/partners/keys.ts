import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

/*
 * Partner API keys and webhook secrets.
 *
 * A key reads `mck_<prefix>_<secret>`: the prefix (12 hex digits) is public and finds the row; the
 * whole key is stored only as HMAC-SHA256 under the server's partner secret (MOTCUA_PARTNER_SECRET,
 * a pepper kept out of the database). Not argon2: the key carries 256 random bits, so a slow hash
 * adds nothing against guessing, while it would cost every partner request tens of milliseconds of
 * CPU (and hand anyone a way to burn it); the pepper means a stolen copy of the database alone does
 * not let anyone check guesses offline. Comparison is constant-time.
 *
 * A webhook endpoint's signing secret is not stored at all: it is HMAC-SHA256 of the endpoint id and
 * its secret version under the same server secret, computed again when signing. Changing
 * MOTCUA_PARTNER_SECRET therefore invalidates every key and every webhook secret at once.
 */

const KEY_PATTERN = /^mck_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A new key: what the partner is shown once, its public prefix, and what is stored. */
export function newApiKey(secret: Buffer): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('hex');
  const key = `mck_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(secret, key) };
}

export function hashApiKey(secret: Buffer, key: string): string {
  return createHmac('sha256', secret).update(key, 'utf8').digest('hex');
}

/** The prefix of a well-formed key, else undefined (a malformed key is never looked up). */
export function keyPrefixOf(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

/** Whether `key` is the one whose stored hash is `hash` (constant time). */
export function keyMatches(secret: Buffer, key: string, hash: string): boolean {
  const a = Buffer.from(hashApiKey(secret, key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signing secret of a webhook endpoint (shown to the partner once, recomputed when signing). */
export function webhookSecret(secret: Buffer, endpointId: string, version: number): string {
  const mac = createHmac('sha256', secret).update(`motcua-webhook:${endpointId}:${version}`, 'utf8');
  return `whsec_${mac.digest('base64url')}`;
}

/** `sha256=<hex>` over `<timestamp>.<body>` with the endpoint's secret: the X-Motcua-Signature header. */
export function signWebhook(endpointSecret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', endpointSecret).update(`${timestamp}.${body}`, 'utf8');
  return `sha256=${mac.digest('hex')}`;
}

/**
 * The server's partner secret: MOTCUA_PARTNER_SECRET; in demo mode without it, one generated once and
 * kept in the data folder (like the demo password); in production without it, none (the Partner API
 * then answers PARTNER_API_NOT_CONFIGURED).
 */
export function partnerSecret(config: Config): Buffer | undefined {
  if (config.partners.secret) return Buffer.from(config.partners.secret, 'utf8');
  if (config.mode !== 'demo') return undefined;
  const file = path.join(config.dataDir, 'partner-secret.txt');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
  const made = randomBytes(32).toString('base64url');
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${made}\n`, { mode: 0o600 });
  return Buffer.from(made, 'utf8');
}
