import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/*
 * Paths no route of this server uses: dot segments (`..`, `%2e%2e`, `.`), control characters,
 * backslashes, undecodable escapes and overlong paths. They are refused before any route or the
 * static file server sees them, so a probe answers 4xx and never reaches the file system.
 */

export const MAX_PATH_LENGTH = 2048;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

/** Throws a 4xx AppError for a request path that no route can serve. */
export function checkRequestPath(req: FastifyRequest) {
  const raw = (req.raw.url ?? req.url).split('?')[0] ?? '';
  if (raw.length > MAX_PATH_LENGTH) throw new AppError('URI_TOO_LONG');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new AppError('BAD_REQUEST', 'Đường dẫn không hợp lệ');
  }
  if (CONTROL_RE.test(decoded) || decoded.includes('\\')) {
    throw new AppError('BAD_REQUEST', 'Đường dẫn chứa ký tự không hợp lệ');
  }
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) {
    throw new AppError('BAD_REQUEST', 'Đường dẫn không hợp lệ');
  }
}
