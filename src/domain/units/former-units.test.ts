import { describe, expect, it } from 'vitest';
import { type FormerUnit, matchUnitName, searchNames, splitUnitName, unitSearchKey } from './former-units.ts';

describe('unit names for search', () => {
  it('folds diacritics, đ, case and punctuation', () => {
    expect(unitSearchKey('  Xã  Tân Thới ')).toBe('xa tan thoi');
    expect(unitSearchKey('Đắk Lắk')).toBe('dak lak');
    expect(unitSearchKey('Ia-Mơ')).toBe('ia mo');
    expect(unitSearchKey('%_%')).toBe('');
  });

  it('splits the kind of unit from the name', () => {
    expect(splitUnitName('Thị trấn Ba Chẽ')).toEqual({ kind: 'thi tran', bare: 'ba che' });
    expect(splitUnitName('Thành phố Hồ Chí Minh')).toEqual({ kind: 'thanh pho', bare: 'ho chi minh' });
    expect(splitUnitName('Phường 1')).toEqual({ kind: 'phuong', bare: '1' });
    expect(splitUnitName('tan thoi')).toEqual({ kind: '', bare: 'tan thoi' });
    expect(splitUnitName('Xã')).toEqual({ kind: '', bare: 'xa' });
  });

  it('matches exact, prefix and a later word, and keeps to a named kind', () => {
    expect(matchUnitName('Xã Tân Thới', 'tan thoi')).toBe('exact');
    expect(matchUnitName('Xã Tân Thới', 'XÃ TÂN THỚI')).toBe('exact');
    expect(matchUnitName('Phường Tân Thới Hiệp', 'tan thoi')).toBe('prefix');
    expect(matchUnitName('Phường Tân Thới Hiệp', 'thoi hi')).toBe('contains');
    expect(matchUnitName('Xã Tân Thới', 'hoi')).toBeUndefined();
    expect(matchUnitName('Huyện Tân Phú Đông', 'xa tan phu dong')).toBeUndefined();
    expect(matchUnitName('Huyện Tân Phú Đông', 'huyen tan phu')).toBe('prefix');
    expect(matchUnitName('Xã Tân Thới', '!!!')).toBeUndefined();
  });
});

describe('searchNames', () => {
  const former = (code: string, name: string, districtCode: string, provinceCode: string): FormerUnit => ({
    communeCode: '28693',
    level: 'commune',
    formerCode: code,
    name,
    districtCode,
    districtName: `Huyện ${districtCode}`,
    provinceCode,
    provinceName: `Tỉnh ${provinceCode}`,
    merge: 'full',
    confidence: 'high',
  });

  it('lists the commune, its province, each former commune and each former district and province once', () => {
    const names = searchNames(
      [{ code: '28693', fullName: 'Xã Tân Thới', provinceCode: '82' }],
      new Map([['82', 'Tỉnh Đồng Tháp']]),
      [former('28690', 'Xã Tân Thới', '825', '82'), former('28699', 'Xã Tân Thạnh', '825', '82')],
    );
    expect(names.map((n) => [n.level, n.isFormer, n.code, n.name, n.context])).toEqual([
      ['commune', false, '28693', 'Xã Tân Thới', 'Tỉnh Đồng Tháp'],
      ['province', false, '82', 'Tỉnh Đồng Tháp', ''],
      ['commune', true, '28690', 'Xã Tân Thới', 'Huyện 825, Tỉnh 82'],
      ['commune', true, '28699', 'Xã Tân Thạnh', 'Huyện 825, Tỉnh 82'],
      ['district', true, '825', 'Huyện 825', 'Tỉnh 82'],
      ['province', true, '82', 'Tỉnh 82', ''],
    ]);
    expect(names[3]).toMatchObject({ kind: 'xa', bare: 'tan thanh' });
  });

  it('names an island district without communes once, as a district', () => {
    const island: FormerUnit = { ...former('318', 'Huyện Bạch Long Vĩ', '318', '31'), level: 'district' };
    const names = searchNames(
      [{ code: '28693', fullName: 'Đặc khu Bạch Long Vĩ', provinceCode: '31' }],
      new Map(),
      [island],
    );
    expect(names.filter((n) => n.isFormer).map((n) => n.level)).toEqual(['district', 'province']);
  });
});
