import { describe, expect, it } from 'vitest';
import { auditEntryOf, type DossierEvent, messagesOf } from './events.ts';

const base = {
  id: '6f1c0e2a-1111-4222-8333-444455556666',
  unitCode: '28693',
  dossierCode: 'H82.051-250701-0001',
  at: new Date('2025-07-01T02:00:00Z'),
  actorUserId: null,
  actorRole: 'reception',
  requestId: 'r1',
  reason: null,
};
const after = {
  code: base.dossierCode,
  status: 4,
  dueAt: new Date('2025-07-08T02:00:00Z'),
  applicantName: 'Nguyễn Thị Hồng Nhung',
  applicantEmail: null,
  applicantPhone: '0912345678',
};

describe('dossier events → audit entries', () => {
  // The action and data of each kind are the hash input of chains already recorded: they must not change.
  it.each<[string, DossierEvent, string, Record<string, unknown> | null]>([
    [
      'received (accepted)',
      {
        ...base,
        type: 'received',
        decision: 'accept',
        toStatus: 2,
        procedureCode: '2.000815',
        dueAt: new Date('2025-07-02T02:00:00Z'),
        skippedDays: 1,
      },
      'intake',
      { procedureCode: '2.000815', dueAt: '2025-07-02T02:00:00.000Z', skipped: 1 },
    ],
    [
      'received (supplement first)',
      {
        ...base,
        type: 'received',
        decision: 'supplement',
        toStatus: 1,
        procedureCode: '2.000815',
        dueAt: base.at,
        skippedDays: 0,
      },
      'request_pre_supplement',
      { procedureCode: '2.000815', dueAt: '2025-07-01T02:00:00.000Z', skipped: 0 },
    ],
    [
      'transferred',
      { ...base, type: 'performed', action: 'transfer', fromStatus: 2, toStatus: 4 },
      'transfer',
      null,
    ],
    [
      'assigned',
      { ...base, type: 'performed', action: 'assign', fromStatus: 4, toStatus: 4, assignee: 'cv.a' },
      'assign',
      { assignee: 'cv.a' },
    ],
    [
      'resumed',
      {
        ...base,
        type: 'performed',
        action: 'supplement_received',
        fromStatus: 5,
        toStatus: 4,
        pausedMinutes: 60,
        dueBefore: new Date('2025-07-08T02:00:00Z'),
        dueAfter: new Date('2025-07-08T03:00:00Z'),
      },
      'supplement_received',
      { pausedMinutes: 60, dueBefore: '2025-07-08T02:00:00.000Z', dueAfter: '2025-07-08T03:00:00.000Z' },
    ],
    [
      'result issued',
      { ...base, type: 'performed', action: 'issue_result', fromStatus: 4, toStatus: 9, timeliness: 'late' },
      'issue_result',
      { timeliness: 'late' },
    ],
    [
      'filed online',
      { ...base, type: 'submitted_online', toStatus: 1, procedureCode: '2.000815', formVersion: 1 },
      'submit_online',
      { procedureCode: '2.000815', formVersion: 1, channel: 'online' },
    ],
    [
      'supplemented by the citizen',
      { ...base, type: 'citizen', action: 'citizen_supplement', fromStatus: 1, toStatus: 1, files: 2 },
      'citizen_supplement',
      { files: 2 },
    ],
    [
      'withdrawn by the citizen',
      { ...base, type: 'citizen', action: 'citizen_withdraw', fromStatus: 4, toStatus: 7 },
      'citizen_withdraw',
      null,
    ],
  ])('%s', (_name, event, action, data) => {
    const entry = auditEntryOf(event);
    expect(entry.action).toBe(action);
    expect(entry.data).toEqual(data);
    expect(entry.toStatus).toBe(event.toStatus);
    expect(entry.fromStatus).toBe('fromStatus' in event ? event.fromStatus : null);
  });
});

describe('dossier events → messages to the applicant', () => {
  it("tells an online applicant of reception's decision, and a counter applicant of none", () => {
    const decided = (online: boolean): DossierEvent[] => [
      {
        ...base,
        type: 'performed',
        action: 'accept',
        fromStatus: 1,
        toStatus: 2,
        dueAt: after.dueAt,
        online,
      },
      { ...base, type: 'performed', action: 'refuse', fromStatus: 1, toStatus: 3, reason: 'Sai xã', online },
      {
        ...base,
        type: 'performed',
        action: 'request_pre_supplement',
        fromStatus: 1,
        toStatus: 1,
        reason: 'Thiếu giấy',
        items: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0 }],
        online,
      },
    ];
    expect(decided(false).flatMap((e) => messagesOf(e, after))).toEqual([]);
    const sent = decided(true).map((e) => messagesOf(e, after).map((m) => m.payload));
    expect(sent).toEqual([
      [expect.objectContaining({ template: 'received' })],
      [expect.objectContaining({ template: 'refused', reason: 'Sai xã' })],
      [
        expect.objectContaining({
          template: 'supplement_requested',
          reason: 'Thiếu giấy',
          items: [expect.objectContaining({ name: 'Tờ khai' })],
        }),
      ],
    ]);
  });

  it("sends nothing for an online filing nor for the citizen's own changes", () => {
    const events: DossierEvent[] = [
      { ...base, type: 'submitted_online', toStatus: 1, procedureCode: 'x', formVersion: 1 },
      { ...base, type: 'citizen', action: 'citizen_supplement', fromStatus: 1, toStatus: 1, files: 2 },
      { ...base, type: 'citizen', action: 'citizen_withdraw', fromStatus: 4, toStatus: 7 },
    ];
    expect(events.flatMap((e) => messagesOf(e, { ...after, applicantEmail: 'a@b.vn' }))).toEqual([]);
  });

  it('sends nothing at intake nor for a transfer', () => {
    const received: DossierEvent = {
      ...base,
      type: 'received',
      decision: 'accept',
      toStatus: 2,
      procedureCode: 'x',
      dueAt: base.at,
      skippedDays: 0,
    };
    expect(messagesOf(received, { ...after, applicantEmail: 'a@b.vn' })).toEqual([]);
    expect(
      messagesOf({ ...base, type: 'performed', action: 'transfer', fromStatus: 2, toStatus: 4 }, after),
    ).toEqual([]);
  });

  it('tells of a result by SMS, and by e-mail when there is an address', () => {
    const issued: DossierEvent = {
      ...base,
      type: 'performed',
      action: 'issue_result',
      fromStatus: 4,
      toStatus: 9,
      timeliness: 'early',
    };
    expect(messagesOf(issued, after).map((m) => m.channel)).toEqual(['sms']);
    const both = messagesOf(issued, { ...after, status: 9, applicantEmail: 'a@b.vn' });
    expect(both.map((m) => [m.channel, m.payload.to, m.payload.template])).toEqual([
      ['email', 'a@b.vn', 'result_ready'],
      ['sms', '0912345678', 'result_ready'],
    ]);
  });

  it('tells of a moved appointment only when the pause lasted', () => {
    const resumed = (pausedMinutes: number): DossierEvent => ({
      ...base,
      type: 'performed',
      action: 'payment_received',
      fromStatus: 6,
      toStatus: 4,
      pausedMinutes,
      dueBefore: after.dueAt,
      dueAfter: new Date(after.dueAt.getTime() + pausedMinutes * 60_000),
    });
    expect(messagesOf(resumed(0), after)).toEqual([]);
    expect(messagesOf(resumed(30), after)[0]!.payload).toMatchObject({
      template: 'appointment_moved',
      dueAt: '2025-07-08T02:30:00.000Z',
    });
  });
});
