import { loadConfig } from '../../server/config.ts';
import type { AppContext } from '../../server/context.ts';
import { CLI_ACTOR, recordSecurityEvent, SYSTEM_CHAIN } from '../../server/modules/audit/security.ts';
import { settlementPdf, settlementXlsx } from '../../server/modules/reports/exports.ts';
import {
  consultationsPdf,
  consultationsXlsx,
  equipmentPdf,
  equipmentXlsx,
  staffingPdf,
  staffingXlsx,
} from '../../server/modules/reports/register-exports.ts';
import {
  buildConsultations,
  buildEquipment,
  buildSettlement,
  buildStaffing,
  fieldNames,
  reportIssuer,
} from '../../server/modules/reports/service.ts';
import { cliContext, openDatabase, requireCurrentSchema } from '../database.ts';
import { EXIT, UsageError } from '../errors.ts';
import { exportScope, periodOptions, unitOption, writeOutput, xlsxToCsv } from '../export-output.ts';
import { choiceOption, parseCommand } from '../options.ts';

const KINDS = ['settlement', 'staffing', 'consultations', 'equipment'] as const;
const FORMATS = ['xlsx', 'pdf', 'csv', 'json'] as const;
const GROUPS = ['field', 'sector', 'procedure', 'unit'] as const;
type Kind = (typeof KINDS)[number];
type Format = (typeof FORMATS)[number];

interface Built {
  /** File name without extension, as the web download names it. */
  name: string;
  json: unknown;
  xlsx(): Promise<Buffer>;
  pdf(): Promise<Buffer>;
}

type Scope = Awaited<ReturnType<typeof exportScope>>;
type Values = { from?: string; to?: string; 'group-by'?: string };

/** Each report as the reports API builds it, with the same XLSX and PDF writers. */
const BUILDERS: Record<Kind, (ctx: AppContext, scope: Scope, values: Values) => Promise<Built>> = {
  async settlement(ctx, scope, values) {
    const period = periodOptions(values);
    const groupBy = choiceOption('export', 'group-by', values['group-by'], GROUPS, 'field');
    const report = await buildSettlement(ctx, scope, period, groupBy);
    return {
      name: `bieu-06a-${scope.unit.code}-${period.from}-${period.to}`,
      json: report,
      xlsx: () => settlementXlsx(report),
      pdf: async () => settlementPdf(report, await reportIssuer(ctx, scope.unit), ctx.now()),
    };
  },
  async staffing(ctx, scope) {
    const report = await buildStaffing(ctx, scope);
    return {
      name: `co-cau-nhan-su-${scope.unit.code}`,
      json: report,
      xlsx: () => staffingXlsx(report, ctx.now()),
      pdf: async () => staffingPdf(report, await reportIssuer(ctx, scope.unit), ctx.now()),
    };
  },
  async consultations(ctx, scope, values) {
    const period = periodOptions(values);
    const report = await buildConsultations(ctx, scope, period);
    const names = await fieldNames(
      ctx.db,
      report.byField.map((f) => f.code),
    );
    return {
      name: `tu-van-${scope.unit.code}-${period.from}-${period.to}`,
      json: report,
      xlsx: () => consultationsXlsx(report, names),
      pdf: async () => consultationsPdf(report, names, await reportIssuer(ctx, scope.unit), ctx.now()),
    };
  },
  async equipment(ctx, scope) {
    const report = await buildEquipment(ctx, scope);
    return {
      name: `trang-thiet-bi-${scope.unit.code}`,
      json: report,
      xlsx: () => equipmentXlsx(report, ctx.now()),
      pdf: async () => equipmentPdf(report, await reportIssuer(ctx, scope.unit), ctx.now()),
    };
  },
};

async function render(built: Built, format: Format): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(built.json, null, 2)}\n`);
  if (format === 'pdf') return built.pdf();
  const xlsx = await built.xlsx();
  return format === 'csv' ? xlsxToCsv(xlsx) : xlsx;
}

/** `export reports <kind> --unit … [--from … --to …] [--group-by …] [--format …] [--out …]`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    'export',
    args,
    {
      unit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'group-by': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    { min: 1, max: 1 },
  );
  const kind = choiceOption('export', 'report', positionals[0], KINDS);
  const format = choiceOption('export', 'format', values.format, FORMATS, 'xlsx');
  const dated = kind === 'settlement' || kind === 'consultations';
  if (!dated && (values.from || values.to))
    throw new UsageError(`export reports ${kind}: không dùng --from/--to / takes no period`, 'export');
  if (kind !== 'settlement' && values['group-by'])
    throw new UsageError('--group-by chỉ dùng cho settlement / only for settlement', 'export');
  if (dated) periodOptions(values);
  const unit = unitOption(values.unit);
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    await requireCurrentSchema(database);
    const ctx = cliContext(config, database);
    const scope = await exportScope(ctx, unit);
    const built = await BUILDERS[kind](ctx, scope, values);
    await recordSecurityEvent(ctx.db, {
      action: 'export_reports',
      unitCode: scope.unit.code === 'all' ? SYSTEM_CHAIN : scope.unit.code,
      actor: CLI_ACTOR,
      data: { report: kind, unit: scope.unit.code, format },
    });
    writeOutput(
      values.out,
      await render(built, format),
      `${built.name}.${format}`,
      `${kind} (${scope.unit.name})`,
    );
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
