import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PortalMessage } from '../../../domain/portal/contract.ts';
import { toPortalProgress, toPortalStatus } from '../../../domain/portal/payload.ts';
import { type StandInProcess, startStandInProcess } from '../../../standins/spawn.ts';
import { LinkError } from '../../lib/http-link.ts';
import { createPortalClient, type PortalClient } from './client.ts';

/* The DVCQG client against the portal stand-in running as its own process. */

const DOSSIER = {
  MaHoSo: 'H82.050-260105-0001',
  MaTTHC: '2.000815',
  TenTTHC: 'Chứng thực bản sao từ bản chính',
  MaLinhVuc: 'CT',
  TenLinhVuc: 'Chứng thực',
  KenhThucHien: 1,
  ChuHoSo: 'Nguyễn Thị Hồng Nhung',
  LoaiDoiTuong: 1,
  MaDoiTuong: '082195001234',
  SoGiayToChuHoSo: '082195001234',
  SoDienThoai: '0912345678',
  Email: '',
  TrichYeuHoSo: 'Chứng thực bản sao',
  NgayNopHoSo: '20260105080000',
  NgayTiepNhan: '20260105080000',
  NgayHenTra: '20260105170000',
  TrangThaiHoSo: 2,
  HinhThuc: 0,
  DonViXuLy: 'Xã Tân Thới',
  NoiNopHoSo: 'Xã Tân Thới',
  HoSoCoThanhPhanSoHoa: 0,
  TaiKhoanDuocXacThucVoiVNeID: 0,
  DuocThanhToanTrucTuyen: 0,
  DinhDanhCHS: [],
  DSKetNoiCSDL: [],
  TaiLieuNop: [],
  DanhSachLePhi: [],
  DanhSachHoSoBoSung: [],
  DanhSachGiayToKetQua: [],
} as const;

const dossierMessage = (eventId: string): PortalMessage => ({
  call: 'dossier',
  eventId,
  HoSo: {
    ...DOSSIER,
    DinhDanhCHS: [],
    DSKetNoiCSDL: [],
    TaiLieuNop: [],
    DanhSachLePhi: [],
    DanhSachHoSoBoSung: [],
    DanhSachGiayToKetQua: [],
  },
});

async function failure(p: Promise<unknown>): Promise<LinkError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LinkError) return err;
    throw err;
  }
  throw new Error('expected a LinkError');
}

let standIn: StandInProcess;
let client: PortalClient;

beforeAll(async () => {
  standIn = await startStandInProcess('portal');
  client = createPortalClient({
    baseUrl: standIn.url,
    clientId: 'motcua-demo',
    clientSecret: 'motcua-demo-secret',
    timeoutMs: 1_500,
  });
});
afterAll(async () => {
  await client?.close();
  await standIn?.stop();
});
beforeEach(async () => {
  await standIn.clearFaults();
  await standIn.reset();
});

