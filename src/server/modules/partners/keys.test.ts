import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import {
  hashApiKey,
  keyMatches,
  keyPrefixOf,
  newApiKey,
  partnerSecret,
  signWebhook,
  webhookSecret,
} from './keys.ts';
import { verifyMotcuaWebhook } from './verify-webhook.ts';

const SERVER = Buffer.from('a-server-partner-secret-of-32-characters!');

describe('partner keys', () => {
  it('finds a key by its prefix and matches only the key itself, under the server secret', () => {
    const made = newApiKey(SERVER);
    expect(keyPrefixOf(made.key)).toBe(made.prefix);
    expect(keyMatches(SERVER, made.key, made.hash)).toBe(true);
    const other = newApiKey(SERVER);
    expect(other.prefix).not.toBe(made.prefix);
    expect(keyMatches(SERVER, other.key, made.hash)).toBe(false);
    // The same key under another server secret is another hash: a database copy alone checks nothing.
    expect(hashApiKey(Buffer.from('another-server-secret-of-32-characters'), made.key)).not.toBe(made.hash);
    for (const bad of ['', 'mck_', `${made.key}x`, made.key.replace('mck_', 'mcx_'), `Bearer ${made.key}`])
      expect(keyPrefixOf(bad), bad).toBeUndefined();
  });

  it('derives a stable webhook secret per endpoint and version, which signs what the receiver verifies', () => {
    const a = webhookSecret(SERVER, '6f1c2f4e-1d7b-4c1a-9a7e-2b1f0c9d8e7a', 1);
    expect(a).toBe(webhookSecret(SERVER, '6f1c2f4e-1d7b-4c1a-9a7e-2b1f0c9d8e7a', 1));
    expect(a).not.toBe(webhookSecret(SERVER, '6f1c2f4e-1d7b-4c1a-9a7e-2b1f0c9d8e7a', 2));
    expect(a).not.toBe(webhookSecret(SERVER, '7f1c2f4e-1d7b-4c1a-9a7e-2b1f0c9d8e7a', 1));
    const body = '{"id":"x","type":"dossier.received"}';
    const now = 1_796_800_000;
    const signature = signWebhook(a, now, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(
      verifyMotcuaWebhook({ secret: a, body, timestamp: String(now), signature, nowSeconds: now + 60 }),
    ).toEqual({
      ok: true,
    });
    expect(
      verifyMotcuaWebhook({
        secret: a,
        body: Buffer.from(body),
        timestamp: String(now),
        signature,
        nowSeconds: now + 301,
      }),
    ).toEqual({ ok: false, reason: 'too_old' });
  });

  it('keeps a generated server secret in the data folder in demo mode; production has none without the variable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-partner-secret-'));
    try {
      const demo = loadConfig({ MOTCUA_MODE: 'demo', MOTCUA_DATA_DIR: dir });
      const first = partnerSecret(demo);
      expect(first?.length).toBeGreaterThanOrEqual(32);
      expect(partnerSecret(demo)?.equals(first!)).toBe(true);
      const production = {
        MOTCUA_MODE: 'production',
        MOTCUA_DATA_DIR: dir,
        MOTCUA_PUBLIC_URL: 'https://motcua.example.vn',
      };
      expect(partnerSecret(loadConfig(production))).toBeUndefined();
      const given = 'x'.repeat(40);
      expect(partnerSecret(loadConfig({ ...production, MOTCUA_PARTNER_SECRET: given }))?.toString()).toBe(
        given,
      );
      expect(() => loadConfig({ ...production, MOTCUA_PARTNER_SECRET: 'short' })).toThrow();
      expect(loadConfig(production).partners.allowHttpWebhooks).toBe(false);
      expect(demo.partners.allowHttpWebhooks).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
