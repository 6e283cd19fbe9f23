import type { z } from 'zod';
import { officialYearErrors } from '../../../domain/calendar/official-year.ts';
import type { AppContext } from '../../context.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { type AuditActor, CLI_ACTOR, recordSecurityEvent, SYSTEM_CHAIN } from '../audit/security.ts';
import { replaceYear } from './repository.ts';
import { OfficialYearSchema } from './schemas.ts';

export type OfficialYear = z.infer<typeof OfficialYearSchema>;
export { OfficialYearSchema };

/**
 * Replaces one year's official days off and make-up working days (they override the derived
 * holidays). Every day is checked first (`officialYearErrors`: outside the year, listed twice, or a
 * make-up day that is not a weekend); any finding refuses the whole import.
 */
export async function importOfficialYear(
  ctx: Pick<AppContext, 'db' | 'services'>,
  year: number,
  body: OfficialYear,
  actor: AuditActor = CLI_ACTOR,
): Promise<{ year: number; imported: number }> {
  const errors: FieldError[] = officialYearErrors(year, body.days);
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors);
  await ctx.db.transaction(async (tx) => {
    await replaceYear(
      tx,
      year,
      body.days.map((d) => ({
        day: d.date,
        kind: d.kind,
        name: d.name,
        source: 'official' as const,
        note: d.note ?? body.source,
      })),
    );
    await recordSecurityEvent(tx, {
      action: 'calendar_imported',
      unitCode: SYSTEM_CHAIN,
      actor,
      data: { year, days: body.days.length },
    });
  });
  ctx.services.calendar.invalidate();
  return { year, imported: body.days.length };
}
