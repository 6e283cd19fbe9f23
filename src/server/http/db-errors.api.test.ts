import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '../db/schema.ts';
import { createTestServer, databaseKinds, type TestServer } from '../test-support/harness.ts';
import { isUnstorableText } from './db-errors.ts';

// The last guard behind the request schemas: text the database refuses is the client's error (422),
// whichever driver raised it and whether or not drizzle wrapped it.
describe.each(databaseKinds())('text the database cannot store, on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind, {
      routes: (app, ctx) => {
        // Routes without the text rule, as a route added later might forget it.
        app.post('/test/text', async (req) => {
          const { value } = req.body as { value: string };
          await ctx.db.insert(consultations).values({
            unitCode: '28693',
            id: crypto.randomUUID(),
            at: ctx.now(),
            fieldCode: 'CT',
            channel: 'counter',
            subject: value,
          });
          return { ok: true };
        });
        app.post('/test/jsonb', async (req) => {
          await ctx.db.execute(sql`SELECT ${JSON.stringify(req.body)}::jsonb`);
          return { ok: true };
        });
      },
    });
  });
  afterAll(async () => s?.close());

  it('answers 422 VALIDATION_FAILED for NUL in text (22021) and in jsonb (22P05), and writes nothing', async () => {
    const count = async () =>
      Number((await s.query<{ n: number }>('SELECT count(*) AS n FROM consultations'))[0]!.n);
    const before = await count();
    const ok = await s.request({
      method: 'POST',
      url: '/test/text',
      payload: { value: 'Hỏi về chứng thực' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const url of ['/test/text', '/test/jsonb']) {
      const res = await s.request({ method: 'POST', url, payload: { value: 'a\u0000b' } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(422);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringMatching(/ký tự/) });
    }
    expect(await count()).toBe(before + 1);
  });

  it('recognises the raw driver error as well as drizzle’s wrapped one', async () => {
    const raw = await s.query("SELECT convert_from('\\x6100'::bytea, 'UTF8')").catch((e: unknown) => e);
    expect((raw as { code?: string }).code).toBe('22021');
    expect(isUnstorableText(raw)).toBe(true);
    const wrapped = await s.ctx.db.execute(sql`SELECT ${'a\u0000'}::text`).catch((e: unknown) => e);
    expect((wrapped as { cause?: { code?: string } }).cause?.code).toBe('22021');
    expect(isUnstorableText(wrapped)).toBe(true);
    const jsonb = await s.ctx.db.execute(sql`SELECT ${'{"a":"\\u0000"}'}::jsonb`).catch((e: unknown) => e);
    expect((jsonb as { cause?: { code?: string } }).cause?.code).toBe('22P05');
    expect(isUnstorableText(jsonb)).toBe(true);
    const other = await s.ctx.db.execute(sql`SELECT 1/0`).catch((e: unknown) => e);
    expect(isUnstorableText(other)).toBe(false);
    expect(isUnstorableText(undefined)).toBe(false);
  });
});
