import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * How a partner system checks a motcua webhook (docs/API.md, "Partner API"). Self-contained on
 * purpose — only node:crypto — so a receiver can copy it as it is. The tests verify motcua's own
 * deliveries with it.
 */

/** Receivers refuse deliveries whose timestamp is further than this from their clock (replay window). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookVerdict =
  | { ok: true }
  | { ok: false; reason: 'malformed' | 'too_old' | 'from_future' | 'bad_signature' };

/**
 * Checks one delivery: `body` exactly as received (the raw bytes, before any JSON parsing),
 * `timestamp` and `signature` the X-Motcua-Timestamp and X-Motcua-Signature headers, `secret` the
 * endpoint's `whsec_…` secret. A delivery older than the tolerance is refused even when its signature
 * is right, so a captured request cannot be replayed later; de-duplicate the ones inside the window by
 * X-Motcua-Event-Id.
 */
export function verifyMotcuaWebhook(input: {
  secret: string;
  body: string | Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): WebhookVerdict {
  const { secret, timestamp, signature } = input;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature || !/^sha256=[0-9a-f]{64}$/.test(signature))
    return { ok: false, reason: 'malformed' };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  const age = now - Number(timestamp);
  if (age > tolerance) return { ok: false, reason: 'too_old' };
  if (age < -tolerance) return { ok: false, reason: 'from_future' };
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest();
  const given = Buffer.from(signature.slice('sha256='.length), 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'bad_signature' };
}
