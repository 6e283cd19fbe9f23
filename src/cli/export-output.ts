import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type PlainDate, vnDateOf, vnMinutesOf } from '../domain/calendar/vn-time.ts';
import { PERIOD_ERROR_NAMES, type ReportPeriod, validatePeriod } from '../domain/reports/periods.ts';
import type { AppContext } from '../server/context.ts';
import type { AuthUser } from '../server/modules/identity/types.ts';
import { reportUnits } from '../server/modules/reports/service.ts';
import { CliError, UsageError } from './errors.ts';
import { plainDateOption } from './options.ts';

/**
 * Whoever runs the command on the server's machine already holds the database: exports see every unit,
 * as a system administrator does.
 */
const OPERATOR: AuthUser = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'motcua-cli',
  fullName: 'motcua CLI',
  role: 'admin',
  unit: null,
  scope: { kind: 'all' },
};

/** --unit: a commune (5 digits), a province (2 digits) or all; a usage error otherwise. */
export function unitOption(unit: string | undefined): string {
  if (!unit) throw new UsageError('Thiếu --unit <mã xã|mã tỉnh|all> / --unit is required', 'export');
  if (!/^(\d{2}|\d{5}|all)$/.test(unit))
    throw new UsageError(
      `--unit ${unit}: mã tỉnh (2 số), mã xã (5 số) hoặc all / province, commune or all`,
      'export',
    );
  return unit;
}

/** The communes an export covers: the commune, every commune of the province, or all. */
export function exportScope(ctx: AppContext, unit: string) {
  return reportUnits(ctx, OPERATOR, unit);
}

const PERIOD_ERRORS_EN: Record<keyof typeof PERIOD_ERROR_NAMES, string> = {
  invalid_date: 'not a valid date',
  inverted: '--from is after --to',
  too_long: 'the period is too long',
};

/** --from and --to as a report period (both days included), or a usage error saying what is wrong. */
export function periodOptions(values: { from?: string; to?: string }): ReportPeriod {
  const period = {
    from: plainDateOption('export', 'from', values.from),
    to: plainDateOption('export', 'to', values.to),
  };
  const error = validatePeriod(period);
  if (error)
    throw new UsageError(`--from/--to: ${PERIOD_ERROR_NAMES[error]} / ${PERIOD_ERRORS_EN[error]}`, 'export');
  return period;
}

/** 'YYYY-MM-DD HH:mm' in Vietnam time, or '' (instants are never shown in the server's zone). */
export function vnDateTime(instant: Date | null | undefined): string {
  if (!instant) return '';
  const date: PlainDate = vnDateOf(instant);
  const m = vnMinutesOf(instant);
  return `${date} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The first worksheet of a workbook as CSV (UTF-8 with BOM, so spreadsheet programs read the diacritics). */
export async function workbookCsv(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.csv.writeBuffer({ formatterOptions: { writeBOM: true } }));
}

/** The first worksheet of an XLSX file as CSV: the same cells as the spreadsheet export. */
export async function xlsxToCsv(xlsx: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return workbookCsv(wb);
}

/**
 * Writes an export to `out` (or `defaultName` in the current folder; "-" is standard output) and says
 * where, on standard error when the data itself went to standard output.
 */
export function writeOutput(out: string | undefined, bytes: Buffer, defaultName: string, summary: string) {
  if (out === '-') {
    process.stdout.write(bytes);
    console.error(`Đã xuất / exported ${summary}`);
    return;
  }
  const file = path.resolve(out ?? defaultName);
  if (!fs.existsSync(path.dirname(file)))
    throw new CliError(`Không có thư mục ${path.dirname(file)} / no such folder`);
  fs.writeFileSync(file, bytes);
  console.log(`Đã xuất / exported ${summary} → ${file}`);
}
