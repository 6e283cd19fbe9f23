import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { FormerUnit, MatchLevel, SearchName } from '../../../domain/units/former-units.ts';
import type { Executor } from '../../db/client.ts';
import { formerUnitCorrections, formerUnits, units } from '../../db/schema.ts';

export type UnitRow = typeof units.$inferSelect;
export type FormerUnitRow = typeof formerUnits.$inferSelect;
export type CorrectionRow = typeof formerUnitCorrections.$inferSelect;

export function listAllUnits(db: Executor): Promise<UnitRow[]> {
  return db.select().from(units).orderBy(asc(units.level), asc(units.code));
}

const BATCH = 1000;

/**
 * Replaces the whole former-units mapping (the data file's rows). Rows travel as one JSON parameter
 * per few thousand: binding 10,000 parameters per statement cost several times more on both drivers.
 */
export async function replaceFormerUnits(tx: Executor, rows: FormerUnit[]) {
  await tx.delete(formerUnits);
  for (let i = 0; i < rows.length; i += 5000) {
    await tx.execute(sql`
      INSERT INTO former_units (commune_code, level, former_code, name, district_code, district_name,
                                province_code, province_name, merge, confidence)
      SELECT r."communeCode", r.level, r."formerCode", r.name, r."districtCode", r."districtName",
             r."provinceCode", r."provinceName", r.merge, r.confidence
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb) AS r(
        "communeCode" text, level text, "formerCode" text, name text, "districtCode" text,
        "districtName" text, "provinceCode" text, "provinceName" text, merge text, confidence text)
    `);
  }
}

export function listFormerUnits(db: Executor, communeCodes?: string[]): Promise<FormerUnitRow[]> {
  return db
    .select()
    .from(formerUnits)
    .where(communeCodes ? inArray(formerUnits.communeCode, communeCodes) : undefined)
    .orderBy(
      asc(formerUnits.communeCode),
      asc(formerUnits.provinceCode),
      asc(formerUnits.districtCode),
      asc(formerUnits.formerCode),
    );
}

/** Every commune a former unit went into (empty when the code is unknown). */
export function findFormerUnit(db: Executor, level: 'commune' | 'district', formerCode: string) {
  return db
    .select()
    .from(formerUnits)
    .where(and(eq(formerUnits.level, level), eq(formerUnits.formerCode, formerCode)));
}

/** Which of these former codes the mapping knows. */
export async function knownFormerCodes(db: Executor, level: 'commune' | 'district', codes: string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await db
    .selectDistinct({ code: formerUnits.formerCode })
    .from(formerUnits)
    .where(and(eq(formerUnits.level, level), inArray(formerUnits.formerCode, codes)));
  return new Set(rows.map((r) => r.code));
}

export async function deleteFormerAssignment(
  tx: Executor,
  key: { level: 'commune' | 'district'; formerCode: string; communeCode?: string },
) {
  await tx
    .delete(formerUnits)
    .where(
      and(
        eq(formerUnits.level, key.level),
        eq(formerUnits.formerCode, key.formerCode),
        key.communeCode ? eq(formerUnits.communeCode, key.communeCode) : undefined,
      ),
    );
}

export async function upsertFormerAssignment(tx: Executor, row: FormerUnit) {
  const { communeCode: _c, level: _l, formerCode: _f, ...set } = row;
  await tx
    .insert(formerUnits)
    .values(row)
    .onConflictDoUpdate({
      target: [formerUnits.communeCode, formerUnits.level, formerUnits.formerCode],
      set,
    });
}

export async function insertCorrections(
  tx: Executor,
  rows: Array<typeof formerUnitCorrections.$inferInsert>,
) {
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.insert(formerUnitCorrections).values(rows.slice(i, i + BATCH));
}

export function listCorrections(db: Executor): Promise<CorrectionRow[]> {
  return db
    .select()
    .from(formerUnitCorrections)
    .orderBy(asc(formerUnitCorrections.at), asc(formerUnitCorrections.seq));
}

