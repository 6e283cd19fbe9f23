import { describe, expect, it } from 'vitest';
import { createTestServer } from '../test-support/harness.ts';
import { securityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it('computes helmet headers once, with the configured Content-Security-Policy', () => {
    const headers = securityHeaders({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"], upgradeInsecureRequests: null },
      },
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('are on every response: API, errors, the app; the API docs page keeps its own policy', async () => {
    const s = await createTestServer('pglite');
    try {
      for (const url of [
        '/healthz',
        '/api/v1/units?level=province',
        '/api/v1/dossiers/KHONG-CO',
        '/api/v1/khong-co',
      ]) {
        const r = await s.request({ url });
        const csp = String(r.headers['content-security-policy']);
        for (const directive of [
          "default-src 'self'",
          "script-src 'self'",
          "object-src 'none'",
          "frame-ancestors 'self'",
        ])
          expect(csp, url).toContain(directive);
        expect(r.headers['x-content-type-options'], url).toBe('nosniff');
        expect(r.headers['x-frame-options'], url).toBe('SAMEORIGIN');
        expect(r.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      }
      const docs = await s.request({ url: '/api/docs' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-security-policy']).toContain('validator.swagger.io');
      expect(docs.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await s.close();
    }
  });
});
