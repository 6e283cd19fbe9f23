import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isSafeText, MULTILINE_TEXT, SINGLE_LINE_TEXT } from './safe-text.ts';
import { text } from './text-schema.ts';

/** The rule stated code point by code point, to check the regular expressions against. */
function reference(value: string, multiline: boolean): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return false;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) return false;
  }
  return true;
}

describe('isSafeText', () => {
  it('accepts Vietnamese, punctuation and characters outside the BMP', () => {
    for (const s of [
      'Nguyễn Thị Hồng Nhung',
      'Ấp Tân Phú, xã Tân Thới — “Đồng Tháp”',
      '',
      '😀 𠀀',
      'a\u00a0b',
    ]) {
      expect(isSafeText(s), s).toBe(true);
      expect(isSafeText(s, { multiline: true }), s).toBe(true);
    }
  });

  it('refuses NUL and the other control characters; multi-line text allows tab and line breaks only', () => {
    for (const c of [
      '\u0000',
      '\u0001',
      '\u0008',
      '\u000b',
      '\u000c',
      '\u000e',
      '\u001f',
      '\u007f',
      '\u0085',
    ]) {
      expect(isSafeText(`a${c}b`), JSON.stringify(c)).toBe(false);
      expect(isSafeText(`a${c}b`, { multiline: true }), JSON.stringify(c)).toBe(false);
    }
    for (const c of ['\t', '\n', '\r']) {
      expect(isSafeText(`a${c}b`), JSON.stringify(c)).toBe(false);
      expect(isSafeText(`a${c}b`, { multiline: true }), JSON.stringify(c)).toBe(true);
    }
  });

  it('refuses lone surrogates and the noncharacters U+FFFE and U+FFFF', () => {
    for (const s of ['\ud800', 'a\ud83d', '\ude00b', '\ude00\ud83d', '\ufffe', 'x\uffff']) {
      expect(isSafeText(s), JSON.stringify(s)).toBe(false);
    }
  });

  it('agrees with the rule stated code point by code point (property)', () => {
    const chars = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xa0 }).map((c) => String.fromCharCode(c)) }),
      fc.string({ unit: fc.constantFrom('\ud83d', '\ude00', 'a', '\n', '\ufffe', '\t') }),
    );
    fc.assert(
      fc.property(chars, fc.boolean(), (s, multiline) => {
        expect(isSafeText(s, { multiline })).toBe(reference(s, multiline));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same answer with the u flag, as a JSON Schema validator would use the pattern', () => {
    const single = new RegExp(SINGLE_LINE_TEXT.source, 'u');
    const multi = new RegExp(MULTILINE_TEXT.source, 'u');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(single.test(s)).toBe(reference(s, false));
        expect(multi.test(s)).toBe(reference(s, true));
      }),
    );
  });

  it('scans millions of characters without overflowing the stack', () => {
    const long = 'Nguyễn 😀 '.repeat(1_000_000);
    expect(isSafeText(long)).toBe(true);
    expect(isSafeText(`${long}\u0000`)).toBe(false);
  });
});

describe('text()', () => {
  it('trims by default and keeps the value as sent with trim: false', () => {
    expect(text({ min: 1, max: 10 }).parse('  Hà  ')).toBe('Hà');
    expect(text({ min: 1, max: 10, trim: false }).parse('  Hà  ')).toBe('  Hà  ');
  });

  it('refuses a control character with the Vietnamese message', () => {
    const r = text({ max: 50 }).safeParse('Nguyễn\u0000Văn');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/ký tự điều khiển/);
    expect(text({ max: 50, multiline: true }).parse('dòng 1\n\tdòng 2')).toBe('dòng 1\n\tdòng 2');
    expect(text({ max: 50 }).safeParse('dòng 1\ndòng 2').success).toBe(false);
  });

  it('keeps min and max, and stops at max before scanning a long value', () => {
    expect(text({ min: 3, max: 5 }).safeParse('ab').success).toBe(false);
    const r = text({ max: 5 }).safeParse(`${'x'.repeat(10)}\u0000`);
    expect(r.error?.issues.map((i) => i.code)).toEqual(['too_big']);
  });

  it('publishes the rule as a pattern in the JSON Schema', () => {
    expect(z.toJSONSchema(text({ max: 5 }))).toMatchObject({
      pattern: SINGLE_LINE_TEXT.source,
      maxLength: 5,
    });
    expect(z.toJSONSchema(text({ max: 5, multiline: true }))).toMatchObject({
      pattern: MULTILINE_TEXT.source,
    });
  });
});
