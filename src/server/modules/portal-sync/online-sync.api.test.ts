import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandInProcess, startStandInProcess } from '../../../standins/spawn.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { deliverDue } from '../integration/outbox.ts';

/*
 * A dossier filed online follows its whole lifecycle on the portal stand-in process: the create at
 * filing (status 1), then every progress entry, status and refreshed dossier, in order, exactly once;
 * its files uploaded before the dossier that names them. Both databases.
 */

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
const PDF = Buffer.from('%PDF-1.4\n% ket qua\n%%EOF\n').toString('base64');

let portal: StandInProcess;
beforeAll(async () => {
  portal = await startStandInProcess('portal');
});
afterAll(async () => portal?.stop());

interface Received {
  seq: number;
  call: string;
  MaHoSo: string;
  MaSuKien: string;
  TrangThai?: number;
  body: Record<string, unknown> & {
    TaiLieuNop?: Array<{ TenTepDinhKem: string; DuongDanTaiTepTin: string }>;
    DanhSachGiayToKetQua?: Array<{ DuongDanTepTinKetQua: string }>;
    DanhSachHoSoBoSung?: unknown[];
  };
}

describe.each(databaseKinds())('an online dossier synchronised with the portal on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2026-01-05T02:00:00Z');
  let citizen: string;
  const staff: Record<string, string> = {};

  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => clock,
      env: { MOTCUA_PORTAL_URL: portal.url, MOTCUA_LINK_TIMEOUT_MS: '3000' },
    });
    for (const who of ['reception', 'specialist', 'leader']) staff[who] = await s.login(`${who}.tan-thoi`);
    // A signed-in citizen (the sign-in itself is tested in citizen.api.test.ts).
    const token = randomBytes(32).toString('base64url');
    await s.query(
      `INSERT INTO citizen_sessions (token_hash, subject, personal_id, full_name, birth_date, verified, created_at, expires_at)
       VALUES ($1, 'sub-ngoc', '082195001234', 'Trần Thị Ngọc', '1995-03-04', true, now(), now() + interval '1 day')`,
      [createHash('sha256').update(`citizen:${token}`).digest('base64url')],
    );
    citizen = `motcua_citizen=${token}`;
  });
  afterAll(async () => s?.close());

  const tick = (minutes = 30) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  const act = async (who: string, code: string, payload: Record<string, unknown>) => {
    tick();
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: staff[who]! },
      payload,
    });
    expect(res.statusCode, `${payload.action}: ${res.body}`).toBe(200);
    // The action answers from its transaction's rows, its portal messages counted in: as a read shows it.
    const read = await s.request({
      method: 'GET',
      url: `/api/v1/dossiers/${code}`,
      headers: { cookie: staff[who]! },
    });
    expect(res.json(), `${payload.action}`).toEqual(read.json());
  };
  const drain = async () => {
    for (let i = 0; i < 20; i++) {
      const r = await deliverDue(s.database.db, {
        senders: {},
        portal: s.ctx.links.portal,
        files: s.ctx.files,
        now: () => clock,
        batch: 100,
      });
      if (r.sent === 0 && r.failed === 0) return;
    }
  };

  it('sends the create at filing, then every message of the lifecycle in order and once; sync ends synced', async () => {
    await portal.reset();
    const filed = await s.request({
      method: 'POST',
      url: '/api/v1/citizen/dossiers',
      headers: { cookie: citizen },
      payload: {
        procedureCode: '1.004873',
        unitCode: '28693',
        formVersion: 1,
        answers: {
          requester: {
            fullName: 'Trần Thị Ngọc',
            dateOfBirth: '1995-03-04',
            sex: 'nu',
            ethnicity: 'Kinh',
            nationality: 'Việt Nam',
            personalId: '082195001234',
            residence: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
            phone: '0912345678',
          },
          status: { current: 'single', purpose: 'marriage', partnerName: 'Lê Văn Bình' },
          previousResidences: [],
          declaration: { commitment: true },
        },
        contact: { phone: '0912345678', address: 'Ấp Tân Phú, xã Tân Thới', email: 'ngoc@example.vn' },
        documents: [
          {
            documentId: 'to-khai-xac-nhan-tthn',
            fileName: 'to-khai.jpg',
            contentType: 'image/jpeg',
            dataBase64: JPEG,
          },
        ],
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const code = filed.json().code as string;
    // Delivered at once: the portal has the dossier before reception decides on it.
    await drain();

    await act('reception', code, {
      action: 'request_pre_supplement',
      reason: 'Ảnh tờ khai bị mờ',
      items: [{ name: 'Tờ khai (ảnh rõ)' }],
    });
    tick();
    const sup = await s.request({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/supplement`,
      headers: { cookie: citizen },
      payload: {
        note: 'Đã chụp lại',
        documents: [
          {
            documentId: 'to-khai-xac-nhan-tthn',
            fileName: 'to-khai-2.png',
            contentType: 'image/png',
            dataBase64: PNG,
          },
        ],
      },
    });
    expect(sup.statusCode, sup.body).toBe(200);
    await act('reception', code, { action: 'accept' });
    await act('reception', code, { action: 'transfer' });
    await act('specialist', code, { action: 'assign', assignee: 'specialist.tan-thoi' });
    await act('specialist', code, {
      action: 'request_supplement',
      reason: 'Thiếu giấy xác nhận cư trú',
      items: [{ name: 'Giấy xác nhận cư trú', originals: 1, certifiedCopies: 0, photocopies: 0 }],
    });
    await act('reception', code, { action: 'supplement_received' });
    await act('specialist', code, { action: 'complete_step' });
    await act('leader', code, { action: 'complete_step' });
    await act('leader', code, {
      action: 'issue_result',
      resultFile: { fileName: 'xac-nhan.pdf', contentType: 'application/pdf', dataBase64: PDF },
    });
    await act('reception', code, { action: 'return_result' });
    await drain();

    const sent = await s.query<{
      payload: { call: string; eventId: string };
      sent: boolean;
      last_error: string | null;
    }>(
      `SELECT payload, sent_at IS NOT NULL AS sent, last_error FROM outbox WHERE kind = 'portal' AND dossier_code = $1 ORDER BY seq`,
      [code],
    );
    expect(sent.filter((r) => !r.sent).map((r) => r.last_error)).toEqual([]);
    const state = await portal.state<{
      received: Received[];
      duplicates: unknown[];
      uploads: Array<{ seq: number; IdTepTin: string; TenTep: string }>;
    }>();
    const mine = state.received.filter((r) => r.MaHoSo === code);
    // In the order motcua wrote them, each once.
    expect(mine.map((r) => [r.call, r.MaSuKien])).toEqual(
      sent.map((r) => [r.payload.call, r.payload.eventId]),
    );
    expect(state.duplicates).toEqual([]);
    // The create at filing (status 1, online channel), the statuses of the whole lifecycle after it.
    expect(mine[0]).toMatchObject({ call: 'dossier', TrangThai: 1, body: { KenhThucHien: 2 } });
    expect(mine.filter((r) => r.call === 'status').map((r) => r.TrangThai)).toEqual([2, 4, 5, 4, 9, 10]);
    // Refreshed after acceptance, supplements, result and return: the last copy is the final dossier.
    const copies = mine.filter((r) => r.call === 'dossier');
    expect(copies.length).toBeGreaterThanOrEqual(6);
    const last = copies.at(-1)!.body;
    expect(last).toMatchObject({ TrangThaiHoSo: 10, NgayTra: expect.stringMatching(/^\d{14}$/) });
    expect(last.DanhSachHoSoBoSung).toHaveLength(1);
    // Every file named in a dossier was uploaded before that dossier arrived, and is named by the portal's address.
    for (const copy of copies) {
      const urls = [
        ...(copy.body.TaiLieuNop ?? []).map((t) => t.DuongDanTaiTepTin).filter(Boolean),
        ...(copy.body.DanhSachGiayToKetQua ?? []).map((k) => k.DuongDanTepTinKetQua),
      ];
      for (const url of urls) {
        const id = /\/api\/tep-tin\/([0-9a-f-]+)$/.exec(url)?.[1];
        const upload = state.uploads.find((u) => u.IdTepTin === id);
        expect(upload, url).toBeDefined();
        expect(upload!.seq).toBeLessThan(copy.seq);
      }
    }
    expect(last.TaiLieuNop!.filter((t) => t.DuongDanTaiTepTin).map((t) => t.TenTepDinhKem)).toEqual([
      'to-khai.jpg',
      'to-khai-2.png',
    ]);
    expect(last.DanhSachGiayToKetQua).toHaveLength(1);
    // Each file uploaded once, however many copies named it.
    expect(state.uploads.map((u) => u.TenTep).sort()).toEqual([
      'to-khai-2.png',
      'to-khai.jpg',
      'xac-nhan.pdf',
    ]);

    const view = await s.request({ url: `/api/v1/dossiers/${code}`, headers: { cookie: staff.reception! } });
    expect(view.json().sync).toMatchObject({ state: 'synced', lastError: null });
  });
});
