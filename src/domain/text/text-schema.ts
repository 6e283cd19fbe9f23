import { z } from 'zod';
import { MULTILINE_TEXT, SINGLE_LINE_TEXT, UNSAFE_TEXT_MESSAGE } from './safe-text.ts';

export interface TextOptions {
  min?: number;
  max?: number;
  /** Reasons, notes, findings: tab and line breaks allowed. Default: single line. */
  multiline?: boolean;
  /** Default true; false keeps the value exactly as sent (passwords, codes looked up as typed). */
  trim?: boolean;
}

/**
 * The one schema for free text in requests: every character must be one the database can store and
 * the documents can print (see safe-text.ts). Chain `.optional()`, `.nullable()`, `.describe()` as usual.
 */
export function text(opts: TextOptions = {}) {
  let schema = z.string();
  if (opts.trim ?? true) schema = schema.trim();
  if (opts.min !== undefined) schema = schema.min(opts.min);
  // An over-long value is not scanned for characters.
  if (opts.max !== undefined) schema = schema.max(opts.max, { abort: true });
  return schema.regex(opts.multiline ? MULTILINE_TEXT : SINGLE_LINE_TEXT, UNSAFE_TEXT_MESSAGE);
}