describe('portal client against the stand-in process', () => {
  it('delivers a dossier, its progress and status; a repeated event is a duplicate, recorded once', async () => {
    expect(await client.deliver(dossierMessage('ev-0000001'))).toBe('created');
    expect(
      await client.deliver({
        call: 'progress',
        eventId: 'ev-0000002',
        TienTrinh: toPortalProgress({
          code: DOSSIER.MaHoSo,
          actorName: 'Huỳnh Văn Đức',
          actorTitle: 'Công chức Tư pháp - Hộ tịch',
          unitName: 'Xã Tân Thới',
          at: '2026-01-05T02:00:00Z',
          content: 'Thẩm định hồ sơ',
          status: 4,
        }),
      }),
    ).toBe('accepted');
    expect(
      await client.deliver({
        call: 'status',
        eventId: 'ev-0000003',
        TrangThai: toPortalStatus(DOSSIER.MaHoSo, 4, '2026-01-05T02:00:00Z'),
      }),
    ).toBe('accepted');
    expect(await client.deliver(dossierMessage('ev-0000001'))).toBe('duplicate');
    const state = await standIn.state<{
      received: Array<{ MaSuKien: string; call: string }>;
      duplicates: unknown[];
    }>();
    expect(state.received.map((r) => [r.call, r.MaSuKien])).toEqual([
      ['dossier', 'ev-0000001'],
      ['progress', 'ev-0000002'],
      ['status', 'ev-0000003'],
    ]);
    expect(state.duplicates).toEqual([{ MaHoSo: DOSSIER.MaHoSo, MaSuKien: 'ev-0000001' }]);
  });

  it('keeps one token across calls and gets a new one when the gateway forgets it', async () => {
    const issued = async () => (await standIn.state<{ tokensIssued: number }>()).tokensIssued;
    const before = await issued();
    await client.nextDossierCode('H82.050');
    await client.nextDossierCode('H82.050');
    expect(await issued()).toBe(before);
    await standIn.revokeTokens();
    expect(await client.nextDossierCode('H82.050')).toMatch(/^H82\.050-\d{6}-0003$/);
    expect(await issued()).toBe(before + 1);
  });

  it('uploads a file and checks the hash the portal answers', async () => {
    const bytes = Buffer.from('%PDF-1.4 bản sao');
    const up = await client.uploadFile('ban-sao.pdf', bytes);
    expect(up.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(up.url.startsWith(standIn.url)).toBe(true);
  });

  it('classifies faults: 5xx, 429, timeouts and resets are retryable; 4xx and malformed bodies are not', async () => {
    await standIn.setFaults({ mode: 'status', status: 503 });
    expect(await failure(client.deliver(dossierMessage('ev-f0000001')))).toMatchObject({
      kind: 'status',
      retryable: true,
      status: 503,
    });
    await standIn.setFaults({ mode: 'status', status: 429 });
    expect((await failure(client.deliver(dossierMessage('ev-f0000001')))).retryable).toBe(true);
    await standIn.setFaults({ mode: 'status', status: 422 });
    expect(await failure(client.deliver(dossierMessage('ev-f0000001')))).toMatchObject({
      kind: 'rejected',
      retryable: false,
    });
    await standIn.setFaults({ mode: 'timeout' });
    expect(await failure(client.deliver(dossierMessage('ev-f0000001')))).toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
    await standIn.setFaults({ mode: 'reset' });
    expect(await failure(client.deliver(dossierMessage('ev-f0000001')))).toMatchObject({
      kind: 'connection',
      retryable: true,
    });
    await standIn.setFaults({ mode: 'malformed' });
    expect(await failure(client.deliver(dossierMessage('ev-f0000001')))).toMatchObject({
      kind: 'malformed',
      retryable: false,
    });
    // The garbled answer came after the portal stored the dossier: the retry is recognised as a repeat.
    await standIn.clearFaults();
    expect(await client.deliver(dossierMessage('ev-f0000001'))).toBe('duplicate');
    // Latency under the deadline is only slow.
    await standIn.setFaults({ mode: 'none', latencyMs: 200 });
    expect(await client.deliver(dossierMessage('ev-f0000002'))).toBe('updated');
    // A fault limited to one request affects only that one.
    await standIn.setFaults({ mode: 'status', status: 500, times: 1 });
    await failure(client.deliver(dossierMessage('ev-f0000003')));
    expect(await client.deliver(dossierMessage('ev-f0000003'))).toBe('updated');
  });

  it('a payload that breaks the contract is refused (400, permanent)', async () => {
    const bad = dossierMessage('ev-b0000001');
    if (bad.call === 'dossier') bad.HoSo = { ...bad.HoSo, NgayNopHoSo: '2026-01-05' };
    expect(await failure(client.deliver(bad))).toMatchObject({ status: 400, retryable: false });
  });

  it('lists the online dossiers of a unit, twice each under a duplicate-delivery fault', async () => {
    const once = await client.fetchOnlineDossiers('28693');
    expect(once.dossiers.map((d) => d.ChuHoSo)).toEqual(['Trần Văn Bình', 'Lê Ngọc Hân']);
    await standIn.setFaults({ mode: 'duplicate' });
    const twice = await client.fetchOnlineDossiers('28693');
    expect(twice.dossiers).toHaveLength(4);
  });

  it('a refused connection (nothing listening) is retryable', async () => {
    const dead = createPortalClient({
      baseUrl: 'http://127.0.0.1:9',
      clientId: 'x',
      clientSecret: 'y',
      timeoutMs: 1000,
    });
    expect(await failure(dead.nextDossierCode('H82.050'))).toMatchObject({
      kind: 'connection',
      retryable: true,
    });
    await dead.close();
  });
});

describe('TLS with a configurable CA and client certificate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-tls-'));
  const f = (n: string) => path.join(dir, n);
  let tls: StandInProcess;

  beforeAll(async () => {
    const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=motcua test CA',
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.pem'),
    );
    fs.writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      f('server.key'),
      '-out',
      f('server.csr'),
    );
    ssl(
      'x509',
      '-req',
      '-in',
      f('server.csr'),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      f('ext.cnf'),
      '-out',
      f('server.pem'),
    );
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=motcua client',
      '-keyout',
      f('client.key'),
      '-out',
      f('client.csr'),
    );
    ssl(
      'x509',
      '-req',
      '-in',
      f('client.csr'),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      f('client.pem'),
    );
    tls = await startStandInProcess('portal', {
      args: [
        '--tls-cert',
        f('server.pem'),
        '--tls-key',
        f('server.key'),
        '--tls-ca',
        f('ca.pem'),
        '--require-client-cert',
      ],
    });
  });
  afterAll(async () => {
    await tls?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('connects with the CA and a client certificate; refuses an unknown CA and a missing certificate', async () => {
    expect(tls.url.startsWith('https://')).toBe(true);
    const opts = {
      baseUrl: tls.url,
      clientId: 'motcua-demo',
      clientSecret: 'motcua-demo-secret',
      timeoutMs: 3000,
    };
    const good = createPortalClient({
      ...opts,
      tls: { caFile: f('ca.pem'), certFile: f('client.pem'), keyFile: f('client.key') },
    });
    expect(await good.nextDossierCode('H82.050')).toMatch(/^H82\.050-/);
    const unknownCa = createPortalClient(opts);
    expect((await failure(unknownCa.nextDossierCode('H82.050'))).retryable).toBe(false);
    const noCert = createPortalClient({ ...opts, tls: { caFile: f('ca.pem') } });
    await expect(noCert.nextDossierCode('H82.050')).rejects.toBeInstanceOf(LinkError);
    await Promise.all([good.close(), unknownCa.close(), noCert.close()]);
  });
});
