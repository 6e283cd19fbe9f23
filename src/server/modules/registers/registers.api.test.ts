import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { STAFF_COLUMNS } from './staff-xlsx.ts';

// One person added by hand, then a training course recorded for them: the register, the training
// list and the staffing report's training coverage all follow; other communes see none of it.
describe.each(databaseKinds())('staffing register by hand on %s', (kind) => {
  let s: TestServer;
  let leader: string;
  let reception: string;
  let otherLeader: string;
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => new Date('2025-07-03T02:00:00Z') });
    leader = await s.login('leader.tan-thoi');
    reception = await s.login('reception.tan-thoi');
    otherLeader = await s.login('leader.tan-phu-dong');
  });
  afterAll(async () => s?.close());

  const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    s.request({ method, url, headers: { cookie }, payload });
  const person = {
    fullName: 'Võ Thị Thanh Hương',
    personalId: '082190004321',
    category: 'cong_chuc',
    bloc: 'state',
    orgUnit: 'Trung tâm Phục vụ hành chính công',
    orgUnitKind: 'center',
    position: 'Công chức tiếp nhận hồ sơ',
    fields: ['CT', 'HT'],
    counters: ['1'],
    startDate: '2025-07-01',
  };

  it('adds one person, records a one-stop course, and the coverage counts them as trained', async () => {
    const before = (await call('GET', '/api/v1/reports/staffing?unit=28693', leader)).json();
    const added = await call('POST', '/api/v1/registers/staff?unit=28693', leader, person);
    expect(added.statusCode, added.body).toBe(201);
    const { id } = added.json();

    const listed = (await call('GET', '/api/v1/registers/staff?unit=28693', leader)).json();
    expect(listed.find((p: { id: string }) => p.id === id)).toMatchObject({
      fullName: person.fullName,
      trainedOneStop: false,
    });
    const middle = (await call('GET', '/api/v1/reports/staffing?unit=28693', leader)).json();
    expect(middle.centerTraining.staff).toBe(before.centerTraining.staff + 1);
    expect(middle.centerTraining.trained).toBe(before.centerTraining.trained);

    const course = {
      staffId: id,
      course: 'Bồi dưỡng kỹ năng tiếp nhận, trả kết quả theo cơ chế một cửa',
      day: '2025-07-02',
      hours: 16,
      coversOneStop: true,
    };
    const trained = await call('POST', '/api/v1/registers/trainings?unit=28693', leader, course);
    expect(trained.statusCode, trained.body).toBe(201);
    const trainings = (
      await call('GET', `/api/v1/registers/trainings?unit=28693&staffId=${id}`, reception)
    ).json();
    expect(trainings).toEqual([{ id: trained.json().id, fullName: person.fullName, ...course }]);
    expect(
      (await call('GET', '/api/v1/registers/staff?unit=28693', leader))
        .json()
        .find((p: { id: string }) => p.id === id).trainedOneStop,
    ).toBe(true);
    const after = (await call('GET', '/api/v1/reports/staffing?unit=28693', leader)).json();
    expect(after.centerTraining.trained).toBe(before.centerTraining.trained + 1);
  });

  it('refuses bad input and other communes, writing nothing', async () => {
    const count = async () =>
      (
        await s.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM staff)::int + (SELECT count(*) FROM trainings)::int AS n',
        )
      )[0]!.n;
    const n = await count();
    const dup = await call('POST', '/api/v1/registers/staff?unit=28693', leader, {
      ...person,
      fullName: 'Người trùng',
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors[0].message).toMatch(/đã có trong danh sách/);
    const badCategory = await call('POST', '/api/v1/registers/staff?unit=28693', leader, {
      ...person,
      personalId: null,
      category: 'intern',
    });
    expect(badCategory.statusCode).toBe(422);
    expect(badCategory.headers['content-type']).toMatch(/application\/problem\+json/);
    const byReception = await call('POST', '/api/v1/registers/staff?unit=28693', reception, {
      ...person,
      personalId: null,
    });
    expect(byReception.statusCode).toBe(403);
    const elsewhere = await call('POST', '/api/v1/registers/staff?unit=28693', otherLeader, {
      ...person,
      personalId: null,
    });
    expect(elsewhere.statusCode).toBe(403);
    const mine = (await call('GET', '/api/v1/registers/staff?unit=28693', leader)).json() as Array<{
      id: string;
    }>;
    const foreignTraining = await call('POST', '/api/v1/registers/trainings?unit=28696', otherLeader, {
      staffId: mine[0]!.id,
      course: 'Khóa học',
      day: '2025-07-02',
      hours: 4,
      coversOneStop: false,
    });
    expect(foreignTraining.statusCode).toBe(422);
    const zeroHours = await call('POST', '/api/v1/registers/trainings?unit=28693', leader, {
      staffId: mine[0]!.id,
      course: 'Khóa học',
      day: '2025-07-02',
      hours: 0,
      coversOneStop: false,
    });
    expect(zeroHours.statusCode).toBe(422);
    expect((await call('GET', '/api/v1/registers/trainings?unit=28693', otherLeader)).statusCode).toBe(403);
    expect(await count()).toBe(n);
  });

  it('refuses a workbook whose cell holds a control character, with its row, importing nothing', async () => {
    // OOXML writes a control character as _xHHHH_; the reader turns it back into the character.
    const n = (await call('GET', '/api/v1/registers/staff?unit=28693', leader)).json().length;
    for (const name of ['Lê Văn_x0000_Tư', 'Lê Văn\u0085Tư']) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Nhân sự');
      ws.addRow(STAFF_COLUMNS.map((c) => c.header));
      ws.addRow([1, 'Phạm Văn Đúng', '', 'Công chức', '', 'Văn phòng', 'office']);
      ws.addRow([2, name, '', 'Công chức', '', 'Văn phòng', 'office']);
      const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const res = await call('POST', '/api/v1/registers/staff/import?unit=28693', leader, { dataBase64 });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors).toEqual([
        { path: 'row 3', message: expect.stringMatching(/^Dòng 3: .*ký tự điều khiển/) },
      ]);
    }
    expect((await call('GET', '/api/v1/registers/staff?unit=28693', leader)).json()).toHaveLength(n);
  });
});
