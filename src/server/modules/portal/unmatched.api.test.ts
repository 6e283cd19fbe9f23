import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalOnlineDossier } from '../../../domain/portal/contract.ts';
import { type StandInProcess, startStandInProcess } from '../../../standins/spawn.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { deliverDue } from '../integration/outbox.ts';
import { fetchInboundOnlineDossiers } from './inbound.ts';

/*
 * Unmatched online dossiers from the portal stand-in process, on both databases: an officer maps one
 * to a procedure of the commune (it enters the online queue once, however many click at once) or
 * refuses one (the portal hears status 3 with the reason); the files of a taken dossier are fetched
 * from the portal's file service through the outbox, after injected 5xx, once.
 */

const PDF = Buffer.from('%PDF-1.4\n% giay chung sinh\n%%EOF\n');
const TEXT = Buffer.from('not a pdf at all');

let portal: StandInProcess;
beforeAll(async () => {
  portal = await startStandInProcess('portal');
});
afterAll(async () => portal?.stop());

function online(n: number, over: Partial<PortalOnlineDossier> = {}): PortalOnlineDossier {
  return {
    IdHoSoCong: `DVCQG-UNMATCHED-${n}`,
    MaHoSo: `G22.82-260105-0009${String(n).padStart(2, '0')}`,
    MaTTHC: '9.999999',
    TenTTHC: 'Thủ tục chưa có trong danh mục của xã',
    MaDonVi: '28693',
    ChuHoSo: 'Phạm Thị Thu Trang',
    SoGiayToChuHoSo: '082190001234',
    SoDienThoai: '0901234567',
    Email: '',
    DiaChi: 'Ấp Tân Phú, xã Tân Thới',
    TrichYeuHoSo: 'Đề nghị giải quyết',
    NgayNopHoSo: `2026010508${String(n).padStart(2, '0')}00`,
    TrangThaiHoSo: 1,
    TaiKhoanDuocXacThucVoiVNeID: 1,
    TaiLieuNop: [],
    ...over,
  };
}

interface Received {
  call: string;
  MaHoSo: string;
  TrangThai?: number;
  body: { NoiDungXuLy?: string };
}

