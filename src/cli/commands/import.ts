import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type ProcedureRecord, ProcedureRecordSchema } from '../../domain/catalog/procedure.ts';
import { CommuneSchema, ProvinceSchema } from '../../domain/catalog/units.ts';
import { loadConfig } from '../../server/config.ts';
import type { AppContext } from '../../server/context.ts';
import type { Db } from '../../server/db/client.ts';
import { procedures, units } from '../../server/db/schema.ts';
import { AppError } from '../../server/errors.ts';
import { CLI_ACTOR, recordSecurityEvent, SYSTEM_CHAIN } from '../../server/modules/audit/security.ts';
import { importOfficialYear, OfficialYearSchema } from '../../server/modules/calendar/import-year.ts';
import { importStaffXlsx } from '../../server/modules/registers/service.ts';
import { upsertProcedures, upsertUnits } from '../../server/seed/reference.ts';
import { cliContext, describeDatabase, openDatabase, requireCurrentSchema } from '../database.ts';
import { CliError, EXIT, UsageError } from '../errors.ts';
import { choiceOption, parseCommand } from '../options.ts';

z.config(z.locales.vi());

const KINDS = ['units', 'procedures', 'calendar', 'staff'] as const;

const UnitsImportSchema = z.object({
  provinces: z.array(ProvinceSchema).default([]),
  communes: z.array(CommuneSchema).default([]),
});
const CalendarFileSchema = OfficialYearSchema.extend({ year: z.number().int().min(2000).max(2100) });

function invalid(file: string, details: string[]): CliError {
  return new CliError(
    `Tệp ${path.basename(file)} không hợp lệ, không nhập dòng nào / the file is invalid, nothing imported (${details.length})`,
    EXIT.failure,
    details,
  );
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw invalid(file, [`JSON: ${(err as Error).message}`]);
  }
}

function parseWith<T>(file: string, schema: z.ZodType<T>, value: unknown, prefix = ''): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw invalid(
      file,
      r.error.issues.map((i) => `${prefix}${i.path.join('.')}: ${i.message}`),
    );
  return r.data;
}

/** SQLSTATE of a database error, whichever driver raised it (drizzle wraps it in `cause`). */
function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 4; depth++, e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

async function importUnits(db: Db, file: string) {
  const data = parseWith(file, UnitsImportSchema, readJson(file));
  const all = [...data.provinces, ...data.communes];
  if (all.length === 0) throw invalid(file, ['provinces, communes: không có đơn vị nào / no units']);
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const u of all) {
    if (seen.has(`code:${u.code}`)) errors.push(`${u.code}: mã đơn vị trùng / duplicate code`);
    if (seen.has(`agency:${u.agencyCode}`))
      errors.push(
        `${u.code}: mã cơ quan ${u.agencyCode} trùng với ${seen.get(`agency:${u.agencyCode}`)} / duplicate agency code`,
      );
    seen.set(`code:${u.code}`, u.code).set(`agency:${u.agencyCode}`, u.code);
  }
  const taken = await db
    .select({ code: units.code, agencyCode: units.agencyCode, level: units.level })
    .from(units)
    .where(
      inArray(
        units.agencyCode,
        all.map((u) => u.agencyCode),
      ),
    );
  const codes = new Set(all.map((u) => u.code));
  for (const t of taken)
    if (!codes.has(t.code))
      errors.push(
        `${seen.get(`agency:${t.agencyCode}`)}: mã cơ quan ${t.agencyCode} đã thuộc đơn vị ${t.code} / agency code taken`,
      );
  const provinces = new Set([
    ...data.provinces.map((p) => p.code),
    ...(
      await db
        .select({ code: units.code })
        .from(units)
        .where(inArray(units.level, ['province']))
    ).map((p) => p.code),
  ]);
  for (const c of data.communes)
    if (!provinces.has(c.provinceCode))
      errors.push(`${c.code}: không có tỉnh ${c.provinceCode} / unknown province`);
  if (errors.length) throw invalid(file, errors);
  try {
    await db.transaction(async (tx) => {
      await upsertUnits(tx, data, { agencyCodes: true });
      await recordSecurityEvent(tx, {
        action: 'units_imported',
        unitCode: SYSTEM_CHAIN,
        actor: CLI_ACTOR,
        data: { provinces: data.provinces.length, communes: data.communes.length },
      });
    });
  } catch (err) {
    if (sqlState(err) === '23505')
      throw invalid(file, [
        'mã cơ quan hoặc mã đơn vị trùng với đơn vị khác / a code is already used by another unit',
      ]);
    throw err;
  }
  return `${data.provinces.length} tỉnh/provinces, ${data.communes.length} xã/communes`;
}

