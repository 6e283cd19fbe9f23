import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLIP_RATING_CAPTION } from '../../../domain/ratings/links.ts';
import { pdfPages } from '../../documents/pdf-text.test-support.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

const UNIT = '28693'; // Tân Thới

let addressSeq = 0;
const nextAddress = () => `10.7.${Math.floor(addressSeq / 250)}.${(addressSeq++ % 250) + 1}`;

describe.each(databaseKinds())('ratings at the counter (%s)', (kind) => {
  let s: TestServer;
  let clock = new Date('2026-12-07T02:00:00Z'); // 09:00 in Vietnam
  let reception: string;
  let leader: string;
  let specialist: string;
  let otherReception: string;
  let province: string;

  const invite = (cookie: string, body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: '/api/v1/ratings/invitations', headers: { cookie }, payload: body });
  const rate = (body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: '/api/v1/ratings', payload: body, remoteAddress: nextAddress() });

  /** A ticket taken, called at counter 1 and served by the reception officer: its id. */
  async function servedTicket(): Promise<string> {
    const taken = await s.request({
      method: 'POST',
      url: '/api/v1/queue/tickets',
      payload: { unit: UNIT },
      remoteAddress: nextAddress(),
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const called = await s.request({
      method: 'POST',
      url: '/api/v1/queue/counters/1/call-next',
      headers: { cookie: reception },
    });
    expect(called.statusCode, called.body).toBe(200);
    const id = called.json().ticket.id as string;
    const served = await s.request({
      method: 'POST',
      url: `/api/v1/queue/tickets/${id}/actions`,
      headers: { cookie: reception },
      payload: { action: 'served', counter: 1 },
    });
    expect(served.statusCode, served.body).toBe(200);
    return id;
  }

  /** A dossier received at Tân Thới's counter: its code. */
  async function aDossier(): Promise<string> {
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: reception },
      payload: {
        procedureCode: '2.000815',
        applicant: {
          fullName: 'Võ Thị Mai',
          idNumber: '082190004567',
          phone: '0911222333',
          address: 'Ấp Tân Thới',
        },
        documents: [{ id: 'ban-chinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().code as string;
  }

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    [reception, leader, specialist, otherReception, province] = await Promise.all([
      s.login('reception.tan-thoi'),
      s.login('leader.tan-thoi'),
      s.login('specialist.tan-thoi'),
      s.login('reception.tan-phu-dong'),
      s.login('province.dong-thap'),
    ]);
  });
  afterAll(async () => s?.close());

  it('rates a served ticket once: the second rating is refused (409), nothing else stored', async () => {
    const id = await servedTicket();
    const inv = await invite(reception, { ticketId: id });
    expect(inv.statusCode, inv.body).toBe(201);
    const { token, url } = inv.json();
    expect(url).toMatch(new RegExp(`/danh-gia/${token}$`));
    const state = await s.request({
      url: `/api/v1/ratings/invitations/${token}`,
      remoteAddress: nextAddress(),
    });
    expect(state.json()).toMatchObject({ kind: 'ticket', rated: false, unit: { code: UNIT } });

    const first = await rate({ token, rating: 'very_satisfied', comment: 'Cán bộ hướng dẫn tận tình' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await rate({ token, rating: 'dissatisfied' });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/problem\+json/);
    expect(second.json().code).toBe('ALREADY_RATED');
    // A fresh invitation for the same visit is refused too.
    expect((await invite(reception, { ticketId: id })).statusCode).toBe(409);
    const rows = await s.query<{ rating: string; channel: string; officer: string; comment: string }>(
      `SELECT r.rating, r.channel, u.username AS officer, r.comment FROM dossier_ratings r
         JOIN users u ON u.id = r.officer_id WHERE r.ticket_id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        rating: 'very_satisfied',
        channel: 'counter',
        officer: 'reception.tan-thoi',
        comment: 'Cán bộ hướng dẫn tận tình',
      },
    ]);
    expect(
      (await s.request({ url: `/api/v1/ratings/invitations/${token}`, remoteAddress: nextAddress() })).json()
        .rated,
    ).toBe(true);
  });

  it('stores one of parallel submissions of one token; the others get 409', async () => {
    const id = await servedTicket();
    const { token } = (await invite(reception, { ticketId: id })).json();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => rate({ token, rating: i % 2 ? 'satisfied' : 'dissatisfied' })),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await s.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM dossier_ratings WHERE ticket_id = $1',
      [id],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('refuses unknown, expired and malformed tokens, NUL bytes and unknown levels (4xx, nothing stored)', async () => {
    const before = await s.query<{ n: string | number }>('SELECT count(*) AS n FROM dossier_ratings');
    const unknown = await rate({ token: 'x'.repeat(43), rating: 'satisfied' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('RATING_TOKEN_INVALID');
    expect(unknown.json().title).toMatch(/không hợp lệ/);

    const id = await servedTicket();
    const { token } = (await invite(reception, { ticketId: id })).json();
    const nul = await rate({ token, rating: 'satisfied', comment: 'tốt\u0000' });
    expect(nul.statusCode).toBe(422);
    expect(nul.headers['content-type']).toMatch(/problem\+json/);
    expect((await rate({ token: `${token}\u0000`, rating: 'satisfied' })).statusCode).toBe(422);
    expect((await rate({ token, rating: 'rat_tot' })).statusCode).toBe(422);
    expect((await rate({ token: 'short', rating: 'satisfied' })).statusCode).toBe(422);

    clock = new Date(clock.getTime() + 3 * 60 * 60 * 1000); // past the two hours
    const expired = await rate({ token, rating: 'satisfied' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('RATING_TOKEN_EXPIRED');
    clock = new Date('2026-12-07T02:00:00Z');
    const after = await s.query<{ n: string | number }>('SELECT count(*) AS n FROM dossier_ratings');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
  });

  it('invites only for a visit of the own commune that happened: served tickets, existing dossiers', async () => {
    // A ticket still waiting was not served.
    const taken = await s.request({
      method: 'POST',
      url: '/api/v1/queue/tickets',
      payload: { unit: UNIT },
      remoteAddress: nextAddress(),
    });
    const waiting = await invite(reception, { ticketId: taken.json().id });
    expect(waiting.statusCode).toBe(422);
    expect(waiting.json().code).toBe('RATING_VISIT_NOT_SERVED');
    expect(waiting.headers['content-type']).toMatch(/problem\+json/);
    expect(waiting.json().title).toMatch(/\p{L}/u);
    // Another commune's officer cannot invite for it (not found there), nor the province officer.
    const served = await servedTicket();
    expect((await invite(otherReception, { ticketId: served })).statusCode).toBe(404);
    expect((await invite(province, { ticketId: served })).statusCode).toBe(403);
    expect((await invite(reception, { dossierCode: 'H82.999-261207-9999' })).statusCode).toBe(404);
    expect((await invite(reception, {})).statusCode).toBe(422);
    expect((await invite(reception, { ticketId: served, dossierCode: 'X' })).statusCode).toBe(404);
    expect(
      (await s.request({ method: 'POST', url: '/api/v1/ratings/invitations', payload: { ticketId: served } }))
        .statusCode,
    ).toBe(401);
  });

  it("a dossier rated at the counter counts once: the portal's rating of it is refused, 5.4 and the figures count it", async () => {
    const code = await aDossier();
    const period = 'from=2026-12-01&to=2026-12-31';
    const reportBefore = (
      await s.request({
        url: `/api/v1/reports/settlement?unit=${UNIT}&${period}`,
        headers: { cookie: leader },
      })
    ).json();
    const s54Before = reportBefore.index766.find((i: { id: string }) => i.id === '5.4');

    const { token } = (await invite(specialist, { dossierCode: code })).json();
    expect((await rate({ token, rating: 'dissatisfied', comment: 'Chờ lâu' })).statusCode).toBe(201);
    expect((await invite(reception, { dossierCode: code })).statusCode).toBe(409);

    const report = (
      await s.request({
        url: `/api/v1/reports/settlement?unit=${UNIT}&${period}`,
        headers: { cookie: leader },
      })
    ).json();
    const s54 = report.index766.find((i: { id: string }) => i.id === '5.4');
    expect(s54.parts.dissatisfied).toBe((s54Before.parts?.dissatisfied ?? 0) + 1);
    expect(s54.value).not.toBeNull();

    const figures = await s.request({
      url: `/api/v1/ratings/figures?${period}`,
      headers: { cookie: leader },
    });
    expect(figures.statusCode, figures.body).toBe(200);
    const f = figures.json();
    const db = await s.query<{ rating: string; n: string | number }>(
      `SELECT rating, count(*) AS n FROM dossier_ratings WHERE unit_code = '${UNIT}' GROUP BY rating`,
    );
    const count = (r: string) => Number(db.find((x) => x.rating === r)?.n ?? 0);
    expect(f.center.total).toBe(count('very_satisfied') + count('satisfied') + count('dissatisfied'));
    expect(f.center.dissatisfied).toBe(count('dissatisfied'));
    expect(f.byChannel.counter.total).toBe(f.center.total);
    const specialistLine = f.officers.find(
      (o: { fullName: string | null; figures: { dissatisfied: number; total: number } }) =>
        o.fullName !== null && o.figures.dissatisfied > 0 && o.figures.total === 1,
    );
    expect(specialistLine).toBeDefined();
    expect(specialistLine.figures.shares.dissatisfied).toBe(100);
    expect(f.ownOnly).toBe(false);
    expect(f.officers.length).toBeGreaterThanOrEqual(2);

    // The reception officer sees the center and only their own line.
    const own = (
      await s.request({ url: `/api/v1/ratings/figures?${period}`, headers: { cookie: reception } })
    ).json();
    expect(own.ownOnly).toBe(true);
    expect(own.center.total).toBe(f.center.total);
    expect(own.officers).toHaveLength(1);
    // Another commune's officer cannot read Tân Thới's figures.
    expect(
      (await s.request({ url: `/api/v1/ratings/figures?unit=${UNIT}`, headers: { cookie: otherReception } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await s.request({
          url: `/api/v1/ratings/figures?unit=${UNIT}&from=2026-12-31&to=2026-12-01`,
          headers: { cookie: leader },
        })
      ).statusCode,
    ).toBe(422);
  });

  /** The text of a dossier's receipt slip as printed for a user, and the rating token its QR names. */
  async function receiptOf(cookie: string, code: string) {
    const res = await s.request({ url: `/api/v1/dossiers/${code}/receipt.pdf`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const text = pdfPages(res.rawPayload).join(' ');
    return { text, token: /\/danh-gia\/([A-Za-z0-9_-]{20,100})/.exec(text)?.[1] };
  }

  it('the receipt slip prints a rating QR of its dossier: the address rates that dossier once; then the reprint has none', async () => {
    const code = await aDossier();
    const first = await receiptOf(reception, code);
    expect(first.text).toContain(SLIP_RATING_CAPTION);
    expect(first.token).toBeDefined();
    const state = await s.request({
      url: `/api/v1/ratings/invitations/${first.token}`,
      remoteAddress: nextAddress(),
    });
    expect(state.statusCode, state.body).toBe(200);
    expect(state.json()).toMatchObject({ kind: 'dossier', rated: false, unit: { code: UNIT } });
    // The slip's invitation outlives the counter's two hours: the citizen rates days later.
    clock = new Date(clock.getTime() + 10 * 24 * 60 * 60 * 1000);
    try {
      expect((await rate({ token: first.token, rating: 'very_satisfied' })).statusCode).toBe(201);
      const again = await rate({ token: first.token, rating: 'dissatisfied' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ALREADY_RATED');
    } finally {
      clock = new Date('2026-12-07T02:00:00Z');
    }
    const rows = await s.query<{ rating: string; officer: string }>(
      `SELECT r.rating, u.username AS officer FROM dossier_ratings r JOIN users u ON u.id = r.officer_id
        WHERE r.unit_code = $1 AND r.dossier_code = $2`,
      [UNIT, code],
    );
    expect(rows).toEqual([{ rating: 'very_satisfied', officer: 'reception.tan-thoi' }]);
    const reprint = await receiptOf(reception, code);
    expect(reprint.text).toContain(code);
    expect(reprint.text).not.toContain(SLIP_RATING_CAPTION);
    expect(reprint.token).toBeUndefined();
  });

  it('the refusal and supplement slips print the rating QR of their dossier too', async () => {
    const post = (payload: Record<string, unknown>) =>
      s.request({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: reception }, payload });
    const refused = await post(
      intakeBody({ decision: 'refuse', documents: [], reasons: ['Không thuộc thẩm quyền của UBND xã'] }),
    );
    expect(refused.statusCode, refused.body).toBe(201);
    const pending = await post(
      intakeBody({
        decision: 'supplement',
        documents: [],
        reasons: ['Thiếu bản chính'],
        missing: [{ name: 'Bản chính giấy tờ', originals: 1 }],
      }),
    );
    expect(pending.statusCode, pending.body).toBe(201);
    for (const [code, slip] of [
      [refused.json().code, 'refusal-slip'],
      [pending.json().code, 'supplement-slip'],
    ] as const) {
      const res = await s.request({
        url: `/api/v1/dossiers/${code}/${slip}.pdf`,
        headers: { cookie: reception },
      });
      expect(res.statusCode, res.body).toBe(200);
      const text = pdfPages(res.rawPayload).join(' ');
      expect(text).toContain(SLIP_RATING_CAPTION);
      const token = /\/danh-gia\/([A-Za-z0-9_-]{20,100})/.exec(text)?.[1];
      const inv = await s.query<{ dossier_code: string }>(
        'SELECT dossier_code FROM rating_invitations WHERE token_hash = $1',
        [
          createHash('sha256')
            .update(token ?? '')
            .digest('hex'),
        ],
      );
      expect(inv, slip).toEqual([{ dossier_code: code }]);
    }
  });

  it("a slip printed by the province officer has no rating QR (they do not serve at the commune's counter)", async () => {
    const code = await aDossier();
    const before = await s.query<{ n: string | number }>('SELECT count(*) AS n FROM rating_invitations');
    const slip = await receiptOf(province, code);
    expect(slip.text).toContain(code);
    expect(slip.text).not.toContain(SLIP_RATING_CAPTION);
    const after = await s.query<{ n: string | number }>('SELECT count(*) AS n FROM rating_invitations');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
  });

  it('the figures list the reasons given, newest first; an officer sees only their own; an empty period has none', async () => {
    clock = new Date('2026-12-08T03:00:00Z');
    try {
      const ticket = await servedTicket();
      const t1 = (await invite(reception, { ticketId: ticket })).json().token;
      const code = await aDossier();
      const t2 = (await invite(specialist, { dossierCode: code })).json().token;
      expect((await rate({ token: t1, rating: 'satisfied', comment: 'Hướng dẫn rõ ràng' })).statusCode).toBe(
        201,
      );
      clock = new Date('2026-12-08T04:00:00Z');
      expect(
        (await rate({ token: t2, rating: 'dissatisfied', comment: 'Chờ quá lâu ở quầy' })).statusCode,
      ).toBe(201);
    } finally {
      clock = new Date('2026-12-07T02:00:00Z');
    }
    const period = 'from=2026-12-08&to=2026-12-08';
    const all = await s.request({ url: `/api/v1/ratings/figures?${period}`, headers: { cookie: leader } });
    expect(all.statusCode, all.body).toBe(200);
    const reasons = all.json().reasons as Array<{
      comment: string;
      rating: string;
      officerName: string | null;
    }>;
    expect(reasons.map((r) => r.comment)).toEqual(['Chờ quá lâu ở quầy', 'Hướng dẫn rõ ràng']);
    expect(reasons[0]).toMatchObject({ rating: 'dissatisfied', channel: 'counter' });
    expect(reasons.every((r) => r.officerName)).toBe(true);
    expect(all.json().center).toMatchObject({ total: 2, satisfied: 1, dissatisfied: 1, satisfiedShare: 50 });

    const own = (
      await s.request({ url: `/api/v1/ratings/figures?${period}`, headers: { cookie: reception } })
    ).json();
    expect(own.reasons.map((r: { comment: string }) => r.comment)).toEqual(['Hướng dẫn rõ ràng']);

    const empty = (
      await s.request({
        url: '/api/v1/ratings/figures?from=2025-01-01&to=2025-01-31',
        headers: { cookie: leader },
      })
    ).json();
    expect(empty.center).toMatchObject({ total: 0, satisfiedShare: null });
    expect(empty.center.shares).toEqual({ very_satisfied: null, satisfied: null, dissatisfied: null });
    expect(empty.reasons).toEqual([]);
    expect(empty.officers).toEqual([]);
  });
});
