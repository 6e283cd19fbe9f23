import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import { NAV_GROUP_OF, type NavItem, navEntries, navItems } from './nav-items';

const commune = { code: '29248', name: 'Tân Thới', level: 'commune' as const };
const province = { code: '87', name: 'Đồng Tháp', level: 'province' as const };
const ME: Record<Me['role'], Me> = {
  reception: { username: 'r', fullName: 'R', role: 'reception', unit: commune },
  specialist: { username: 's', fullName: 'S', role: 'specialist', unit: commune },
  leader: { username: 'l', fullName: 'L', role: 'leader', unit: commune },
  province: { username: 'p', fullName: 'P', role: 'province', unit: province },
  admin: { username: 'a', fullName: 'A', role: 'admin', unit: null },
};

function flatten(entries: ReturnType<typeof navEntries>): NavItem[] {
  return entries.flatMap((e) => (e.kind === 'item' ? [e.item] : e.items));
}

describe('the staff header groups its entries', () => {
  for (const [role, me] of Object.entries(ME)) {
    it(`${role}: every entry once, at most eight at the top, no group of one`, () => {
      const items = navItems(me);
      const entries = navEntries(items, true);
      expect(flatten(entries)).toHaveLength(items.length);
      expect(new Set(flatten(entries).map((i) => i.testId))).toEqual(new Set(items.map((i) => i.testId)));
      expect(entries.length).toBeLessThanOrEqual(8);
      for (const e of entries) if (e.kind === 'group') expect(e.items.length).toBeGreaterThanOrEqual(2);
    });
  }

  it('the administrator (most entries) has fewer top entries than entries', () => {
    const items = navItems(ME.admin);
    expect(items.length).toBeGreaterThanOrEqual(12);
    const entries = navEntries(items, true);
    expect(entries.length).toBeLessThan(items.length);
    expect(entries.filter((e) => e.kind === 'group').map((e) => e.kind === 'group' && e.key)).toContain(
      'admin',
    );
  });

  it("a visitor's public entries stand alone; a signed-in user's are grouped", () => {
    const visitor = navEntries(navItems(null), false);
    expect(visitor.every((e) => e.kind === 'item')).toBe(true);
    expect(visitor).toHaveLength(3);
    const staff = navEntries(navItems(ME.specialist), true);
    expect(staff.some((e) => e.kind === 'group' && e.key === 'lookup')).toBe(true);
  });

  it("the reception desk's group takes the counter's calls (/quay) when the entry is added", () => {
    const items = [...navItems(ME.reception), { to: '/quay', labelKey: 'queue:nav', testId: 'nav-counter' }];
    const desk = navEntries(items, true).find((e) => e.kind === 'group' && e.key === 'desk');
    expect(desk?.kind === 'group' && desk.items.map((i) => i.to)).toContain('/quay');
    expect(NAV_GROUP_OF['/quay']).toBe('desk');
  });

  it('the satisfaction figures (/bao-cao/hai-long) sit in the reports group, next to the reports', () => {
    for (const role of ['leader', 'reception', 'province'] as const) {
      const reports = navEntries(navItems(ME[role]), true).find(
        (e) => e.kind === 'group' && e.key === 'reports',
      );
      expect(reports?.kind === 'group' && reports.items.map((i) => i.to)).toEqual(
        expect.arrayContaining(['/bao-cao', '/bao-cao/hai-long']),
      );
    }
    expect(NAV_GROUP_OF['/bao-cao/hai-long']).toBe('reports');
  });
});
