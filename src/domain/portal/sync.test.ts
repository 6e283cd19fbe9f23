import { describe, expect, it } from 'vitest';
import type { PerformedEvent } from '../lifecycle/events.ts';
import { actorTitleOf, portalMessagesOf, unmatchedRefusalMessages } from './sync.ts';

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

describe('the refusal of an unmatched portal dossier', () => {
  it('is a progress entry with the reason, then status 3, under the portal code, dates in Vietnam time', () => {
    const [progress, status] = unmatchedRefusalMessages({
      eventId: 'refusal-0001',
      portalCode: 'G22.82-260105-000999',
      actor: { actorName: 'Nguyễn Thị Lan', actorTitle: 'Cán bộ tiếp nhận', unitName: 'UBND xã Tân Thới' },
      at: new Date('2026-01-05T03:00:00Z'),
      reason: 'Không thuộc thẩm quyền giải quyết của xã',
      submittedAt: new Date('2026-01-05T01:15:00Z'),
    });
    expect(progress).toEqual({
      call: 'progress',
      eventId: 'refusal-0001',
      TienTrinh: {
        MaHoSo: 'G22.82-260105-000999',
        NguoiXuLy: 'Nguyễn Thị Lan',
        ChucDanh: 'Cán bộ tiếp nhận',
        ThoiDiemXuLy: '20260105100000',
        PhongBanXuLy: 'UBND xã Tân Thới',
        NoiDungXuLy: 'Từ chối tiếp nhận hồ sơ: Không thuộc thẩm quyền giải quyết của xã',
        TrangThai: 3,
        NgayBatDau: '20260105081500',
        NgayKetThucTheoQuyDinh: undefined,
      },
    });
    expect(status).toEqual({
      call: 'status',
      eventId: 'refusal-0001.2',
      TrangThai: { MaHoSo: 'G22.82-260105-000999', TrangThaiHoSo: 3, ThoiDiem: '20260105100000' },
    });
  });
});
