import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { hasFee } from '../../domain/catalog/fee-payment.ts';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import { equipment, meta, staff, trainings, units, users } from '../db/schema.ts';
import { localFileStore } from '../lib/file-store.ts';
import { receiveAtCounter } from '../modules/dossiers/service.ts';
import type { AuthUser, Role } from '../modules/identity/types.ts';
import { addConsultation } from '../modules/registers/service.ts';
import { performAction } from '../modules/workflow/service.ts';
import { createServices } from '../services.ts';
import { createWorkerPool } from '../workers/pool.ts';
import { loadProcedureRecords } from './reference.ts';

/*
 * The provincial inspection of Tân Phú Đông and Tân Thới (Đồng Tháp), told through motcua's own data:
 * people, equipment, consultations and dossiers of 1–2 July 2025, entered through the same services the
 * counter uses. Reports compute the inspection's figures from these rows; nothing is typed into a report.
 */

const TAN_PHU_DONG = '28696';
const TAN_THOI = '28693';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
  'Lý',
  'Lâm',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hoàng', 'Quốc', 'Kim', 'Hữu', 'Thị Mỹ'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Nhung',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trí',
  'Tuấn',
  'Uyên',
  'Vy',
  'Yến',
];

/** A deterministic Vietnamese name for the n-th person (demo data only). */
export function demoName(n: number): string {
  return `${FAMILY[n % FAMILY.length]} ${MIDDLE[(n * 7) % MIDDLE.length]} ${GIVEN[(n * 13) % GIVEN.length]}`;
}

type StaffRow = typeof staff.$inferInsert;

function people(
  unitCode: string,
  start: number,
  count: number,
  base: Omit<StaffRow, 'unitCode' | 'id' | 'fullName'>,
): StaffRow[] {
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    unitCode,
    id: randomUUID(),
    fullName: demoName(start + i),
  }));
}

/** Tân Phú Đông's people as the inspection counted them: 91 + 13 + 5 + 39. */
function tanPhuDongStaff(): StaffRow[] {
  const u = TAN_PHU_DONG;
  return [
    ...people(u, 0, 6, {
      category: 'can_bo',
      bloc: 'party',
      orgUnit: 'Đảng ủy xã',
      orgUnitKind: 'party',
      position: 'Ủy viên Ban Thường vụ Đảng ủy',
    }),
    ...people(u, 6, 22, {
      category: 'cong_chuc',
      bloc: 'party',
      orgUnit: 'Văn phòng Đảng ủy và các ban xây dựng Đảng',
      orgUnitKind: 'party',
      position: 'Chuyên viên',
    }),
    ...people(u, 28, 8, {
      category: 'can_bo',
      bloc: 'state',
      orgUnit: 'HĐND và UBND xã',
      orgUnitKind: 'council',
      position: 'Lãnh đạo HĐND, UBND',
    }),
    ...people(u, 36, 12, {
      category: 'cong_chuc',
      bloc: 'state',
      orgUnit: 'Văn phòng HĐND và UBND',
      orgUnitKind: 'office',
      position: 'Chuyên viên',
    }),
    ...people(u, 48, 10, {
      category: 'cong_chuc',
      bloc: 'state',
      orgUnit: 'Phòng Kinh tế',
      orgUnitKind: 'office',
      position: 'Chuyên viên',
      fields: ['DD', 'HKD'],
    }),
    ...people(u, 58, 8, {
      category: 'cong_chuc',
      bloc: 'state',
      orgUnit: 'Phòng Văn hóa - Xã hội',
      orgUnitKind: 'office',
      position: 'Chuyên viên',
      fields: ['BTXH'],
    }),
    ...people(u, 66, 8, {
      category: 'cong_chuc',
      bloc: 'state',
      orgUnit: 'Trung tâm Phục vụ hành chính công',
      orgUnitKind: 'center',
      position: 'Công chức tiếp nhận và trả kết quả',
      fields: ['CT', 'HT', 'DD'],
      counters: ['1', '2', '3'],
    }),
    ...people(u, 74, 5, {
      category: 'can_bo',
      bloc: 'front',
      orgUnit: 'Ủy ban MTTQ Việt Nam xã',
      orgUnitKind: 'front',
      position: 'Chủ tịch, Phó Chủ tịch',
    }),
    ...people(u, 79, 12, {
      category: 'cong_chuc',
      bloc: 'front',
      orgUnit: 'Các đoàn thể chính trị - xã hội',
      orgUnitKind: 'front',
      position: 'Chuyên viên',
    }),
    ...people(u, 91, 7, {
      category: 'vien_chuc',
      bloc: null,
      orgUnit: 'Trung tâm Cung ứng dịch vụ công',
      orgUnitKind: 'public_service_unit',
      position: 'Viên chức',
    }),
    ...people(u, 98, 6, {
      category: 'vien_chuc',
      bloc: null,
      orgUnit: 'Ban Quản lý bến đò',
      orgUnitKind: 'public_service_unit',
      position: 'Viên chức',
    }),
    ...people(u, 104, 5, {
      category: 'hd111',
      bloc: null,
      orgUnit: 'Văn phòng HĐND và UBND',
      orgUnitKind: 'office',
      position: 'Lái xe, bảo vệ, tạp vụ',
    }),
    ...people(u, 109, 39, {
      category: 'part_time',
      bloc: null,
      orgUnit: 'Ấp, khu phố',
      orgUnitKind: 'other',
      position: 'Người hoạt động không chuyên trách',
    }),
  ];
}

