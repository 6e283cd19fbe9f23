import { describe, expect, it } from 'vitest';
import { userOf } from '../../test-support/roles.ts';
import { ROLES } from '../identity/types.ts';
import { dashboardUnit, defaultReportUnit, mayReadReport, type ReportTarget } from './policy.ts';

const TARGETS: Record<string, ReportTarget> = {
  ownCommune: { level: 'commune', code: '28693', provinceCode: '82' },
  neighbourCommune: { level: 'commune', code: '28696', provinceCode: '82' },
  communeElsewhere: { level: 'commune', code: '00004', provinceCode: '01' },
  ownProvince: { level: 'province', code: '82' },
  otherProvince: { level: 'province', code: '01' },
  national: { level: 'national' },
};

describe('reports policy', () => {
  it('lets each role read the reports of its own scope only; the national total is the administrator’s', () => {
    const matrix = Object.fromEntries(
      ROLES.map((role) => [
        role,
        Object.fromEntries(
          Object.entries(TARGETS).map(([name, target]) => [name, mayReadReport(userOf(role).scope, target)]),
        ),
      ]),
    );
    const commune = {
      ownCommune: true,
      neighbourCommune: false,
      communeElsewhere: false,
      ownProvince: false,
      otherProvince: false,
      national: false,
    };
    expect(matrix).toEqual({
      reception: commune,
      specialist: commune,
      leader: commune,
      province: {
        ownCommune: true,
        neighbourCommune: true,
        communeElsewhere: false,
        ownProvince: true,
        otherProvince: false,
        national: false,
      },
      admin: {
        ownCommune: true,
        neighbourCommune: true,
        communeElsewhere: true,
        ownProvince: true,
        otherProvince: true,
        national: true,
      },
    });
  });

  it('reports on the user’s own unit when none is named; the dashboard of a commune officer is their commune', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, defaultReportUnit(userOf(r))]))).toEqual({
      reception: '28693',
      specialist: '28693',
      leader: '28693',
      province: '82',
      admin: 'all',
    });
    expect(Object.fromEntries(ROLES.map((r) => [r, dashboardUnit(userOf(r), '01', '82')]))).toEqual({
      reception: '28693',
      specialist: '28693',
      leader: '28693',
      province: '01',
      admin: '01',
    });
    expect(dashboardUnit(userOf('province'), undefined, '01')).toBe('82');
    expect(dashboardUnit(userOf('admin'), undefined, '01')).toBe('01');
  });
});
