/**
 * Which characters free text may hold. PostgreSQL refuses NUL in text (SQLSTATE 22021) and in jsonb
 * (22P05); the other control characters are invisible, break the PDF, XLSX and CSV the system prints,
 * and have no place in a name, an address or a reason. A lone UTF-16 surrogate cannot be encoded as
 * UTF-8 at all: the driver would silently store U+FFFD instead. U+FFFE and U+FFFF are noncharacters.
 *
 * Single-line text (names, codes, titles, file names) refuses every control character; multi-line
 * text (reasons, notes, findings) also allows tab, line feed and carriage return.
 */

const SURROGATE_ALONE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const SINGLE_LINE_BAD = `[\\u0000-\\u001f\\u007f-\\u009f\\ufffe\\uffff]|${SURROGATE_ALONE}`;
const MULTILINE_BAD = `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufffe\\uffff]|${SURROGATE_ALONE}`;

// A lookahead over the whole string rather than `^(?:ok|pair)*$`: the latter keeps one backtrack entry
// per character and overflows the stack on a few million characters. The same source is a valid
// JSON Schema `pattern` with or without the `u` flag, so the OpenAPI document carries the rule.
/** Matches text with no control character, lone surrogate or noncharacter. */
export const SINGLE_LINE_TEXT = new RegExp(`^(?![\\s\\S]*(?:${SINGLE_LINE_BAD}))`);
/** As SINGLE_LINE_TEXT, but tab, line feed and carriage return are allowed. */
export const MULTILINE_TEXT = new RegExp(`^(?![\\s\\S]*(?:${MULTILINE_BAD}))`);

/** The field message when text holds a character it may not (the field's path says which field). */
export const UNSAFE_TEXT_MESSAGE = 'Chứa ký tự điều khiển hoặc ký tự không hợp lệ';

/** True when `value` holds only characters free text may hold (see the module comment). */
export function isSafeText(value: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline ? MULTILINE_TEXT : SINGLE_LINE_TEXT).test(value);
}
