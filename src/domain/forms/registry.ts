/**
 * Every shipped form, every version. A published version is never edited (versions.lock.json holds
 * its fingerprint and registry.test.ts fails when one changes): a change is a new version, and a
 * dossier keeps the version it was filed with, so its answers are always read with their own form.
 */
import { BIRTH_V1 } from './definitions/birth.ts';
import { CERTIFIED_COPY_V1, CERTIFIED_COPY_V2 } from './definitions/certified-copy.ts';
import { DEATH_V1 } from './definitions/death.ts';
import { HOUSEHOLD_BUSINESS_V1 } from './definitions/household-business.ts';
import { MARITAL_STATUS_V1 } from './definitions/marital-status.ts';
import { MARRIAGE_V1 } from './definitions/marriage.ts';
import { RESIDENCE_CONFIRMATION_V1 } from './definitions/residence.ts';
import { SIGNATURE_V1 } from './definitions/signature.ts';
import type { FormDefinition } from './types.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const ALL: readonly FormDefinition[] = [
  CERTIFIED_COPY_V1,
  CERTIFIED_COPY_V2,
  SIGNATURE_V1,
  BIRTH_V1,
  MARRIAGE_V1,
  DEATH_V1,
  MARITAL_STATUS_V1,
  RESIDENCE_CONFIRMATION_V1,
  HOUSEHOLD_BUSINESS_V1,
].map((d) => deepFreeze(structuredClone(d)));

const BY_CODE = new Map<string, FormDefinition[]>();
for (const d of ALL) {
  const list = BY_CODE.get(d.procedureCode) ?? [];
  list.push(d);
  BY_CODE.set(
    d.procedureCode,
    list.sort((a, b) => a.version - b.version),
  );
}

/** Thrown by getForm/getFormVersion when there is no such form (callers that expect absence use find*). */
export class UnknownFormError extends Error {
  constructor(
    readonly procedureCode: string,
    readonly version?: number,
  ) {
    super(`No form for procedure ${procedureCode}${version === undefined ? '' : ` version ${version}`}`);
    this.name = 'UnknownFormError';
  }
}

/** Every shipped version of every form, oldest first per procedure. */
export function listForms(): readonly FormDefinition[] {
  return ALL;
}

/** Procedure codes that have an online form. */
export function formProcedureCodes(): string[] {
  return [...BY_CODE.keys()];
}

/** The latest version of a procedure's form, or undefined. */
export function findForm(procedureCode: string): FormDefinition | undefined {
  const list = BY_CODE.get(procedureCode);
  return list?.[list.length - 1];
}

/** One published version of a procedure's form, or undefined. */
export function findFormVersion(procedureCode: string, version: number): FormDefinition | undefined {
  return BY_CODE.get(procedureCode)?.find((d) => d.version === version);
}

/** The latest version of a procedure's form; throws UnknownFormError when it has none. */
export function getForm(procedureCode: string): FormDefinition {
  const d = findForm(procedureCode);
  if (!d) throw new UnknownFormError(procedureCode);
  return d;
}

/** One published version of a procedure's form; throws UnknownFormError when there is no such version. */
export function getFormVersion(procedureCode: string, version: number): FormDefinition {
  const d = findFormVersion(procedureCode, version);
  if (!d) throw new UnknownFormError(procedureCode, version);
  return d;
}
