import { DEFAULT_OFFICE_HOURS } from '../../src/domain/calendar/types.ts';
import { addDays, vnDateOf, vnMinutesOf } from '../../src/domain/calendar/vn-time.ts';
import { WorkCalendar, type YearDays } from '../../src/domain/calendar/work-calendar.ts';
import { defaultWorkflow } from '../../src/domain/lifecycle/workflow.ts';

/*
 * What the generator writes, decided in TypeScript before any SQL runs: how many dossiers each commune
 * gets, in which batches, the procedure mix, the working days to sample receipt times from, and the
 * lifecycle history (audit events, step rows) each final status implies. The SQL in sql.ts only
 * draws random rows against these small tables.
 */

/** A seeded PRNG (mulberry32), so the spread over communes is the same for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CommuneRow {
  code: string;
  kind: string | null;
}

export interface Allocation {
  unitCode: string;
  n: number;
  batch: number;
}

/**
 * Spreads `total` dossiers over the communes: `hot` communes share `hotShare` of them equally, the others
 * get a log-normal share (wards — phường — about twice a rural commune's), as real centres differ by an
 * order of magnitude. Rounding keeps the exact total. Batches are runs of communes (in code order) of
 * about `batchSize` dossiers, so one commune's codes and counters are all written by one statement.
 */
export function allocate(
  communes: readonly CommuneRow[],
  total: number,
  opts: { hot: readonly string[]; hotShare: number; batchSize: number; seed: number },
): Allocation[] {
  const rand = prng(opts.seed);
  const hot = new Set(opts.hot);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const sorted = [...communes].sort((a, b) => a.code.localeCompare(b.code));
  const hotCount = sorted.filter((c) => hot.has(c.code)).length;
  const hotTotal = hotCount ? Math.round(total * opts.hotShare) : 0;
  const restTotal = total - hotTotal;
  const weights = sorted.map((c) =>
    hot.has(c.code) ? 0 : Math.exp(0.7 * gauss()) * (c.kind === 'phuong' ? 2 : 1),
  );
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = sorted.map((c, i) =>
    hot.has(c.code) ? hotTotal / hotCount : (restTotal * (weights[i] ?? 0)) / weightSum,
  );
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((v, i) => ({ i, r: v - Math.floor(v) })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    missing--;
  }
  const out: Allocation[] = [];
  let batch = 0;
  let inBatch = 0;
  sorted.forEach((c, i) => {
    const n = counts[i] ?? 0;
    if (n === 0) return;
    if (inBatch > 0 && inBatch + n > opts.batchSize) {
      batch++;
      inBatch = 0;
    }
    out.push({ unitCode: c.code, n, batch });
    inBatch += n;
  });
  return out;
}

/** Relative frequency of each commune-level procedure (chứng thực and hộ tịch dominate a commune's counter). */
const PROCEDURE_WEIGHTS: Record<string, number> = {
  '2.000815': 30, // chứng thực bản sao
  '2.000884': 10, // chứng thực chữ ký
  '2.001008': 1.5,
  '2.001035': 3,
  '1.001193': 9, // khai sinh
  '1.000894': 3.5, // kết hôn
  '1.000656': 2.5, // khai tử
  '1.004873': 7, // xác nhận tình trạng hôn nhân
  '2.000635': 6, // trích lục
  '1.004859': 2,
  '1.004884': 1,
  '1.001612': 3, // hộ kinh doanh
  '2.000720': 2,
  '1.001570': 1,
  '1.012812': 1, // hòa giải đất đai
  '1.012796': 2,
  '1.001776': 5, // trợ cấp xã hội
  '1.001699': 2,
};

export interface ProcedurePlan {
  pidx: number;
  code: string;
  field_code: string;
  name: string;
  /** How the appointment is computed: working days, same day (15:00 cut-off), calendar days. */
  due_kind: 'wd' | 'same' | 'cal';
  amount: number;
  online: boolean;
  post: boolean;
  documents: unknown;
  time_limit: unknown;
  workflow: unknown;
}

