import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { score766 } from '../../../domain/reports/score-766.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { STAFF_COLUMNS } from '../registers/staff-xlsx.ts';

const PERIOD = 'from=2025-07-01&to=2025-07-02';

describe.each(databaseKinds())(
  'the inspection of Tân Phú Đông and Tân Thới, read from motcua on %s',
  (kind) => {
    let s: TestServer;
    let province: string;
    let tanThoi: string;
    beforeAll(async () => {
      s = await createTestServer(kind, { story: true, now: () => new Date('2025-07-03T02:00:00Z') });
      province = await s.login('province.dong-thap');
      tanThoi = await s.login('leader.tan-thoi');
    });
    afterAll(async () => s?.close());

    const get = async (url: string, cookie = province) => {
      const res = await s.request({ url, headers: { cookie } });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json();
    };

    it('Tân Phú Đông: 91 cán bộ and công chức by bloc, 13 viên chức by unit, 5 contracts, 39 part-time, equipment meeting the need', async () => {
      const r = await get('/api/v1/reports/staffing?unit=28696');
      const cat = Object.fromEntries(
        r.byCategory.map((c: { code: string; count: number }) => [c.code, c.count]),
      );
      expect(cat.can_bo + cat.cong_chuc).toBe(91);
      expect(r.officials).toBe(91);
      expect(
        Object.fromEntries(r.byBloc.map((b: { code: string; count: number }) => [b.code, b.count])),
      ).toEqual({ party: 28, state: 46, front: 17 });
      expect(cat.vien_chuc).toBe(13);
      const units = Object.fromEntries(
        r.byUnit.map((u: { name: string; count: number }) => [u.name, u.count]),
      );
      expect(units['Trung tâm Cung ứng dịch vụ công']).toBe(7);
      expect(units['Ban Quản lý bến đò']).toBe(6);
      expect(cat.hd111).toBe(5);
      expect(cat.part_time).toBe(39);
      const eq = await get('/api/v1/reports/equipment?unit=28696');
      expect(eq.allMeetNeed).toBe(true);
      expect(eq.items.map((i: { kind: string }) => i.kind).sort()).toEqual([
        'cabinet',
        'chair',
        'computer',
        'desk',
      ]);
    });

    it('Tân Phú Đông received 20 dossiers: 12 justice, 8 land', async () => {
      const r = await get(`/api/v1/reports/settlement?unit=28696&${PERIOD}&groupBy=sector`);
      expect(r.total.received).toBe(20);
      const bySector = Object.fromEntries(
        r.rows.map((row: { field: { code: string; name: string }; received: { total: number } }) => [
          row.field.name,
          row.received.total,
        ]),
      );
      expect(bySector).toEqual({ 'Tư pháp': 12, 'Đất đai': 8 });
    });

    it('Tân Thới received 12 — 9 certification, 2 civil status, 1 household business — 10 returned, 2 in process; 7 consultations', async () => {
      const r = await get(`/api/v1/reports/settlement?unit=28693&${PERIOD}`);
      const byField = Object.fromEntries(
        r.rows.map((row: { field: { code: string }; received: { total: number } }) => [
          row.field.code,
          row.received.total,
        ]),
      );
      expect(byField).toEqual({ CT: 9, HT: 2, HKD: 1 });
      expect(r.total).toEqual({ received: 12, settled: 10, inProcess: 2, withdrawnOrStopped: 0 });
      expect(r.totalRow.received.total).toBe(
        r.totalRow.settled.total + r.totalRow.inProcess.total + r.totalRow.withdrawnOrStopped,
      );
      const [returned] = await s.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM dossiers WHERE unit_code = '28693' AND status = 10",
      );
      expect(returned?.n).toBe(10);
      const c = await get(`/api/v1/reports/consultations?unit=28693&${PERIOD}`);
      expect(c.total).toBe(7);
      expect(c.byField.map((f: { code: string }) => f.code).sort()).toEqual(['CT', 'DD', 'HT']);
      const units = await get('/api/v1/units?parent=82');
      expect(units.find((u: { code: string }) => u.code === '28693')).toBeTruthy();
      const [unit] = await s.query<{ connected: boolean }>(
        "SELECT portal_connected AS connected FROM units WHERE code = '28693'",
      );
      expect(unit?.connected).toBe(true);
    });

    it('exports the settlement report to XLSX with the cells of the screen, and to PDF', async () => {
      const screen = await get(`/api/v1/reports/settlement?unit=28693&${PERIOD}`);
      const res = await s.request({
        url: `/api/v1/reports/settlement?unit=28693&${PERIOD}&format=xlsx`,
        headers: { cookie: province },
      });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const values = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);
      screen.rows.forEach(
        (
          row: {
            field: { name: string };
            received: { total: number; online: number };
            settled: { total: number };
            inProcess: { total: number };
          },
          i: number,
        ) => {
          const cells = values(6 + i);
          expect(cells[1]).toBe(row.field.name);
          expect(cells[2]).toBe(row.received.total);
          expect(cells[3]).toBe(row.received.online);
          expect(cells[6]).toBe(row.settled.total);
          expect(cells[10]).toBe(row.inProcess.total);
        },
      );
      const total = values(6 + screen.rows.length);
      expect([total[1], total[2], total[6], total[10]]).toEqual(['Tổng cộng', 12, 10, 2]);
      const pdf = await s.request({
        url: `/api/v1/reports/settlement?unit=28693&${PERIOD}&format=pdf`,
        headers: { cookie: province },
      });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('a province officer sees every commune of the province; a commune officer only their own', async () => {
      const whole = await get(`/api/v1/reports/settlement?unit=82&${PERIOD}&groupBy=unit`);
      expect(whole.rows.map((r: { field: { code: string } }) => r.field.code).sort()).toEqual([
        '28693',
        '28696',
      ]);
      expect(whole.total.received).toBe(32);
      const own = await get(`/api/v1/reports/settlement?${PERIOD}`, tanThoi);
      expect(own.unit.code).toBe('28693');
      for (const url of [
        `/api/v1/reports/settlement?unit=28696&${PERIOD}`,
        `/api/v1/reports/settlement?unit=82&${PERIOD}`,
        '/api/v1/reports/staffing?unit=28696',
      ]) {
        const res = await s.request({ url, headers: { cookie: tanThoi } });
        expect(res.statusCode, url).toBe(403);
      }
      const dash = await get(`/api/v1/reports/dashboard?province=82&${PERIOD}`);
      const tt = dash.communes.find((c: { unit: { code: string } }) => c.unit.code === '28693');
      expect(tt).toMatchObject({
        received: 12,
        settled: 10,
        inProcess: 2,
        consultations: 7,
        unit: { portalConnected: true },
      });
      // The set-based dashboard says what each commune's own reports say.
      expect(dash.communes.length).toBeGreaterThan(1);
      for (const c of dash.communes) {
        const r = await get(`/api/v1/reports/settlement?unit=${c.unit.code}&${PERIOD}`);
        const staffing = await get(`/api/v1/reports/staffing?unit=${c.unit.code}`);
        const consult = await get(`/api/v1/reports/consultations?unit=${c.unit.code}&${PERIOD}`);
        expect(c, c.unit.code).toEqual({
          unit: { code: c.unit.code, name: r.unit.name, portalConnected: c.unit.portalConnected },
          byField: r.rows.map(
            (row: { field: { code: string; name: string }; received: { total: number } }) => ({
              code: row.field.code,
              name: row.field.name,
              received: row.received.total,
            }),
          ),
          received: r.total.received,
          settled: r.total.settled,
          inProcess: r.total.inProcess,
          overdue: r.totalRow.inProcess.overdue + r.totalRow.settled.late,
          onTimeRate: r.indicators[0].value,
          onlineShare: r.indicators[1].value,
          resultsReturned: r.totalRow.results.returned,
          resultsAwaiting: r.totalRow.results.awaiting,
          resultsBacklog: r.resultsBacklog,
          consultations: consult.total,
          centerStaff: staffing.centerTraining.staff,
          centerStaffTrained: staffing.centerTraining.trained,
          rank: c.rank,
          // The commune's 766 score is the score of the index its own II.06a shows.
          index766: expect.objectContaining({ score: score766(r.index766).score }),
        });
      }
    });

    it('refuses inverted or absurdly long periods and unknown units', async () => {
      for (const [url, status] of [
        ['/api/v1/reports/settlement?unit=28693&from=2025-07-02&to=2025-07-01', 422],
        ['/api/v1/reports/settlement?unit=28693&from=1990-01-01&to=2025-07-01', 422],
        ['/api/v1/reports/settlement?unit=99999&from=2025-07-01&to=2025-07-02', 404],
        ['/api/v1/reports/settlement?unit=28693&from=2025-13-01&to=2025-07-02', 422],
      ] as const) {
        const res = await s.request({ url, headers: { cookie: province } });
        expect(res.statusCode, url).toBe(status);
        expect(res.headers['content-type']).toContain('problem+json');
      }
    });

    it('imports staff from XLSX all-or-nothing, with row numbers for errors', async () => {
      const leader = await s.login('leader.tan-phu-dong');
      const build = async (rows: unknown[][]) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Nhân sự');
        ws.addRow(STAFF_COLUMNS.map((c) => c.header));
        for (const r of rows) ws.addRow(r);
        return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      };
      const before = (await get('/api/v1/reports/staffing?unit=28696', leader)).total;
      const bad = await build([
        [
          1,
          'Nguyễn Văn Mới',
          '082090000001',
          'Công chức',
          'Khối chính quyền',
          'Trung tâm Phục vụ hành chính công',
          'center',
          'Chuyên viên',
          'CT',
          '1',
          '2025-08-01',
        ],
        [2, 'Trần Thị Sai', '082090000002', 'Thực tập sinh', '', 'Văn phòng', 'office', '', '', '', ''],
        [
          3,
          'Lê Văn Ngày',
          '082090000003',
          'Viên chức',
          '',
          'Ban Quản lý bến đò',
          'public_service_unit',
          '',
          '',
          '',
          '01/08/2025',
        ],
        [
          4,
          'Nguyễn Văn Mới',
          '082090000001',
          'Công chức',
          'Khối chính quyền',
          'Văn phòng',
          'office',
          '',
          '',
          '',
          '',
        ],
      ]);
      const res = await s.request({
        method: 'POST',
        url: '/api/v1/registers/staff/import',
        headers: { cookie: leader },
        payload: { dataBase64: bad },
      });
      expect(res.statusCode).toBe(422);
      const messages = res
        .json()
        .errors.map((e: { message: string }) => e.message)
        .join('\n');
      expect(messages).toMatch(/Dòng 3: phân loại "Thực tập sinh"/);
      expect(messages).toMatch(/Dòng 4: ngày "01\/08\/2025"/);
      expect(messages).toMatch(/Dòng 5: trùng người với dòng 2/);
      expect((await get('/api/v1/reports/staffing?unit=28696', leader)).total).toBe(before);
      const good = await build([
        [
          1,
          'Nguyễn Văn Mới',
          '082090000001',
          'Công chức',
          'Khối chính quyền',
          'Trung tâm Phục vụ hành chính công',
          'center',
          'Chuyên viên',
          'CT',
          '1',
          '2025-08-01',
        ],
      ]);
      const ok = await s.request({
        method: 'POST',
        url: '/api/v1/registers/staff/import',
        headers: { cookie: leader },
        payload: { dataBase64: good },
      });
      expect(ok.json()).toEqual({ imported: 1 });
      expect((await get('/api/v1/reports/staffing?unit=28696', leader)).total).toBe(before + 1);
      const again = await s.request({
        method: 'POST',
        url: '/api/v1/registers/staff/import',
        headers: { cookie: leader },
        payload: { dataBase64: good },
      });
      expect(again.statusCode).toBe(422);
      const exported = await s.request({
        url: '/api/v1/registers/staff.xlsx?unit=28696',
        headers: { cookie: leader },
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(before);
    });
  },
);
