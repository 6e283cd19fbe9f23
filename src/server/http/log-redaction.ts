import type { FastifyRequest } from 'fastify';

/*
 * No personal data in any log line (Law 91/2025 on personal data protection). Errors are logged by
 * what identifies the fault — type, codes, the database's SQLSTATE and the names of the table,
 * column or constraint involved, the stack frames — never by the values that were being written:
 * a failed query's parameters, the database's `detail` ("Key (…)=(…)"), quoted input echoed in a
 * message, or the message line that starts a stack. Requests are logged by path and the names of
 * their query parameters, never the values.
 */

// A quoted SQL identifier ("dossiers", "unit_code") is kept; any other quoted text may be input.
const QUOTED_RE = /"([^"]*)"/g;
const IDENTIFIER_RE = /^[a-z_][a-z0-9_.$]*$/;
// Long digit runs: personal ID numbers (12 digits), phone numbers.
const DIGITS_RE = /\d{7,}/g;
const EMAIL_RE = /[^\s"'<>@]+@[^\s"'<>@]+\.[^\s"'<>@]+/g;
const MAX_MESSAGE = 600;

/** A message with everything that may be input replaced by '…'. */
export function scrubMessage(message: string): string {
  const firstPart = message.split('\nparams:')[0] ?? '';
  const scrubbed = firstPart
    .replace(QUOTED_RE, (whole, inner: string) => (IDENTIFIER_RE.test(inner) ? whole : '"…"'))
    .replace(EMAIL_RE, '…@…')
    .replace(DIGITS_RE, '…');
  return scrubbed.length > MAX_MESSAGE ? `${scrubbed.slice(0, MAX_MESSAGE)}…` : scrubbed;
}

function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((l) => l.startsWith('    at '));
  return frames.length ? frames.join('\n') : undefined;
}

const SAFE_FIELDS = ['code', 'statusCode', 'severity', 'routine', 'table', 'column', 'constraint', 'schema'];

interface SafeError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** pino serializer for errors: the fault, without the values. */
export function serializeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: '', stack: '' };
  const e = err as Error & Record<string, unknown>;
  // A database's own message may quote the row (a RAISE, a check's text): its SQLSTATE, routine and
  // the names of the table, column or constraint say what failed.
  const isDatabaseError = typeof e.severity === 'string' && typeof e.code === 'string';
  const out: SafeError = {
    type: e.constructor?.name ?? e.name,
    message: isDatabaseError ? '(database error: see code)' : scrubMessage(e.message),
    stack: stackFrames(e.stack) ?? '',
  };
  for (const k of SAFE_FIELDS) {
    const v = e[k];
    if (typeof v === 'string' || typeof v === 'number') out[k] = typeof v === 'string' ? scrubMessage(v) : v;
  }
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/** pino serializer for requests: method, path and parameter names. */
export function serializeRequest(req: FastifyRequest) {
  const [urlPath = '', query] = req.url.split('?');
  const params = query ? [...new URLSearchParams(query).keys()] : [];
  return {
    method: req.method,
    url: scrubMessage(urlPath),
    ...(params.length ? { queryParams: params } : {}),
    remoteAddress: req.ip,
  };
}