function tanThoiStaff(): StaffRow[] {
  const u = TAN_THOI;
  return [
    ...people(u, 200, 20, {
      category: 'cong_chuc',
      bloc: 'party',
      orgUnit: 'Đảng ủy xã',
      orgUnitKind: 'party',
      position: 'Chuyên viên',
    }),
    ...people(u, 220, 30, {
      category: 'cong_chuc',
      bloc: 'state',
      orgUnit: 'Văn phòng HĐND và UBND',
      orgUnitKind: 'office',
      position: 'Chuyên viên',
    }),
    ...people(u, 250, 6, {
      category: 'cong_chuc',
      bloc: 'state',
      orgUnit: 'Trung tâm Phục vụ hành chính công',
      orgUnitKind: 'center',
      position: 'Công chức tiếp nhận và trả kết quả',
      fields: ['CT', 'HT', 'HKD'],
      counters: ['1', '2'],
    }),
    ...people(u, 256, 14, {
      category: 'cong_chuc',
      bloc: 'front',
      orgUnit: 'Ủy ban MTTQ Việt Nam xã',
      orgUnitKind: 'front',
      position: 'Chuyên viên',
    }),
    ...people(u, 270, 4, {
      category: 'hd111',
      bloc: null,
      orgUnit: 'Văn phòng HĐND và UBND',
      orgUnitKind: 'office',
      position: 'Bảo vệ, tạp vụ',
    }),
    ...people(u, 274, 25, {
      category: 'part_time',
      bloc: null,
      orgUnit: 'Ấp',
      orgUnitKind: 'other',
      position: 'Người hoạt động không chuyên trách',
    }),
  ];
}

const STORY_EQUIPMENT: Array<Omit<typeof equipment.$inferInsert, 'unitCode' | 'id'>> = [
  {
    kind: 'desk',
    name: 'Bàn làm việc quầy tiếp nhận',
    quantity: 6,
    condition: 'good',
    location: 'Sảnh Trung tâm',
    meetsNeed: true,
  },
  {
    kind: 'chair',
    name: 'Ghế chờ cho người dân',
    quantity: 30,
    condition: 'good',
    location: 'Sảnh Trung tâm',
    meetsNeed: true,
  },
  {
    kind: 'cabinet',
    name: 'Tủ lưu trữ hồ sơ',
    quantity: 4,
    condition: 'good',
    location: 'Phòng lưu trữ',
    meetsNeed: true,
  },
  {
    kind: 'computer',
    name: 'Máy tính để bàn',
    quantity: 6,
    condition: 'good',
    location: 'Các quầy',
    meetsNeed: true,
  },
];

/** A user of a demo commune as the services see them (the demo's story and feedback act as them). */
export async function actor(db: Database['db'], username: string): Promise<AuthUser> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const [unit] = await db.select().from(units).where(eq(units.code, u!.unitCode!));
  return {
    id: u!.id,
    username: u!.username,
    fullName: u!.fullName,
    role: u!.role as Role,
    unit: { code: unit!.code, name: unit!.name, level: 'commune', provinceCode: unit!.parentCode! },
    scope: { kind: 'unit', unitCode: unit!.code, provinceCode: unit!.parentCode! },
  };
}

