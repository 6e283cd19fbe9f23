import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../documents/pdf-text.test-support.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';
import { anchorFilePath } from '../audit/verify.ts';

/*
 * The monthly Biểu II.06a printed with the audit anchors of its period (issue 18 item 5): each daily
 * root over the chains, and the commune's own root, so a paper copy pins the trail. Anchors outside
 * the period are not printed. An anchor file edited afterwards fails verification as before, and the
 * report then says the file is broken instead of printing its roots.
 */
describe.each(databaseKinds())('II.06a printed with the anchor roots of its period, on %s', (kind) => {
  let s: TestServer;
  let now = new Date('2026-11-10T03:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => now });
  });
  afterAll(async () => s?.close());

  const anchor = async (until: string) => {
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/audit/anchors',
      headers: { cookie: await s.login('admin') },
      payload: { until },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { n: number; root: string; units: Record<string, { root: string }> };
  };
  const receive = async (at: string) => {
    now = new Date(at);
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await s.login('reception.tan-thoi') },
      payload: intakeBody(),
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const printed = async () => {
    now = new Date('2026-12-07T03:00:00Z');
    const res = await s.request({
      url: '/api/v1/reports/settlement?unit=28693&from=2026-11-01&to=2026-11-30&format=pdf',
      headers: { cookie: await s.login('province.dong-thap') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return pdfPages(res.rawPayload).join(' ');
  };

  it('prints the roots of the anchors in the period and the commune’s root; an edited anchor fails verification', async () => {
    await receive('2026-10-20T03:00:00Z');
    now = new Date('2026-10-31T18:00:00Z');
    const october = await anchor('2026-10-31T17:00:00Z'); // 00:00 1/11 in Vietnam: the period's start
    await receive('2026-11-10T03:00:00Z');
    now = new Date('2026-11-12T00:00:00Z');
    const mid = await anchor('2026-11-11T17:00:00Z');
    await receive('2026-11-20T03:00:00Z');
    now = new Date('2026-12-02T00:00:00Z');
    const december = await anchor('2026-12-01T17:00:00Z'); // after the period: not printed
    expect(new Set([october.root, mid.root, december.root]).size).toBe(3);

    const text = await printed();
    expect(text).toContain('Mốc neo nhật ký kiểm toán trong kỳ');
    expect(text).toContain(october.root);
    expect(text).toContain(mid.root);
    expect(text).not.toContain(december.root);
    expect(text).toContain(`Gốc của đơn vị 28693`);
    expect(text).toContain(mid.units['28693']!.root);
    expect(text).toContain('00:00 12/11/2026');

    // The anchor file edited (the middle anchor's root replaced): verification fails, as before.
    const file = anchorFilePath(s.config.auditAnchorDir);
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace(mid.root, 'f'.repeat(64)));
    try {
      const res = await s.request({
        url: '/api/v1/audit/verify',
        headers: { cookie: await s.login('admin') },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().ok).toBe(false);
      expect(res.json().anchor.status).not.toBe('ok');
      const tampered = await printed();
      expect(tampered).toContain('Tệp mốc neo bị hỏng từ dòng 2');
      expect(tampered).not.toContain('f'.repeat(64));
    } finally {
      fs.writeFileSync(file, original);
    }
    const again = await s.request({
      url: '/api/v1/audit/verify',
      headers: { cookie: await s.login('admin') },
    });
    expect(again.json().ok).toBe(true);
  });
});