/** A row of the `procedures` table as the generator reads it. */
export interface ProcedureRow {
  code: string;
  field_code: string;
  name: string;
  channels: string[];
  record: {
    timeLimit: { amount: number; unit: 'same_day' | 'working_days' | 'working_hours' | 'calendar_days' };
    documents: Array<{ id: string; name: string; required: boolean }>;
  };
}

/** The commune-level procedures of the catalogue, with what the product snapshots into a dossier. */
export function procedurePlans(rows: readonly ProcedureRow[]): {
  procedures: ProcedurePlan[];
  slots: Array<{ slot: number; pidx: number }>;
} {
  if (rows.length === 0) throw new Error('the procedures table has no commune-level procedure');
  const procedures = rows.map((r, pidx): ProcedurePlan => {
    const tl = r.record.timeLimit;
    const due_kind = tl.unit === 'same_day' ? 'same' : tl.unit === 'calendar_days' ? 'cal' : 'wd';
    const amount = tl.unit === 'working_hours' ? Math.ceil(tl.amount / 8) : Math.round(tl.amount);
    return {
      pidx,
      code: r.code,
      field_code: r.field_code,
      name: r.name,
      due_kind,
      amount,
      online: r.channels.includes('online'),
      post: r.channels.includes('post'),
      documents: r.record.documents
        .filter((d) => d.required)
        .map((d) => ({ id: d.id, name: d.name, originals: 1, certifiedCopies: 0, photocopies: 0 })),
      time_limit: tl,
      workflow: defaultWorkflow(tl),
    };
  });
  // 1,000 slots, each pointing at a procedure in proportion to its weight: one equi-join draws one.
  const weights = procedures.map((p) => PROCEDURE_WEIGHTS[p.code] ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const slots: Array<{ slot: number; pidx: number }> = [];
  let acc = 0;
  procedures.forEach((p, i) => {
    acc += weights[i] ?? 0;
    const end = i === procedures.length - 1 ? 1000 : Math.round((1000 * acc) / sum);
    while (slots.length < end) slots.push({ slot: slots.length, pidx: p.pidx });
  });
  return { procedures, slots };
}

export interface DayPlan {
  /** Working days to draw receipts from, oldest first; every one has 480 office minutes except today's. */
  sample: Array<{ sidx: number; d: string; widx: number }>;
  /** Office minutes in `sample` (480 per full day plus what has passed of today). */
  sampleMinutes: number;
  /** Working days by ordinal, from the first sampled day to well past the last appointment. */
  workdays: Array<{ widx: number; d: string }>;
  /** Every day of the range with the first working day on or after it (calendar-day limits). */
  days: Array<{ d: string; next_work: string }>;
}

const OFFICE_MINUTES = 480;

/** Office minutes of today that have passed at `now` (07:00–11:30, 13:30–17:00 Vietnam time). */
function officeMinutesPassed(now: Date): number {
  const c = vnMinutesOf(now);
  if (c < 420) return 0;
  if (c < 690) return c - 420;
  if (c < 810) return 270;
  if (c < 1020) return 270 + (c - 810);
  return OFFICE_MINUTES;
}

/**
 * Working days of the last `months` months under the national calendar (official schedules where the
 * database has them, else the statutory holidays the product derives) and the default office hours.
 */
export function dayPlan(holidays: YearDays, now: Date, months: number): DayPlan {
  const cal = new WorkCalendar(holidays, DEFAULT_OFFICE_HOURS);
  const today = vnDateOf(now);
  const first = addDays(today, -Math.round(months * 30.44));
  const last = addDays(today, 160);
  const sample: DayPlan['sample'] = [];
  const workdays: DayPlan['workdays'] = [];
  const days: DayPlan['days'] = [];
  let sampleMinutes = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (!cal.isWorkingDay(d)) continue;
    const widx = workdays.length;
    workdays.push({ widx, d });
    if (d < today) {
      sample.push({ sidx: sample.length, d, widx });
      sampleMinutes += OFFICE_MINUTES;
    } else if (d === today) {
      // Keep a minute of margin so that no receipt lies in the future.
      const passed = Math.max(0, officeMinutesPassed(now) - 1);
      if (passed > 0) {
        sample.push({ sidx: sample.length, d, widx });
        sampleMinutes += passed;
      }
    }
  }
  let next = '';
  const all: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) all.push(d);
  for (let i = all.length - 1; i >= 0; i--) {
    const d = all[i] as string;
    if (cal.isWorkingDay(d)) next = d;
    if (next) days.push({ d, next_work: next });
  }
  days.reverse();
  return { sample, sampleMinutes, workdays, days };
}

