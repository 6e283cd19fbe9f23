import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnitsFileSchema } from './units.ts';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const units = UnitsFileSchema.parse(
  JSON.parse(readFileSync(new URL('../../../data/units.json', import.meta.url), 'utf8')),
);

describe('data/units.json', () => {
  it('has the 34 provinces and 3,321 communes of the 1 July 2025 reorganisation', () => {
    expect(units.provinces).toHaveLength(34);
    expect(units.communes).toHaveLength(3321);
    expect(units.counts).toEqual({ provinces: 34, communes: 3321 });
  });

  it('keeps the official codes of the demo province and communes', () => {
    expect(units.provinces.find((p) => p.code === '82')).toMatchObject({
      name: 'Đồng Tháp',
      fullName: 'Tỉnh Đồng Tháp',
      slug: 'dong-thap',
      agencyCode: 'H82',
    });
    expect(units.communes.find((c) => c.code === '28693')).toMatchObject({
      name: 'Tân Thới',
      fullName: 'Xã Tân Thới',
      kind: 'xa',
      provinceCode: '82',
      slug: 'tan-thoi',
    });
    expect(units.communes.find((c) => c.code === '28696')).toMatchObject({
      name: 'Tân Phú Đông',
      kind: 'xa',
      provinceCode: '82',
      slug: 'tan-phu-dong',
    });
  });

  it('has unique codes and every commune belongs to a listed province', () => {
    const provinceCodes = new Set(units.provinces.map((p) => p.code));
    expect(provinceCodes.size).toBe(34);
    expect(new Set(units.communes.map((c) => c.code)).size).toBe(3321);
    expect(units.communes.filter((c) => !provinceCodes.has(c.provinceCode))).toEqual([]);
  });

  it('has unique agency codes following the documented default scheme', () => {
    const all = [...units.provinces, ...units.communes].map((u) => u.agencyCode);
    expect(new Set(all).size).toBe(all.length);
    for (const p of units.provinces) expect(p.agencyCode).toBe(`H${p.code}`);
    const byProvince = groupBy(units.communes, (c) => c.provinceCode);
    for (const [provinceCode, communes] of byProvince) {
      const sorted = [...communes].sort((a, b) => a.code.localeCompare(b.code));
      sorted.forEach((c, i) => {
        expect(c.agencyCode).toBe(`H${provinceCode}.${String(i + 1).padStart(3, '0')}`);
      });
    }
    expect(units.agencyCodeNote).toMatch(/configurable DEFAULTS/);
  });

  it('has slugs unique within each province, suffixing the code on a clash', () => {
    const byProvince = groupBy(units.communes, (c) => c.provinceCode);
    for (const communes of byProvince.values()) {
      expect(new Set(communes.map((c) => c.slug)).size).toBe(communes.length);
    }
    expect(new Set(units.provinces.map((p) => p.slug)).size).toBe(34);
    // Phường Mỹ Tho (28261) and Xã Mỹ Thọ (30076) share the code name my_tho in Đồng Tháp.
    expect(units.communes.find((c) => c.code === '28261')?.slug).toBe('my-tho');
    expect(units.communes.find((c) => c.code === '30076')?.slug).toBe('my-tho-30076');
  });

  it('classifies xã, phường and đặc khu from the full name', () => {
    const kinds = groupBy(units.communes, (c) => c.kind);
    expect(kinds.get('dac_khu')?.length).toBe(13);
    for (const c of units.communes) {
      const prefix = { xa: 'Xã ', phuong: 'Phường ', dac_khu: 'Đặc khu ' }[c.kind];
      expect(c.fullName).toBe(`${prefix}${c.name}`);
    }
  });
});
