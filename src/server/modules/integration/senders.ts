import nodemailer from 'nodemailer';
import type { NotificationPayload } from './messages.ts';
import { renderMessage } from './messages.ts';

/** Delivers one message; throws when the other side did not accept it (the outbox retries). */
export type Sender = (id: string, payload: NotificationPayload) => Promise<void>;

/** E-mail through SMTP; the outbox id becomes the Message-ID so a resend after a crash can be recognised. */
export function smtpSender(url: string, from: string): Sender {
  const transport = nodemailer.createTransport(url);
  return async (id, payload) => {
    const m = renderMessage(payload);
    await transport.sendMail({
      from,
      to: payload.to,
      subject: m.subject,
      text: m.text,
      messageId: `<${id}@motcua>`,
    });
  };
}

/**
 * SMS through an HTTP gateway: POST {id, to, text} as JSON, 2xx = accepted. Gateways in Vietnam
 * (brand-name SMS) differ; this is the interface a provincial adapter implements.
 */
export function httpSmsSender(url: string): Sender {
  return async (id, payload) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': id },
      body: JSON.stringify({ id, to: payload.to, text: renderMessage(payload).sms }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  };
}
