import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canExtractText, pdfPages } from '../../documents/pdf-text.test-support.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';

const PERIOD = 'from=2025-07-01&to=2025-07-02';

/** Rows of the first worksheet as arrays of cell values (column A first). */
async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The value in the last column of the row whose column B (or A) reads `label`, within the section titled `section`. */
function figure(rows: unknown[][], section: string, label: string): unknown {
  const start = rows.findIndex((r) => r[0] === section);
  expect(start, section).toBeGreaterThanOrEqual(0);
  const row = rows.slice(start + 1).find((r) => r[1] === label);
  expect(row, `${section} / ${label}`).toBeTruthy();
  return row![row!.length - 1];
}

describe.each(databaseKinds())('register report exports (XLSX, PDF) on %s', (kind) => {
  let s: TestServer;
  let province: string;
  let tanThoi: string;
  beforeAll(async () => {
    s = await createTestServer(kind, { story: true, now: () => new Date('2025-07-03T02:00:00Z') });
    province = await s.login('province.dong-thap');
    tanThoi = await s.login('leader.tan-thoi');
  });
  afterAll(async () => s?.close());

  const fetch = async (url: string, cookie = province) => {
    const res = await s.request({ url, headers: { cookie } });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res;
  };
  const pdfText = (pdf: Buffer, name: string) => {
    if (process.env.REPORT_PDF_DIR) writeFileSync(`${process.env.REPORT_PDF_DIR}/${name}-${kind}.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return canExtractText ? pdfPages(pdf).join(' ') : null;
  };

  it('staffing of Tân Phú Đông: the XLSX cells are the figures of the screen, the PDF is the official layout', async () => {
    const screen = (await fetch('/api/v1/reports/staffing?unit=28696')).json();
    const xlsx = await fetch('/api/v1/reports/staffing?unit=28696&format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="co-cau-nhan-su-28696.xlsx"');
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows[0]![0]).toBe('BÁO CÁO CƠ CẤU NHÂN SỰ TẠI XÃ TÂN PHÚ ĐÔNG');
    for (const c of screen.byCategory) expect(figure(rows, 'I. Theo phân loại', c.name)).toBe(c.count);
    expect(figure(rows, 'I. Theo phân loại', 'Tổng cộng')).toBe(screen.total);
    expect(figure(rows, 'I. Theo phân loại', 'Viên chức')).toBe(13);
    expect(figure(rows, 'I. Theo phân loại', 'Hợp đồng theo Nghị định 111/2022/NĐ-CP')).toBe(5);
    expect(figure(rows, 'I. Theo phân loại', 'Người hoạt động không chuyên trách')).toBe(39);
    expect(figure(rows, 'II. Cán bộ, công chức theo khối', 'Khối Đảng')).toBe(28);
    expect(figure(rows, 'II. Cán bộ, công chức theo khối', 'Khối chính quyền')).toBe(46);
    expect(figure(rows, 'II. Cán bộ, công chức theo khối', 'Khối Mặt trận Tổ quốc và các đoàn thể')).toBe(17);
    expect(figure(rows, 'II. Cán bộ, công chức theo khối', 'Tổng số cán bộ, công chức')).toBe(91);
    expect(figure(rows, 'III. Theo cơ quan, đơn vị', 'Trung tâm Cung ứng dịch vụ công')).toBe(7);
    expect(figure(rows, 'III. Theo cơ quan, đơn vị', 'Ban Quản lý bến đò')).toBe(6);
    const training = rows.findIndex((r) => r[0] === 'IV. Bồi dưỡng nghiệp vụ một cửa của cán bộ Trung tâm');
    const t = screen.centerTraining;
    expect(rows[training + 2]).toEqual([t.staff, t.trained, t.staff - t.trained, t.rate ?? 'N/A']);

    const pdf = await fetch('/api/v1/reports/staffing?unit=28696&format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('inline; filename="co-cau-nhan-su-28696.pdf"');
    const text = pdfText(pdf.rawPayload, 'staffing');
    if (text === null) return;
    for (const phrase of [
      'UBND XÃ TÂN PHÚ ĐÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO CƠ CẤU NHÂN SỰ',
      'Cán bộ, công chức theo khối',
      'Khối Mặt trận Tổ quốc và các đoàn thể',
      'Người hoạt động không chuyên trách',
      'Ban Quản lý bến đò',
      'ngày 03 tháng 07 năm 2025',
      'NGƯỜI LẬP BIỂU',
      'THỦ TRƯỞNG ĐƠN VỊ',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('consultations of Tân Thới on 1–2 July 2025: 7 by field and by channel, in XLSX and PDF', async () => {
    const screen = (await fetch(`/api/v1/reports/consultations?unit=28693&${PERIOD}`)).json();
    expect(screen.total).toBe(7);
    const xlsx = await fetch(`/api/v1/reports/consultations?unit=28693&${PERIOD}&format=xlsx`);
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="tu-van-28693-2025-07-01-2025-07-02.xlsx"',
    );
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows[0]![0]).toBe('BÁO CÁO KẾT QUẢ HƯỚNG DẪN, TƯ VẤN THỦ TỤC HÀNH CHÍNH TẠI XÃ TÂN THỚI');
    expect(rows[1]![0]).toBe('Kỳ báo cáo: Từ ngày 01/07/2025 đến ngày 02/07/2025');
    const byField = rows
      .slice(rows.findIndex((r) => r[0] === 'I. Theo lĩnh vực') + 2)
      .filter((r) => typeof r[0] === 'number');
    const firstSection = byField.slice(0, screen.byField.length);
    expect(Object.fromEntries(firstSection.map((r) => [r[2], r[3]]))).toEqual(
      Object.fromEntries(screen.byField.map((f: { code: string; count: number }) => [f.code, f.count])),
    );
    for (const r of firstSection) expect(r[1], 'field name from the catalogue').not.toBe(r[2]);
    expect(figure(rows, 'I. Theo lĩnh vực', 'Tổng cộng')).toBe(7);
    for (const c of screen.byChannel) {
      const label = { counter: 'Tại quầy', phone: 'Điện thoại', online: 'Trực tuyến' }[c.channel as string];
      expect(figure(rows, 'II. Theo hình thức', label!)).toBe(c.count);
    }
    expect(figure(rows, 'II. Theo hình thức', 'Tổng cộng')).toBe(7);

    const pdf = await fetch(`/api/v1/reports/consultations?unit=28693&${PERIOD}&format=pdf`);
    expect(pdf.headers['content-disposition']).toBe(
      'inline; filename="tu-van-28693-2025-07-01-2025-07-02.pdf"',
    );
    const text = pdfText(pdf.rawPayload, 'consultations');
    if (text === null) return;
    for (const phrase of [
      'UBND XÃ TÂN THỚI',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'BÁO CÁO KẾT QUẢ HƯỚNG DẪN, TƯ VẤN THỦ TỤC HÀNH CHÍNH',
      'TẠI XÃ TÂN THỚI',
      'Theo lĩnh vực',
      'Theo hình thức',
      'Tổng cộng',
      'Tân Thới, ngày 03 tháng 07 năm 2025',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('equipment of Tân Phú Đông: one row per item with quantity, condition and need, and the total', async () => {
    const screen = (await fetch('/api/v1/reports/equipment?unit=28696')).json();
    const xlsx = await fetch('/api/v1/reports/equipment?unit=28696&format=xlsx');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="trang-thiet-bi-28696.xlsx"');
    const rows = await sheetRows(xlsx.rawPayload);
    const head = rows.findIndex((r) => r[1] === 'Tên thiết bị');
    expect(rows[head]).toEqual([
      'STT',
      'Tên thiết bị',
      'Loại',
      'Số lượng',
      'Tình trạng',
      'Đáp ứng nhu cầu',
      'Ghi chú',
    ]);
    screen.items.forEach((item: { name: string; quantity: number; meetsNeed: boolean }, i: number) => {
      const row = rows[head + 1 + i]!;
      expect([row[0], row[1], row[3], row[5]]).toEqual([
        i + 1,
        item.name,
        item.quantity,
        item.meetsNeed ? 'Đáp ứng' : 'Chưa đáp ứng',
      ]);
    });
    const total = rows[head + 1 + screen.items.length]!;
    expect([total[1], total[3]]).toEqual([
      'Tổng cộng',
      screen.items.reduce((n: number, i: { quantity: number }) => n + i.quantity, 0),
    ]);
    expect(rows.some((r) => r[0] === 'Kết luận: Trang thiết bị đáp ứng nhu cầu công việc.')).toBe(true);

    const pdf = await fetch('/api/v1/reports/equipment?unit=28696&format=pdf');
    expect(pdf.headers['content-disposition']).toBe('inline; filename="trang-thiet-bi-28696.pdf"');
    const text = pdfText(pdf.rawPayload, 'equipment');
    if (text === null) return;
    for (const phrase of [
      'BÁO CÁO TRANG THIẾT BỊ VÀ MỨC ĐÁP ỨNG NHU CẦU',
      'TẠI XÃ TÂN PHÚ ĐÔNG',
      'Tên thiết bị',
      'Số lượng',
      'Tình trạng',
      'Đáp ứng nhu cầu',
      'Máy tính',
      'Kết luận',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('a province export covers its communes; a commune officer cannot export another commune; a bad format is refused', async () => {
    const whole = (await fetch('/api/v1/reports/staffing?unit=82')).json();
    const rows = await sheetRows((await fetch('/api/v1/reports/staffing?unit=82&format=xlsx')).rawPayload);
    expect(figure(rows, 'I. Theo phân loại', 'Tổng cộng')).toBe(whole.total);
    for (const url of [
      '/api/v1/reports/staffing?unit=28696&format=xlsx',
      '/api/v1/reports/staffing?unit=28696&format=pdf',
      `/api/v1/reports/consultations?unit=28696&${PERIOD}&format=pdf`,
      '/api/v1/reports/equipment?unit=28696&format=xlsx',
      '/api/v1/reports/equipment?unit=82&format=pdf',
    ]) {
      const res = await s.request({ url, headers: { cookie: tanThoi } });
      expect(res.statusCode, url).toBe(403);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
    const own = await s.request({
      url: `/api/v1/reports/consultations?${PERIOD}&format=xlsx`,
      headers: { cookie: tanThoi },
    });
    expect(own.headers['content-disposition']).toBe(
      'attachment; filename="tu-van-28693-2025-07-01-2025-07-02.xlsx"',
    );
    for (const url of [
      '/api/v1/reports/staffing?unit=28696&format=docx',
      `/api/v1/reports/consultations?unit=28693&${PERIOD}&format=csv`,
      '/api/v1/reports/equipment?unit=28696&format=PDF',
    ]) {
      const res = await s.request({ url, headers: { cookie: province } });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.headers['content-type'], url).toContain('problem+json');
    }
  });

  it("national exports (unit=all) are for administrators: their totals are the provinces' and the communes' together", async () => {
    const admin = await s.login('admin');
    const nation = (await fetch('/api/v1/reports/staffing?unit=all', admin)).json();
    expect(nation.unit).toMatchObject({ code: 'all', name: 'Toàn quốc' });
    const dongThap = (await fetch('/api/v1/reports/staffing?unit=82')).json();
    // Only Đồng Tháp's communes have staff in the demo: the nation adds up to the province.
    expect(nation.total).toBe(dongThap.total);
    expect(nation.total).toBeGreaterThan(0);
    const rows = await sheetRows(
      (await fetch('/api/v1/reports/staffing?unit=all&format=xlsx', admin)).rawPayload,
    );
    expect(figure(rows, 'I. Theo phân loại', 'Tổng cộng')).toBe(nation.total);
    const consult = await fetch(`/api/v1/reports/consultations?unit=all&${PERIOD}&format=xlsx`, admin);
    expect(consult.headers['content-disposition']).toContain('tu-van-all-2025-07-01-2025-07-02.xlsx');
    const settlement = (await fetch(`/api/v1/reports/settlement?unit=all&${PERIOD}`, admin)).json();
    const provinceSettlement = (await fetch(`/api/v1/reports/settlement?unit=82&${PERIOD}`)).json();
    expect(settlement.total).toEqual(provinceSettlement.total);
    expect(settlement.total.received).toBe(32);
    const pdf = await fetch('/api/v1/reports/equipment?unit=all&format=pdf', admin);
    const text = pdfText(pdf.rawPayload, 'equipment-all');
    if (text !== null) expect(text.toLocaleLowerCase('vi')).toContain('toàn quốc');
    for (const cookie of [province, tanThoi]) {
      for (const url of [
        '/api/v1/reports/staffing?unit=all&format=xlsx',
        `/api/v1/reports/settlement?unit=all&${PERIOD}`,
      ]) {
        const res = await s.request({ url, headers: { cookie } });
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code, url).toBe('FORBIDDEN');
      }
    }
  });

  it('describes the three reports and their formats in the OpenAPI document', async () => {
    const doc = (await fetch('/api/openapi.json')).json();
    for (const path of [
      '/api/v1/reports/staffing',
      '/api/v1/reports/consultations',
      '/api/v1/reports/equipment',
    ]) {
      const op = doc.paths[path].get;
      expect(op.parameters.find((p: { name: string }) => p.name === 'format').schema.enum).toEqual([
        'json',
        'xlsx',
        'pdf',
      ]);
      const schema = op.responses['200'].content['application/json'].schema;
      expect(schema.properties.unit, path).toBeTruthy();
    }
  });
});
