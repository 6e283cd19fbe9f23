import { describe, expect, it } from 'vitest';
import { maskPersonName } from './mask.ts';

describe('maskPersonName', () => {
  it('keeps the family name and the initials of the rest, Vietnamese letters whole', () => {
    expect(maskPersonName('Trần Văn Bình')).toBe('Trần V*** B***');
    expect(maskPersonName('  Lê   Ngọc Hân ')).toBe('Lê N*** H***');
    expect(maskPersonName('Đặng Ánh')).toBe('Đặng Á***');
  });
  it('a one-word name keeps only its first letter; an empty one stays empty', () => {
    expect(maskPersonName('Ê')).toBe('Ê***');
    expect(maskPersonName('Minh')).toBe('M***');
    expect(maskPersonName('   ')).toBe('');
  });
});
