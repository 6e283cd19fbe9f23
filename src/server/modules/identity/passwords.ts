import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library's default algorithm; `Algorithm` is an ambient const enum that isolated modules
// cannot read) with OWASP's baseline: 19 MiB, 2 passes. A test checks the $argon2id$ prefix.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;
let checks = 0;

/** Passwords checked by this process since start (the lock-out bounds it; /metrics shows it). */
export function passwordChecks(): number {
  return checks;
}

/** Verifies a password; with no stored hash it still spends the same time so timing reveals nothing. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  checks++;
  if (!stored) {
    dummyHash ??= hashPassword('motcua-timing-equaliser');
    await verify(await dummyHash, password);
    return false;
  }
  return verify(stored, password);
}
