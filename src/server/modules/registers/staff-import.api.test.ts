import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { xlsxBomb } from '../../test-support/xlsx-bomb.ts';
import { STAFF_COLUMNS } from './staff-xlsx.ts';

// Staff register import: the workbook is read on a worker thread; a workbook that would unpack to
// hundreds of megabytes is refused from its directory before anything is inflated, one that lies
// about its sizes is caught while inflating, and a sheet with too many rows is refused whole.
const MAX_ROWS = 5;

async function staffWorkbook(count: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân sự');
  ws.addRow(STAFF_COLUMNS.map((c) => c.header));
  for (let i = 0; i < count; i++) {
    ws.addRow([i + 1, `Trần Văn Nhập ${i + 1}`, `08219000${String(5000 + i)}`, 'Công chức']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(databaseKinds())('staff workbook import on %s', (kind) => {
  let s: TestServer;
  let leader: string;
  beforeAll(async () => {
    s = await createTestServer(kind, {
      env: { MOTCUA_IMPORT_MAX_ROWS: String(MAX_ROWS), MOTCUA_IMPORT_MAX_UNPACKED_MB: '10' },
    });
    leader = await s.login('leader.tan-thoi');
  });
  afterAll(async () => s?.close());

  const upload = (dataBase64: string) =>
    s.request({
      method: 'POST',
      url: '/api/v1/registers/staff/import?unit=28693',
      headers: { cookie: leader },
      payload: { dataBase64 },
    });
  const staffCount = async () =>
    (await s.query<{ n: number }>('SELECT count(*)::int AS n FROM staff'))[0]?.n ?? -1;

  it('imports a workbook read on a worker', async () => {
    const before = await staffCount();
    const res = await upload(await staffWorkbook(2));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    expect(await staffCount()).toBe(before + 2);
    const names = (
      await s.query<{ full_name: string }>(
        "SELECT full_name FROM staff WHERE full_name LIKE 'Trần Văn Nhập%' ORDER BY full_name",
      )
    ).map((r) => r.full_name);
    expect(names).toEqual(['Trần Văn Nhập 1', 'Trần Văn Nhập 2']);
  });

  it('refuses a 300 MB zip bomb from its directory with 413 SPREADSHEET_TOO_LARGE, writing nothing', async () => {
    const bomb = await xlsxBomb(300_000_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await staffCount();
    const res = await upload(bomb.toString('base64'));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE', status: 413 });
    expect(res.json().detail).toMatch(/10 MB/);
    expect(await staffCount()).toBe(before);
    // Refused before any worker was asked to read it.
    expect(s.ctx.workers.pending).toBe(0);
  });

  it('refuses a bomb whose directory claims 1 KB per part once inflating passes the claim', async () => {
    const before = await staffCount();
    const res = await upload((await xlsxBomb(50_000_000, { lie: true })).toString('base64'));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE' });
    expect(await staffCount()).toBe(before);
  });

  it('refuses a sheet with more rows than the limit with 422 SPREADSHEET_TOO_MANY_ROWS, writing nothing', async () => {
    const before = await staffCount();
    const res = await upload(await staffWorkbook(MAX_ROWS + 1));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'SPREADSHEET_TOO_MANY_ROWS', status: 422 });
    expect(res.json().detail).toMatch(/6 dòng.*tối đa 5 dòng/);
    expect(await staffCount()).toBe(before);
  });

  it('refuses a file that is not a workbook as invalid input', async () => {
    const res = await upload(Buffer.from('Họ và tên,Phân loại\nA,Công chức\n').toString('base64'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().errors[0].message).toMatch(/không phải bảng tính XLSX/);
  });
});
