import { describe, expect, it } from 'vitest';
import { ratingPageUrl } from './links.ts';

describe('the rating page address', () => {
  const token = 'AbC_-0123456789xyzXYZ0123456789abcdefghijk';
  it('joins the public address and the token under /danh-gia/', () => {
    expect(ratingPageUrl('https://motcua.example.vn', token)).toBe(
      `https://motcua.example.vn/danh-gia/${token}`,
    );
    expect(ratingPageUrl('https://motcua.example.vn/xa/', token)).toBe(
      `https://motcua.example.vn/xa/danh-gia/${token}`,
    );
  });
  it('refuses a token the page would not open (the light app accepts 20–100 url-safe characters)', () => {
    expect(() => ratingPageUrl('https://a.vn', 'short')).toThrow();
    expect(() => ratingPageUrl('https://a.vn', `${'a'.repeat(30)}/../x`)).toThrow();
    expect(() => ratingPageUrl('https://a.vn', 'a'.repeat(101))).toThrow();
  });
});