/**
 * The lifecycle each generated dossier went through, by final status (and step while processing):
 * its audit events and its step rows (phiếu kiểm soát), each placed in time by an anchor — receipt,
 * processing end, return, pause start, current step start, or "lately" (min(due, now)) — and the
 * fraction of the time from receipt to that anchor.
 */
type Anchor = 'recv' | 'ended' | 'returned' | 'paused' | 'step' | 'lately';
type Role = 'reception' | 'specialist' | 'leader';

interface EventStep {
  action: string;
  role: Role;
  from: number | null;
  to: number;
  anchor: Anchor;
  frac: number;
  reason?: string;
}

const INTAKE: EventStep = { action: 'intake', role: 'reception', from: null, to: 2, anchor: 'recv', frac: 0 };
const STEP_NAMES = [
  'Thẩm định, xử lý hồ sơ',
  'Lãnh đạo xem xét, phê duyệt',
  'Ký, đóng dấu, phát hành kết quả',
];
const STEP_KEYS = ['appraise', 'approve', 'sign'];
const STEP_ROLES: Role[] = ['specialist', 'leader', 'leader'];

function historyOf(status: number, stepIndex: number): EventStep[] {
  const transfer = (anchor: Anchor, frac: number): EventStep => ({
    action: 'transfer',
    role: 'reception',
    from: 2,
    to: 4,
    anchor,
    frac,
  });
  const complete = (step: number, anchor: Anchor, frac: number): EventStep => ({
    action: 'complete_step',
    role: STEP_ROLES[step] as Role,
    from: 4,
    to: 4,
    anchor,
    frac,
  });
  const finished = (end: Anchor): EventStep[] => [
    INTAKE,
    transfer(end, 0.1),
    complete(0, end, 0.6),
    complete(1, end, 0.8),
  ];
  switch (status) {
    case 2:
      return [INTAKE];
    case 3:
      return [
        {
          action: 'refuse',
          role: 'reception',
          from: null,
          to: 3,
          anchor: 'recv',
          frac: 0,
          reason: 'Hồ sơ không thuộc thẩm quyền giải quyết',
        },
      ];
    case 4: {
      if (stepIndex === 0) return [INTAKE, transfer('step', 1)];
      if (stepIndex === 1) return [INTAKE, transfer('step', 0.2), complete(0, 'step', 1)];
      return [INTAKE, transfer('step', 0.1), complete(0, 'step', 0.6), complete(1, 'step', 1)];
    }
    case 5:
      return [
        INTAKE,
        transfer('paused', 0.2),
        {
          action: 'request_supplement',
          role: 'specialist',
          from: 4,
          to: 5,
          anchor: 'paused',
          frac: 1,
          reason: 'Bổ sung giấy tờ còn thiếu',
        },
      ];
    case 6:
      return [
        INTAKE,
        transfer('paused', 0.2),
        {
          action: 'request_payment',
          role: 'specialist',
          from: 4,
          to: 6,
          anchor: 'paused',
          frac: 1,
          reason: 'Nộp lệ phí',
        },
      ];
    case 7:
      return [
        INTAKE,
        transfer('lately', 0.2),
        {
          action: 'withdraw',
          role: 'reception',
          from: 4,
          to: 7,
          anchor: 'lately',
          frac: 0.6,
          reason: 'Công dân xin rút hồ sơ',
        },
      ];
    case 8:
      return [
        INTAKE,
        transfer('ended', 0.2),
        {
          action: 'stop',
          role: 'leader',
          from: 4,
          to: 8,
          anchor: 'ended',
          frac: 1,
          reason: 'Không đủ điều kiện giải quyết',
        },
      ];
    case 9:
      return [
        ...finished('ended'),
        { action: 'issue_result', role: 'leader', from: 4, to: 9, anchor: 'ended', frac: 1 },
      ];
    case 10:
      return [
        ...finished('ended'),
        { action: 'issue_result', role: 'leader', from: 4, to: 9, anchor: 'ended', frac: 1 },
        { action: 'return_result', role: 'reception', from: 9, to: 10, anchor: 'returned', frac: 1 },
      ];
    default:
      return [];
  }
}

