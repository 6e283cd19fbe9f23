import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  checklistFor,
  emptyIntake,
  type IntakeValues,
  toRequest,
  validateIntake,
} from '../dossiers/intake-form';

const t = ((key: string) => key) as unknown as TFunction;

function filled(patch: Partial<IntakeValues>): IntakeValues {
  return {
    ...emptyIntake(),
    procedureCode: '1.004873',
    applicant: {
      fullName: 'Lê Văn Phúc',
      idNumber: '082090004321',
      phone: '0987654321',
      address: 'Ấp Tân Hòa',
      email: '',
    },
    documents: checklistFor([
      { id: 'to-khai', name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, required: true },
    ]),
    ...patch,
  };
}

describe('counter decision in the intake form', () => {
  it('accepts only a complete dossier and sends no decision fields', () => {
    const values = filled({});
    expect(validateIntake(values, t).documents).toBe('intake.errors.documentsIncomplete');
    const complete = filled({ documents: values.documents.map((d) => ({ ...d, checked: true })) });
    expect(validateIntake(complete, t)).toEqual({});
    const request = toRequest(complete, []);
    expect(request.decision).toBeUndefined();
    expect(request.reasons).toBeUndefined();
  });

  it('refuses an incomplete dossier only with reasons, one per line', () => {
    const refuse = filled({ decision: 'refuse' });
    expect(validateIntake(refuse, t)).toEqual({ reasons: 'workflow:intake.reasonsRequired' });
    const withReasons = filled({
      decision: 'refuse',
      reasons: 'Không thuộc thẩm quyền\n\n  Người yêu cầu chưa đủ tuổi  ',
    });
    expect(validateIntake(withReasons, t)).toEqual({});
    expect(toRequest(withReasons, [])).toMatchObject({
      decision: 'refuse',
      reasons: ['Không thuộc thẩm quyền', 'Người yêu cầu chưa đủ tuổi'],
    });
    expect(toRequest(withReasons, []).missing).toBeUndefined();
  });

  it('guides to supplement with the missing documents that were filled in', () => {
    const values = filled({
      decision: 'supplement',
      reasons: 'Thiếu tờ khai',
      missing: [
        { key: 'a', name: 'Tờ khai theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0 },
        { key: 'b', name: '', originals: 1, certifiedCopies: 0, photocopies: 0 },
      ],
    });
    expect(validateIntake(values, t)).toEqual({});
    expect(toRequest(values, [])).toMatchObject({
      decision: 'supplement',
      reasons: ['Thiếu tờ khai'],
      missing: [{ name: 'Tờ khai theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0 }],
    });
  });

  it('refuses control characters the server would refuse, allowing line breaks only in the reasons', () => {
    const base = filled({});
    const pasted = filled({
      applicant: { ...base.applicant, fullName: 'Lê Văn\u0000Phúc', address: 'Ấp\tTân Hòa' },
      subject: 'Chứng thực\u0007',
      decision: 'refuse',
      reasons: 'Thiếu tờ khai\r\nThiếu ảnh',
    });
    const errors = validateIntake(pasted, t);
    expect(errors).toMatchObject({
      'applicant.fullName': 'common.unsafeText',
      'applicant.address': 'common.unsafeText',
      subject: 'common.unsafeText',
    });
    expect(errors.reasons).toBeUndefined();
    expect(validateIntake(base, t)['applicant.fullName']).toBeUndefined();
    expect(validateIntake(filled({ decision: 'refuse', reasons: 'Thiếu\u000btờ khai' }), t).reasons).toBe(
      'common.unsafeText',
    );
  });
});
