import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { type FaultPlan, FaultPlanSchema, type FaultState, noFaults, takeFault } from './faults.ts';

/*
 * The small HTTP core both stand-ins share: routing by method and path, JSON bodies with a size
 * limit, optional TLS (and client certificates), the admin endpoints that inject faults and reset
 * state, and the fault injection itself. Admin paths (/__admin/…) are never faulted.
 */

export interface StandInRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body as JSON; throws BadRequest when it is not JSON. */
  json(): unknown;
}

export interface StandInResponse {
  status: number;
  body: unknown;
  /** Defaults to JSON; 'xml' sends text/xml; 'raw' sends the body string as is. */
  type?: 'json' | 'xml' | 'raw';
  headers?: Record<string, string>;
}

/** A fault handler may rewrite a successful answer (malformed body, duplicated list). */
export type Handler = (
  req: StandInRequest,
  fault: FaultPlan | undefined,
) => Promise<StandInResponse> | StandInResponse;

export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface TlsOptions {
  certFile: string;
  keyFile: string;
  /** CA that signs accepted client certificates; with requireClientCert, clients without one are refused. */
  caFile?: string;
  requireClientCert?: boolean;
}

export interface StandInOptions {
  name: string;
  port: number;
  host?: string;
  tls?: TlsOptions;
  routes: Array<{ method: string; pattern: RegExp; handler: Handler }>;
  /** What GET /__admin/state answers besides the fault plan. */
  state(): unknown;
  /** Clears received messages and counters (POST /__admin/reset). */
  reset(): void;
  /** Further admin commands: POST /__admin/<name> (the request carries the command's JSON body, if any). */
  commands?: Record<string, (req: StandInRequest) => unknown>;
}

const MAX_BODY = 20 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BadRequest('body too large', 413));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, r: StandInResponse) {
  const type = r.type ?? 'json';
  const text =
    type === 'json' ? JSON.stringify(r.body) : typeof r.body === 'string' ? r.body : String(r.body ?? '');
  res.writeHead(r.status, {
    'content-type':
      type === 'xml'
        ? 'text/xml; charset=utf-8'
        : type === 'json'
          ? 'application/json; charset=utf-8'
          : 'text/plain',
    'content-length': Buffer.byteLength(text),
    ...r.headers,
  });
  res.end(text);
}

/** A body that claims to be JSON or XML and parses as neither. */
export const MALFORMED_BODY = '{"KetQua": <<not json or xml';

export async function startStandIn(opts: StandInOptions) {
  const faults: FaultState = noFaults();
  const sockets = new Set<Socket>();
  /** Requests held open by a 'timeout' fault, answered never (closed at shutdown). */
  const held = new Set<http.ServerResponse>();
  let requests = 0;

  const listener = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const method = req.method ?? 'GET';
    try {
      const body = await readBody(req);
      const sreq: StandInRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        json() {
          try {
            return JSON.parse(body.toString('utf8'));
          } catch {
            throw new BadRequest('body is not JSON');
          }
        },
      };
      if (url.pathname.startsWith('/__admin/')) return send(res, admin(sreq));
      requests++;
      const fault = takeFault(faults, url.pathname);
      if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
      if (fault?.mode === 'timeout') {
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      if (fault?.mode === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }
      if (fault?.mode === 'status') {
        return send(res, { status: fault.status, body: { error: `injected ${fault.status}` } });
      }
      const route = opts.routes.find((r) => r.method === method && r.pattern.test(url.pathname));
      if (!route) return send(res, { status: 404, body: { error: 'no such endpoint' } });
      const answer = await route.handler(sreq, fault);
      if (fault?.mode === 'malformed' && answer.status < 300) {
        return send(res, { ...answer, type: 'raw', body: MALFORMED_BODY, headers: answer.headers });
      }
      send(res, answer);
    } catch (err) {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof BadRequest) return send(res, { status: err.status, body: { error: err.message } });
      send(res, { status: 500, body: { error: (err as Error).message } });
    }
  };

  const admin = (req: StandInRequest): StandInResponse => {
    if (req.path === '/__admin/faults' && req.method === 'POST') {
      const parsed = FaultPlanSchema.safeParse(req.json());
      if (!parsed.success) throw new BadRequest(parsed.error.message);
      faults.plan = parsed.data;
      faults.applied = 0;
      return { status: 200, body: { plan: faults.plan } };
    }
    if (req.path === '/__admin/faults' && req.method === 'DELETE') {
      faults.plan = noFaults().plan;
      faults.applied = 0;
      return { status: 200, body: { plan: faults.plan } };
    }
    if (req.path === '/__admin/state' && req.method === 'GET') {
      return { status: 200, body: { name: opts.name, requests, faults, ...(opts.state() as object) } };
    }
    if (req.path === '/__admin/reset' && req.method === 'POST') {
      opts.reset();
      requests = 0;
      return { status: 200, body: { reset: true } };
    }
    const command = opts.commands?.[req.path.slice('/__admin/'.length)];
    if (command && req.method === 'POST') return { status: 200, body: { done: command(req) ?? true } };
    return { status: 404, body: { error: 'no such admin endpoint' } };
  };

  const server = opts.tls
    ? https.createServer(
        {
          cert: fs.readFileSync(opts.tls.certFile),
          key: fs.readFileSync(opts.tls.keyFile),
          ...(opts.tls.caFile ? { ca: fs.readFileSync(opts.tls.caFile) } : {}),
          requestCert: Boolean(opts.tls.requireClientCert),
          rejectUnauthorized: Boolean(opts.tls.requireClientCert),
        },
        listener,
      )
    : http.createServer(listener);
  server.on(opts.tls ? 'secureConnection' : 'connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${host}:${address.port}`,
    port: address.port,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of held) r.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads `--name value` options of a stand-in's command line. */
export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[a.slice(2)] = 'true';
    else {
      out[a.slice(2)] = next;
      i++;
    }
  }
  return out;
}

/** TLS options from `--tls-cert --tls-key [--tls-ca] [--require-client-cert]`. */
export function tlsFromArgs(args: Record<string, string>): TlsOptions | undefined {
  if (!args['tls-cert'] || !args['tls-key']) return undefined;
  return {
    certFile: args['tls-cert'],
    keyFile: args['tls-key'],
    caFile: args['tls-ca'],
    requireClientCert: args['require-client-cert'] === 'true',
  };
}

/**
 * Runs a stand-in as its own process: prints one JSON line `{"listening": url}` on standard output
 * once it listens, and exits on SIGINT/SIGTERM — and, with `--exit-with-stdin` (what spawn.ts passes),
 * when its standard input closes: the parent died, even by SIGKILL.
 */
export async function runAsProcess(
  started: { url: string; close(): Promise<void> },
  name: string,
  args: Record<string, string>,
) {
  process.stdout.write(`${JSON.stringify({ standIn: name, listening: started.url })}\n`);
  const stop = async () => {
    await started.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (args['exit-with-stdin'] === 'true') {
    process.stdin.on('end', () => void stop());
    process.stdin.on('error', () => void stop());
    process.stdin.resume();
  }
}
