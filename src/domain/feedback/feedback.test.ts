import { describe, expect, it } from 'vitest';
import {
  feedbackActionAllowed,
  lateClocks,
  parseFeedbackClocks,
  parseReceiptCode,
  receiptCode,
} from './feedback.ts';

describe('feedback receipt codes', () => {
  it('are read back whatever the case and spacing, and name their commune', () => {
    const code = receiptCode('28693', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 30]));
    expect(code).toBe('PA28693-23456789AZ');
    expect(parseReceiptCode(` ${code.toLowerCase()} `)).toEqual({ code, unitCode: '28693' });
    expect(parseReceiptCode('pa28693-2345 6789az')?.code).toBe(code);
    for (const bad of [
      '',
      'PA2869-23456789AZ',
      'PA28693-23456789A0',
      'H82.045-260101-0001',
      'PA28693-23456789AZX',
    ])
      expect(parseReceiptCode(bad), bad).toBeUndefined();
  });
});

describe('feedback clocks', () => {
  it('are configured as four whole numbers of working days', () => {
    expect(parseFeedbackClocks('2,5,15,2')).toEqual({
      decision: 2,
      infoRequest: 5,
      handling: 15,
      publication: 2,
    });
    expect(parseFeedbackClocks(' 3, 7, 20, 1 ')).toEqual({
      decision: 3,
      infoRequest: 7,
      handling: 20,
      publication: 1,
    });
    for (const bad of ['2,5,15', '2,5,15,0', 'a,b,c,d', '2,5,15,2,1', '2.5,5,15,2'])
      expect(parseFeedbackClocks(bad), bad).toBeUndefined();
  });

  const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
  const base = {
    status: 'accepted' as const,
    submittedAt: at(0),
    decidedAt: at(1),
    decisionDueAt: at(2),
    infoRequestedAt: null,
    infoDueAt: at(5),
    handlingDueAt: at(10),
    approvedAt: null,
    publicationDueAt: null,
    publishedAt: null,
    refusedAt: null,
  };

  it('judge a step done after its due time, or pending past it', () => {
    expect(lateClocks(base, at(9))).toEqual([]);
    expect(lateClocks(base, at(11))).toEqual(['handling']);
    expect(lateClocks({ ...base, decidedAt: at(3) }, at(4))).toEqual(['decision']);
    // Waiting for the citizen's information: the handling clock does not run.
    expect(lateClocks({ ...base, status: 'info_requested', infoRequestedAt: at(4) }, at(20))).toEqual([]);
    expect(lateClocks({ ...base, status: 'info_requested', infoRequestedAt: at(6) }, at(20))).toEqual([
      'infoRequest',
    ]);
    // A refusal is judged only by the decision clock.
    expect(lateClocks({ ...base, status: 'refused', refusedAt: at(1) }, at(20))).toEqual([]);
    // Published: approval and publication judged at their times.
    const published = {
      ...base,
      status: 'published' as const,
      approvedAt: at(9),
      publicationDueAt: at(12),
      publishedAt: at(13),
    };
    expect(lateClocks(published, at(30))).toEqual(['publication']);
    expect(lateClocks(published, at(11))).toEqual([]);
  });

  it('allow one request for information, and each step only from its statuses', () => {
    expect(feedbackActionAllowed('request_info', 'accepted', false)).toBe(true);
    expect(feedbackActionAllowed('request_info', 'accepted', true)).toBe(false);
    expect(feedbackActionAllowed('answer', 'received', false)).toBe(false);
    expect(feedbackActionAllowed('refuse', 'info_requested', true)).toBe(true);
    expect(feedbackActionAllowed('publish', 'answered', false)).toBe(false);
  });
});