describe.each(databaseKinds())('unmatched portal dossiers on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2026-01-05T04:00:00Z');
  const staff: Record<string, string> = {};
  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => clock,
      env: { MOTCUA_PORTAL_URL: portal.url, MOTCUA_LINK_TIMEOUT_MS: '20000' },
    });
    for (const who of [
      'reception.tan-thoi',
      'leader.tan-thoi',
      'specialist.tan-thoi',
      'reception.tan-phu-dong',
      'admin',
    ])
      staff[who] = await s.login(who);
    await portal.reset();
    await portal.clearFaults();
    await portal.command('online', {
      dossiers: [
        online(1, {
          TaiLieuNop: [
            {
              TenTepDinhKem: 'giay-chung-sinh.pdf',
              MaThanhPhanHoSo: 'giay-chung-sinh',
              DuongDanTaiTepTin: '/api/tep-tin/tep-u1',
            },
          ],
        }),
        online(2),
        online(3, { MaDonVi: '28699', MaTTHC: '1.001193', TenTTHC: 'Đăng ký khai sinh' }),
        online(4),
        online(5, {
          TaiLieuNop: [
            {
              TenTepDinhKem: 'to-khai.pdf',
              MaThanhPhanHoSo: 'to-khai',
              DuongDanTaiTepTin: '/api/tep-tin/tep-u5',
            },
          ],
        }),
      ],
      files: [
        {
          IdTepTin: 'tep-u1',
          TenTep: 'giay-chung-sinh.pdf',
          LoaiTep: 'application/pdf',
          NoiDung: PDF.toString('base64'),
        },
        // Claims to be a PDF and is not: refused by the type check.
        {
          IdTepTin: 'tep-u5',
          TenTep: 'to-khai.pdf',
          LoaiTep: 'application/pdf',
          NoiDung: TEXT.toString('base64'),
        },
      ],
    });
    const fetched = await fetchInboundOnlineDossiers(s.ctx, '28693');
    expect(fetched).toMatchObject({ added: 7, queued: 2, unknownProcedure: 4, unitMismatch: 1, invalid: 0 });
  });
  afterAll(async () => s?.close());

  const post = (who: string, portalId: string, action: 'map' | 'refuse', payload: Record<string, unknown>) =>
    s.request({
      method: 'POST',
      url: `/api/v1/integration/portal/unmatched/${encodeURIComponent(portalId)}/${action}`,
      headers: { cookie: staff[who]! },
      payload,
    });
  const unmatched = async () =>
    (
      await s.request({
        url: '/api/v1/integration/portal/unmatched?unitCode=28693',
        headers: { cookie: staff['reception.tan-thoi']! },
      })
    ).json().items as Array<{
      portalId: string;
      reason: string;
      applicantName: string;
      portalUnitCode: string;
    }>;
  const taken = (portalId: string) =>
    s.query<{ code: string; procedure_code: string; status: number }>(
      `SELECT code, procedure_code, status FROM dossiers WHERE unit_code = '28693' AND portal_id = $1`,
      [portalId],
    );
  const drain = async () => {
    for (let i = 0; i < 12; i++) {
      const r = await deliverDue(s.database.db, {
        senders: {},
        portal: s.ctx.links.portal,
        files: s.ctx.files,
        now: () => clock,
        random: () => 0,
        batch: 100,
      });
      // Past any backoff before the next round.
      clock = new Date(clock.getTime() + 3_600_000);
      if (r.sent === 0 && r.failed === 0) return;
    }
  };

  it('lists them with why, the applicant masked', async () => {
    const items = await unmatched();
    expect(items.map((i) => [i.portalId, i.reason, i.portalUnitCode])).toEqual([
      ['DVCQG-UNMATCHED-1', 'unknown_procedure', '28693'],
      ['DVCQG-UNMATCHED-2', 'unknown_procedure', '28693'],
      ['DVCQG-UNMATCHED-3', 'unit_mismatch', '28699'],
      ['DVCQG-UNMATCHED-4', 'unknown_procedure', '28693'],
      ['DVCQG-UNMATCHED-5', 'unknown_procedure', '28693'],
    ]);
    expect(items.every((i) => i.applicantName === 'Phạm T*** T*** T***')).toBe(true);
  });

  it('maps one into the online queue once when two officers click at once; its file arrives after injected 5xx, once', async () => {
    const body = { unitCode: '28693', procedureCode: '1.001193' };
    const answers = await Promise.all([
      post('reception.tan-thoi', 'DVCQG-UNMATCHED-1', 'map', body),
      post('leader.tan-thoi', 'DVCQG-UNMATCHED-1', 'map', body),
      post('reception.tan-thoi', 'DVCQG-UNMATCHED-1', 'map', body),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const lost = answers.filter((a) => a.statusCode === 409);
    for (const a of lost) {
      expect(a.headers['content-type']).toMatch(/problem\+json/);
      expect(a.json()).toMatchObject({
        code: 'INBOUND_ALREADY_HANDLED',
        title: expect.stringMatching(/đã được xử lý/),
      });
    }
    const won = answers.find((a) => a.statusCode === 200)!.json();
    const rows = await taken('DVCQG-UNMATCHED-1');
    expect(rows).toEqual([{ code: won.dossierCode, procedure_code: '1.001193', status: 1 }]);
    // In the same online queue the matched ones are in.
    const queue = await s.request({
      url: '/api/v1/queues/online',
      headers: { cookie: staff['reception.tan-thoi']! },
    });
    expect(queue.json().items.map((q: { code: string }) => q.code)).toContain(won.dossierCode);
    expect((await unmatched()).map((i) => i.portalId)).not.toContain('DVCQG-UNMATCHED-1');
    // Recorded on the row: who mapped it to what.
    const [row] = await s.query<{ state: string; mapped_procedure_code: string; handled_by: string | null }>(
      `SELECT state, mapped_procedure_code, handled_by FROM inbound_online_dossiers WHERE unit_code = '28693' AND portal_id = 'DVCQG-UNMATCHED-1'`,
    );
    expect(row).toMatchObject({
      state: 'taken',
      mapped_procedure_code: '1.001193',
      handled_by: expect.any(String),
    });
    // Nothing numbered twice: one tracking-book row for it.
    const book = await s.query(
      `SELECT 1 FROM tracking_book WHERE unit_code = '28693' AND dossier_code = $1`,
      [won.dossierCode],
    );
    expect(book).toHaveLength(1);

    // The file: the portal's file service fails twice (503), then serves it.
    const view = async () =>
      (
        await s.request({
          url: `/api/v1/dossiers/${won.dossierCode}`,
          headers: { cookie: staff['reception.tan-thoi']! },
        })
      ).json();
    expect((await view()).portalFiles).toEqual([
      expect.objectContaining({
        fileName: 'giay-chung-sinh.pdf',
        componentId: 'giay-chung-sinh',
        state: 'pending',
      }),
    ]);
    await portal.setFaults({ mode: 'status', status: 503, times: 2, pathPrefix: '/api/tep-tin' });
    await drain();
    await drain();
    const after = await view();
    expect(after.portalFiles).toEqual([
      expect.objectContaining({ fileName: 'giay-chung-sinh.pdf', state: 'fetched', lastError: null }),
    ]);
    expect(after.attachments).toEqual([
      expect.objectContaining({
        fileName: 'giay-chung-sinh.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
      }),
    ]);
    const state = await portal.state<{
      faults: { applied: number };
      fileDownloads: Array<{ IdTepTin: string }>;
    }>();
    expect(state.faults.applied).toBe(2);
    expect(state.fileDownloads.filter((d) => d.IdTepTin === 'tep-u1')).toHaveLength(1);
    const attempts = await s.query<{ ok: boolean }>(
      `SELECT a.ok FROM link_attempts a JOIN outbox o ON o.unit_code = a.unit_code AND o.id = a.message_id
       WHERE o.dossier_code = $1 AND o.kind = 'portal_file' ORDER BY a.at`,
      [won.dossierCode],
    );
    expect(attempts.map((a) => a.ok)).toEqual([false, false, true]);
    const download = await s.request({
      url: `/api/v1/dossiers/${won.dossierCode}/attachments/${after.attachments[0].id}`,
      headers: { cookie: staff['reception.tan-thoi']! },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    await portal.clearFaults();
  });

  it('refuses one with a reason: the portal receives the progress entry and status 3, once', async () => {
    const res = await post('leader.tan-thoi', 'DVCQG-UNMATCHED-2', 'refuse', {
      unitCode: '28693',
      reason: 'Thủ tục không thuộc thẩm quyền giải quyết của UBND xã',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ portalId: 'DVCQG-UNMATCHED-2', state: 'refused', dossierCode: null });
    const again = await post('reception.tan-thoi', 'DVCQG-UNMATCHED-2', 'refuse', {
      unitCode: '28693',
      reason: 'Lần hai',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INBOUND_ALREADY_HANDLED');
    const map = await post('reception.tan-thoi', 'DVCQG-UNMATCHED-2', 'map', {
      unitCode: '28693',
      procedureCode: '1.001193',
    });
    expect(map.json().code).toBe('INBOUND_ALREADY_HANDLED');
    expect(await taken('DVCQG-UNMATCHED-2')).toEqual([]);

    await portal.setFaults({ mode: 'status', status: 502, times: 1, pathPrefix: '/api/ho-so' });
    await drain();
    await portal.clearFaults();
    const state = await portal.state<{
      received: Received[];
      duplicates: unknown[];
      decided: Record<string, number>;
    }>();
    const code = 'G22.82-260105-000902';
    const mine = state.received.filter((r) => r.MaHoSo === code);
    expect(mine.map((r) => [r.call, r.TrangThai])).toEqual([
      ['progress', 3],
      ['status', 3],
    ]);
    expect(mine[0]!.body.NoiDungXuLy).toBe(
      'Từ chối tiếp nhận hồ sơ: Thủ tục không thuộc thẩm quyền giải quyết của UBND xã',
    );
    expect(state.decided[code]).toBe(3);
    expect(state.duplicates).toEqual([]);
    const sent = await s.query<{ sent: boolean }>(
      `SELECT sent_at IS NOT NULL AS sent FROM outbox WHERE unit_code = '28693' AND dossier_code = $1`,
      [code],
    );
    expect(sent).toEqual([{ sent: true }, { sent: true }]);
  });

  it('answers bad input with problem+json codes and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossiers WHERE unit_code = '28693'`)
        )[0]!.n,
      );
    const before = await count();
    const outboxBefore = (await s.query(`SELECT 1 FROM outbox`)).length;
    const expectProblem = async (res: Awaited<ReturnType<typeof post>>, status: number, code: string) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json()).toMatchObject({ code, title: expect.stringMatching(/\p{L}/u) });
    };
    const id = 'DVCQG-UNMATCHED-4';
    await expectProblem(
      await post('reception.tan-thoi', id, 'refuse', { unitCode: '28693', reason: '   ' }),
      422,
      'REASON_REQUIRED',
    );
    await expectProblem(
      await post('reception.tan-thoi', id, 'refuse', { unitCode: '28693', reason: 'Lý do\u0000ẩn' }),
      422,
      'VALIDATION_FAILED',
    );
    await expectProblem(
      await post('reception.tan-thoi', id, 'map', { unitCode: '28693', procedureCode: '1.0011\u000093' }),
      422,
      'VALIDATION_FAILED',
    );
    await expectProblem(
      await post('reception.tan-thoi', id, 'map', { unitCode: '28693', procedureCode: '0.000000' }),
      422,
      'PROCEDURE_UNKNOWN',
    );
    // A procedure of the national catalogue only Tân Phú Đông lists.
    await s.query(
      `INSERT INTO procedures SELECT (jsonb_populate_record(NULL::procedures, to_jsonb(p) || '{"code": "9.000001"}'::jsonb)).*
       FROM procedures p WHERE code = '1.001193'`,
    );
    await s.query(
      `INSERT INTO unit_procedures (unit_code, procedure_code, position) VALUES ('28696', '9.000001', 999)`,
    );
    const elsewhere = { code: '9.000001' };
    await expectProblem(
      await post('reception.tan-thoi', id, 'map', { unitCode: '28693', procedureCode: elsewhere!.code }),
      422,
      'PROCEDURE_OTHER_UNIT',
    );
    await expectProblem(
      await post('reception.tan-thoi', 'DVCQG-NO-SUCH', 'map', {
        unitCode: '28693',
        procedureCode: '1.001193',
      }),
      404,
      'INBOUND_NOT_FOUND',
    );
    // Another commune's officer, a specialist and the administrator may not act on it.
    await expectProblem(
      await post('reception.tan-phu-dong', id, 'map', { unitCode: '28693', procedureCode: '1.001193' }),
      403,
      'FORBIDDEN',
    );
    await expectProblem(
      await post('specialist.tan-thoi', id, 'refuse', { unitCode: '28693', reason: 'x' }),
      403,
      'FORBIDDEN',
    );
    await expectProblem(
      await post('admin', id, 'refuse', { unitCode: '28693', reason: 'x' }),
      403,
      'FORBIDDEN',
    );
    // The portal named a former commune: the officer must confirm it is theirs.
    await expectProblem(
      await post('reception.tan-thoi', 'DVCQG-UNMATCHED-3', 'map', {
        unitCode: '28693',
        procedureCode: '1.001193',
      }),
      422,
      'INBOUND_UNIT_UNCONFIRMED',
    );
    expect(await count()).toBe(before);
    expect((await s.query(`SELECT 1 FROM outbox`)).length).toBe(outboxBefore);
    expect((await unmatched()).map((i) => i.portalId)).toContain(id);

    const confirmed = await post('reception.tan-thoi', 'DVCQG-UNMATCHED-3', 'map', {
      unitCode: '28693',
      procedureCode: '1.001193',
      unitConfirmed: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await taken('DVCQG-UNMATCHED-3')).toHaveLength(1);
  });

  it('a file that is not what it claims leaves the dossier whole and the file failed, with the reason', async () => {
    const res = await post('reception.tan-thoi', 'DVCQG-UNMATCHED-5', 'map', {
      unitCode: '28693',
      procedureCode: '1.001193',
    });
    expect(res.statusCode, res.body).toBe(200);
    await drain();
    const view = (
      await s.request({
        url: `/api/v1/dossiers/${res.json().dossierCode}`,
        headers: { cookie: staff['reception.tan-thoi']! },
      })
    ).json();
    expect(view.status).toBe(1);
    expect(view.attachments).toEqual([]);
    expect(view.portalFiles).toEqual([
      expect.objectContaining({
        fileName: 'to-khai.pdf',
        state: 'failed',
        attempts: 1,
        lastError: expect.stringMatching(/không phải PDF/),
      }),
    ]);
  });
});
