import { z } from 'zod';
import { EXERCISE_IDS } from '../../../domain/guides/exercises.ts';

export const ExerciseParam = z.object({ id: z.enum(EXERCISE_IDS) });

const Check = z.object({ key: z.string(), label: z.string(), ok: z.boolean() });

export const ExercisesSchema = z.array(
  z.object({
    id: z.enum(EXERCISE_IDS),
    title: z.string(),
    procedureCode: z.string(),
    steps: z.array(z.string()),
    checks: z.array(z.object({ key: z.string(), label: z.string() })),
    completedAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    dossierCode: z.string().nullable(),
  }),
);

export const StartedSchema = z.object({
  exercise: z.enum(EXERCISE_IDS),
  startedAt: z.string(),
  dossierCode: z.string().nullable(),
  trainee: z.object({ username: z.string(), fullName: z.string(), unit: z.string() }),
});

export const CheckedSchema = z.object({
  exercise: z.enum(EXERCISE_IDS),
  passed: z.boolean(),
  checks: z.array(Check),
  completedAt: z.string().nullable(),
});

export const TrainingRegisterQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

export const TrainingRegisterSchema = z.array(
  z.object({
    unitCode: z.string(),
    username: z.string(),
    fullName: z.string(),
    role: z.string(),
    exercise: z.string(),
    exerciseTitle: z.string(),
    startedAt: z.string(),
    completedAt: z.string(),
    passed: z.boolean(),
  }),
);
