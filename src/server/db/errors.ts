/*
 * Database errors are told apart by SQLSTATE, never by constraint name: Citus suffixes constraint
 * names with shard ids, and a renamed constraint would silently change behaviour.
 */

export const SQLSTATE = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/**
 * The SQLSTATE of a database error: drizzle wraps the driver's error in DrizzleQueryError (`cause`),
 * pg and PGlite put it in `code`.
 */
export function sqlStateOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * True when the database server could not reach another server it needed: SQLSTATE class 08 raised by
 * the server itself (on Citus: a worker holding the statement's shards is down), or Citus's own
 * "failure on connection marked as essential" (SQLSTATE XX000) when a worker the transaction had
 * already written to is lost before its commit. Either way nothing of the statement was applied.
 */
export function isNodeUnavailable(err: unknown): boolean {
  if (sqlStateOf(err)?.startsWith('08')) return true;
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message.startsWith('failure on connection marked as essential'))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when another transaction got to the same rows first: a key it took meanwhile, a serialization
 * failure (a database run at REPEATABLE READ or SERIALIZABLE by default), or a deadlock it won.
 */
export function isConcurrentWrite(err: unknown): boolean {
  const state = sqlStateOf(err);
  return (
    state === SQLSTATE.uniqueViolation ||
    state === SQLSTATE.serializationFailure ||
    state === SQLSTATE.deadlockDetected
  );
}
