import { randomUUID } from 'node:crypto';
import { EXERCISES, type Exercise, exerciseById } from '../../../domain/guides/exercises.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { receiveAtCounter } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import { performAction } from '../workflow/service.ts';
import { type PracticeCenter, practiceCenter } from './center.ts';
import { trainingRegisterFilter } from './policy.ts';
import * as repo from './repository.ts';

interface Attempt {
  startedAt: Date;
  dossierCode?: string;
}

/** Started exercises per real officer (kept in memory: a restart asks the trainee to start again). */
const attempts = new WeakMap<AppContext, Map<string, Attempt>>();
function attemptsOf(ctx: AppContext) {
  let m = attempts.get(ctx);
  if (!m) {
    m = new Map();
    attempts.set(ctx, m);
  }
  return m;
}

function exerciseOrThrow(id: string): Exercise {
  const e = exerciseById(id);
  if (!e) throw new AppError('EXERCISE_NOT_FOUND', id);
  return e;
}

/** The exercises with what the officer has already completed (from the real training register). */
export async function listExercises(ctx: AppContext, user: AuthUser) {
  const done = await repo.trainingEntries(ctx.db, { unitCode: user.unit?.code ?? '' }, 2000);
  const mine = done.filter((d) => d.userId === user.id && d.passed);
  return EXERCISES.map((e) => {
    const last = mine.find((d) => d.exercise === e.id);
    const started = attemptsOf(ctx).get(`${user.id}:${e.id}`);
    return {
      ...e,
      checks: Object.entries(e.checks).map(([key, label]) => ({ key, label })),
      completedAt: last ? last.completedAt.toISOString() : null,
      startedAt: started ? started.startedAt.toISOString() : null,
      dossierCode: started?.dossierCode ?? null,
    };
  });
}

/** Starts (or restarts) an exercise; the "return" exercise gets a dossier with its result ready. */
export async function startExercise(ctx: AppContext, user: AuthUser, id: string) {
  const exercise = exerciseOrThrow(id);
  const center = await practiceCenter(ctx);
  const { user: trainee } = await center.trainee(user);
  const startedAt = center.ctx.now();
  const attempt: Attempt = { startedAt };
  if (exercise.id === 'return') attempt.dossierCode = await prepareResult(center, exercise.procedureCode);
  attemptsOf(ctx).set(`${user.id}:${exercise.id}`, attempt);
  return {
    exercise: exercise.id,
    startedAt: startedAt.toISOString(),
    dossierCode: attempt.dossierCode ?? null,
    trainee: { username: trainee.username, fullName: trainee.fullName, unit: trainee.unit?.name ?? '' },
  };
}

