// Shapes of the motcua HTTP API v1 (docs/API.md) as the web app consumes them: inferred from the server's
// zod schemas, the same ones that validate requests, serialise responses and write the OpenAPI document, so
// the browser and the server cannot drift apart. Type-only imports: no server code reaches a bundle
// (src/web/api/types.test.ts checks that the web imports nothing else from src/server).
import type { z } from 'zod';
import type { ACTIONS } from '../../domain/lifecycle/transitions.ts';
import type {
  ProcedureDetailSchema,
  ProcedureSummarySchema,
  TimeLimitSchema,
} from '../../server/modules/catalog/schemas.ts';
import type {
  DossierListItemSchema,
  DossierSchema,
  IntakeBodySchema,
  TrackingSchema,
} from '../../server/modules/dossiers/schemas.ts';
import type { MeSchema, StaffMemberSchema } from '../../server/modules/identity/schemas.ts';
import type {
  FollowUpTaskSchema,
  InspectionBodySchema,
  InspectionSchema,
} from '../../server/modules/inspections/schemas.ts';
import type {
  AddCounterBody,
  QueueReportSchema,
  UpdateCounterBody,
} from '../../server/modules/queue/schemas.ts';
import type { CertificationRegisterSchema } from '../../server/modules/registers/certification-routes.ts';
import type {
  BLOCS,
  ConsultationInputSchema,
  ConsultationSchema,
  EquipmentInputSchema,
  EquipmentItemSchema,
  ORG_UNIT_KINDS,
  STAFF_CATEGORIES,
  StaffInputSchema,
  StaffSchema,
  TrainingInputSchema,
  TrainingSchema,
} from '../../server/modules/registers/schemas.ts';
import type {
  ConsultationsSchema,
  DashboardSchema,
  EquipmentSchema,
  ReportGroupSchema,
  SettlementSchema,
  StaffingSchema,
} from '../../server/modules/reports/schemas.ts';
import type { ResultDraftSchema } from '../../server/modules/result-drafts/schemas.ts';
import type {
  FormerUnitSchema,
  FormerUnitsOfSchema,
  MatchedUnitSchema,
  UnitSchema,
  UnitSearchResultSchema,
} from '../../server/modules/units/schemas.ts';
import type {
  ActionBodySchema,
  ActionsSchema,
  DueExplanationSchema,
  QueueResponseSchema,
  TimelineSchema,
  TrackingBookPageSchema,
} from '../../server/modules/workflow/schemas.ts';

export type { Queue as QueueName } from '../../domain/lifecycle/queues.ts';

/** What a route answers (after the server's serialisation). */
type Out<S extends z.ZodType> = z.output<S>;
/** What a route accepts (before defaults are applied: optional fields may be left out). */
type In<S extends z.ZodType> = z.input<S>;

// ---- Units and the catalogue ----

export type Unit = Out<typeof UnitSchema>;
export type UnitLevel = Unit['level'];
/** Which name of a unit a search matched: today's, or one of a unit before 1 July 2025. */
export type MatchedUnit = Out<typeof MatchedUnitSchema>;
export type UnitSearchResult = Out<typeof UnitSearchResultSchema>;
export type UnitSearchItem = UnitSearchResult['items'][number];
export type FormerUnit = Out<typeof FormerUnitSchema>;
export type FormerUnitsOf = Out<typeof FormerUnitsOfSchema>;

export type ProcedureSummary = Out<typeof ProcedureSummarySchema>;
export type ProcedureDetail = Out<typeof ProcedureDetailSchema>;
export type ProcedureFee = ProcedureDetail['fees'][number];
export type ProcedureDocument = ProcedureDetail['documents'][number];
export type TimeLimit = Out<typeof TimeLimitSchema>;
export type TimeLimitUnit = TimeLimit['unit'];
export type Channel = ProcedureSummary['channels'][number];

export interface CodeName {
  code: string;
  name: string;
}

// ---- Staff sign-in ----

export type Me = Out<typeof MeSchema>;
export type Role = Me['role'];
/** An active officer of the signed-in user's own commune (GET /api/v1/users). */
export type UnitUser = Out<typeof StaffMemberSchema>;

// ---- Dossiers at the counter ----

export type IntakeRequest = In<typeof IntakeBodySchema>;
export type ReturnMethod = NonNullable<IntakeRequest['returnMethod']>;
export type IntakeDecision = NonNullable<IntakeRequest['decision']>;
export type MissingItem = Out<typeof IntakeBodySchema>['missing'] extends (infer M)[] | undefined ? M : never;
export type { AttachmentContentType } from '../../domain/files/attachments.ts';

