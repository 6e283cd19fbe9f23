import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/*
 * Local stand-ins for the services a commune center talks to but that cannot run here: an SMTP server
 * and an SMS gateway. They speak the real protocols (SMTP; HTTP JSON), so the product's real client
 * code is what the demo and the tests exercise.
 */

export interface ReceivedMail {
  messageId: string;
  to: string[];
  raw: string;
}

/** An SMTP server that keeps what it receives (and writes .eml files when `dir` is given). */
export async function startSmtpStandIn(opts: { dir?: string; rejectWhile?: () => boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (opts.rejectWhile?.()) {
          const err = Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 });
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';
        const mail = { messageId, to: session.envelope.rcptTo.map((r) => r.address), raw };
        received.push(mail);
        if (opts.dir) {
          fs.mkdirSync(opts.dir, { recursive: true });
          fs.writeFileSync(path.join(opts.dir, `${Date.now()}-${received.length}.eml`), raw);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An SMS gateway answering POST {id, to, text} with 202, remembering every message. */
export async function startSmsStandIn(opts: { failWhile?: () => boolean } = {}) {
  const received: Array<{ id: string; to: string; text: string }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST') return res.writeHead(405).end();
      if (opts.failWhile?.()) return res.writeHead(503).end();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          id: string;
          to: string;
          text: string;
        };
        if (!body.id || !body.to || !body.text) return res.writeHead(400).end();
        received.push(body);
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: body.id }));
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
