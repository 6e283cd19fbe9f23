import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { hasFee } from '../../domain/catalog/fee-payment.ts';
import type { ProcedureRecord } from '../../domain/catalog/procedure.ts';
import type { Config } from '../config.ts';
import type { Db, Executor } from '../db/client.ts';
import { procedures, provinceSettings, queueCounters, unitProcedures, units, users } from '../db/schema.ts';
import { hashPassword } from '../modules/identity/passwords.ts';
import type { Role } from '../modules/identity/types.ts';
import { loadProcedureRecords } from './reference.ts';

/** The demo province and the communes whose centers the demo runs (the provincial inspection's two first). */
export const DEMO_PROVINCE = '82';
export const DEMO_COMMUNES = ['28696', '28693', '28261', '29869', '28723'] as const;

const DEMO_NAMES: Record<Role, string[]> = {
  reception: ['Nguyễn Thị Thu Hà', 'Trần Ngọc Ánh', 'Lê Minh Thư', 'Phạm Thị Diễm', 'Võ Thanh Tâm'],
  specialist: ['Huỳnh Văn Đức', 'Đặng Thị Mỹ Linh', 'Bùi Quốc Việt', 'Ngô Thị Kiều', 'Dương Văn Phúc'],
  leader: ['Lâm Văn Hùng', 'Trương Thị Hồng', 'Phan Thanh Sơn', 'Đỗ Văn Lợi', 'Mai Thị Yến'],
  province: ['Nguyễn Văn Khải'],
  admin: ['Quản trị hệ thống'],
};

/** Makes a commune center active with the commune-level catalogue, numbered in catalogue order. */
export async function activateCommune(db: Executor, unitCode: string, procedureCodes: readonly string[]) {
  await db.update(units).set({ isActive: true }).where(eq(units.code, unitCode));
  await db
    .insert(unitProcedures)
    .values(procedureCodes.map((code, i) => ({ unitCode, procedureCode: code, position: i + 1 })))
    .onConflictDoUpdate({
      target: [unitProcedures.unitCode, unitProcedures.procedureCode],
      set: { position: sql`excluded.position` },
    });
}

/**
 * Demo data for the Decision 766 indicators read from the catalogue (1.1, 1.3, 3.5): the province's
 * publication decision of its commune catalogue, the steps of most procedures, online payment for the
 * fully online procedures with a fee, and each demo commune's posting days (most on time, one late,
 * one not posted). Only fills what is still empty, so a value an administrator set is kept.
 */
export async function seedIndexDemo(
  db: Executor,
  communes: readonly string[],
  records: readonly ProcedureRecord[],
) {
  const withoutSteps = new Set(['1.004859', '1.012812', '1.013831']);
  for (const r of records) {
    await db
      .update(procedures)
      .set({
        publicationDecision: sql`coalesce(${procedures.publicationDecision}, ${'1025/QĐ-UBND'})`,
        publicationDecidedOn: sql`coalesce(${procedures.publicationDecidedOn}, ${'2025-07-01'}::date)`,
        onlinePayment: sql`coalesce(${procedures.onlinePayment}, ${r.onlineLevel === 'full' && hasFee(r.fees)})`,
        ...(withoutSteps.has(r.code)
          ? {}
          : {
              steps: sql`CASE WHEN ${procedures.steps} = '[]'::jsonb THEN ${JSON.stringify(DEMO_STEPS)}::jsonb ELSE ${procedures.steps} END`,
            }),
      })
      .where(eq(procedures.code, r.code));
  }
  for (const unitCode of communes) {
    // Posted the day the new communes opened (1 July 2025, the decision's date); the land-registration change late.
    await db
      .update(unitProcedures)
      .set({ postedOn: '2025-07-01', postedWhere: 'both' })
      .where(
        and(
          eq(unitProcedures.unitCode, unitCode),
          sql`${unitProcedures.postedOn} IS NULL`,
          sql`${unitProcedures.procedureCode} NOT IN ('1.013831', '1.004194')`,
        ),
      );
    await db
      .update(unitProcedures)
      .set({ postedOn: '2025-07-15', postedWhere: 'center' })
      .where(
        and(
          eq(unitProcedures.unitCode, unitCode),
          eq(unitProcedures.procedureCode, '1.013831'),
          sql`${unitProcedures.postedOn} IS NULL`,
        ),
      );
  }
}