interface StoryDossier {
  unit: 'tan-thoi' | 'tan-phu-dong';
  procedure: string;
  documents: string[];
  at: string; // received, Vietnam time 'YYYY-MM-DDTHH:MM'
  done?: string; // result issued and returned, Vietnam time
}

const PDF = Buffer.from('%PDF-1.4\n% ket qua giai quyet\n%%EOF\n').toString('base64');
const vn = (s: string) => new Date(`${s}:00+07:00`);

/** Tân Thới: 9 certifications, 2 civil-status, 1 household business; 10 returned, 2 in process on 2 July. */
const TAN_THOI_DOSSIERS: StoryDossier[] = [
  ...['07:40', '08:05', '08:30', '09:10', '10:00'].map((t) => ({
    unit: 'tan-thoi' as const,
    procedure: '2.000815',
    documents: ['ban-chinh'],
    at: `2025-07-01T${t}`,
    done: `2025-07-01T${t === '10:00' ? '15:30' : '14:00'}`,
  })),
  ...['07:45', '09:20', '13:40'].map((t) => ({
    unit: 'tan-thoi' as const,
    procedure: '2.000884',
    documents: ['giay-to-can-ky', 'giay-to-tuy-than'],
    at: `2025-07-02T${t}`,
    done: '2025-07-02T16:00',
  })),
  {
    unit: 'tan-thoi',
    procedure: '2.001035',
    documents: ['du-thao-hop-dong', 'giay-to-tuy-than', 'giay-chung-nhan-tai-san'],
    at: '2025-07-02T14:10',
  },
  {
    unit: 'tan-thoi',
    procedure: '1.001193',
    documents: ['to-khai-khai-sinh', 'giay-chung-sinh'],
    at: '2025-07-01T08:15',
    done: '2025-07-01T10:30',
  },
  {
    unit: 'tan-thoi',
    procedure: '1.004873',
    documents: ['to-khai-xac-nhan-tthn'],
    at: '2025-07-01T09:30',
    done: '2025-07-02T15:00',
  },
  {
    unit: 'tan-thoi',
    procedure: '1.001612',
    documents: ['giay-de-nghi-dang-ky-hkd'],
    at: '2025-07-02T10:15',
  },
];

/** Tân Phú Đông: 12 justice (certification and civil status) and 8 land dossiers. */
const TAN_PHU_DONG_DOSSIERS: StoryDossier[] = [
  ...['07:35', '08:00', '08:40', '09:15', '10:20', '14:00'].map((t, i) => ({
    unit: 'tan-phu-dong' as const,
    procedure: '2.000815',
    documents: ['ban-chinh'],
    at: `2025-07-0${i < 3 ? 1 : 2}T${t}`,
    done: `2025-07-0${i < 3 ? 1 : 2}T16:00`,
  })),
  ...['08:10', '13:50'].map((t) => ({
    unit: 'tan-phu-dong' as const,
    procedure: '2.000884',
    documents: ['giay-to-can-ky', 'giay-to-tuy-than'],
    at: `2025-07-01T${t}`,
    done: '2025-07-01T16:30',
  })),
  {
    unit: 'tan-phu-dong',
    procedure: '1.001193',
    documents: ['to-khai-khai-sinh', 'giay-chung-sinh'],
    at: '2025-07-01T09:00',
    done: '2025-07-01T11:00',
  },
  {
    unit: 'tan-phu-dong',
    procedure: '1.000656',
    documents: ['to-khai-khai-tu', 'giay-bao-tu'],
    at: '2025-07-02T08:20',
    done: '2025-07-02T10:00',
  },
  {
    unit: 'tan-phu-dong',
    procedure: '1.004873',
    documents: ['to-khai-xac-nhan-tthn'],
    at: '2025-07-02T09:45',
  },
  {
    unit: 'tan-phu-dong',
    procedure: '1.004859',
    documents: ['to-khai-thay-doi-cai-chinh', 'giay-to-lam-can-cu'],
    at: '2025-07-02T15:10',
  },
  ...['07:50', '09:30', '10:40', '14:20'].map((t) => ({
    unit: 'tan-phu-dong' as const,
    procedure: '1.013831',
    documents: ['don-dang-ky-bien-dong', 'giay-chung-nhan-goc', 'hop-dong-van-ban-chuyen-quyen'],
    at: `2025-07-01T${t}`,
  })),
  ...['08:30', '13:45'].map((t) => ({
    unit: 'tan-phu-dong' as const,
    procedure: '1.012796',
    documents: ['don-dang-ky-bien-dong', 'giay-chung-nhan-sai-sot', 'giay-to-chung-minh-sai-sot'],
    at: `2025-07-02T${t}`,
  })),
  ...['09:00', '15:00'].map((t) => ({
    unit: 'tan-phu-dong' as const,
    procedure: '1.012812',
    documents: ['don-yeu-cau-hoa-giai'],
    at: `2025-07-02T${t}`,
  })),
];

