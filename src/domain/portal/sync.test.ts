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
      action: 'request_payment',
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

  it('an action that changes what the portal holds ends with the refreshed dossier, and needs its view', () => {
    const e = {
      ...base,
      action: 'return_result',
      fromStatus: 9,
      toStatus: 10,
      returnMethod: 'counter',
    } as PerformedEvent;
    expect(() => portalMessagesOf(e, actor)).toThrow(/needs the dossier view/);
    const view = {
      ...actor,
      portalCode: 'G22.82-260105-000311',
      dossier: {
        code: base.dossierCode,
        status: 10 as const,
        channel: 'online' as const,
        unit: { code: '28693', name: 'UBND xã Tân Thới' },
        procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
        applicant: {
          fullName: 'Trần Văn Bình',
          idNumber: '082088004521',
          phone: '0907123456',
          address: 'x',
          email: null,
        },
        subject: 'Đăng ký khai sinh',
        returnMethod: 'counter' as const,
        documents: [],
        attachments: [],
        receivedAt: '2026-01-05T02:00:00Z',
        dueAt: '2026-01-07T02:00:00Z',
        processingEndedAt: '2026-01-05T02:30:00Z',
        returnedAt: '2026-01-05T03:00:00Z',
        result: null,
      },
      context: { field: { code: 'HT', name: 'Hộ tịch' }, fees: [] },
    };
    const m = portalMessagesOf(e, view);
    expect(m.map((x) => [x.call, x.eventId])).toEqual([
      ['progress', base.id],
      ['status', `${base.id}.2`],
      ['dossier', `${base.id}.3`],
    ]);
    // A dossier that came from the portal keeps the portal's code in every message.
    expect(
      m.map(
        (x) => (x.call === 'dossier' ? x.HoSo : x.call === 'progress' ? x.TienTrinh : x.TrangThai).MaHoSo,
      ),
    ).toEqual(['G22.82-260105-000311', 'G22.82-260105-000311', 'G22.82-260105-000311']);
    expect(m[2]).toMatchObject({ HoSo: { TrangThaiHoSo: 10, NgayTra: '20260105100000' } });
  });
});
