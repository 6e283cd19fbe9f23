import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesSearch } from './fold.ts';

describe('foldVietnamese', () => {
  it('strips tones and vowel marks, lowercases and maps đ', () => {
    expect(foldVietnamese('Chứng thực bản sao từ bản chính')).toBe('chung thuc ban sao tu ban chinh');
    expect(foldVietnamese('ĐĂNG KÝ KHAI SINH')).toBe('dang ky khai sinh');
    expect(foldVietnamese('Đất đai')).toBe('dat dai');
    expect(foldVietnamese('Ưu tiên, ơn, ắ ầ ẩ ẫ ậ, ỳ ỷ ỹ ỵ')).toBe('uu tien, on, a a a a a, y y y y');
  });

  it('treats precomposed (NFC) and decomposed (NFD) input alike', () => {
    const nfc = 'Hộ tịch'.normalize('NFC');
    const nfd = 'Hộ tịch'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
  });

  it('collapses and trims whitespace', () => {
    expect(foldVietnamese('  Đăng\tký \n\n kết   hôn ')).toBe('dang ky ket hon');
    expect(foldVietnamese('   ')).toBe('');
  });

  it('is idempotent and leaves no combining marks, đ or runs of spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const f = foldVietnamese(s);
        expect(foldVietnamese(f)).toBe(f);
        expect(f).not.toMatch(/[\u0300-\u036f\u0111]|\s\s|^\s|\s$/u);
      }),
    );
  });
});

describe('matchesSearch', () => {
  it('finds procedures without diacritics or case', () => {
    expect(matchesSearch('Chứng thực bản sao từ bản chính', 'chung thuc')).toBe(true);
    expect(matchesSearch('Đăng ký khai sinh', 'DANG KY KHAI SINH')).toBe(true);
    expect(matchesSearch('Đất đai', 'đất')).toBe(true);
    expect(matchesSearch('Cấp giấy xác nhận tình trạng hôn nhân', 'hon nhan  xac nhan')).toBe(true);
  });

  it('requires every word', () => {
    expect(matchesSearch('Đăng ký khai sinh', 'khai tu')).toBe(false);
    expect(matchesSearch('Đăng ký khai sinh', 'dang ky ket hon')).toBe(false);
    expect(matchesSearch('Đất đai', 'dát')).toBe(true);
    expect(matchesSearch('Đất đai', 'dau')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesSearch('Đăng ký khai sinh', '')).toBe(true);
    expect(matchesSearch('', '   ')).toBe(true);
    expect(matchesSearch('', 'a')).toBe(false);
  });

  it('always finds a text by itself and by its folded form (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(matchesSearch(s, s)).toBe(true);
        expect(matchesSearch(s, foldVietnamese(s))).toBe(true);
      }),
    );
  });
});
