import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { verifyAll } from '../audit/repository.ts';
import { DEMO_CITIZEN_PASSWORD, DEMO_CITIZENS } from '../integration/demo-citizens.ts';
import { startOidcStandInProcess } from '../integration/oidc-standin-process.ts';
import { createCitizenOidc } from './oidc.ts';
import { setCitizenOidc } from './routes.ts';

const SECRET = 'test-oidc-client-secret-0123456789';
const CALLBACK = 'http://localhost:3000/api/v1/auth/citizen/callback';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
const PDF = Buffer.from('%PDF-1.4\n% ket qua\n%%EOF\n').toString('base64');
const [NGOC, DUC] = DEMO_CITIZENS as [(typeof DEMO_CITIZENS)[0], (typeof DEMO_CITIZENS)[0]];

let provider: Awaited<ReturnType<typeof startOidcStandInProcess>>;
beforeAll(async () => {
  provider = await startOidcStandInProcess({
    clientId: 'motcua',
    clientSecret: SECRET,
    redirectUris: [CALLBACK],
  });
});
afterAll(async () => provider?.close());

/** Walks the browser's part at the provider: returns the callback path and query the provider redirects to. */
async function signInAtProvider(authorizationUrl: string, personalId: string): Promise<string> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    await res.arrayBuffer();
    return res;
  };
  let res = await go(authorizationUrl);
  let location = new URL(res.headers.get('location')!, authorizationUrl).href;
  expect(location).toMatch(/\/interaction\//);
  expect((await go(location)).status).toBe(200);
  res = await go(`${location}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: personalId, password: DEMO_CITIZEN_PASSWORD }).toString(),
  });
  for (let hops = 0; hops < 6; hops++) {
    location = new URL(res.headers.get('location')!, location).href;
    if (location.startsWith(CALLBACK)) return location.slice('http://localhost:3000'.length);
    res = await go(location);
  }
  throw new Error('the provider never redirected back');
}

describe.each(databaseKinds())('citizens online on %s', (kind) => {
  let s: TestServer;
  let offset = 0;
  const logs = new PassThrough();
  let logText = '';
  logs.on('data', (c: Buffer) => {
    logText += c.toString('utf8');
  });
  let staff: { reception: string; specialist: string; leader: string };

  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => new Date(Date.now() + offset),
      env: { MOTCUA_OIDC_ISSUER: provider.issuer, MOTCUA_OIDC_CLIENT_SECRET: SECRET, LOG_LEVEL: 'warn' },
      logStream: logs,
    });
    staff = {
      reception: await s.login('reception.tan-thoi'),
      specialist: await s.login('specialist.tan-thoi'),
      leader: await s.login('leader.tan-thoi'),
    };
  });
  afterAll(async () => s?.close());

  const startLogin = async () => {
    const res = await s.request({ url: '/api/v1/auth/citizen/login?returnTo=/ho-so-cua-toi' });
    expect(res.statusCode).toBe(303);
    return res.headers.location as string;
  };
  const callback = (path: string) => s.request({ url: path });
  const citizenCookie = (res: { cookies: Array<{ name: string; value: string }> }) => {
    const c = res.cookies.find((x) => x.name === 'motcua_citizen');
    return c ? `motcua_citizen=${c.value}` : undefined;
  };
  const signIn = async (personalId: string) => {
    const res = await callback(await signInAtProvider(await startLogin(), personalId));
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/ho-so-cua-toi');
    return citizenCookie(res)!;
  };
  const sessions = async () =>
    (await s.query<{ n: number }>('SELECT count(*)::int AS n FROM citizen_sessions'))[0]!.n;
  const submission = (over: Record<string, unknown> = {}) => ({
    procedureCode: '1.004873',
    unitCode: '28693',
    formVersion: 1,
    // Answers to the marital-status form, version 1 (src/domain/forms/definitions/marital-status.ts).
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
    ...over,
  });
  const submit = (cookie: string, body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: '/api/v1/citizen/dossiers', headers: { cookie }, payload: body });
  const act = async (who: keyof typeof staff, code: string, payload: Record<string, unknown>) => {
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: staff[who] },
      payload,
    });
    expect(res.statusCode, `${payload.action}: ${res.body}`).toBe(200);
    return res.json();
  };
  const mine = (cookie: string, code: string) =>
    s.request({ url: `/api/v1/citizen/dossiers/${code}`, headers: { cookie } });

  it('signs a citizen in through the OIDC provider with the verified identity; the sessions never mix; logout', async () => {
    const cookie = await signIn(NGOC.personalId);
    const me = await s.request({ url: '/api/v1/citizen/me', headers: { cookie } });
    expect(me.json()).toEqual({
      fullName: NGOC.fullName,
      personalId: NGOC.personalId,
      birthDate: NGOC.birthDate,
      verified: true,
    });
    // A citizen cookie never opens a staff route, a staff cookie never a citizen route.
    expect((await s.request({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await s.request({ url: '/api/v1/queues/online', headers: { cookie } })).statusCode).toBe(401);
    const asStaff = await s.request({ url: '/api/v1/citizen/me', headers: { cookie: staff.reception } });
    expect(asStaff.statusCode).toBe(401);
    expect(asStaff.json().code).toBe('CITIZEN_AUTH_REQUIRED');
    // The staff token in the citizen cookie's name is not a citizen session either.
    const swapped = `motcua_citizen=${staff.reception.split('=')[1]}`;
    expect((await s.request({ url: '/api/v1/citizen/me', headers: { cookie: swapped } })).statusCode).toBe(
      401,
    );
    const out = await s.request({ method: 'POST', url: '/api/v1/auth/citizen/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await s.request({ url: '/api/v1/citizen/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses forged, replayed and expired sign-in responses with a Vietnamese problem, logged without personal data', async () => {
    const before = await sessions();
    const expectRefused = async (res: Awaited<ReturnType<typeof callback>>, code: string) => {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
      expect(res.json().title).toMatch(/đăng nhập/);
      expect(citizenCookie(res)).toBeUndefined();
    };
    // A state this server never issued.
    await expectRefused(
      await callback('/api/v1/auth/citizen/callback?code=abc&state=AAAAAAAAAAAAAAAAAAAAAAAA'),
      'OIDC_RESPONSE_INVALID',
    );
    // A forged authorization code with a genuine state.
    const auth = new URL(await startLogin());
    await expectRefused(
      await callback(
        `/api/v1/auth/citizen/callback?code=forged-code&state=${auth.searchParams.get('state')}&iss=${encodeURIComponent(provider.issuer)}`,
      ),
      'OIDC_RESPONSE_INVALID',
    );
    // A genuine response used twice (replay).
    const path = await signInAtProvider(await startLogin(), NGOC.personalId);
    expect((await callback(path)).statusCode).toBe(303);
    await expectRefused(await callback(path), 'OIDC_RESPONSE_REPLAYED');
    // An expired one: the sign-in was started more than 10 minutes before the provider answered.
    const late = await signInAtProvider(await startLogin(), NGOC.personalId);
    offset = 11 * 60_000;
    try {
      await expectRefused(await callback(late), 'OIDC_RESPONSE_EXPIRED');
    } finally {
      offset = 0;
    }
    // A forged ID token: the provider's token answer altered on the way (the name changed, the signature kept).
    setCitizenOidc(
      s.ctx,
      createCitizenOidc(s.config.oidc, {
        now: () => new Date(),
        fetch: async (url, options) => {
          const res = await fetch(url, options as RequestInit);
          if (!String(url).endsWith('/token')) return res;
          const body = (await res.json()) as { id_token: string };
          const [h, p, sig] = body.id_token.split('.');
          const claims = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8'));
          claims.name = 'Kẻ Giả Mạo';
          body.id_token = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
          return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
        },
      }),
    );
    try {
      await expectRefused(
        await callback(await signInAtProvider(await startLogin(), NGOC.personalId)),
        'OIDC_RESPONSE_INVALID',
      );
    } finally {
      setCitizenOidc(s.ctx, createCitizenOidc(s.config.oidc, { now: () => new Date(Date.now() + offset) }));
    }
    expect(await sessions()).toBe(before + 1);
    expect(logText).toContain('citizen_login_refused');
    expect(logText).toMatch(/replay/);
    for (const personal of [NGOC.personalId, NGOC.fullName, 'Kẻ Giả Mạo', 'forged-code'])
      expect(logText).not.toContain(personal);
  });

  it('takes a dossier online through 1 → 2 → 4 → 9 → 10: queue, pre-receipt supplement, acceptance, result, rating', async () => {
    const cookie = await signIn(NGOC.personalId);
    const res = await submit(cookie, submission());
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json();
    expect(filed).toMatchObject({ status: 1, channel: 'online', formVersion: 1, appointment: null });
    expect(filed.answers.status).toEqual({
      current: 'single',
      purpose: 'marriage',
      partnerName: 'Lê Văn Bình',
    });
    const code = filed.code as string;
    const [row] = await s.query<Record<string, unknown>>(
      'SELECT channel, status, form_code, form_version, assisted, citizen_subject, applicant_name, applicant_id_number, received_by FROM dossiers WHERE code = $1',
      [code],
    );
    expect(row).toMatchObject({
      channel: 2,
      status: 1,
      form_code: '1.004873',
      form_version: 1,
      assisted: false,
      applicant_name: NGOC.fullName,
      applicant_id_number: NGOC.personalId,
      received_by: null,
    });

    const queue = async () =>
      (await s.request({ url: '/api/v1/queues/online', headers: { cookie: staff.reception } }))
        .json()
        .items.map((i: { code: string; subState: string }) => `${i.code}:${i.subState}`);
    expect(await queue()).toContain(`${code}:none`);

    // Reception asks for a supplement before receipt; the citizen sees what is asked and sends it.
    await act('reception', code, {
      action: 'request_pre_supplement',
      reason: 'Ảnh tờ khai bị mờ, chụp lại rõ nét',
      items: [{ name: 'Tờ khai (ảnh rõ)' }],
    });
    let mineNow = (await mine(cookie, code)).json();
    expect(mineNow.asked).toEqual({
      kind: 'pre_receipt_supplement',
      reasons: ['Ảnh tờ khai bị mờ, chụp lại rõ nét'],
      items: [{ name: 'Tờ khai (ảnh rõ)' }],
    });
    expect(mineNow.can.supplement).toBe(true);
    const sup = await s.request({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/supplement`,
      headers: { cookie },
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
    expect(sup.json()).toMatchObject({ status: 1, subState: 'none', asked: null });
    expect(await queue()).toContain(`${code}:none`);

    // Accepted: the clock starts now, the appointment is shown, the citizen is told.
    const accepted = await act('reception', code, { action: 'accept' });
    expect(accepted.status).toBe(2);
    mineNow = (await mine(cookie, code)).json();
    expect(mineNow.appointment).toBe(accepted.dueAt);
    expect(await queue()).not.toContain(`${code}:none`);

    await act('reception', code, { action: 'transfer' });
    await act('specialist', code, { action: 'assign', assignee: 'specialist.tan-thoi' });
    await act('specialist', code, { action: 'complete_step' });
    await act('leader', code, { action: 'complete_step' });
    await act('leader', code, {
      action: 'issue_result',
      resultFile: { fileName: 'xác-nhận.pdf', contentType: 'application/pdf', dataBase64: PDF },
    });
    const result = await s.request({ url: `/api/v1/citizen/dossiers/${code}/result`, headers: { cookie } });
    expect(result.statusCode).toBe(200);
    expect(result.rawPayload.toString('latin1')).toMatch(/^%PDF-/);
    expect((await mine(cookie, code)).json().can.rate).toBe(false);
    await act('reception', code, { action: 'return_result' });

    mineNow = (await mine(cookie, code)).json();
    expect(mineNow).toMatchObject({ status: 10, can: { rate: true, withdraw: false }, actionNeeded: true });
    expect(mineNow.timeline.map((e: { status: number }) => e.status)).toEqual([
      1, 1, 1, 2, 4, 4, 4, 4, 9, 10,
    ]);
    expect(mineNow.timeline.map((e: { code: string }) => e.code).slice(0, 4)).toEqual([
      'submit_online',
      'request_pre_supplement',
      'citizen_supplement',
      'accept',
    ]);
    const rate = (rating: string, comment?: string) =>
      s.request({
        method: 'POST',
        url: `/api/v1/citizen/dossiers/${code}/rating`,
        headers: { cookie },
        payload: { rating, comment },
      });
    // A reason with a control character is refused before anything is stored.
    const bad = await rate('very_satisfied', 'tốt\u0000');
    expect(bad.statusCode).toBe(422);
    expect((await rate('very_satisfied', 'Cán bộ hướng dẫn tận tình')).json()).toMatchObject({
      rating: 'very_satisfied',
      actionNeeded: false,
    });
    expect((await rate('dissatisfied')).json().code).toBe('ALREADY_RATED');
    expect(
      await s.query('SELECT rating, comment FROM dossier_ratings WHERE dossier_code = $1', [code]),
    ).toEqual([{ rating: 'very_satisfied', comment: 'Cán bộ hướng dẫn tận tình' }]);

    const templates = (
      await s.query<{ t: string }>(
        "SELECT payload->>'template' AS t FROM outbox WHERE payload->>'code' = $1 AND kind = 'email' ORDER BY created_at",
        [code],
      )
    ).map((r) => r.t);
    expect(templates).toEqual(['supplement_requested', 'received', 'result_ready']);
    // Every event of the online path, the citizen's own included, is in the dossier's chain, which verifies.
    const actions = (
      await s.query<{ action: string }>(
        'SELECT action FROM audit_events WHERE dossier_code = $1 ORDER BY seq',
        [code],
      )
    ).map((r) => r.action);
    expect(actions).toEqual([
      'submit_online',
      'request_pre_supplement',
      'citizen_supplement',
      'accept',
      'transfer',
      'assign',
      'complete_step',
      'complete_step',
      'issue_result',
      'return_result',
    ]);
    expect((await verifyAll(s.ctx.db)).broken).toBeUndefined();
    const list = (await s.request({ url: '/api/v1/citizen/dossiers', headers: { cookie } })).json();
    expect(list.map((d: { code: string }) => d.code)).toContain(code);
  });

  it("shows a citizen only their own dossiers: another's code is not found, everywhere", async () => {
    const ngoc = await signIn(NGOC.personalId);
    const duc = await signIn(DUC.personalId);
    const code = (await submit(ngoc, submission())).json().code as string;
    for (const req of [
      { url: `/api/v1/citizen/dossiers/${code}` },
      { url: `/api/v1/citizen/dossiers/${code}/result` },
      {
        method: 'POST' as const,
        url: `/api/v1/citizen/dossiers/${code}/withdraw`,
        payload: { reason: 'Không cần nữa' },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/citizen/dossiers/${code}/rating`,
        payload: { rating: 'satisfied' },
      },
    ]) {
      const res = await s.request({ ...req, headers: { cookie: duc } });
      expect(res.statusCode, req.url).toBe(404);
      expect(res.json().code).toBe('DOSSIER_NOT_FOUND');
    }
    const unknown = await s.request({
      url: '/api/v1/citizen/dossiers/H82.050-250101-9999',
      headers: { cookie: duc },
    });
    expect(unknown.json().code).toBe('DOSSIER_NOT_FOUND');
    const ducList = (await s.request({ url: '/api/v1/citizen/dossiers', headers: { cookie: duc } })).json();
    expect(ducList.map((d: { code: string }) => d.code)).not.toContain(code);
    // The owner may withdraw while it waits for reception.
    const w = await s.request({
      method: 'POST',
      url: `/api/v1/citizen/dossiers/${code}/withdraw`,
      headers: { cookie: ngoc },
      payload: { reason: 'Nộp nhầm thủ tục' },
    });
    expect(w.json()).toMatchObject({ status: 7, can: { withdraw: false } });
  });

  it("lets officers of the dossier's commune open the citizen's files, 404 elsewhere, each opening audited", async () => {
    const ngoc = await signIn(NGOC.personalId);
    const code = (await submit(ngoc, submission())).json().code as string;
    const dossier = (
      await s.request({ url: `/api/v1/dossiers/${code}`, headers: { cookie: staff.reception } })
    ).json();
    expect(dossier.attachments).toHaveLength(1);
    const file = dossier.attachments[0] as {
      id: string;
      fileName: string;
      contentType: string;
      size: number;
    };
    expect(file).toMatchObject({ fileName: 'to-khai.jpg', contentType: 'image/jpeg' });
    const url = `/api/v1/dossiers/${code}/attachments/${file.id}`;
    const opened = async () =>
      (
        await s.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM audit_events WHERE action = 'dossier_attachment_opened' AND data->>'dossier' = $1",
          [code],
        )
      )[0]!.n;

    const download = await s.request({ url, headers: { cookie: staff.reception } });
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="to-khai.jpg"/);
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(download.rawPayload.equals(Buffer.from(JPEG, 'base64'))).toBe(true);
    const preview = await s.request({ url: `${url}?inline=true`, headers: { cookie: staff.specialist } });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline; /);
    // The province's officer oversees the commune; audited in the dossier's commune chain.
    const province = await s.login('province.dong-thap');
    expect((await s.request({ url, headers: { cookie: province } })).statusCode).toBe(200);
    expect(await opened()).toBe(3);
    const [event] = await s.query<{ unit_code: string; data: Record<string, unknown>; actor_role: string }>(
      "SELECT unit_code, data, actor_role FROM audit_events WHERE action = 'dossier_attachment_opened' AND data->>'dossier' = $1 ORDER BY seq LIMIT 1",
      [code],
    );
    expect(event).toMatchObject({ unit_code: '28693', actor_role: 'reception' });
    expect(event!.data).toMatchObject({ dossier: code, file: file.id, inline: false });
    expect(JSON.stringify(event!.data)).not.toContain(NGOC.personalId);

    // Another commune's officer: not found, and nothing recorded.
    const other = await s.login('reception.tan-phu-dong');
    const across = await s.request({ url, headers: { cookie: other } });
    expect(across.statusCode).toBe(404);
    expect(across.json()).toMatchObject({
      code: 'DOSSIER_NOT_FOUND',
      title: expect.stringMatching(/hồ sơ/i),
    });
    // A file id of no such attachment, a malformed id, and no session.
    const missing = await s.request({
      url: `/api/v1/dossiers/${code}/attachments/6f1c2f4e-1d7b-4c1a-9a7e-2b1f0c9d8e7a`,
      headers: { cookie: staff.reception },
    });
    expect(missing.json()).toMatchObject({ status: 404, code: 'ATTACHMENT_NOT_FOUND' });
    const malformed = await s.request({
      url: `/api/v1/dossiers/${code}/attachments/not-a-uuid`,
      headers: { cookie: staff.reception },
    });
    expect(malformed.statusCode).toBe(422);
    expect((await s.request({ url })).statusCode).toBe(401);
    // The citizen's own session is not a staff session.
    expect((await s.request({ url, headers: { cookie: ngoc } })).statusCode).toBe(401);
    expect(await opened()).toBe(3);
    expect((await verifyAll(s.ctx.db)).broken).toBeUndefined();
  });

  it('refuses bad submissions with clear messages and writes nothing', async () => {
    const cookie = await signIn(DUC.personalId);
    const count = async () =>
      (await s.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers WHERE channel = 2'))[0]!.n;
    const before = await count();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [submission({ answers: { purpose: 'a\u0000b' } }), 422, 'VALIDATION_FAILED'],
      [submission({ answers: { 'bad key!': 'x' } }), 422, 'VALIDATION_FAILED'],
      [submission({ answers: ['not', 'an', 'object'] }), 422, 'VALIDATION_FAILED'],
      // Plain and safe, but not what the form asks: the forms' shared validator refuses it.
      [submission({ answers: { status: { current: 'maybe', purpose: 'other' } } }), 422, 'VALIDATION_FAILED'],
      [submission({ formVersion: 99 }), 422, 'VALIDATION_FAILED'],
      [submission({ procedureCode: '9.999999' }), 422, 'PROCEDURE_UNKNOWN'],
      [
        submission({
          documents: [
            {
              documentId: 'to-khai-xac-nhan-tthn',
              fileName: 'a.jpg',
              contentType: 'image/jpeg',
              dataBase64: PDF,
            },
          ],
        }),
        415,
        'ATTACHMENT_TYPE_MISMATCH',
      ],
      [
        submission({
          documents: [
            {
              documentId: 'to-khai-xac-nhan-tthn',
              fileName: 'big.jpg',
              contentType: 'image/jpeg',
              dataBase64: Buffer.concat([
                Buffer.from([0xff, 0xd8, 0xff]),
                Buffer.alloc(6 * 1024 * 1024),
              ]).toString('base64'),
            },
          ],
        }),
        413,
        'ATTACHMENT_TOO_LARGE',
      ],
      [
        submission({
          documents: [
            { documentId: 'khong-co', fileName: 'a.jpg', contentType: 'image/jpeg', dataBase64: JPEG },
          ],
        }),
        422,
        'DOCUMENT_UNKNOWN',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await submit(cookie, body);
      expect(res.statusCode, `${code}: ${res.body.slice(0, 300)}`).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().title).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    const nul = await submit(cookie, submission({ answers: { purpose: 'a\u0000b' } }));
    expect(nul.json().errors).toContainEqual(expect.objectContaining({ path: 'answers.purpose' }));
    const wrong = await submit(
      cookie,
      submission({ answers: { status: { current: 'maybe', purpose: 'other' } } }),
    );
    expect(wrong.json().errors).toContainEqual(expect.objectContaining({ path: 'answers.status.current' }));
    const anonymous = await submit('', submission());
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('CITIZEN_AUTH_REQUIRED');
    expect(await count()).toBe(before);
  });

  it('files for a citizen at the counter (assisted): online channel, assisted flag, counted by the report', async () => {
    const report = async () => {
      const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const res = await s.request({
        url: `/api/v1/reports/settlement?unit=28693&from=${day}&to=${day}`,
        headers: { cookie: staff.leader },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().onlineFilings as { total: number; assisted: number };
    };
    const before = await report();
    const assisted = (cookie: string, body: Record<string, unknown>) =>
      s.request({ method: 'POST', url: '/api/v1/dossiers/assisted', headers: { cookie }, payload: body });
    // Only a reception officer, only into their own commune, never a citizen.
    expect((await assisted(staff.specialist, submission())).statusCode).toBe(403);
    expect((await assisted(staff.reception, submission({ unitCode: '28696' }))).statusCode).toBe(403);
    const citizen = await signIn(NGOC.personalId);
    expect((await assisted(citizen, submission())).statusCode).toBe(401);
    // The same validator as online filing: a missing required answer is refused, nothing written.
    const invalid = await assisted(
      staff.reception,
      submission({ answers: { ...submission().answers, requester: { fullName: 'Trần Thị Ngọc' } } }),
    );
    expect(invalid.statusCode).toBe(422);
    expect(await report()).toEqual(before);

    const res = await assisted(staff.reception, submission());
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json();
    expect(filed).toMatchObject({ status: 1, channel: 'online', assisted: true });
    expect(filed.applicant).toMatchObject({ fullName: 'Trần Thị Ngọc', idNumber: '082195001234' });
    const [row] = await s.query<Record<string, unknown>>(
      'SELECT channel, assisted, citizen_subject, received_by IS NOT NULL AS by_officer FROM dossiers WHERE code = $1',
      [filed.code],
    );
    expect(row).toEqual({ channel: 2, assisted: true, citizen_subject: null, by_officer: true });
    // In the online queue like any online dossier; reception accepts it there.
    const queue = await s.request({ url: '/api/v1/queues/online', headers: { cookie: staff.reception } });
    expect(queue.json().items.map((i: { code: string }) => i.code)).toContain(filed.code);
    const [event] = await s.query<{ data: Record<string, unknown> }>(
      'SELECT data FROM audit_events WHERE dossier_code = $1 ORDER BY seq LIMIT 1',
      [filed.code],
    );
    expect(event?.data).toMatchObject({ channel: 'online', assisted: true });
    // A citizen's own online filing is counted too, but not as assisted.
    expect((await submit(citizen, submission())).statusCode).toBe(201);
    expect(await report()).toEqual({ total: before.total + 2, assisted: before.assisted + 1 });
  });

  it('keeps drafts on the server across a restart', async () => {
    const cookie = await signIn(NGOC.personalId);
    const put = await s.request({
      method: 'PUT',
      url: '/api/v1/citizen/drafts/1.004873',
      headers: { cookie },
      payload: { data: { purpose: 'Kết hôn', step: 2 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const bad = await s.request({
      method: 'PUT',
      url: '/api/v1/citizen/drafts/1.004873',
      headers: { cookie },
      payload: { data: { purpose: 'x\u0001' } },
    });
    expect(bad.statusCode).toBe(422);
    // A new server process on the same database (nothing kept in memory).
    const { app } = await buildApp(s.config, s.database, { logger: false });
    await app.ready();
    try {
      const got = await app.inject({ url: '/api/v1/citizen/drafts/1.004873', headers: { cookie } });
      expect(got.statusCode).toBe(200);
      expect(got.json().data).toEqual({ purpose: 'Kết hôn', step: 2 });
      const none = await app.inject({ url: '/api/v1/citizen/drafts/2.000815', headers: { cookie } });
      expect(none.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
