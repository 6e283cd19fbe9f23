import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../server/db/lock.ts';
import { STAFF_COLUMNS } from '../server/modules/registers/staff-xlsx.ts';
import { databaseKinds, intakeBody } from '../server/test-support/harness.ts';
import { REPO_ROOT } from '../server/test-support/processes.ts';
import { type CliTarget, createCliTarget, runCli, withApp, withDatabase } from './cli.test-support.ts';

/* The operators' commands other than backup/restore, run as a real process on each database. */

const NO_DATABASE = { MOTCUA_DATA_DIR: path.join(os.tmpdir(), 'motcua-cli-none') };

describe('motcua usage', () => {
  it('prints the usage for no command and for help, exit 0', async () => {
    const bare = await runCli([], NO_DATABASE);
    expect(bare.code).toBe(0);
    for (const c of ['migrate', 'seed', 'import', 'export', 'backup', 'restore', 'audit-verify'])
      expect(bare.stdout).toContain(`motcua ${c}`);
    const restore = await runCli(['help', 'restore'], NO_DATABASE);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('--force');
  });

  it('answers an unknown command, option or malformed value with exit 2 and the usage', async () => {
    const unknown = await runCli(['frobnicate'], NO_DATABASE);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Lệnh không hợp lệ / unknown command: frobnicate');
    expect(unknown.stderr).toContain('motcua backup');
    const option = await runCli(['audit-verify', '--everything'], NO_DATABASE);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("'--everything'");
    const date = await runCli(
      ['export', 'dossiers', '--unit', '28693', '--from', '2025-02-30', '--to', '2025-03-01'],
      NO_DATABASE,
    );
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--from 2025-02-30');
    expect((await runCli(['restore'], NO_DATABASE)).code).toBe(2);
    expect((await runCli(['import', 'staff', 'x.xlsx'], NO_DATABASE)).stderr).toContain('--unit');
  });
});

