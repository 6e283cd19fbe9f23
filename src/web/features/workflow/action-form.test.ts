import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AvailableAction } from '../../api/types';
import { initialActionValues, toActionRequest, validateAction } from './action-form';

const t = ((key: string) => key) as unknown as TFunction;
const now = new Date('2025-07-03T02:00:00Z'); // 09:00 in Vietnam
const dossier = { dueAt: '2025-07-04T07:10:00.000Z', returnMethod: 'counter' as const };

function available(action: AvailableAction['action'], reasonRequired = false): AvailableAction {
  return { action, label: action, reasonRequired };
}

describe('initialActionValues', () => {
  it("suggests the day after the appointment, at the appointment's office time", () => {
    expect(initialActionValues(dossier, now).newDueAt).toBe('2025-07-05T14:10');
  });

  it('starts from today when the appointment has passed', () => {
    const late = new Date('2025-07-10T01:00:00Z');
    expect(initialActionValues(dossier, late).newDueAt).toBe('2025-07-11T14:10');
  });
});

describe('validateAction', () => {
  it('asks for the reason only when the action requires one', () => {
    const values = initialActionValues(dossier, now);
    expect(validateAction(available('request_supplement', true), values, dossier, t, now).reason).toBe(
      'workflow:modal.reasonRequired',
    );
    expect(validateAction(available('complete_step'), values, dossier, t, now)).toEqual({});
  });

  it('refuses control characters in the reason (line breaks allowed) and in the result title', () => {
    const values = { ...initialActionValues(dossier, now), reason: 'Dòng 1\nDòng\t2' };
    expect(validateAction(available('request_supplement', true), values, dossier, t, now)).toEqual({});
    const pasted = { ...values, reason: 'Thiếu\u0000giấy tờ', resultName: 'Kết quả\u001b' };
    expect(validateAction(available('request_supplement', true), pasted, dossier, t, now).reason).toBe(
      'common.unsafeText',
    );
    const file = new File(['%PDF-'], 'kq.pdf', { type: 'application/pdf' });
    expect(validateAction(available('issue_result'), { ...pasted, file }, dossier, t, now)).toMatchObject({
      resultName: 'common.unsafeText',
    });
  });

  it('refuses a new appointment that is not after the current one', () => {
    const values = {
      ...initialActionValues(dossier, now),
      reason: 'Chờ xác minh',
      newDueAt: '2025-07-04T14:10',
    };
    expect(validateAction(available('draft_apology', true), values, dossier, t, now).newDueAt).toBe(
      'workflow:modal.newDueInvalid',
    );
    const later = { ...values, newDueAt: '2025-07-04T14:11' };
    expect(validateAction(available('draft_apology', true), later, dossier, t, now)).toEqual({});
  });

  it('needs a PDF, JPEG or PNG result file to issue the result', () => {
    const values = initialActionValues(dossier, now);
    expect(validateAction(available('issue_result'), values, dossier, t, now).file).toBe(
      'workflow:modal.resultFileRequired',
    );
    const text = new File(['x'], 'ket-qua.txt', { type: 'text/plain' });
    expect(validateAction(available('issue_result'), { ...values, file: text }, dossier, t, now).file).toBe(
      'workflow:modal.resultFileType',
    );
  });
});

describe('toActionRequest', () => {
  it('sends the version, the reason and only the fields of the action', async () => {
    const values = {
      ...initialActionValues(dossier, now),
      reason: '  Thiếu tờ khai  ',
      items: [
        { key: 'a', name: ' Tờ khai ', originals: '1', certifiedCopies: '', photocopies: 0 },
        { key: 'b', name: '  ', originals: 1, certifiedCopies: 0, photocopies: 0 },
      ],
      assignee: 'someone',
    };
    expect(await toActionRequest(available('request_supplement', true), values, 7)).toEqual({
      action: 'request_supplement',
      expectedVersion: 7,
      reason: 'Thiếu tờ khai',
      items: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0 }],
    });
  });

  it('sends the new appointment with the Vietnam offset', async () => {
    const values = {
      ...initialActionValues(dossier, now),
      reason: 'Chờ xác minh',
      newDueAt: '2025-07-08T16:00',
    };
    expect(await toActionRequest(available('draft_apology', true), values, 3)).toMatchObject({
      newDueAt: '2025-07-08T16:00:00+07:00',
    });
  });
});
