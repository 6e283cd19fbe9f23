import fs from 'node:fs';
import { Agent, request } from 'undici';

/*
 * The HTTP side of a link to another government system (the national portal, the provincial
 * data-sharing platform): one connection pool per link with an optional CA and client certificate,
 * a deadline on every call (a server that never answers is a timeout, not a hang), OAuth2
 * client-credentials tokens cached until shortly before they expire and refreshed once on 401, and
 * every failure classified as retryable (timeouts, resets, refused connections, 5xx, 429, 408) or
 * permanent (other 4xx, bodies that do not parse). The same code talks to the local stand-ins and to
 * the real endpoints; only the configuration differs.
 */

export type LinkErrorKind = 'timeout' | 'connection' | 'status' | 'unauthorized' | 'malformed' | 'rejected';

export class LinkError extends Error {
  constructor(
    readonly kind: LinkErrorKind,
    readonly retryable: boolean,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}

export interface LinkTls {
  /** PEM file of the CA that signs the server's certificate (the real links use the government CA). */
  caFile?: string;
  /** PEM files of motcua's client certificate and key, when the other side asks for one. */
  certFile?: string;
  keyFile?: string;
}

export interface LinkOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Deadline of one call, connection included. */
  timeoutMs: number;
  tls?: LinkTls;
  /** Path of the token endpoint; `/oauth2/token` by default. */
  tokenPath?: string;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ECONNABORTED',
]);

/** A thrown network error as a LinkError (walks `cause`, where undici puts the system error). */
export function classifyNetworkError(err: unknown): LinkError {
  if (err instanceof LinkError) return err;
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    const code = (e as { code?: unknown }).code;
    if (
      name === 'TimeoutError' ||
      name === 'AbortError' ||
      (typeof code === 'string' && TIMEOUT_CODES.has(code))
    )
      return new LinkError('timeout', true, 'no answer before the deadline');
    if (typeof code === 'string' && CONNECTION_CODES.has(code))
      return new LinkError('connection', true, `connection failed (${code})`);
    e = (e as { cause?: unknown }).cause;
  }
  // TLS failures (unknown CA, expired or wrong certificate) do not fix themselves by retrying.
  const message = (err as Error)?.message ?? String(err);
  if (/certificate|self.signed|SSL|TLS/i.test(message))
    return new LinkError('rejected', false, `TLS: ${message}`);
  return new LinkError('connection', true, message);
}

/** A non-2xx status as a LinkError: 5xx, 429 and 408 are worth retrying, other 4xx are not. */
export function classifyStatus(status: number, detail: string): LinkError {
  const retryable = status >= 500 || status === 429 || status === 408;
  if (status === 401 || status === 403)
    return new LinkError('unauthorized', false, `${status} ${detail}`, status);
  return new LinkError(retryable ? 'status' : 'rejected', retryable, `${status} ${detail}`, status);
}

export interface LinkResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One configured link: `call` sends an authorised request and returns the 2xx answer, or throws LinkError. */
export function createLink(opts: LinkOptions) {
  const read = (f?: string) => (f ? fs.readFileSync(f) : undefined);
  const dispatcher = new Agent({
    connect: {
      ca: read(opts.tls?.caFile),
      cert: read(opts.tls?.certFile),
      key: read(opts.tls?.keyFile),
      timeout: opts.timeoutMs,
    },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    keepAliveTimeout: 10_000,
  });
  const base = opts.baseUrl.replace(/\/$/, '');
  let token: { value: string; expiresAt: number } | undefined;
  let refreshing: Promise<string> | undefined;

  async function raw(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string) {
    try {
      const res = await request(`${base}${path}`, {
        method,
        headers,
        body,
        dispatcher,
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      const text = await res.body.text();
      return { status: res.statusCode, headers: res.headers, text } satisfies LinkResponse;
    } catch (err) {
      throw classifyNetworkError(err);
    }
  }

  async function fetchToken(): Promise<string> {
    const res = await raw(
      'POST',
      opts.tokenPath ?? '/oauth2/token',
      { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
      }).toString(),
    );
    if (res.status < 200 || res.status >= 300) throw classifyStatus(res.status, 'token endpoint');
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(res.text);
    } catch {
      throw new LinkError('malformed', false, 'token endpoint answered a body that is not JSON');
    }
    if (typeof parsed.access_token !== 'string' || !parsed.access_token)
      throw new LinkError('malformed', false, 'token endpoint answered no access_token');
    const ttl = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : 300;
    // Refresh a little early so a token never expires between the check and the call.
    token = { value: parsed.access_token, expiresAt: Date.now() + Math.max(1, ttl - 30) * 1000 };
    return token.value;
  }

  async function bearer(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    refreshing ??= fetchToken().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  return {
    baseUrl: base,
    /** Sends a JSON (or form) request with the bearer token; a 401 refreshes the token once. */
    async call(
      method: 'GET' | 'POST',
      path: string,
      body?: unknown,
      extraHeaders: Record<string, string> = {},
    ): Promise<LinkResponse> {
      for (let attempt = 0; ; attempt++) {
        const headers: Record<string, string> = {
          authorization: `Bearer ${await bearer()}`,
          accept: 'application/json, text/xml',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...extraHeaders,
        };
        const res = await raw(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
        if (res.status === 401 && attempt === 0) {
          token = undefined;
          continue;
        }
        if (res.status < 200 || res.status >= 300) throw classifyStatus(res.status, errorDetail(res.text));
        return res;
      }
    },
    /**
     * A cheap health probe: one unauthenticated GET of the base URL (no token is spent) within
     * `timeoutMs`. Reachable = any answer below 500; a 5xx, a timeout or a refused connection is not.
     */
    async probe(timeoutMs = Math.min(3000, opts.timeoutMs)): Promise<LinkProbe> {
      const started = performance.now();
      try {
        const res = await request(`${base}/`, {
          method: 'GET',
          dispatcher,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.body.dump();
        const latencyMs = Math.round(performance.now() - started);
        return res.statusCode < 500
          ? { ok: true, status: res.statusCode, latencyMs }
          : { ok: false, status: res.statusCode, latencyMs, error: `${res.statusCode}` };
      } catch (err) {
        const e = classifyNetworkError(err);
        return {
          ok: false,
          latencyMs: Math.round(performance.now() - started),
          error: `${e.kind}: ${e.message}`,
        };
      }
    },
    /** Forgets the cached token (tests; after a configuration change). */
    forgetToken() {
      token = undefined;
    },
    close: () => dispatcher.close(),
  };
}

export type Link = ReturnType<typeof createLink>;

/** What a health probe of a link saw. */
export interface LinkProbe {
  ok: boolean;
  status?: number;
  latencyMs: number;
  error?: string;
}

function errorDetail(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: unknown };
    if (typeof j.error === 'string') return j.error.slice(0, 300);
  } catch {
    // not JSON: keep the start of the text
  }
  return text.slice(0, 200);
}

/** Parses a JSON body or throws a permanent 'malformed' LinkError. */
export function parseJsonBody(res: LinkResponse): unknown {
  try {
    return JSON.parse(res.text);
  } catch {
    throw new LinkError('malformed', false, 'answer is not JSON');
  }
}
