/**
 * Locally issued dossier codes `<agency>-<YYMMDD>-<NNNN>` (docs/domain-vn.md §4.1), e.g. H21.65-220914-0011.
 * Only used when the province's system does not issue codes; elsewhere the code is an opaque string.
 */
import { isPlainDate, type PlainDate } from '../calendar/vn-time.ts';

/** Agency identifier (QCVN 102:2016/BTTTT): 'H' + 2-digit province, then '.'-separated unit segments. */
const AGENCY_CODE_RE = /^H[0-9]{2}(?:\.[A-Za-z0-9]+)*$/;
// The sequence has at least four digits; a longer one never starts with 0, so each code has one spelling.
const DOSSIER_CODE_RE = new RegExp(
  `^(?<agency>${AGENCY_CODE_RE.source.slice(1, -1)})-(?<yy>[0-9]{2})(?<mm>[0-9]{2})(?<dd>[0-9]{2})` +
    '-(?<seq>[0-9]{4}|[1-9][0-9]{4,})$',
);

export interface DossierCodeParts {
  agencyCode: string;
  date: PlainDate;
  seq: number;
}

/** True when `code` is a well-formed agency identifier such as 'H82.045'. */
export function isAgencyCode(code: string): boolean {
  return AGENCY_CODE_RE.test(code);
}

/** Digits the sequence is zero-padded to; a longer sequence is written as it is. */
export const DOSSIER_SEQ_DIGITS = 4;

/**
 * The code of the `seq`-th dossier under `prefix` (dossierCodePrefix). The intake's SQL spells the same
 * rule from DOSSIER_SEQ_DIGITS where the database numbers the dossier (dossiers/repository.ts).
 */
export function dossierCodeWithSeq(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(DOSSIER_SEQ_DIGITS, '0')}`;
}

/** Dossier code for the `seq`-th dossier (from 1) received by `agencyCode` on `date` (years 2000–2099). */
export function formatDossierCode(agencyCode: string, date: PlainDate, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Sequence must be an integer >= 1: ${seq}`);
  return dossierCodeWithSeq(dossierCodePrefix(agencyCode, date), seq);
}

/**
 * `<agency code>-<YYMMDD>-`: what precedes the sequence number (at least 4 digits, zero-padded) in
 * the codes of `agencyCode`'s dossiers received on `date`.
 */
export function dossierCodePrefix(agencyCode: string, date: PlainDate): string {
  if (!isAgencyCode(agencyCode)) throw new RangeError(`Not an agency code: ${JSON.stringify(agencyCode)}`);
  if (!isPlainDate(date)) throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  // YYMMDD cannot tell centuries apart, so only the one the parser assumes is accepted.
  if (!date.startsWith('20')) throw new RangeError(`Dossier codes cover years 2000–2099: ${date}`);
  return `${agencyCode}-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-`;
}

/** Agency, receipt date and sequence of a locally issued dossier code; undefined when it is not one. */
export function parseDossierCode(code: string): DossierCodeParts | undefined {
  const groups = DOSSIER_CODE_RE.exec(code)?.groups;
  if (!groups) return undefined;
  const date = `20${groups.yy}-${groups.mm}-${groups.dd}`;
  const seq = Number(groups.seq);
  if (!isPlainDate(date) || !Number.isSafeInteger(seq) || seq < 1) return undefined;
  return { agencyCode: groups.agency as string, date, seq };
}

// Dashes a phone keyboard or a word processor may put in place of '-'.
const DASHES_RE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * A dossier code as a citizen may type or paste it — lowercase, with stray spaces, full-width or
 * typographic dashes — in the one spelling codes are issued in (upper case, no spaces).
 */
export function normalizeDossierCode(input: string): string {
  return input.normalize('NFKC').replace(DASHES_RE, '-').replace(/\s+/g, '').toUpperCase();
}
