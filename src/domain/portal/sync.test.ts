import { describe, expect, it } from 'vitest';
import type { PerformedEvent } from '../lifecycle/events.ts';
import { actorTitleOf, portalMessagesOf } from './sync.ts';

const base = {
  type: 'performed' as const,
  id: '0f6b2a36-3c1e-4c43-9b65-0d1f0b6c2a11',
  unitCode: '28693',
  dossierCode: 'H82.050-260105-0001',
  at: new Date('2026-01-05T03:00:00Z'),
  actorUserId: null,
  actorRole: 'specialist',
  requestId: null,
  reason: null,
};
const actor = {
  actorName: 'Nguyễn Thị Lan',
  actorTitle: actorTitleOf('specialist'),
  unitName: 'UBND xã Tân Thới',
};

describe('portal messages of a dossier event', () => {
  it('an action that keeps the status sends only its progress entry, with the event id', () => {
    const e = { ...base, action: 'assign', fromStatus: 4, toStatus: 4, assignee: 'x' } as PerformedEvent;
    const m = portalMessagesOf(e, actor);
    expect(m.map((x) => [x.call, x.eventId])).toEqual([['progress', base.id]]);
    expect(m[0]).toMatchObject({
      TienTrinh: {
        MaHoSo: base.dossierCode,
        ThoiDiemXuLy: '20260105100000',
        TrangThai: 4,
        ChucDanh: 'Chuyên viên',
      },
    });
  });

  it('a change of status adds a status update after the progress entry, under a distinct id', () => {
    const e = {
      ...base,
      action: 'stop',
      fromStatus: 4,
      toStatus: 6,
      reason: 'Hồ sơ không đủ điều kiện',
    } as PerformedEvent;
    const m = portalMessagesOf(e, actor);
    expect(m.map((x) => [x.call, x.eventId])).toEqual([
      ['progress', base.id],
      ['status', `${base.id}.2`],
    ]);
    expect(m[0]).toMatchObject({
      TienTrinh: { NoiDungXuLy: expect.stringContaining('Hồ sơ không đủ điều kiện') },
    });
    expect(m[1]).toMatchObject({ TrangThai: { TrangThaiHoSo: 6 } });
  });
});
