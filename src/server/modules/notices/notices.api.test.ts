import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoNotices } from '../../seed/notices.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';

const TAN_THOI = '28693';
const TAN_PHU_DONG = '28696';
const PROVINCE = '82';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe.each(databaseKinds())('notices and legal documents (%s)', (kind) => {
  let s: TestServer;
  let clock = new Date('2026-12-07T02:00:00Z'); // 09:00 in Vietnam
  let leader: string;
  let otherLeader: string;
  let province: string;
  let reception: string;
  let specialist: string;
  let admin: string;

  const post = (cookie: string | undefined, payload: Record<string, unknown>) =>
    s.request({ method: 'POST', url: '/api/v1/notices', headers: cookie ? { cookie } : {}, payload });
  const list = (code: string, qs = '') =>
    s.request({ method: 'GET', url: `/api/v1/units/${code}/notices${qs}` });
  const detail = (unit: string, id: string) =>
    s.request({ method: 'GET', url: `/api/v1/notices/${unit}/${id}` });
  const counts = async () => {
    const [n] = await s.query<{ n: string | number }>('SELECT count(*) AS n FROM notices');
    const [f] = await s.query<{ n: string | number }>('SELECT count(*) AS n FROM notice_files');
    return { notices: Number(n?.n), files: Number(f?.n) };
  };
  const notice = (over: Record<string, unknown> = {}) => ({
    unitCode: TAN_THOI,
    kind: 'notice',
    title: 'Thông báo lịch tiếp công dân tháng 12',
    summary: 'Trung tâm tiếp nhận hồ sơ sáng thứ Bảy.',
    body: 'Nội dung thông báo.\nDòng thứ hai.',
    ...over,
  });

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    [leader, otherLeader, province, reception, specialist, admin] = await Promise.all([
      s.login('leader.tan-thoi'),
      s.login('leader.tan-phu-dong'),
      s.login('province.dong-thap'),
      s.login('reception.tan-thoi'),
      s.login('specialist.tan-thoi'),
      s.login('admin'),
    ]);
  });
  afterAll(async () => s?.close());

  it('a commune leader publishes with a PDF; the commune reads it and downloads the file, the neighbour does not see it', async () => {
    const created = await post(
      leader,
      notice({ attachments: [{ fileName: 'Lịch tiếp dân.pdf', dataBase64: PDF.toString('base64') }] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const n = created.json();
    expect(n).toMatchObject({
      unit: { code: TAN_THOI, level: 'commune' },
      kind: 'notice',
      version: 1,
      state: 'shown',
      publishedAt: clock.toISOString(),
    });
    expect(n.attachments).toHaveLength(1);
    expect(n.attachments[0]).toMatchObject({ fileName: 'Lịch tiếp dân.pdf', contentType: 'application/pdf' });

    const own = await list(TAN_THOI);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((i: { id: string }) => i.id)).toContain(n.id);
    expect(own.json().items[0]).not.toHaveProperty('body');
    expect((await list(TAN_PHU_DONG)).json().items.map((i: { id: string }) => i.id)).not.toContain(n.id);

    const read = await detail(TAN_THOI, n.id);
    expect(read.statusCode).toBe(200);
    expect(read.json().body).toBe('Nội dung thông báo.\nDòng thứ hai.');

    const file = await s.request({
      method: 'GET',
      url: `/api/v1/notices/${TAN_THOI}/${n.id}/files/${n.attachments[0].id}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // Revalidated on every read: a notice taken down is not served from a cache.
    expect(file.headers['cache-control']).toBe('no-cache');
    expect(read.headers['cache-control']).toBe('no-cache');
    expect(own.headers['cache-control']).toBe('no-cache');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Lich tiep dan.pdf"; filename*=UTF-8''L%E1%BB%8Bch%20ti%E1%BA%BFp%20d%C3%A2n.pdf`,
    );
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // A file id of another notice is not this notice's file.
    const wrong = await s.request({
      method: 'GET',
      url: `/api/v1/notices/${TAN_THOI}/${n.id}/files/00000000-0000-4000-8000-000000000000`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('NOTICE_FILE_NOT_FOUND');
  });

  it("the province's legal documents reach every commune of the province, newest first, a page at a time", async () => {
    clock = new Date(clock.getTime() + 60_000);
    const doc = await post(province, {
      unitCode: PROVINCE,
      kind: 'legal_document',
      title: 'Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa',
      docNumber: '118/2025/NĐ-CP',
      issuer: 'Chính phủ',
      issuedOn: '2025-06-09',
      effectiveOn: '2025-07-01',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const id = doc.json().id as string;
    expect(doc.json()).toMatchObject({ unit: { code: PROVINCE, level: 'province' }, issuedOn: '2025-06-09' });
    for (const commune of [TAN_THOI, TAN_PHU_DONG]) {
      const page = (await list(commune)).json();
      expect(page.items[0].id, commune).toBe(id);
      expect(page.province).toMatchObject({ code: PROVINCE });
    }
    const onlyLegal = (await list(TAN_THOI, '?kind=legal_document')).json();
    expect(onlyLegal.items.every((i: { kind: string }) => i.kind === 'legal_document')).toBe(true);
    expect(onlyLegal.items.map((i: { id: string }) => i.id)).toContain(id);

    const all = (await list(TAN_THOI)).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    const second = (await list(TAN_THOI, '?pageSize=1&page=2')).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).toBe(all.items[1].id);
    expect(second.total).toBe(all.total);
    // A province's own page lists only province-wide items.
    const provincePage = (await list(PROVINCE)).json();
    expect(provincePage.items.every((i: { unit: { code: string } }) => i.unit.code === PROVINCE)).toBe(true);
    expect((await detail(PROVINCE, id)).json().docNumber).toBe('118/2025/NĐ-CP');
  });

  it('unpublished and expired items are not public; the staff list still shows them; republishing brings one back', async () => {
    const created = await post(
      leader,
      notice({
        title: 'Tạm ngừng tiếp nhận hồ sơ đất đai',
        expiresOn: '2026-12-08',
        attachments: [{ fileName: 'tam-ngung.pdf', dataBase64: PDF.toString('base64') }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const n = created.json();
    expect(n.expiresOn).toBe('2026-12-08');
    const fileUrl = `/api/v1/notices/${TAN_THOI}/${n.id}/files/${n.attachments[0].id}`;

    const down = await s.request({
      method: 'POST',
      url: `/api/v1/notices/${TAN_THOI}/${n.id}/unpublish`,
      headers: { cookie: leader },
      payload: { expectedVersion: 1 },
    });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json()).toMatchObject({ state: 'unpublished', version: 2 });
    expect((await detail(TAN_THOI, n.id)).json().code).toBe('NOTICE_NOT_FOUND');
    expect((await s.request({ method: 'GET', url: fileUrl })).statusCode).toBe(404);
    expect((await list(TAN_THOI)).json().items.map((i: { id: string }) => i.id)).not.toContain(n.id);
    const staff = await s.request({ method: 'GET', url: '/api/v1/notices', headers: { cookie: leader } });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().units).toEqual([{ code: TAN_THOI, name: 'Xã Tân Thới', level: 'commune' }]);
    expect(staff.json().items.find((i: { id: string }) => i.id === n.id)?.state).toBe('unpublished');

    const stale = await s.request({
      method: 'POST',
      url: `/api/v1/notices/${TAN_THOI}/${n.id}/publish`,
      headers: { cookie: leader },
      payload: { expectedVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('NOTICE_CONFLICT');
    const up = await s.request({
      method: 'POST',
      url: `/api/v1/notices/${TAN_THOI}/${n.id}/publish`,
      headers: { cookie: leader },
      payload: { expectedVersion: 2 },
    });
    expect(up.json()).toMatchObject({ state: 'shown', version: 3 });
    expect((await detail(TAN_THOI, n.id)).statusCode).toBe(200);
    expect((await s.request({ method: 'GET', url: fileUrl })).statusCode).toBe(200);

    // Past its last day (8 December in Vietnam ends at 17:00 UTC): gone from the public pages.
    const saved = clock;
    clock = new Date('2026-12-08T16:59:00Z');
    expect((await detail(TAN_THOI, n.id)).statusCode).toBe(200);
    clock = new Date('2026-12-08T17:00:00Z');
    expect((await detail(TAN_THOI, n.id)).statusCode).toBe(404);
    expect((await list(TAN_THOI)).json().items.map((i: { id: string }) => i.id)).not.toContain(n.id);
    const after = await s.request({ method: 'GET', url: '/api/v1/notices', headers: { cookie: leader } });
    expect(after.json().items.find((i: { id: string }) => i.id === n.id)?.state).toBe('expired');
    clock = saved;
  });

  it('an edit replaces the fields, adds and removes files, against the version shown; who and when are kept', async () => {
    const created = await post(
      leader,
      notice({ attachments: [{ fileName: 'cu.pdf', dataBase64: PDF.toString('base64') }] }),
    );
    const n = created.json();
    clock = new Date(clock.getTime() + 5 * 60_000);
    const put = (payload: Record<string, unknown>, cookie = leader) =>
      s.request({ method: 'PUT', url: `/api/v1/notices/${TAN_THOI}/${n.id}`, headers: { cookie }, payload });
    const edited = await put({
      kind: 'notice',
      title: 'Thông báo giờ làm việc (sửa)',
      body: 'Sáng 07:00–11:30, chiều 13:30–17:00.',
      expectedVersion: 1,
      removeAttachments: [n.attachments[0].id],
      addAttachments: [{ fileName: 'moi.pdf', dataBase64: PDF.toString('base64') }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Thông báo giờ làm việc (sửa)', summary: '', version: 2 });
    expect(edited.json().attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['moi.pdf']);
    expect(edited.json().updatedAt).toBe(clock.toISOString());
    const [who] = await s.query<{ updated_by: string; username: string }>(
      'SELECT n.updated_by, u.username FROM notices n JOIN users u ON u.id = n.updated_by WHERE n.id = $1',
      [n.id],
    );
    expect(who?.username).toBe('leader.tan-thoi');

    const before = await counts();
    const stale = await put({ kind: 'notice', title: 'Cũ', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('NOTICE_CONFLICT');
    const foreignFile = await put({
      kind: 'notice',
      title: 'Bỏ tệp lạ',
      expectedVersion: 2,
      removeAttachments: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreignFile.json().code).toBe('NOTICE_FILE_NOT_FOUND');
    const byNeighbour = await put({ kind: 'notice', title: 'Sửa hộ', expectedVersion: 2 }, otherLeader);
    expect(byNeighbour.statusCode).toBe(403);
    expect(byNeighbour.json().code).toBe('NOTICE_UNIT_FORBIDDEN');
    expect(await counts()).toEqual(before);
    expect((await detail(TAN_THOI, n.id)).json().title).toBe('Thông báo giờ làm việc (sửa)');
  });

  it('script and HTML in the text are stored and returned as the text typed', async () => {
    const title = '<script>alert("x")</script> Thông báo <b>khẩn</b>';
    const body = '<img src=x onerror=alert(1)>\n&lt;không phải HTML&gt;';
    const created = await post(leader, notice({ title, body }));
    expect(created.statusCode, created.body).toBe(201);
    const read = (await detail(TAN_THOI, created.json().id)).json();
    expect(read.title).toBe(title);
    expect(read.body).toBe(body);
  });

  it('refuses bad input with a Vietnamese problem and a stable code, writing nothing', async () => {
    const before = await counts();
    const cases: Array<{
      name: string;
      cookie?: string;
      body: Record<string, unknown>;
      status: number;
      code: string;
    }> = [
      {
        name: 'empty title',
        cookie: leader,
        body: notice({ title: '   ' }),
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'effective before issued',
        cookie: leader,
        body: notice({
          kind: 'legal_document',
          docNumber: '01/2026/QĐ-UBND',
          issuer: 'UBND xã Tân Thới',
          issuedOn: '2026-12-01',
          effectiveOn: '2026-11-30',
        }),
        status: 422,
        code: 'NOTICE_INVALID',
      },
      {
        name: 'legal document without number',
        cookie: leader,
        body: notice({ kind: 'legal_document', issuer: 'UBND xã', issuedOn: '2026-12-01' }),
        status: 422,
        code: 'NOTICE_INVALID',
      },
      {
        name: 'last day before today',
        cookie: leader,
        body: notice({ expiresOn: '2026-12-06' }),
        status: 422,
        code: 'NOTICE_INVALID',
      },
      {
        name: 'not a date',
        cookie: leader,
        body: notice({ expiresOn: '2026-02-30' }),
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'unknown unit',
        cookie: admin,
        body: notice({ unitCode: '99999' }),
        status: 404,
        code: 'UNIT_NOT_FOUND',
      },
      {
        name: 'leader for another commune',
        cookie: leader,
        body: notice({ unitCode: TAN_PHU_DONG }),
        status: 403,
        code: 'NOTICE_UNIT_FORBIDDEN',
      },
      {
        name: 'leader for the province',
        cookie: leader,
        body: notice({ unitCode: PROVINCE }),
        status: 403,
        code: 'NOTICE_UNIT_FORBIDDEN',
      },
      {
        name: 'province officer for a commune',
        cookie: province,
        body: notice({ unitCode: TAN_THOI }),
        status: 403,
        code: 'NOTICE_UNIT_FORBIDDEN',
      },
      { name: 'reception officer', cookie: reception, body: notice(), status: 403, code: 'FORBIDDEN' },
      { name: 'specialist', cookie: specialist, body: notice(), status: 403, code: 'FORBIDDEN' },
      { name: 'signed out', body: notice(), status: 401, code: 'AUTH_REQUIRED' },
      {
        name: 'NUL in title',
        cookie: leader,
        body: notice({ title: 'Thông\u0000báo' }),
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'NUL in body',
        cookie: leader,
        body: notice({ body: 'a\u0000b' }),
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'NUL in file name',
        cookie: leader,
        body: notice({ attachments: [{ fileName: 'a\u0000.pdf', dataBase64: PDF.toString('base64') }] }),
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'PNG named .pdf',
        cookie: leader,
        body: notice({ attachments: [{ fileName: 'anh.pdf', dataBase64: PNG.toString('base64') }] }),
        status: 415,
        code: 'ATTACHMENT_TYPE_MISMATCH',
      },
      {
        name: 'HTML named .pdf, after a good PDF',
        cookie: leader,
        body: notice({
          attachments: [
            { fileName: 'tot.pdf', dataBase64: PDF.toString('base64') },
            { fileName: 'trang.pdf', dataBase64: Buffer.from('<html><script>1</script>').toString('base64') },
          ],
        }),
        status: 415,
        code: 'ATTACHMENT_TYPE_MISMATCH',
      },
      {
        name: 'unknown kind',
        cookie: leader,
        body: notice({ kind: 'decree' }),
        status: 422,
        code: 'VALIDATION_FAILED',
      },
    ];
    for (const c of cases) {
      const res = await post(c.cookie, c.body);
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(c.status);
      expect(res.headers['content-type'], c.name).toMatch(/^application\/problem\+json/);
      const problem = res.json();
      expect(problem.code, c.name).toBe(c.code);
      expect(`${problem.title} ${problem.detail ?? ''}`, c.name).toMatch(VIETNAMESE);
    }
    expect(await counts()).toEqual(before);
    const dates = await post(
      leader,
      notice({
        kind: 'legal_document',
        docNumber: '01/2026/QĐ-UBND',
        issuer: 'UBND xã Tân Thới',
        issuedOn: '2026-12-01',
        effectiveOn: '2026-11-30',
      }),
    );
    expect(dates.json().errors).toEqual([
      { path: 'effectiveOn', message: 'Ngày có hiệu lực không được trước ngày ban hành' },
    ]);
  });

  it('public reads refuse unknown units and notices; staff reads need a publisher', async () => {
    expect((await list('99999')).json().code).toBe('UNIT_NOT_FOUND');
    expect((await list('abc')).statusCode).toBe(422);
    expect((await detail(TAN_THOI, '00000000-0000-4000-8000-000000000000')).json().code).toBe(
      'NOTICE_NOT_FOUND',
    );
    // A commune's notice is found under its own unit only.
    const mine = (await list(TAN_THOI))
      .json()
      .items.find((i: { unit: { code: string } }) => i.unit.code === TAN_THOI);
    expect((await detail(TAN_PHU_DONG, mine.id)).statusCode).toBe(404);
    const asReception = await s.request({
      method: 'GET',
      url: '/api/v1/notices',
      headers: { cookie: reception },
    });
    expect(asReception.statusCode).toBe(403);
    expect((await s.request({ method: 'GET', url: '/api/v1/notices' })).statusCode).toBe(401);
    const provinceOwn = await s.request({
      method: 'GET',
      url: '/api/v1/notices',
      headers: { cookie: province },
    });
    expect(provinceOwn.json().units[0].code).toBe(PROVINCE);
    expect(provinceOwn.json().items.every((i: { unit: { code: string } }) => i.unit.code === PROVINCE)).toBe(
      true,
    );
    const provinceAsks = await s.request({
      method: 'GET',
      url: `/api/v1/notices?unit=${TAN_THOI}`,
      headers: { cookie: province },
    });
    expect(provinceAsks.json().code).toBe('NOTICE_UNIT_FORBIDDEN');
    const adminAsks = await s.request({
      method: 'GET',
      url: `/api/v1/notices?unit=${TAN_THOI}`,
      headers: { cookie: admin },
    });
    expect(adminAsks.statusCode).toBe(200);
  });
  it("the demo's notices: the province's two-tier notice and decrees, each center's working hours; seeded once", async () => {
    await seedDemoNotices(s.database.db);
    await seedDemoNotices(s.database.db);
    const notices = (await list(TAN_THOI, '?kind=notice&pageSize=50')).json().items as Array<{
      title: string;
    }>;
    const titles = notices.map((i) => i.title);
    expect(titles).toContain('Chính quyền địa phương hai cấp: những điều người dân cần biết');
    expect(titles).toContain('Thời gian làm việc của Trung tâm Phục vụ hành chính công Xã Tân Thới');
    expect(titles.filter((x) => x.startsWith('Thời gian làm việc'))).toHaveLength(1);
    const legal = (await list(TAN_PHU_DONG, '?kind=legal_document&pageSize=50')).json().items as Array<{
      docNumber: string | null;
      issuedOn: string | null;
      effectiveOn: string | null;
    }>;
    expect(legal.find((d) => d.docNumber === '118/2025/NĐ-CP')).toMatchObject({
      issuedOn: '2025-06-09',
      effectiveOn: '2025-07-01',
    });
  });
});
