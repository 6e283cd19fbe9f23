import type { MissingItem } from '../../api/types';
import { randomId } from '../../lib/random-id';

/** One editable row of a "documents to supplement" list. */
export interface MissingItemValue {
  key: string;
  name: string;
  originals: number | string;
  certifiedCopies: number | string;
  photocopies: number | string;
}

export function emptyMissingItem(name = '', originals: number | string = 1): MissingItemValue {
  return { key: randomId(), name, originals, certifiedCopies: 0, photocopies: 0 };
}

function count(value: number | string): number {
  const parsed = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? Math.min(Math.floor(parsed), 99) : 0;
}

/** The rows the officer actually filled in, as the API expects them. */
export function toMissingItems(values: readonly MissingItemValue[]): MissingItem[] {
  return values
    .filter((value) => value.name.trim())
    .map((value) => ({
      name: value.name.trim(),
      originals: count(value.originals),
      certifiedCopies: count(value.certifiedCopies),
      photocopies: count(value.photocopies),
    }));
}