/** (status, step index) pairs the generator produces. */
const SHAPES: Array<[number, number]> = [
  [2, 0],
  [3, 0],
  [4, 0],
  [4, 1],
  [4, 2],
  [5, 0],
  [6, 0],
  [7, 0],
  [8, 0],
  [9, 2],
  [10, 2],
];

export interface EventPlanRow {
  status: number;
  step_index: number;
  seq: number;
  action: string;
  actor_role: Role;
  from_status: number | null;
  to_status: number;
  reason: string | null;
  anchor: Anchor;
  frac: number;
}

export interface StepPlanRow {
  status: number;
  step_index: number;
  seq: number;
  step_key: string;
  step_name: string;
  from_role: Role;
  to_role: Role;
  open_anchor: Anchor;
  open_frac: number;
  close_anchor: Anchor | null;
  close_frac: number | null;
}

/** Audit events and step rows per shape; `intakeOnly` keeps the first event and no steps. */
export function historyPlans(intakeOnly: boolean): { events: EventPlanRow[]; steps: StepPlanRow[] } {
  const events: EventPlanRow[] = [];
  const steps: StepPlanRow[] = [];
  for (const [status, stepIndex] of SHAPES) {
    const history = historyOf(status, stepIndex);
    history.forEach((e, i) => {
      if (intakeOnly && i > 0) return;
      events.push({
        status,
        step_index: stepIndex,
        seq: i + 1,
        action: e.action,
        actor_role: e.role,
        from_status: e.from,
        to_status: e.to,
        reason: e.reason ?? null,
        anchor: e.anchor,
        frac: e.frac,
      });
    });
    if (intakeOnly) continue;
    // A transfer opens the first step, each complete_step opens the next; the following event closes it.
    const openers = history
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.action === 'transfer' || e.action === 'complete_step');
    openers.forEach(({ e, i }, k) => {
      const closer = history[i + 1];
      const closes = closer && closer.action !== 'withdraw' && closer.action !== 'return_result';
      steps.push({
        status,
        step_index: stepIndex,
        seq: k + 1,
        step_key: STEP_KEYS[k] as string,
        step_name: STEP_NAMES[k] as string,
        from_role: e.role,
        to_role: STEP_ROLES[k] as Role,
        open_anchor: e.anchor,
        open_frac: e.frac,
        close_anchor: closes ? closer.anchor : null,
        close_frac: closes ? closer.frac : null,
      });
    });
  }
  return { events, steps };
}

export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Đinh',
  'Lâm',
  'Mai',
];
export const MIDDLE_NAMES = [
  'Văn',
  'Thị',
  'Hữu',
  'Minh',
  'Ngọc',
  'Thanh',
  'Quốc',
  'Thị Thu',
  'Đức',
  'Hoài',
  'Xuân',
  'Kim',
  'Công',
  'Thị Mỹ',
];
export const GIVEN_NAMES = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Ngân',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
  'Khoa',
  'Nhung',
  'Đạt',
  'Hiếu',
  'Thắng',
];
/** Mobile prefixes after the leading 0 (Viettel, Vinaphone, Mobifone, Vietnamobile). */
export const PHONE_PREFIXES = [
  '86',
  '96',
  '97',
  '98',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '88',
  '91',
  '94',
  '81',
  '82',
  '83',
  '84',
  '85',
  '89',
  '90',
  '93',
  '70',
  '76',
  '77',
  '78',
  '79',
  '92',
  '56',
  '58',
];
