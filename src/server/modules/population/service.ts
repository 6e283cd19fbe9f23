import { randomUUID } from 'node:crypto';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import { validatePersonalId } from '../../../domain/identity/personal-id.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { LinkError } from '../../lib/http-link.ts';
import { actorOf, recordSecurityEvent } from '../audit/security.ts';
import { getDossier } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import type { PopulationPerson } from './client.ts';
import { canLookUpCitizens } from './policy.ts';
import { insertLookupLog, type LookupOutcome } from './repository.ts';
import type { LookupBody, LookupResult } from './schemas.ts';

const ID_MESSAGES = {
  format: 'Số định danh cá nhân gồm đúng 12 chữ số',
  province: 'Ba chữ số đầu không phải mã tỉnh nơi đăng ký khai sinh',
  century: 'Chữ số thứ tư (thế kỷ, giới tính) không hợp lệ',
  future_birth_year: 'Năm sinh trong số định danh ở tương lai',
} as const;

/** The fields of the person that came from the population database (non-empty) and so count as verified. */
function verifiedFields(p: PopulationPerson): LookupResult['verified'] {
  const out: LookupResult['verified'] = ['personalId', 'fullName', 'birthDate'];
  if (p.sex !== 'unknown') out.push('sex');
  if (p.ethnicity) out.push('ethnicity');
  if (p.nationality) out.push('nationality');
  if (p.permanentAddress?.text) out.push('permanentAddress');
  if (p.currentAddress?.text) out.push('currentAddress');
  return out;
}

/**
 * Looks a person up in the national population database through the provincial platform
 * (docs/domain-vn.md §8.3). Every call that passes validation is logged — found, not found or
 * failed — with officer, unit, purpose, dossier, time and request id (Law 91/2025; Index 766 4.5);
 * the person's data is answered to the officer and written nowhere else.
 */
export async function lookUpCitizen(
  ctx: AppContext,
  user: AuthUser,
  body: LookupBody,
  requestId: string,
): Promise<LookupResult> {
  if (!canLookUpCitizens(user))
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ tiếp nhận, công chức chuyên môn của xã');
  const unitCode = user.scope.unitCode;
  const now = ctx.now();
  const pid = validatePersonalId(body.personalId, vnDateOf(now));
  if (!pid.ok)
    throw new AppError('PERSONAL_ID_INVALID', ID_MESSAGES[pid.reason], [
      { path: 'personalId', message: ID_MESSAGES[pid.reason] },
    ]);
  if (body.birthDate > vnDateOf(now))
    throw new AppError('VALIDATION_FAILED', 'Ngày sinh ở tương lai', [
      { path: 'birthDate', message: 'Ngày sinh ở tương lai' },
    ]);
  // Digits 5–6 of the ID are the birth year (§8.3): a mismatch is a typing error, caught before asking.
  if (Number(body.birthDate.slice(0, 4)) !== pid.birthYear)
    throw new AppError('VALIDATION_FAILED', 'Năm sinh không khớp với số định danh cá nhân', [
      { path: 'birthDate', message: `Số định danh ghi năm sinh ${pid.birthYear}` },
    ]);
  const dossierCode = body.dossierCode || undefined;
  // The dossier must be one of the officer's commune (unknown and foreign dossiers look alike: 404).
  if (dossierCode) await getDossier(ctx, user.scope, dossierCode);

  // The lookup log and the audit trail's entry (identifiers only: which lookup, which dossier, outcome).
  const log = (outcome: LookupOutcome, error?: string) =>
    ctx.db.transaction(async (tx) => {
      const id = randomUUID();
      await insertLookupLog(tx, {
        unitCode,
        id,
        officerId: user.id,
        officerUsername: user.username,
        purpose: body.purpose,
        dossierCode: dossierCode ?? null,
        requestId,
        outcome,
        error: error ?? null,
        lookedUpAt: now,
      });
      await recordSecurityEvent(tx, {
        action: 'population_lookup',
        unitCode,
        actor: actorOf(user),
        data: { lookupId: id, outcome, dossierCode: dossierCode ?? null },
        requestId,
        at: now,
      });
    });

  const client = ctx.links.population;
  if (!client) {
    await log('unavailable', 'population link not configured');
    throw new AppError('POPULATION_UNAVAILABLE', 'Chưa cấu hình kết nối (MOTCUA_POPULATION_URL)');
  }
  let person: PopulationPerson | undefined;
  try {
    person = await client.lookup({
      personalId: body.personalId,
      fullName: body.fullName,
      birthDate: body.birthDate,
      requestId,
      officerCode: user.username,
      serviceCode: body.procedureCode ?? 'TIEP_NHAN_HO_SO',
    });
  } catch (err) {
    if (!(err instanceof LinkError)) throw err;
    // The error text is the link's (status, kind): it carries nothing of the person.
    await log(err.retryable ? 'unavailable' : 'rejected', `${err.kind}: ${err.message}`.slice(0, 300));
    throw new AppError(err.retryable ? 'POPULATION_UNAVAILABLE' : 'POPULATION_BAD_ANSWER');
  }
  if (!person) {
    await log('not_found');
    throw new AppError('CITIZEN_NOT_FOUND');
  }
  await log('found');
  return {
    requestId,
    source: 'CSDLQG_DAN_CU',
    lookedUpAt: now.toISOString(),
    person,
    verified: verifiedFields(person),
  };
}