const CONSULTATIONS: Array<{
  at: string;
  fieldCode: string;
  procedureCode: string | null;
  channel: 'counter' | 'phone';
  subject: string;
}> = [
  {
    at: '2025-07-01T08:20',
    fieldCode: 'DD',
    procedureCode: '1.013831',
    channel: 'counter',
    subject: 'Hỏi thủ tục sang tên quyền sử dụng đất',
  },
  {
    at: '2025-07-01T10:10',
    fieldCode: 'DD',
    procedureCode: '1.012812',
    channel: 'counter',
    subject: 'Hỏi về hòa giải tranh chấp ranh đất',
  },
  {
    at: '2025-07-01T14:30',
    fieldCode: 'CT',
    procedureCode: '2.000815',
    channel: 'phone',
    subject: 'Hỏi giấy tờ cần mang khi chứng thực bản sao',
  },
  {
    at: '2025-07-02T08:00',
    fieldCode: 'CT',
    procedureCode: '2.001035',
    channel: 'counter',
    subject: 'Hỏi chứng thực hợp đồng tặng cho',
  },
  {
    at: '2025-07-02T09:40',
    fieldCode: 'HT',
    procedureCode: '1.000894',
    channel: 'counter',
    subject: 'Hỏi thủ tục đăng ký kết hôn',
  },
  {
    at: '2025-07-02T10:30',
    fieldCode: 'HT',
    procedureCode: '1.000894',
    channel: 'phone',
    subject: 'Hỏi kết hôn khi một bên cư trú tỉnh khác',
  },
  {
    at: '2025-07-02T15:20',
    fieldCode: 'DD',
    procedureCode: null,
    channel: 'counter',
    subject: 'Hỏi cấp đổi giấy chứng nhận quyền sử dụng đất',
  },
];

