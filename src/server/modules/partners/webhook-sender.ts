import { Agent, request } from 'undici';
import type { WebhookBody } from '../../../domain/lifecycle/events.ts';
import type { Executor } from '../../db/client.ts';
import { classifyNetworkError, LinkError } from '../../lib/http-link.ts';
import type { Sender } from '../integration/senders.ts';
import { signWebhook, webhookSecret } from './keys.ts';
import { webhookTarget } from './repository.ts';

/** What a `webhook` outbox row holds: the endpoint and the event body (repository.ts webhookOutboxCte). */
export interface WebhookDelivery {
  endpointId: string;
  event: WebhookBody;
}

/**
 * Delivers `webhook` outbox messages (the outbox worker calls it; its retries with backoff and dead
 * letters apply). Each try is signed afresh with the time of the try: `X-Motcua-Timestamp` (Unix
 * seconds), `X-Motcua-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, and
 * `X-Motcua-Event-Id` (the event's id, the same on every try, for de-duplication). A 2xx answer is
 * success; redirects are not followed (an endpoint that moved is re-registered); 410 Gone, a
 * disabled endpoint or a revoked key dead-letter the message at once; any other answer or failure is
 * retried.
 */
export function webhookSender(
  db: Executor,
  secret: Buffer,
  opts: { timeoutMs: number; now?: () => Date },
): Sender & { close(): Promise<void> } {
  const dispatcher = new Agent({
    connect: { timeout: opts.timeoutMs },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  const send = async (_id: string, payload: unknown) => {
    const delivery = payload as WebhookDelivery;
    const target = await webhookTarget(db, delivery.endpointId);
    if (!target || target.disabledAt || target.revokedAt || !target.permissions.includes('webhooks'))
      throw new LinkError('rejected', false, 'webhook endpoint disabled or its key revoked');
    const body = JSON.stringify(delivery.event);
    const timestamp = Math.floor((opts.now?.() ?? new Date()).getTime() / 1000);
    const signature = signWebhook(
      webhookSecret(secret, delivery.endpointId, target.secretVersion),
      timestamp,
      body,
    );
    let status: number;
    try {
      const res = await request(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'motcua-webhooks/1',
          'x-motcua-timestamp': String(timestamp),
          'x-motcua-signature': signature,
          'x-motcua-event-id': delivery.event.id,
          'x-motcua-event-type': delivery.event.type,
        },
        body,
        dispatcher,
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      status = res.statusCode;
      await res.body.dump();
    } catch (err) {
      throw classifyNetworkError(err);
    }
    if (status >= 200 && status < 300) return;
    throw new LinkError(
      status === 410 ? 'rejected' : 'status',
      status !== 410,
      `webhook endpoint answered ${status}`,
      status,
    );
  };
  return Object.assign(send as Sender, { close: () => dispatcher.close() });
}