export type Dossier = Out<typeof DossierSchema>;
export type DossierStep = NonNullable<Dossier['step']>;
export type DossierListItem = Out<typeof DossierListItemSchema>;
export type TrackResult = Out<typeof TrackingSchema>;

export type SubState = 'none' | 'pre_supplement' | 'apology_pending';
export type StepRole = 'reception' | 'specialist' | 'leader';
export type Timeliness = NonNullable<Dossier['timeliness']>;

// ---- The lifecycle ----

export type LifecycleAction = (typeof ACTIONS)[number];
export type DossierActions = Out<typeof ActionsSchema>;
export type AvailableAction = DossierActions['actions'][number];
export type ActionRequest = In<typeof ActionBodySchema>;
/** A result being drafted from the dossier's data (GET /api/v1/dossiers/{code}/result-draft). */
export type ResultDraft = Out<typeof ResultDraftSchema>;
export type TimelineEvent = Out<typeof TimelineSchema>[number];
export type DueExplanation = Out<typeof DueExplanationSchema>;
export type DuePause = DueExplanation['pauses'][number];
export type DeadlineState = NonNullable<DueExplanation['deadlineState']>;
export type QueueResponse = Out<typeof QueueResponseSchema>;
export type QueueItem = QueueResponse['items'][number];
export type TrackingBookPage = Out<typeof TrackingBookPageSchema>;
/** A line of the commune's tracking book (sổ theo dõi hồ sơ), GET /api/v1/tracking-book. */
export type TrackingBookEntry = TrackingBookPage['items'][number];

// ---- Center operations and reports (docs/API.md "Center operations and reports") ----

export type ReportGroupBy = z.output<typeof ReportGroupSchema>;
export type ReportFormat = 'xlsx' | 'pdf';
/** Reports with an export besides Biểu II.06a. */
export type RegisterReportKind = 'staffing' | 'consultations' | 'equipment';

export type SettlementReport = Out<typeof SettlementSchema>;
/** One line of Biểu II.06a: a field, sector, procedure or commune, or the total. */
export type SettlementCounts = SettlementReport['totalRow'];
export type Indicator766 = SettlementReport['indicators'][number];
export type StaffingReport = Out<typeof StaffingSchema>;
export type ReportUnit = StaffingReport['unit'];
export type ReportScopeLevel = ReportUnit['level'];
export type CountByCode = StaffingReport['byCategory'][number];
export type ConsultationsReport = Out<typeof ConsultationsSchema>;
export type EquipmentReport = Out<typeof EquipmentSchema>;
export type DashboardReport = Out<typeof DashboardSchema>;
export type DashboardCommune = DashboardReport['communes'][number];

export type Inspection = Out<typeof InspectionSchema>;
export type InspectionTask = Inspection['tasks'][number];
export type InspectionInput = In<typeof InspectionBodySchema>;
export type FollowUpTask = Out<typeof FollowUpTaskSchema>;

// ---- Registers ----

export type StaffCategory = (typeof STAFF_CATEGORIES)[number];
export type StaffBloc = (typeof BLOCS)[number];
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export type StaffMember = Out<typeof StaffSchema>;
export type StaffInput = In<typeof StaffInputSchema>;
export type TrainingInput = In<typeof TrainingInputSchema>;
export type TrainingRecord = Out<typeof TrainingSchema>;
export type EquipmentInput = In<typeof EquipmentInputSchema>;
export type EquipmentItem = Out<typeof EquipmentItemSchema>;
export type EquipmentKind = EquipmentItem['kind'];
export type EquipmentCondition = EquipmentItem['condition'];
export type Consultation = Out<typeof ConsultationSchema>;
export type ConsultationInput = In<typeof ConsultationInputSchema>;
export type ConsultationChannel = Consultation['channel'];

/** A certification register (sổ chứng thực) of a commune for a year. */
export type CertificationRegister = Out<typeof CertificationRegisterSchema>;
export type CertificationEntry = CertificationRegister['entries'][number];
// The hall's report and the counters' configuration (issue 16 item 2).
export type QueueReport = Out<typeof QueueReportSchema>;
export type AddCounterRequest = In<typeof AddCounterBody>;
export type UpdateCounterRequest = In<typeof UpdateCounterBody>;
