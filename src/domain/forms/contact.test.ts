import { describe, expect, it } from 'vitest';
import { contactOf } from './contact.ts';
import { getForm } from './registry.ts';

describe('contactOf', () => {
  it('takes the first phone and address of the applicant’s own groups, not of repeated ones', () => {
    const form = getForm('1.004873');
    const contact = contactOf(form, {
      requester: { fullName: 'Nguyễn Văn An', phone: ' 0912345678 ', residence: 'Ấp Tân Thạnh, xã Tân Thới' },
      previousResidences: [{ address: 'Nơi khác', from: '2001-01-01', to: '2002-01-01' }],
    });
    expect(contact).toEqual({ phone: '0912345678', address: 'Ấp Tân Thạnh, xã Tân Thới' });
  });

  it('gives empty values when the answers have none (the server then names the missing contact)', () => {
    expect(contactOf(getForm('1.004873'), {})).toEqual({ phone: '', address: '' });
  });
});