async function importProcedures(db: Db, file: string) {
  const raw = readJson(file);
  const list = Array.isArray(raw) ? raw : (raw as { procedures?: unknown })?.procedures;
  if (!Array.isArray(list) || list.length === 0)
    throw invalid(file, ['procedures: cần một danh sách thủ tục / a list of procedures is expected']);
  const errors: string[] = [];
  const records: ProcedureRecord[] = [];
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    const r = ProcedureRecordSchema.safeParse(item);
    const code = (item as { code?: unknown })?.code;
    const at = `procedures.${i}${typeof code === 'string' ? ` (${code})` : ''}`;
    if (!r.success) errors.push(...r.error.issues.map((x) => `${at}.${x.path.join('.')}: ${x.message}`));
    else if (seen.has(r.data.code)) errors.push(`${at}: mã thủ tục trùng / duplicate code`);
    else {
      seen.add(r.data.code);
      records.push(r.data);
    }
  }
  if (errors.length) throw invalid(file, errors);
  const existing = await db
    .select({ code: procedures.code })
    .from(procedures)
    .where(inArray(procedures.code, [...seen]));
  await db.transaction(async (tx) => {
    await upsertProcedures(tx, records);
    await recordSecurityEvent(tx, {
      action: 'catalogue_imported',
      unitCode: SYSTEM_CHAIN,
      actor: CLI_ACTOR,
      data: { procedures: records.length, added: records.length - existing.length },
    });
  });
  return `${records.length} thủ tục/procedures (${records.length - existing.length} mới/new)`;
}

async function importKind(
  ctx: AppContext,
  kind: (typeof KINDS)[number],
  file: string,
  unitCode: string | undefined,
): Promise<string> {
  if (kind === 'units') return importUnits(ctx.db, file);
  if (kind === 'procedures') return importProcedures(ctx.db, file);
  if (kind === 'calendar') {
    const { year, ...body } = parseWith(file, CalendarFileSchema, readJson(file));
    const r = await importOfficialYear(ctx, year, body);
    return `${r.imported} ngày của năm ${r.year} / days of ${r.year}`;
  }
  const unit = await ctx.services.units.get(unitCode!);
  if (unit.level !== 'commune') throw new CliError(`${unit.code} không phải mã xã / is not a commune`);
  const r = await importStaffXlsx(ctx, unit.code, fs.readFileSync(file));
  return `${r.imported} người vào danh sách nhân sự ${unit.fullName} / staff`;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    'import',
    args,
    { unit: { type: 'string' } },
    { min: 2, max: 2 },
  );
  const kind = choiceOption('import', 'kind', positionals[0], KINDS);
  if (kind === 'staff' && !values.unit)
    throw new UsageError('import staff: cần --unit <mã xã> / --unit is required', 'import');
  if (kind !== 'staff' && values.unit)
    throw new UsageError(`import ${kind}: không dùng --unit / --unit is for staff only`, 'import');
  const file = path.resolve(positionals[1]!);
  if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${file} / file not found`);
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    await requireCurrentSchema(database);
    const ctx = cliContext(config, database);
    let done: string;
    try {
      done = await importKind(ctx, kind, file, values.unit);
    } catch (err) {
      // The use cases check the whole file before writing: their validation errors are the file's.
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED')
        throw invalid(file, [
          ...(err.detail && !err.errors?.length ? [err.detail] : []),
          ...(err.errors ?? []).map((e) => `${e.path}: ${e.message}`),
        ]);
      throw err;
    }
    console.log(`Đã nhập / imported: ${done} — ${describeDatabase(config)}`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
