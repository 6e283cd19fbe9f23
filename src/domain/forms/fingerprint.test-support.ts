import { createHash } from 'node:crypto';
import type { FormDefinition } from './types.ts';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** SHA-256 of the definition's JSON with sorted keys: any edit of a published version changes it. */
export function fingerprint(definition: FormDefinition): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(definition)))
    .digest('hex');
}