/** Seeds the inspection story once (a marker in `meta` prevents a second run). */
export async function seedInspectionStory(database: Database, config: Config): Promise<boolean> {
  const db = database.db;
  const done = await db.select().from(meta).where(eq(meta.key, 'demo:inspection-story'));
  if (done.length) return false;
  let clock = new Date();
  const ctx: AppContext = {
    config,
    database,
    db,
    files: localFileStore(config.filesDir),
    services: createServices(db, () => clock),
    // The story prints nothing; the pool is lazy, so no thread is started.
    workers: createWorkerPool({ threads: 1, maxHeapMb: config.workerHeapMb }),
    // The story calls no other system.
    links: { portal: undefined, population: undefined, close: async () => undefined },
    now: () => clock,
  };

  await db.transaction(async (tx) => {
    const rows = [...tanPhuDongStaff(), ...tanThoiStaff()];
    for (let i = 0; i < rows.length; i += 200) await tx.insert(staff).values(rows.slice(i, i + 200));
    // Center staff of Tân Phú Đông were trained in one-stop skills; at Tân Thới only two of six were.
    const trained = rows
      .filter((r) => r.orgUnitKind === 'center')
      .filter((r, i) => r.unitCode === TAN_PHU_DONG || i % 6 < 2);
    await tx.insert(trainings).values(
      trained.map((r) => ({
        unitCode: r.unitCode,
        id: randomUUID(),
        staffId: r.id,
        course: 'Bồi dưỡng kỹ năng tiếp nhận, giải quyết TTHC theo cơ chế một cửa',
        day: '2025-06-20',
        hours: 16,
        coversOneStop: true,
      })),
    );
    for (const unitCode of [TAN_PHU_DONG, TAN_THOI]) {
      await tx.insert(equipment).values(STORY_EQUIPMENT.map((e) => ({ ...e, unitCode, id: randomUUID() })));
    }
    await tx
      .update(units)
      .set({ portalConnected: true })
      .where(inArray(units.code, [TAN_THOI]));
  });

  const who = {
    'tan-thoi': {
      reception: await actor(db, 'reception.tan-thoi'),
      specialist: await actor(db, 'specialist.tan-thoi'),
      leader: await actor(db, 'leader.tan-thoi'),
    },
    'tan-phu-dong': {
      reception: await actor(db, 'reception.tan-phu-dong'),
      specialist: await actor(db, 'specialist.tan-phu-dong'),
      leader: await actor(db, 'leader.tan-phu-dong'),
    },
  };
  const all = [...TAN_THOI_DOSSIERS, ...TAN_PHU_DONG_DOSSIERS].sort((a, b) => a.at.localeCompare(b.at));
  const catalogue = new Map(loadProcedureRecords().records.map((r) => [r.code, r]));
  // The fees the counter collected (Decision 766 3.6): online, cash and transfer in turn; none to pay
  // for a procedure without a fee. A fee the province sets is taken as 10,000 đồng.
  const feeOf = (procedure: string, i: number) => {
    const fees = catalogue.get(procedure)?.fees ?? [];
    if (!hasFee(fees)) return { payment: 'not_required' as const };
    const amount = fees.reduce((n, f) => n + (f.amount === null ? 10_000 : f.amount), 0);
    return { payment: (['online', 'cash', 'transfer'] as const)[i % 3] ?? 'cash', amount };
  };
  for (const [i, d] of all.entries()) {
    const staffOf = who[d.unit];
    clock = vn(d.at);
    const { dossier } = await receiveAtCounter(
      ctx,
      staffOf.reception,
      {
        procedureCode: d.procedure,
        applicant: {
          fullName: demoName(500 + i),
          idNumber: `0821${String(70 + (i % 30)).padStart(2, '0')}${String(100000 + i * 37).slice(-6)}`,
          phone: `09${String(10000000 + i * 7919).slice(-8)}`,
          address: `Ấp ${1 + (i % 5)}, xã ${d.unit === 'tan-thoi' ? 'Tân Thới' : 'Tân Phú Đông'}, tỉnh Đồng Tháp`,
        },
        documents: d.documents.map((id) => ({ id, originals: 1, certifiedCopies: 0, photocopies: 0 })),
        returnMethod: 'counter',
        decision: 'accept',
        fee: feeOf(d.procedure, i),
      },
      { requestId: `seed-${i}` },
    );
    const step = async (who: AuthUser, action: string, extra: Record<string, unknown> = {}) =>
      performAction(ctx, who, dossier.code, { action, ...extra } as never, {
        requestId: `seed-${i}-${action}`,
      });
    clock = new Date(clock.getTime() + 10 * 60_000);
    await step(staffOf.reception, 'transfer');
    if (!d.done) continue;
    const done = vn(d.done);
    clock = new Date(done.getTime() - 40 * 60_000);
    await step(staffOf.specialist, 'complete_step');
    clock = new Date(done.getTime() - 20 * 60_000);
    await step(staffOf.leader, 'complete_step');
    clock = new Date(done.getTime() - 10 * 60_000);
    await step(staffOf.leader, 'issue_result', {
      resultFile: { fileName: `ket-qua-${i + 1}.pdf`, contentType: 'application/pdf', dataBase64: PDF },
    });
    clock = done;
    await step(staffOf.reception, 'return_result', { returnMethod: 'counter' });
  }
  for (const c of CONSULTATIONS) {
    clock = vn(c.at);
    await addConsultation(ctx, TAN_THOI, who['tan-thoi'].reception.id, { ...c, at: clock.toISOString() });
  }
  await db.insert(meta).values({ key: 'demo:inspection-story', value: new Date().toISOString() });
  return true;
}
