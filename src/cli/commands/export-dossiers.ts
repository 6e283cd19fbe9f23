import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { isNationalStatus, statusName } from '../../domain/lifecycle/statuses.ts';
import { periodInstants } from '../../domain/reports/periods.ts';
import { loadConfig } from '../../server/config.ts';
import { dossiers, procedures } from '../../server/db/schema.ts';
import { CLI_ACTOR, recordSecurityEvent, SYSTEM_CHAIN } from '../../server/modules/audit/security.ts';
import { CHANNEL_BY_CODE } from '../../server/modules/dossiers/schemas.ts';
import { cliContext, openDatabase, requireCurrentSchema } from '../database.ts';
import { EXIT } from '../errors.ts';
import {
  exportScope,
  periodOptions,
  unitOption,
  vnDateTime,
  workbookCsv,
  writeOutput,
} from '../export-output.ts';
import { choiceOption, parseCommand } from '../options.ts';
import { progress } from '../progress.ts';

const CHANNEL_NAMES = { counter: 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' } as const;
const TIMELINESS_NAMES: Record<string, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

// The columns of the tracking book (Sổ theo dõi hồ sơ), plus status and timeliness.
const COLUMNS = [
  ['STT', 6],
  ['Mã hồ sơ', 22],
  ['Mã xã', 8],
  ['Mã thủ tục', 11],
  ['Tên thủ tục', 50],
  ['Kênh nộp', 11],
  ['Trạng thái', 24],
  ['Người nộp', 26],
  ['Địa chỉ', 40],
  ['Số điện thoại', 14],
  ['Ngày nhận', 17],
  ['Hẹn trả', 17],
  ['Kết thúc xử lý', 17],
  ['Trả kết quả', 17],
  ['Đúng hạn', 10],
] as const;

/** The dossiers received in a period (Vietnam days, both included) by the communes of a unit. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand('export', args, {
    unit: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const unit = unitOption(values.unit);
  const period = periodOptions(values);
  const format = choiceOption('export', 'format', values.format, ['csv', 'xlsx'], 'csv');
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    await requireCurrentSchema(database);
    const ctx = cliContext(config, database);
    const scope = await exportScope(ctx, unit);
    const { start, end } = periodInstants(period);
    const rows = await ctx.db
      .select({ d: dossiers, procedureName: procedures.name })
      .from(dossiers)
      .leftJoin(procedures, eq(procedures.code, dossiers.procedureCode))
      .where(
        and(
          scope.unit.code === 'all' ? undefined : inArray(dossiers.unitCode, scope.communes),
          gte(dossiers.receivedAt, start),
          lt(dossiers.receivedAt, end),
        ),
      )
      .orderBy(asc(dossiers.receivedAt), asc(dossiers.unitCode), asc(dossiers.code));
    const wb = new ExcelJS.Workbook();
    wb.creator = 'motcua';
    const ws = wb.addWorksheet('Hồ sơ');
    ws.columns = COLUMNS.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    const bar = progress('Xuất hồ sơ / exporting dossiers', rows.length);
    for (const [i, { d, procedureName }] of rows.entries()) {
      const channel = CHANNEL_BY_CODE[d.channel];
      ws.addRow([
        i + 1,
        d.code,
        d.unitCode,
        d.procedureCode,
        procedureName ?? '',
        channel ? CHANNEL_NAMES[channel] : String(d.channel),
        isNationalStatus(d.status) ? statusName(d.status) : String(d.status),
        d.applicantName,
        d.applicantAddress,
        d.applicantPhone,
        vnDateTime(d.receivedAt),
        vnDateTime(d.dueAt),
        vnDateTime(d.processingEndedAt),
        vnDateTime(d.returnedAt),
        d.timeliness ? (TIMELINESS_NAMES[d.timeliness] ?? d.timeliness) : '',
      ]);
      bar.tick();
    }
    bar.done();
    const bytes = format === 'csv' ? await workbookCsv(wb) : Buffer.from(await wb.xlsx.writeBuffer());
    // Applicants' names, addresses and phones leave the system: the trail says who, what and how many.
    await recordSecurityEvent(ctx.db, {
      action: 'export_dossiers',
      unitCode: scope.unit.code === 'all' ? SYSTEM_CHAIN : scope.unit.code,
      actor: CLI_ACTOR,
      data: { unit: scope.unit.code, from: period.from, to: period.to, rows: rows.length, format },
    });
    writeOutput(
      values.out,
      bytes,
      `ho-so-${scope.unit.code}-${period.from}-${period.to}.${format}`,
      `${rows.length} hồ sơ/dossiers (${scope.unit.name}, ${period.from} – ${period.to})`,
    );
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
