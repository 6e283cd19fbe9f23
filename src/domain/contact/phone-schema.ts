import { z } from 'zod';
import { normalizePhone, PHONE_MESSAGE } from './phone.ts';

/** What a phone number may be written with (the OpenAPI document shows it as the field's pattern). */
export const PHONE_CHARACTERS = /^\+?[0-9 .()-]{9,24}$/;

/** A Vietnamese phone number in a request: checked by the shared rule (phone.ts) and stored normalised. */
export function phoneSchema() {
  return z
    .string()
    .regex(PHONE_CHARACTERS, PHONE_MESSAGE)
    .transform((raw, ctx) => {
      const phone = normalizePhone(raw);
      if (phone === undefined) {
        ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
        return z.NEVER;
      }
      return phone;
    })
    .describe(
      'Số điện thoại Việt Nam: di động 10 số (03, 05, 07, 08, 09) hoặc cố định 11 số (02); lưu ở dạng 0xxxxxxxxx',
    );
}