/**
 * Rewrites the name index of the given communes (all when omitted). Word starts are cut in SQL: one
 * statement per few thousand names, each name sent once.
 */
export async function rewriteSearchIndex(tx: Executor, names: SearchName[], communeCodes?: string[]) {
  if (communeCodes) {
    if (communeCodes.length === 0) return;
    await tx.execute(
      sql`DELETE FROM unit_search WHERE commune_code IN (${sql.join(
        communeCodes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  } else {
    await tx.execute(sql`DELETE FROM unit_search`);
  }
  for (let i = 0; i < names.length; i += 4000) {
    const batch = JSON.stringify(
      names.slice(i, i + 4000).map((n) => ({
        c: n.communeCode,
        l: n.level,
        f: n.isFormer,
        k: n.code,
        n: n.name,
        x: n.context,
        t: n.kind,
        w: n.bare,
      })),
    );
    await tx.execute(sql`
      INSERT INTO unit_search (key, is_head, kind, commune_code, level, is_former, code, name, context)
      SELECT array_to_string(r.words[i:], ' '), i = 1, r.t, r.c, r.l, r.f, r.k, r.n, r.x
      FROM (
        SELECT j.*, string_to_array(j.w, ' ') AS words
        FROM jsonb_to_recordset(${batch}::jsonb)
          AS j(c text, l text, f boolean, k text, n text, x text, t text, w text)
        WHERE j.w <> ''
      ) r, generate_series(1, cardinality(r.words)) AS i
    `);
  }
}

export interface SearchHit {
  commune_code: string;
  level: MatchLevel;
  is_former: boolean;
  code: string;
  name: string;
  context: string;
  rank: number;
  total: number;
}

const LEVEL_ORDER = sql`CASE s.level WHEN 'commune' THEN 0 WHEN 'district' THEN 1 ELSE 2 END`;

/**
 * Communes by current or former name: `key` is the folded query without its kind, letters, digits and
 * single spaces (so it needs no LIKE escaping); `kind`, when the query named one, must be the name's.
 * Each commune appears once, with its best-matching name: exact before prefix before a later word;
 * within that, centers running on this installation first, then today's names before former ones,
 * commune before district before province, and by name. The LIKE on a text_pattern_ops btree is an
 * index range scan on both databases.
 */
export async function searchUnitNames(
  db: Executor,
  opts: { key: string; kind: string; limit: number; offset: number; province?: string; active?: boolean },
): Promise<SearchHit[]> {
  const filters: SQL[] = [];
  if (opts.province) filters.push(sql`AND u.parent_code = ${opts.province}`);
  if (opts.active !== undefined) filters.push(sql`AND u.is_active = ${opts.active}`);
  const result = await db.execute(sql`
    WITH best AS (
      SELECT DISTINCT ON (s.commune_code) s.commune_code, s.level, s.is_former, s.code, s.name, s.context,
             CASE WHEN s.is_head AND s.key = ${opts.key} THEN 0 WHEN s.is_head THEN 1 ELSE 2 END AS rank,
             ${LEVEL_ORDER} AS level_order
      FROM unit_search s
      WHERE s.key LIKE ${`${opts.key}%`} ${opts.kind ? sql`AND s.kind = ${opts.kind}` : sql``}
      ORDER BY s.commune_code, rank, s.is_former, level_order, s.name
    )
    SELECT b.commune_code, b.level, b.is_former, b.code, b.name, b.context, b.rank,
           count(*) OVER () AS total
    FROM best b JOIN units u ON u.code = b.commune_code
    WHERE true ${sql.join(filters, sql` `)}
    ORDER BY b.rank, u.is_active DESC, b.is_former, b.level_order, u.name, u.code
    LIMIT ${opts.limit} OFFSET ${opts.offset}
  `);
  return (result as unknown as { rows: SearchHit[] }).rows.map((r) => ({
    ...r,
    rank: Number(r.rank),
    total: Number(r.total),
  }));
}
