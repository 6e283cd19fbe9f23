import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

/*
 * A report's cut-off is the earlier of its period's end and now (docs/domain-vn.md §1.4: an unfinished
 * dossier is judged at the end of the reporting period; for a period still running, that end is now).
 * The inspection story's communes, on 10 July 2025 at 10:00 (Vietnam): July is running, 1–2 July is over.
 */

const RECEIVED = new Date('2025-07-10T03:00:00Z');
const JULY = 'from=2025-07-01&to=2025-07-31';
const INSPECTION = 'from=2025-07-01&to=2025-07-02';

type Row = {
  received: { total: number };
  settled: { total: number; late: number };
  inProcess: { total: number; withinTime: number; overdue: number };
  results: { returned: number; awaiting: number };
};
type Commune = {
  unit: { code: string };
  received: number;
  inProcess: number;
  overdue: number;
  resultsReturned: number;
  resultsAwaiting: number;
  resultsBacklog: number;
};

describe.each(databaseKinds())('reports judged at their cut-off, on %s', (kind) => {
  let s: TestServer;
  let now = RECEIVED;
  let province: string;
  let reception: string;
  beforeAll(async () => {
    s = await createTestServer(kind, { story: true, now: () => now });
    province = await s.login('province.dong-thap');
    reception = await s.login('reception.tan-thoi');
  });
  afterAll(async () => s?.close());

  const get = async (url: string) => {
    const res = await s.request({ url, headers: { cookie: province } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json();
  };
  const settlement = (period: string) => get(`/api/v1/reports/settlement?unit=28693&${period}`);
  const dashboardRow = async (period: string) => {
    const d = await get(`/api/v1/reports/dashboard?province=82&${period}`);
    return {
      cutoff: d.cutoff as string,
      row: d.communes.find((c: Commune) => c.unit.code === '28693') as Commune,
    };
  };

  it('counts a dossier received a minute ago as in process within time, in II.06a and on the dashboard', async () => {
    now = RECEIVED;
    const before = (await settlement(JULY)).totalRow as Row;
    const dashBefore = (await dashboardRow(JULY)).row;
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: reception },
      payload: intakeBody(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const dueAt = new Date(res.json().dueAt);
    // Its appointment is before the end of July: judged at the period's end it would be overdue.
    expect(dueAt.getTime()).toBeGreaterThan(RECEIVED.getTime());
    expect(dueAt.getTime()).toBeLessThan(new Date('2025-07-31T17:00:00Z').getTime());

    now = new Date(RECEIVED.getTime() + 60_000);
    const report = await settlement(JULY);
    expect(report.cutoff).toBe(now.toISOString());
    const after = report.totalRow as Row;
    expect(after.received.total).toBe(before.received.total + 1);
    expect(after.inProcess.total).toBe(before.inProcess.total + 1);
    expect(after.inProcess.withinTime).toBe(before.inProcess.withinTime + 1);
    expect(after.inProcess.overdue).toBe(before.inProcess.overdue);
    const onTime = report.indicators.find((i: { id: string }) => i.id === '2.1');
    expect(onTime.numerator).toBeGreaterThan(0);

    const dash = await dashboardRow(JULY);
    expect(dash.cutoff).toBe(now.toISOString());
    expect(dash.row.received).toBe(dashBefore.received + 1);
    expect(dash.row.inProcess).toBe(dashBefore.inProcess + 1);
    expect(dash.row.overdue).toBe(dashBefore.overdue);

    // Once its appointment has passed, the same running period counts it overdue.
    now = new Date(dueAt.getTime() + 60_000);
    const later = (await settlement(JULY)).totalRow as Row;
    expect(later.inProcess.overdue).toBe(before.inProcess.overdue + 1);
    expect((await dashboardRow(JULY)).row.overdue).toBe(dashBefore.overdue + 1);
  });

  it('leaves a period that has ended as it was: cut-off at its end, the inspection figures', async () => {
    now = new Date(RECEIVED.getTime() + 60_000);
    const report = await settlement(INSPECTION);
    expect(report.cutoff).toBe('2025-07-02T17:00:00.000Z');
    expect(report.total).toEqual({ received: 12, settled: 10, inProcess: 2, withdrawnOrStopped: 0 });
    const dash = await dashboardRow(INSPECTION);
    expect(dash.cutoff).toBe('2025-07-02T17:00:00.000Z');
    expect([dash.row.received, dash.row.inProcess]).toEqual([12, 2]);
  });

  it('splits settled results into returned (status 10) and awaiting collection (status 9), with the backlog', async () => {
    const first = await settlement(INSPECTION);
    expect(first.totalRow.results).toEqual({ returned: 10, awaiting: 0 });
    expect(first.resultsBacklog).toBe(0);
    // One of the ten results goes back to the desk, not yet collected.
    const [one] = await s.query<{ code: string }>(
      "SELECT code FROM dossiers WHERE unit_code = '28693' AND status = 10 ORDER BY code LIMIT 1",
    );
    await s.query(
      "UPDATE dossiers SET status = 9, returned_at = NULL, version = version + 1 WHERE unit_code = '28693' AND code = $1",
      [one?.code],
    );
    const report = await settlement(INSPECTION);
    expect(report.total.settled).toBe(10);
    expect(report.totalRow.results).toEqual({ returned: 9, awaiting: 1 });
    expect(report.resultsBacklog).toBe(1);
    const rows = report.rows as Row[];
    expect(rows.reduce((n, r) => n + r.results.awaiting, 0)).toBe(1);
    for (const r of rows) expect(r.results.returned + r.results.awaiting).toBe(r.settled.total);
    const dash = (await dashboardRow(INSPECTION)).row;
    expect([dash.resultsReturned, dash.resultsAwaiting, dash.resultsBacklog]).toEqual([9, 1, 1]);
    // The running month sees the same result waiting at the desk.
    expect((await settlement(JULY)).resultsBacklog).toBe(1);

    // The XLSX carries the cut-off and the split after the official columns.
    const xlsx = await s.request({
      url: `/api/v1/reports/settlement?unit=28693&${INSPECTION}&format=xlsx`,
      headers: { cookie: province },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(String(ws.getRow(3).getCell(1).value)).toContain('Số liệu tính đến hết ngày 02/07/2025');
    const head = (ws.getRow(5).values as unknown[]).slice(1);
    expect(head.slice(13)).toEqual(['Rút, dừng', 'Đã trả kết quả', 'Chờ trả kết quả']);
    const total = (ws.getRow(6 + rows.length).values as unknown[]).slice(1);
    expect(total.slice(14)).toEqual([9, 1]);
  });

  it('computes the Decision 766 catalogue indicators of a hand-made fixture, and says "not collected" for the rest', async () => {
    // Tân Phú Đông offers four procedures, two of them online; one online dossier in 1–2 July.
    const online = await s.query<{ code: string; field_code: string }>(
      "SELECT code, field_code FROM procedures WHERE online_level <> 'none' ORDER BY code LIMIT 2",
    );
    const offline = await s.query<{ code: string }>(
      "SELECT code FROM procedures WHERE online_level = 'none' ORDER BY code LIMIT 2",
    );
    expect([online.length, offline.length]).toEqual([2, 2]);
    await s.query("DELETE FROM unit_procedures WHERE unit_code = '28696'");
    for (const [i, p] of [...online, ...offline].entries())
      await s.query(
        "INSERT INTO unit_procedures (unit_code, procedure_code, position) VALUES ('28696', $1, $2)",
        [p.code, i + 1],
      );
    // No fee payment recorded in the commune (the demo records some): 3.6 has nothing to count from.
    await s.query(
      "UPDATE dossiers SET channel = 1, fee_payment = NULL, version = version + 1 WHERE unit_code = '28696'",
    );
    const first = online[0] as { code: string; field_code: string };
    await s.query(
      `UPDATE dossiers SET channel = 2, procedure_code = $1, field_code = $2, version = version + 1
       WHERE unit_code = '28696' AND code = (
         SELECT code FROM dossiers WHERE unit_code = '28696' AND status NOT IN (1, 3)
           AND received_at >= '2025-06-30T17:00:00Z' AND received_at < '2025-07-02T17:00:00Z'
         ORDER BY code LIMIT 1)`,
      [first.code, first.field_code],
    );
    const report = await get(`/api/v1/reports/settlement?unit=28696&${INSPECTION}`);
    const byId = Object.fromEntries(
      (
        report.index766 as Array<{
          id: string;
          numerator: number;
          denominator: number;
          value: number | null;
          missing?: string;
        }>
      ).map((i) => [i.id, i]),
    );
    const figures = (id: string) => [byId[id]?.numerator, byId[id]?.denominator, byId[id]?.value];
    expect(figures('3.1')).toEqual([2, 4, 50]);
    expect(figures('3.2')).toEqual([1, 2, 50]);
    expect(figures('3.3')).toEqual([1, 20, 5]);
    for (const id of ['1.4', '3.6', '4.5', '5.2', '5.4']) {
      expect(byId[id]?.value, id).toBeNull();
      expect(byId[id]?.missing, id).toMatch(/chưa/);
    }
    // The four indicators of before are still there, in their order.
    expect(report.indicators.map((i: { id: string }) => i.id)).toEqual(['2.1', '3.3', '4.2', '5.4']);

    // Once citizens rate (dossier_ratings, issue 14), 5.4 is computed: a "Không hài lòng" rating of a
    // dossier settled in the period counts against it.
    const settled = await s.query<{ code: string }>(
      `SELECT code FROM dossiers WHERE unit_code = '28696' AND status IN (9, 10)
         AND greatest(coalesce(processing_ended_at, returned_at), received_at) >= '2025-06-30T17:00:00Z'
         AND greatest(coalesce(processing_ended_at, returned_at), received_at) < '2025-07-02T17:00:00Z'
       ORDER BY code LIMIT 1`,
    );
    expect(settled).toHaveLength(1);
    await s.query(
      "INSERT INTO dossier_ratings (unit_code, dossier_code, rating, rated_at) VALUES ('28696', $1, 'dissatisfied', now())",
      [settled[0]?.code],
    );
    const rated = await get(`/api/v1/reports/settlement?unit=28696&${INSPECTION}`);
    type Ind = {
      id: string;
      numerator: number;
      denominator: number;
      value: number | null;
      parts?: Record<string, number>;
    };
    const s54 = (rated.index766 as Ind[]).find((i) => i.id === '5.4');
    const unrated54 = (report.indicators as Ind[]).find((i) => i.id === '5.4');
    expect(s54?.value).not.toBeNull();
    expect(s54?.parts?.dissatisfied).toBe(1);
    expect(s54?.denominator).toBe(unrated54?.denominator);
    expect(s54?.numerator).toBe((unrated54?.numerator ?? 0) - 1);
  });
});
