import { AppError } from '../errors.ts';

// Text the database cannot store: NUL or an invalid byte sequence (22021), a character jsonb or the
// database encoding cannot hold (22P05, e.g. "\u0000" inside jsonb).
const UNSTORABLE_TEXT_SQLSTATES = new Set(['22021', '22P05']);

/**
 * True when `err` is the database refusing the request's text. The request schemas' text rule should
 * refuse it first; this is the last guard. Drizzle wraps the driver's error in `cause`.
 */
export function isUnstorableText(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null | undefined;
  return (
    UNSTORABLE_TEXT_SQLSTATES.has(String(e?.code)) || UNSTORABLE_TEXT_SQLSTATES.has(String(e?.cause?.code))
  );
}

/** The client's answer when the database refused its text (see isUnstorableText). */
export function unstorableTextError(): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    'Dữ liệu chứa ký tự không lưu được (ký tự điều khiển hoặc mã hóa không hợp lệ)',
  );
}
