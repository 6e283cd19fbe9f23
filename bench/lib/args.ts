import { type ParseArgsConfig, parseArgs } from 'node:util';

// Command-line options of the benchmarks: strict parsing, exit status 2 for bad arguments.

/** Stops the benchmark with exit status 2 (bad arguments). */
export function usageError(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The options' values; an unknown or malformed option stops with exit status 2. */
export function readOptions<const O extends NonNullable<ParseArgsConfig['options']>>(options: O) {
  try {
    return parseArgs({ options, strict: true }).values;
  } catch (err) {
    return usageError((err as Error).message);
  }
}

/** `--name`'s value as an integer of at least `min`. */
export function intOption(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) usageError(`--${name} must be an integer >= ${min}`);
  return n;
}

/** `--name`'s value as a positive number. */
export function positiveOption(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) usageError(`--${name} must be a positive number`);
  return n;
}
