import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../documents/pdf-text.test-support.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { type OfficerCookies, officerDesk, signInOfficers } from '../../test-support/officers.ts';

/*
 * Result drafting (issue 18, item 4): the specialist drafts from the dossier, the leader approves at
 * the signing step, issue_result issues the approved draft as a numbered PDF with the dossier code and
 * a QR to the tracking page, and a certification enters its register. Refusals write nothing.
 */
/**
 * Renders a PDF's first page with poppler (pdftoppm) to a grey-level image and checks it is an A4
 * portrait page with ink on it: not blank, the ink neither a speck nor a filled page, spread from the
 * header to the signature block. Keeps a PNG under test-results/screenshots to be looked at.
 */
function renderedLooksRight(pdf: Buffer, name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-render-'));
  try {
    const file = path.join(dir, 'result.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', [
      '-r',
      '50',
      '-gray',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(dir, 'page'),
    ]);
    const pgm = fs.readFileSync(path.join(dir, 'page.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm gave no PGM image');
    const [width, height] = [Number(header[1]), Number(header[2])];
    // A4 at 50 dpi: 8.27 × 11.69 in.
    expect(Math.abs(width - 413)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - 585)).toBeLessThanOrEqual(2);
    const pixels = pgm.subarray(pgm.length - width * height);
    let ink = 0;
    let firstRow = height;
    let lastRow = 0;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if (pixels[y * width + x]! < 128) {
          ink++;
          firstRow = Math.min(firstRow, y);
          lastRow = Math.max(lastRow, y);
        }
    const share = ink / (width * height);
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.25);
    expect(firstRow).toBeLessThan(height * 0.15);
    expect(lastRow - firstRow).toBeGreaterThan(height * 0.3);
    const shots = path.resolve('test-results/screenshots');
    fs.mkdirSync(shots, { recursive: true });
    execFileSync('pdftoppm', [
      '-r',
      '80',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(shots, name),
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(databaseKinds())('result drafts on %s', (kind) => {
  let s: TestServer;
  const clock = new Date('2025-07-02T02:00:00Z');
  let cookies: OfficerCookies = {};

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    cookies = await signInOfficers(s, ['reception', 'specialist', 'leader']);
  });
  afterAll(async () => s?.close());

  const { act, get, transferred } = officerDesk(
    () => s,
    () => cookies,
  );
  const draftOf = async (code: string) =>
    (await get('specialist', `/api/v1/dossiers/${code}/result-draft`)).json();

  it('drafts a marital-status confirmation from the dossier, approves, issues it numbered with a QR', async () => {
    const code = await transferred('1.004873');
    const start = await draftOf(code);
    expect(start.template.key).toBe('marital_status');
    expect(start.status).toBe('none');
    expect(start.fields.fullName).toBe('Nguyễn Thị Hồng Nhung');
    expect(start.fields.idDocument).toBe('Căn cước số 082195001234');

    // Bad input: a missing required field, an unknown field, a control character → 422, nothing kept.
    const missing = await act('specialist', code, {
      action: 'draft_result',
      resultDraft: { fields: { ...start.fields, maritalStatus: ' ' } },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toContain(
      'resultDraft.fields.maritalStatus',
    );
    const unknown = await act('specialist', code, {
      action: 'draft_result',
      resultDraft: { fields: { ...start.fields, bogus: 'x' } },
    });
    expect(unknown.statusCode).toBe(422);
    const nul = await act('specialist', code, {
      action: 'draft_result',
      resultDraft: { fields: { ...start.fields, purpose: 'a\u0000b' } },
    });
    expect(nul.statusCode).toBe(422);
    expect(
      (await act('reception', code, { action: 'draft_result', resultDraft: { fields: start.fields } }))
        .statusCode,
    ).toBe(403);
    expect((await draftOf(code)).status).toBe('none');

    const fields = {
      ...start.fields,
      dateOfBirth: '12/03/1995',
      sex: 'Nữ',
      ethnicity: 'Kinh',
      maritalStatus: 'Chưa đăng ký kết hôn với ai',
      purpose: 'Làm thủ tục đăng ký kết hôn với ông Trần Văn Bình',
    };
    const drafted = await act('specialist', code, { action: 'draft_result', resultDraft: { fields } });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect((await draftOf(code)).status).toBe('drafted');

    // The leader cannot approve before the signing step; the specialist cannot draft past their step.
    const early = await act('leader', code, { action: 'approve_result' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('STEP_ORDER');
    expect(early.json().title).toBe('Không thể chuyển bước theo yêu cầu');
    expect((await draftOf(code)).status).toBe('drafted');
    expect((await act('specialist', code, { action: 'complete_step' })).statusCode).toBe(200);
    const late = await act('specialist', code, { action: 'draft_result', resultDraft: { fields } });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('STEP_ORDER');
    expect((await act('leader', code, { action: 'complete_step' })).statusCode).toBe(200);

    // Not approved yet: issuing without a file is refused and nothing is issued.
    const unapproved = await act('leader', code, { action: 'issue_result' });
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json().code).toBe('RESULT_DRAFT_NOT_APPROVED');
    expect((await get('leader', `/api/v1/dossiers/${code}`)).json().status).toBe(4);

    const actions = (await get('leader', `/api/v1/dossiers/${code}/actions`))
      .json()
      .actions.map((a: { action: string }) => a.action);
    expect(actions).toContain('approve_result');
    expect((await act('leader', code, { action: 'approve_result' })).statusCode).toBe(200);
    expect((await draftOf(code)).status).toBe('approved');
    expect((await act('leader', code, { action: 'approve_result' })).statusCode).toBe(409);

    const issued = await act('leader', code, { action: 'issue_result' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().status).toBe(9);

    const file = await get('leader', `/api/v1/dossiers/${code}/result`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    const text = pdfPages(file.rawPayload).join('\n');
    expect(text).toContain('GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số: 1/2025/XNTTHN');
    expect(text).toContain(code);
    expect(text).toContain('Chưa đăng ký kết hôn với ai');
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Làm thủ tục đăng ký kết hôn với ông Trần Văn Bình');
    renderedLooksRight(file.rawPayload, `result-draft-${kind}`);

    // The tracking page confirms the number and the file's hash, and shows nothing personal more.
    const track = await s.request({ method: 'GET', url: `/api/v1/track/${code}?phone=5678` });
    expect(track.statusCode).toBe(200);
    const result = track.json().result;
    expect(result.number).toBe('1/2025/XNTTHN');
    expect(result.sha256).toBe(createHash('sha256').update(file.rawPayload).digest('hex'));
    expect(JSON.stringify(track.json())).not.toContain('Nhung');
  });

  it('a certified copy enters the certification register, numbered per year; the register prints', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const code = await transferred('2.000815');
      const start = await draftOf(code);
      expect(start.template.book).toBe('copy');
      const fields = { ...start.fields, documentName: `Bằng tốt nghiệp THPT số ${i + 1}` };
      expect(
        (await act('specialist', code, { action: 'draft_result', resultDraft: { fields } })).statusCode,
      ).toBe(200);
      expect((await act('specialist', code, { action: 'complete_step' })).statusCode).toBe(200);
      expect((await act('leader', code, { action: 'complete_step' })).statusCode).toBe(200);
      expect((await act('leader', code, { action: 'approve_result' })).statusCode).toBe(200);
      const issued = await act('leader', code, { action: 'issue_result' });
      expect(issued.statusCode, issued.body).toBe(200);
      numbers.push(code);
    }
    const reg = await get('leader', '/api/v1/registers/certifications?book=copy&year=2025');
    expect(reg.statusCode).toBe(200);
    const entries = reg.json().entries as Array<{
      number: number;
      dossierCode: string;
      documentName: string;
      fee: number;
    }>;
    expect(entries.map((e) => e.number)).toEqual([1, 2]);
    expect(entries.map((e) => e.dossierCode)).toEqual(numbers);
    expect(entries[1]!.documentName).toBe('Bằng tốt nghiệp THPT số 2');
    expect(reg.json().volume).toBe('01/2025-SCT/BS');
    const other = await get('leader', '/api/v1/registers/certifications?book=signature&year=2025');
    expect(other.json().entries).toEqual([]);

    const pdf = await get('leader', '/api/v1/registers/certifications.pdf?book=copy&year=2025');
    expect(pdf.statusCode).toBe(200);
    const text = pdfPages(pdf.rawPayload).join('\n');
    expect(text).toContain('SỔ CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH');
    expect(text).toContain('Bằng tốt nghiệp THPT số 2');

    for (const url of [
      '/api/v1/registers/certifications?book=copy&year=1990',
      '/api/v1/registers/certifications?book=marital&year=2025',
      '/api/v1/registers/certifications?book=copy&year=2025&unit=99999',
    ])
      expect([403, 404, 422], url).toContain((await get('leader', url)).statusCode);
  });

  it('a procedure without a template keeps the upload path and refuses a draft', async () => {
    const code = await transferred('1.001612');
    expect((await draftOf(code)).template).toBeNull();
    const draft = await act('specialist', code, { action: 'draft_result', resultDraft: { fields: {} } });
    expect(draft.statusCode).toBe(422);
    expect(draft.json().code).toBe('RESULT_DRAFT_NOT_APPLICABLE');
    const pdf = await get('specialist', `/api/v1/dossiers/${code}/result-draft.pdf`);
    expect(pdf.statusCode).toBe(422);
    expect((await act('specialist', code, { action: 'complete_step' })).statusCode).toBe(200);
    expect((await act('leader', code, { action: 'complete_step' })).statusCode).toBe(200);
    const noFile = await act('leader', code, { action: 'issue_result' });
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json().code).toBe('RESULT_FILE_REQUIRED');
  });

  it('previews a draft as a PDF marked DỰ THẢO without a number', async () => {
    const code = await transferred('2.000884');
    const res = await get('specialist', `/api/v1/dossiers/${code}/result-draft.pdf`);
    expect(res.statusCode).toBe(200);
    const text = pdfPages(res.rawPayload).join('\n');
    expect(text).toContain('LỜI CHỨNG CHỨNG THỰC CHỮ KÝ');
    expect(text).toContain('Nguyễn Thị Hồng Nhung');
  });
});
