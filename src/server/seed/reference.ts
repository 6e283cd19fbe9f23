import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { hasFee } from '../../domain/catalog/fee-payment.ts';
import { type ProcedureRecord, ProcedureRecordSchema } from '../../domain/catalog/procedure.ts';
import { foldVietnamese } from '../../domain/text/fold.ts';
import type { Db, Executor } from '../db/client.ts';
import { calendarDays, meta, procedures, units } from '../db/schema.ts';
import { seedGuides } from '../modules/guides/service.ts';
import type { FormerUnitsFile } from '../modules/units/former-units.ts';
import { analyzeFormerUnits, loadFormerUnits } from './former-units.ts';

export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

interface UnitsFile {
  provinces: Array<{
    code: string;
    name: string;
    fullName: string;
    nameEn?: string;
    slug: string;
    agencyCode: string;
  }>;
  communes: Array<{
    code: string;
    name: string;
    fullName: string;
    nameEn?: string;
    kind?: string;
    provinceCode: string;
    slug: string;
    agencyCode: string;
  }>;
}

interface HolidayFile {
  year: number;
  source: string;
  days: Array<{
    date: string;
    kind: 'holiday' | 'compensatory' | 'swapped_day_off' | 'makeup_workday';
    name: string;
    note?: string;
  }>;
}

function readJson<T>(file: string): { data: T; sha: string } {
  const text = fs.readFileSync(file, 'utf8');
  return { data: JSON.parse(text) as T, sha: createHash('sha256').update(text).digest('hex') };
}

async function fingerprintChanged(db: Executor, key: string, sha: string) {
  const rows = await db.select().from(meta).where(eq(meta.key, key)).limit(1);
  return rows[0]?.value !== sha;
}

async function setFingerprint(db: Executor, key: string, sha: string) {
  await db
    .insert(meta)
    .values({ key, value: sha })
    .onConflictDoUpdate({ target: meta.key, set: { value: sha, updatedAt: new Date() } });
}

export function loadProcedureRecords(): { records: ProcedureRecord[]; sha: string } {
  const { data, sha } = readJson<unknown[]>(path.join(DATA_DIR, 'procedures.json'));
  const list = Array.isArray(data) ? data : ((data as { procedures: unknown[] }).procedures ?? []);
  return { records: list.map((r) => ProcedureRecordSchema.parse(r)), sha };
}

type UnitRows = Pick<UnitsFile, 'provinces' | 'communes'>;

/**
 * Inserts or refreshes units by code. Activation is never touched; agency codes are written for new
 * units and, with `agencyCodes`, also replace existing ones (an administrator's import of the real
 * codes), while data files leave configured codes alone.
 */
export async function upsertUnits(tx: Executor, data: UnitRows, opts: { agencyCodes: boolean }) {
  const rows = [
    ...data.provinces.map((p) => ({
      code: p.code,
      name: p.name,
      fullName: p.fullName,
      nameEn: p.nameEn ?? null,
      level: 'province' as const,
      kind: 'tinh',
      parentCode: null,
      slug: p.slug,
      agencyCode: p.agencyCode,
    })),
    ...data.communes.map((c) => ({
      code: c.code,
      name: c.name,
      fullName: c.fullName,
      nameEn: c.nameEn ?? null,
      level: 'commune' as const,
      kind: c.kind ?? null,
      parentCode: c.provinceCode,
      slug: c.slug,
      agencyCode: c.agencyCode,
    })),
  ];
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(units)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: units.code,
        set: {
          name: sql`excluded.name`,
          fullName: sql`excluded.full_name`,
          nameEn: sql`excluded.name_en`,
          kind: sql`excluded.kind`,
          parentCode: sql`excluded.parent_code`,
          slug: sql`excluded.slug`,
          ...(opts.agencyCodes ? { agencyCode: sql`excluded.agency_code` } : {}),
        },
      });
  }
}

/** Inserts or replaces procedures by code (name, grouping, time limit, the whole published record). */
export async function upsertProcedures(tx: Executor, records: ProcedureRecord[]) {
  for (const r of records) {
    const row = {
      code: r.code,
      name: r.name,
      sectorCode: r.sector.code,
      sectorName: r.sector.name,
      fieldCode: r.field.code,
      fieldName: r.field.name,
      level: r.level,
      agency: r.agency,
      onlineLevel: r.onlineLevel,
      channels: r.channels,
      timeLimitAmount: r.timeLimit.amount,
      timeLimitUnit: r.timeLimit.unit,
      timeLimitText: r.timeLimit.text,
      record: r as unknown as Record<string, unknown>,
      searchText: foldVietnamese(`${r.code} ${r.name} ${r.sector.name} ${r.field.name}`),
      // A fee with an amount, or one the province sets (amount null): Decision 766 3.5/3.6 count it.
      hasFee: hasFee(r.fees),
    };
    const { code: _code, ...set } = row;
    await tx.insert(procedures).values(row).onConflictDoUpdate({ target: procedures.code, set });
  }
}

/**
 * Loads units, the former units that formed them, procedures and official holiday schedules from
 * data/ when the files changed. Names are
 * refreshed; agency codes and activation, which administrators configure, are kept.
 */
export async function loadReferenceData(db: Db): Promise<void> {
  const unitsFile = readJson<UnitsFile>(path.join(DATA_DIR, 'units.json'));
  const formerFile = readJson<FormerUnitsFile>(path.join(DATA_DIR, 'former-units.json'));
  // Names of today's communes are in the former-units index too: it follows either file.
  const formerSha = createHash('sha256').update(`${formerFile.sha}:${unitsFile.sha}`).digest('hex');
  const proc = loadProcedureRecords();
  const holidayFiles = fs
    .readdirSync(path.join(DATA_DIR, 'holidays'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson<HolidayFile>(path.join(DATA_DIR, 'holidays', f)));
  const holidaySha = createHash('sha256')
    .update(holidayFiles.map((h) => h.sha).join())
    .digest('hex');

  let formerLoaded = false;
  await db.transaction(async (tx) => {
    if (await fingerprintChanged(tx, 'data:units', unitsFile.sha)) {
      await upsertUnits(tx, unitsFile.data, { agencyCodes: false });
      await setFingerprint(tx, 'data:units', unitsFile.sha);
    }
    if (await fingerprintChanged(tx, 'data:former-units', formerSha)) {
      await loadFormerUnits(tx, formerFile.data);
      await setFingerprint(tx, 'data:former-units', formerSha);
      formerLoaded = true;
    }
    if (await fingerprintChanged(tx, 'data:procedures', proc.sha)) {
      await upsertProcedures(tx, proc.records);
      await setFingerprint(tx, 'data:procedures', proc.sha);
    }
    if (await fingerprintChanged(tx, 'data:holidays', holidaySha)) {
      for (const file of holidayFiles) {
        const rows = file.data.days.map((d) => ({
          day: d.date,
          kind: d.kind,
          name: d.name,
          source: 'official' as const,
          note: d.note ?? file.data.source,
        }));
        // An administrator's later import of the same day wins; data files only fill gaps.
        if (rows.length) await tx.insert(calendarDays).values(rows).onConflictDoNothing();
      }
      await setFingerprint(tx, 'data:holidays', holidaySha);
    }
    // Version 1 of the officers' guides where none exists yet (edits are later versions, never touched).
    await seedGuides(tx, proc.records);
  });
  if (formerLoaded) await analyzeFormerUnits(db);
}