const DEMO_STEPS = [
  'Bước 1: Tổ chức, cá nhân nộp hồ sơ tại Bộ phận Một cửa của Trung tâm Phục vụ hành chính công xã hoặc trực tuyến trên Cổng Dịch vụ công',
  'Bước 2: Công chức tiếp nhận kiểm tra, tiếp nhận hồ sơ và hẹn trả kết quả',
  'Bước 3: Công chức chuyên môn thẩm định, trình lãnh đạo ký kết quả',
  'Bước 4: Trả kết quả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính, trực tuyến',
];

/** The demo password: the configured one, else one generated once and kept in the data folder. */
export function demoPassword(config: Config): string {
  if (config.demoPassword) return config.demoPassword;
  const file = path.join(config.dataDir, 'demo-password.txt');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const pw = `motcua-${randomBytes(6).toString('base64url')}`;
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${pw}\n`, { mode: 0o600 });
  return pw;
}

export interface DemoAccount {
  username: string;
  role: Role;
  unit: string;
}

/**
 * Seeds the demo: Đồng Tháp's centers active with the catalogue, office hours, and one account per role.
 * Runs at every demo start; it only adds what is missing and resets the demo accounts' password.
 */
export async function seedDemo(
  db: Db,
  config: Config,
): Promise<{ password: string; accounts: DemoAccount[] }> {
  const password = demoPassword(config);
  const passwordHash = await hashPassword(password);
  // The commune center receives commune procedures and, regardless of level, those filed through it
  // (e.g. land registration changes for the Land Registration Office branch).
  const codes = loadProcedureRecords().records.map((r) => r.code);
  const communeRows = await db
    .select()
    .from(units)
    .where(inArray(units.code, [...DEMO_COMMUNES]));
  const province = (await db.select().from(units).where(eq(units.code, DEMO_PROVINCE)))[0];
  if (!province || communeRows.length !== DEMO_COMMUNES.length)
    throw new Error('demo units missing from reference data');
  const bySlug = new Map(communeRows.map((u) => [u.code, u]));

  const accounts: Array<DemoAccount & { fullName: string; unitCode: string | null }> = [];
  DEMO_COMMUNES.forEach((code, i) => {
    const u = bySlug.get(code)!;
    for (const role of ['reception', 'specialist', 'leader'] as const) {
      accounts.push({
        username: `${role}.${u.slug}`,
        role,
        unit: u.name,
        fullName: DEMO_NAMES[role][i]!,
        unitCode: code,
      });
    }
  });
  accounts.push({
    username: `province.${province.slug}`,
    role: 'province',
    unit: province.name,
    fullName: DEMO_NAMES.province[0]!,
    unitCode: DEMO_PROVINCE,
  });
  accounts.push({
    username: 'admin',
    role: 'admin',
    unit: '—',
    fullName: DEMO_NAMES.admin[0]!,
    unitCode: null,
  });

  await db.transaction(async (tx) => {
    for (const code of DEMO_COMMUNES) await activateCommune(tx, code, codes);
    await seedIndexDemo(tx, DEMO_COMMUNES, loadProcedureRecords().records);
    await tx
      .insert(provinceSettings)
      .values({
        provinceCode: DEMO_PROVINCE,
        amStart: '07:00',
        amEnd: '11:30',
        pmStart: '13:30',
        pmEnd: '17:00',
        sameDayCutoff: '15:00',
      })
      .onConflictDoNothing();
    for (const a of accounts) {
      await tx
        .insert(users)
        .values({
          id: randomUUID(),
          username: a.username,
          fullName: a.fullName,
          passwordHash,
          role: a.role,
          unitCode: a.unitCode,
          isDemo: true,
        })
        .onConflictDoUpdate({
          target: users.username,
          set: { passwordHash, isActive: true, failedLogins: 0, lockedUntil: null },
        });
    }
  });
  // The hall's counters of each demo center (a center that configured its own keeps them).
  await db
    .insert(queueCounters)
    .values(
      DEMO_COMMUNES.flatMap((unitCode) => [
        { unitCode, number: 1, name: 'Quầy 1', fields: [], updatedAt: new Date() },
        { unitCode, number: 2, name: 'Quầy 2 — Hộ tịch', fields: ['HT'], updatedAt: new Date() },
        { unitCode, number: 3, name: 'Quầy 3 — Chứng thực', fields: ['CT'], updatedAt: new Date() },
      ]),
    )
    .onConflictDoNothing();
  return { password, accounts: accounts.map(({ username, role, unit }) => ({ username, role, unit })) };
}

/** Production refuses to run with demo accounts present. */
export async function countDemoUsers(db: Db): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.isActive, true)));
  return Number(rows[0]?.n ?? 0);
}