async function staffWorkbook(file: string, rows: Array<[string, string, string]>) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân sự');
  ws.addRow(STAFF_COLUMNS.map((c) => c.header));
  const col = (key: string) => STAFF_COLUMNS.findIndex((c) => c.key === key);
  for (const [fullName, personalId, category] of rows) {
    const row: string[] = STAFF_COLUMNS.map(() => '');
    row[col('fullName')] = fullName;
    row[col('personalId')] = personalId;
    row[col('category')] = category;
    row[col('orgUnit')] = 'Trung tâm Phục vụ hành chính công';
    row[col('orgUnitKind')] = 'center';
    ws.addRow(row);
  }
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe.each(databaseKinds())('motcua commands on %s', (kind) => {
  let t: CliTarget;
  let work: string;
  const count = (query: string) =>
    withDatabase(t, async (d) => {
      const r = (await d.db.execute(sql.raw(query))) as unknown as { rows: Array<{ n: string | number }> };
      return Number(r.rows[0]?.n);
    });
  let code: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-files-'));
    t = await createCliTarget(kind, { seeded: true });
    code = await withApp(
      t,
      () => new Date('2025-07-01T02:00:00Z'),
      async (app, login) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/dossiers',
          headers: { cookie: await login('reception.tan-thoi') },
          payload: intakeBody(),
        });
        return (res.json() as { code: string }).code;
      },
    );
  });
  afterAll(async () => {
    await t?.cleanup();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("imports a commune's staff from XLSX; a file with a bad row imports nothing", async () => {
    const staffOf = () => count(`SELECT count(*) AS n FROM staff WHERE unit_code = '28693'`);
    const before = await staffOf();
    const bad = path.join(work, 'bad.xlsx');
    await staffWorkbook(bad, [
      ['Lê Văn Một', '082090000001', 'Công chức'],
      ['Lê Văn Hai', '082090000002', 'Thợ lặn'],
    ]);
    const refused = await runCli(['import', 'staff', bad, '--unit', '28693'], t.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Dòng 3: phân loại "Thợ lặn" không hợp lệ');
    expect(await staffOf()).toBe(before);

    const notXlsx = await runCli(
      ['import', 'staff', path.join(REPO_ROOT, 'package.json'), '--unit', '28693'],
      t.env,
    );
    expect(notXlsx.code).toBe(1);
    expect(notXlsx.stderr).toContain('Tệp không phải bảng tính XLSX hợp lệ');

    const good = path.join(work, 'good.xlsx');
    await staffWorkbook(good, [
      ['Lê Văn Một', '082090000001', 'Công chức'],
      ['Lê Văn Hai', '082090000002', 'Viên chức'],
    ]);
    const imported = await runCli(['import', 'staff', good, '--unit', '28693'], t.env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 người');
    expect(await staffOf()).toBe(before + 2);
  });

  it('imports units, procedures and a year of days off, all rows or none', async () => {
    const holidays = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data/holidays/2026.json'), 'utf8'));
    const catalog = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data/procedures.json'), 'utf8'));
    const procedure = { ...catalog.procedures[0], name: 'Tên đã sửa qua dòng lệnh' };
    const commune = {
      code: '99001',
      name: 'Thử Nghiệm',
      fullName: 'Xã Thử Nghiệm',
      nameEn: 'Thu Nghiem',
      kind: 'xa',
      provinceCode: '82',
      slug: 'thu-nghiem',
      agencyCode: 'H82.901',
    };
    const state = () =>
      withDatabase(t, async (d) => {
        const r = (await d.db.execute(
          sql`SELECT (SELECT count(*) FROM calendar_days WHERE day BETWEEN '2026-01-01' AND '2026-12-31')::int AS days,
                     (SELECT count(*) FROM units)::int AS units,
                     (SELECT count(*) FROM units WHERE code = '99001' AND agency_code = 'H82.901')::int AS commune,
                     (SELECT count(*) FROM procedures WHERE code = ${procedure.code} AND name = ${procedure.name})::int AS renamed`,
        )) as unknown as { rows: Array<Record<string, number>> };
        return r.rows[0]!;
      });
    const file = (name: string, content: unknown) => {
      const f = path.join(work, name);
      fs.writeFileSync(f, JSON.stringify(content));
      return f;
    };
    const before = await state();

    const badYear = file('bad-2026.json', {
      ...holidays,
      days: [
        { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' },
        { date: '2026-09-09', kind: 'makeup_workday', name: 'Làm bù' },
      ],
    });
    const badUnits = file('bad-units.json', {
      communes: [commune, { ...commune, code: '99002', provinceCode: '77', agencyCode: 'H77.902' }],
    });
    const badProcedures = file('bad-procedures.json', [procedure, { ...procedure, code: '1.9' }]);
    const refused = [
      [await runCli(['import', 'calendar', badYear], t.env), 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật'],
      [await runCli(['import', 'units', badUnits], t.env), '99002: không có tỉnh 77'],
      [await runCli(['import', 'procedures', badProcedures], t.env), 'procedures.1 (1.9).code'],
    ] as const;
    for (const [run, message] of refused) {
      expect(run.code, `signal ${run.signal}; stderr: ${run.stderr}`).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('không nhập dòng nào / the file is invalid, nothing imported');
    }
    expect(await state()).toEqual(before);

    const imports = [
      ['calendar', path.join(REPO_ROOT, 'data/holidays/2026.json')],
      ['units', file('units.json', { communes: [commune] })],
      ['procedures', file('procedures.json', { procedures: [procedure] })],
    ];
    for (const [kind, f] of imports) {
      const run = await runCli(['import', kind!, f!], t.env);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(await state()).toEqual({
      days: holidays.days.length,
      units: before.units! + 1,
      commune: 1,
      renamed: 1,
    });
  });

  it('exports the dossiers of a period and the settlement report', async () => {
    const csv = await runCli(
      ['export', 'dossiers', '--unit', '28693', '--from', '2025-07-01', '--to', '2025-07-01', '--out', '-'],
      t.env,
    );
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^STT,Mã hồ sơ,Mã xã/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(code);
    expect(lines[1]).toContain('Nguyễn Thị Hồng Nhung');
    expect(lines[1]).toContain('2025-07-01 09:00');
    const none = await runCli(
      ['export', 'dossiers', '--unit', '28693', '--from', '2025-07-02', '--to', '2025-07-31', '--out', '-'],
      t.env,
    );
    expect(none.stdout.trim().split('\n')).toHaveLength(1);

    const out = path.join(work, 'bieu-06a.xlsx');
    const report = await runCli(
      [
        'export',
        'reports',
        'settlement',
        '--unit',
        '82',
        '--from',
        '2025-07-01',
        '--to',
        '2025-07-31',
        '--out',
        out,
      ],
      t.env,
    );
    expect(report.code, report.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let total: unknown[] | undefined;
    ws.eachRow((row) => {
      const v = row.values as unknown[];
      if (v[2] === 'Tổng cộng') total = v;
    });
    // Column 3 is "Tổng số nhận": the one dossier received in July.
    expect(total?.[3]).toBe(1);

    // The register reports, each in another format.
    const pdf = path.join(work, 'nhan-su.pdf');
    const staffing = await runCli(
      ['export', 'reports', 'staffing', '--unit', '28693', '--format', 'pdf', '--out', pdf],
      t.env,
    );
    expect(staffing.code, staffing.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const consultations = await runCli(
      [
        'export',
        'reports',
        'consultations',
        '--unit',
        '82',
        '--from',
        '2025-07-01',
        '--to',
        '2025-07-31',
        '--format',
        'json',
        '--out',
        '-',
      ],
      t.env,
    );
    expect(consultations.code, consultations.stderr).toBe(0);
    expect(JSON.parse(consultations.stdout)).toMatchObject({
      unit: { code: '82' },
      from: '2025-07-01',
      total: expect.any(Number),
    });
    const equipment = await runCli(
      ['export', 'reports', 'equipment', '--unit', '28693', '--format', 'csv', '--out', '-'],
      t.env,
    );
    expect(equipment.code, equipment.stderr).toBe(0);
    expect(equipment.stdout).toContain('BÁO CÁO TRANG THIẾT BỊ');
    const noPeriod = await runCli(
      ['export', 'reports', 'equipment', '--unit', '28693', '--from', '2025-07-01'],
      t.env,
    );
    expect(noPeriod.code).toBe(2);
  });

  it('migrates and seeds a new database', async () => {
    const fresh = await createCliTarget(kind, { seeded: false });
    try {
      const early = await runCli(['audit-verify'], fresh.env);
      expect(early.code).toBe(1);
      expect(early.stderr).toMatch(
        kind === 'pglite' ? /Chưa có cơ sở dữ liệu/ : /chưa được cập nhật cấu trúc/,
      );
      const migrated = await runCli(['migrate'], fresh.env);
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toMatch(/Đã áp dụng [1-9]\d* migration/);
      expect((await runCli(['migrate'], fresh.env)).stdout).toContain('Cấu trúc đã mới nhất');
      const seeded = await runCli(['seed'], fresh.env);
      expect(seeded.code, seeded.stderr).toBe(0);
      expect(seeded.stdout).toContain('reception.tan-thoi');
      // The demo's inspection story received dossiers at Tân Phú Đông: their chains are checked alone.
      const one = await runCli(['audit-verify', '--unit', '28696'], fresh.env);
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout).toMatch(/: [1-9]\d* sự kiện/);
      expect(
        await withDatabase(fresh, async (d) => {
          const r = (await d.db.execute(sql`SELECT count(*) AS n FROM units`)) as unknown as {
            rows: Array<{ n: string | number }>;
          };
          return Number(r.rows[0]?.n);
        }),
      ).toBeGreaterThan(3000);
    } finally {
      await fresh.cleanup();
    }
  });
});

// Only the embedded database has a data folder to lock.
describe('motcua commands beside a running embedded server', () => {
  it('refuse the data folder the server holds (exit 4)', async () => {
    const t = await createCliTarget('pglite', { seeded: true });
    const lock = lockDataDir(t.config.dataDir);
    try {
      const locked = await runCli(['audit-verify'], t.env);
      expect(locked.code, locked.stderr).toBe(4);
      expect(locked.stderr).toContain('đang được tiến trình khác sử dụng');
    } finally {
      lock.release();
      await t.cleanup();
    }
  });
});
