import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../documents/pdf-text.test-support.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';

describe.each(databaseKinds())('procedure forms on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('serves the latest form of a procedure, public and cacheable with an ETag', async () => {
    const res = await s.request({ url: '/api/v1/procedures/1.001193/form' });
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form).toMatchObject({ procedureCode: '1.001193', version: 1, title: 'TỜ KHAI ĐĂNG KÝ KHAI SINH' });
    expect(form.groups.map((g: { id: string }) => g.id)).toEqual([
      'declarant',
      'child',
      'mother',
      'father',
      'request',
    ]);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"form-1\.001193-v1-/);
    const again = await s.request({
      url: '/api/v1/procedures/1.001193/form',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await s.request({
      url: '/api/v1/procedures/1.001193/form',
      headers: { 'if-none-match': '"x"' },
    });
    expect(other.statusCode).toBe(200);
  });

  it('keeps every published version addressable, and the latest is the newest', async () => {
    const latest = (await s.request({ url: '/api/v1/procedures/2.000815/form' })).json();
    expect(latest.version).toBe(2);
    const v1 = await s.request({ url: '/api/v1/procedures/2.000815/form?version=1' });
    expect(v1.statusCode).toBe(200);
    expect(v1.json().version).toBe(1);
    expect(v1.headers['cache-control']).toContain('immutable');
    expect(v1.headers.etag).not.toBe(
      (await s.request({ url: '/api/v1/procedures/2.000815/form' })).headers.etag,
    );
  });

  it('answers procedures without a form, unknown versions and malformed input with problems', async () => {
    const none = await s.request({ url: '/api/v1/procedures/2.001035/form' });
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json()).toMatchObject({
      code: 'FORM_NOT_FOUND',
      title: 'Thủ tục này chưa có mẫu đơn điện tử',
    });
    const noVersion = await s.request({ url: '/api/v1/procedures/1.001193/form?version=9' });
    expect(noVersion.json()).toMatchObject({ status: 404, code: 'FORM_NOT_FOUND' });
    for (const url of [
      '/api/v1/procedures/abc/form',
      '/api/v1/procedures/1.001193/form?version=x',
      '/api/v1/procedures/1.001193/form?version=0',
      '/api/v1/procedures/1.001193/form.pdf?version=1.5',
    ]) {
      const bad = await s.request({ url });
      expect(bad.statusCode, url).toBe(422);
      expect(bad.json().code, url).toBe('VALIDATION_FAILED');
    }
    const noPdf = await s.request({ url: '/api/v1/procedures/2.001035/form.pdf' });
    expect(noPdf.json()).toMatchObject({ status: 404, code: 'FORM_NOT_FOUND' });
  });

  it('renders the blank form as a Vietnamese PDF from the same definition, with the procedure documents', async () => {
    const res = await s.request({ url: '/api/v1/procedures/1.001193/form.pdf' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="mau-don-1.001193-v1.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfPages(res.rawPayload).join(' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỜ KHAI ĐĂNG KÝ KHAI SINH',
      'Họ, chữ đệm và tên của trẻ',
      'Đã xác định được người cha chưa?',
      'GIẤY TỜ KÈM THEO',
      'Mẫu đơn phiên bản 1',
    ])
      expect(text).toContain(expected);
    const cached = await s.request({
      url: '/api/v1/procedures/1.001193/form.pdf',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(cached.statusCode).toBe(304);
  });
});