/** A dossier taken through the real use cases up to "Đã xử lý xong", for the trainee to return. */
async function prepareResult(center: PracticeCenter, procedureCode: string): Promise<string> {
  const [reception, specialist, leader] = await Promise.all([
    center.staff('reception'),
    center.staff('specialist'),
    center.staff('leader'),
  ]);
  const n = Math.floor(Math.random() * 900_000) + 100_000;
  const { dossier } = await receiveAtCounter(
    center.ctx,
    reception,
    {
      procedureCode,
      applicant: {
        fullName: 'Nguyễn Văn Luyện Tập',
        idNumber: `082099${n}`,
        phone: `0900${String(n).slice(0, 6)}`,
        address: 'Ấp Luyện Tập, xã Tân Thới, tỉnh Đồng Tháp',
      },
      documents: [{ id: 'ban-chinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
      returnMethod: 'counter',
      decision: 'accept',
    } as never,
    { requestId: `practice-${n}` },
  );
  const step = (who: AuthUser, body: Record<string, unknown>) =>
    performAction(center.ctx, who, dossier.code, body as never, {
      requestId: `practice-${n}-${body.action}`,
    });
  await step(reception, { action: 'transfer' });
  await step(specialist, { action: 'complete_step' });
  await step(leader, { action: 'complete_step' });
  await step(leader, {
    action: 'issue_result',
    resultFile: {
      fileName: 'ket-qua-luyen-tap.pdf',
      contentType: 'application/pdf',
      dataBase64: Buffer.from('%PDF-1.4\n% ket qua luyen tap\n%%EOF\n').toString('base64'),
    },
  });
  return dossier.code;
}

/** What the trainee did in the practice database, checked; a pass is written to the REAL training register. */
export async function checkExercise(ctx: AppContext, user: AuthUser, id: string) {
  const exercise = exerciseOrThrow(id);
  const attempt = attemptsOf(ctx).get(`${user.id}:${exercise.id}`);
  if (!attempt) throw new AppError('EXERCISE_NOT_STARTED');
  const center = await practiceCenter(ctx);
  const { user: trainee } = await center.trainee(user);
  const results = await runChecks(center, exercise, trainee, attempt);
  const passed = results.every((r) => r.ok);
  const completedAt = ctx.now();
  if (passed) {
    await repo.insertTrainingEntry(ctx.db, {
      unitCode: user.unit?.code ?? '',
      id: randomUUID(),
      provinceCode: user.unit?.provinceCode ?? '',
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      exercise: exercise.id,
      startedAt: attempt.startedAt,
      completedAt,
      passed,
      checks: results.map(({ key, ok }) => ({ key, ok })),
    });
    attemptsOf(ctx).delete(`${user.id}:${exercise.id}`);
  }
  return {
    exercise: exercise.id,
    passed,
    checks: results,
    completedAt: passed ? completedAt.toISOString() : null,
  };
}

async function runChecks(center: PracticeCenter, exercise: Exercise, trainee: AuthUser, attempt: Attempt) {
  const db = center.database.db;
  const label = (key: string) => exercise.checks[key] ?? key;
  const out = (entries: Array<[string, boolean]>) =>
    entries.map(([key, ok]) => ({ key, label: label(key), ok }));
  if (exercise.id === 'return') {
    const d = await repo.findDossierByCode(db, attempt.dossierCode ?? '');
    const returners = await repo.returnedBy(db, attempt.dossierCode ?? '');
    return out([
      ['returned', d?.status === 10],
      ['byYou', returners.includes(trainee.id)],
    ]);
  }
  const mine = await repo.dossiersReceivedSince(db, trainee.id, attempt.startedAt);
  const ofProcedure = mine.filter((d) => d.procedureCode === exercise.procedureCode);
  const reasons = (d: (typeof mine)[number]) => (d.intakeNote?.reasons ?? []).join(' ').trim();
  if (exercise.id === 'receive') {
    const accepted = mine.filter((d) => d.status === 2 || d.status === 4 || d.status >= 9);
    return out([
      ['dossier', mine.length > 0],
      ['accepted', accepted.length > 0],
      ['procedure', accepted.some((d) => d.procedureCode === exercise.procedureCode)],
    ]);
  }
  if (exercise.id === 'supplement') {
    const waiting = ofProcedure.filter((d) => d.status === 1 && d.subState === 'pre_supplement');
    return out([
      ['dossier', ofProcedure.length > 0],
      ['supplement', waiting.length > 0],
      ['reason', waiting.some((d) => reasons(d).length > 0)],
    ]);
  }
  const refused = ofProcedure.filter((d) => d.status === 3);
  return out([
    ['dossier', ofProcedure.length > 0],
    ['refused', refused.length > 0],
    ['reason', refused.some((d) => reasons(d).length >= 20)],
  ]);
}

/** The training register of the units the user oversees. */
export async function trainingRegister(ctx: AppContext, user: AuthUser, unit: string | undefined) {
  const filter = trainingRegisterFilter(user, unit);
  if (!filter) throw new AppError('FORBIDDEN');
  const rows = await repo.trainingEntries(ctx.db, filter);
  return rows.map((r) => ({
    unitCode: r.unitCode,
    username: r.username,
    fullName: r.fullName,
    role: r.role,
    exercise: r.exercise,
    exerciseTitle: exerciseById(r.exercise)?.title ?? r.exercise,
    startedAt: r.startedAt.toISOString(),
    completedAt: r.completedAt.toISOString(),
    passed: r.passed,
  }));
}
