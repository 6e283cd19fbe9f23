import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { type OfficerCookies, officerDesk, signInOfficers } from '../../test-support/officers.ts';

/*
 * Finish prediction from the commune's own history (issue 18, item 6): six marital-status dossiers
 * whose appraisal took 3 working days each teach the commune that appraisal takes 3 days; a new one
 * (3-working-day limit, appointment three days away) is flagged at once with that reason, where the
 * old fixed one-day window said "on track". A procedure without history falls back to the allowance.
 */
describe.each(databaseKinds())('finish prediction on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2025-07-07T02:00:00Z'); // Monday 09:00 in Vietnam
  let cookies: OfficerCookies = {};
  let freshCode = '';

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    cookies = await signInOfficers(s, ['reception', 'specialist']);
  });
  afterAll(async () => s?.close());

  const { act, transferred } = officerDesk(
    () => s,
    () => cookies,
  );

  it('flags a dossier whose appraisal usually takes longer than what is left, with the reason', async () => {
    const history: string[] = [];
    for (let i = 0; i < 6; i++) history.push(await transferred('1.004873'));
    clock = new Date('2025-07-10T02:00:00Z'); // Thursday 09:00: three working days later
    for (const code of history)
      expect((await act('specialist', code, { action: 'complete_step' })).statusCode).toBe(200);

    clock = new Date('2025-07-14T02:00:00Z'); // the next Monday
    const fresh = await transferred('1.004873');
    const other = await transferred('1.004859'); // no history: the step allowances

    const due = (
      await s.request({ url: `/api/v1/dossiers/${fresh}/due`, headers: { cookie: cookies.specialist! } })
    ).json();
    expect(due.deadlineState).toBe('due_soon');
    expect(due.prediction.likelyLate).toBe(true);
    expect(due.prediction.reason).toContain(
      'Thẩm định, xử lý hồ sơ thường mất 3 ngày làm việc (theo hồ sơ của xã, 6 lượt)',
    );
    expect(Date.parse(due.prediction.finishAt)).toBeGreaterThan(Date.parse(due.dueAt));

    const plain = (
      await s.request({ url: `/api/v1/dossiers/${other}/due`, headers: { cookie: cookies.specialist! } })
    ).json();
    expect(plain.prediction.reason).toContain('theo thời gian quy định cho bước');
    expect(plain.prediction.likelyLate).toBe(false);
    expect(plain.deadlineState).toBe('on_track');

    // The queue of dossiers at risk lists the flagged one, not the other.
    const queue = (
      await s.request({ url: '/api/v1/queues/due_soon', headers: { cookie: cookies.specialist! } })
    ).json();
    const codes = queue.items.map((i: { code: string }) => i.code);
    expect(codes).toContain(fresh);
    expect(codes).not.toContain(other);
    const item = queue.items.find((i: { code: string }) => i.code === fresh);
    expect(item.prediction.reason).toContain('3 ngày làm việc');
    freshCode = fresh;
  });

  it('keeps the learnt step durations for 10 minutes, then learns the steps finished since', async () => {
    const readAt = clock.getTime(); // the durations were read at this time, above
    const reason = async () =>
      (
        await s.request({
          url: `/api/v1/dossiers/${freshCode}/due`,
          headers: { cookie: cookies.specialist! },
        })
      ).json().prediction.reason as string;
    const more: string[] = [];
    for (let i = 0; i < 5; i++) more.push(await transferred('1.004873'));
    clock = new Date(readAt + 60_000);
    for (const code of more)
      expect((await act('specialist', code, { action: 'complete_step' })).statusCode).toBe(200);

    clock = new Date(readAt + 5 * 60_000);
    expect(await reason()).toContain('theo hồ sơ của xã, 6 lượt');
    clock = new Date(readAt + 11 * 60_000);
    expect(await reason()).toContain('theo hồ sơ của xã, 11 lượt');
  });
});
