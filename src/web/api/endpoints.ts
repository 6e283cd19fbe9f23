import { apiRequest, buildUrl } from './client';
import type {
  ActionRequest,
  CertificationRegister,
  Consultation,
  ConsultationInput,
  ConsultationsReport,
  DashboardReport,
  Dossier,
  DossierActions,
  DossierListItem,
  DueExplanation,
  EquipmentInput,
  EquipmentItem,
  EquipmentReport,
  FollowUpTask,
  FormerUnitsOf,
  Inspection,
  InspectionInput,
  IntakeRequest,
  Me,
  ProcedureDetail,
  ProcedureSummary,
  QueueName,
  QueueResponse,
  RegisterReportKind,
  ReportFormat,
  ReportGroupBy,
  ResultDraft,
  SettlementReport,
  StaffInput,
  StaffingReport,
  StaffMember,
  StepRole,
  TimelineEvent,
  TrackingBookPage,
  TrackResult,
  TrainingInput,
  TrainingRecord,
  Unit,
  UnitSearchResult,
  UnitUser,
} from './types';

const V1 = '/api/v1';

export const api = {
  activeCommunes: (signal?: AbortSignal) =>
    apiRequest<Unit[]>(`${V1}/units`, { query: { level: 'commune', active: true }, signal }),

  /** Communes by current or former name (before 1 July 2025), diacritics ignored. */
  searchUnits: (
    q: string,
    opts: { active?: boolean; limit?: number; offset?: number } = {},
    signal?: AbortSignal,
  ) => apiRequest<UnitSearchResult>(`${V1}/units/search`, { query: { q, ...opts }, signal }),

  formerUnits: (code: string, signal?: AbortSignal) =>
    apiRequest<FormerUnitsOf>(`${V1}/units/${encodeURIComponent(code)}/former`, { signal }),

  procedures: (unit: string, q: string, signal?: AbortSignal) =>
    apiRequest<ProcedureSummary[]>(`${V1}/procedures`, { query: { unit, q: q.trim() || undefined }, signal }),

  procedure: (code: string, unit: string | undefined, signal?: AbortSignal) =>
    apiRequest<ProcedureDetail>(`${V1}/procedures/${encodeURIComponent(code)}`, { query: { unit }, signal }),

  track: (code: string, phone: string, signal?: AbortSignal) =>
    apiRequest<TrackResult>(`${V1}/track/${encodeURIComponent(code)}`, { query: { phone }, signal }),

  me: (signal?: AbortSignal) => apiRequest<Me>(`${V1}/auth/me`, { signal }),

  login: (username: string, password: string) =>
    apiRequest<Me>(`${V1}/auth/login`, { method: 'POST', body: { username, password } }),

  logout: () => apiRequest<void>(`${V1}/auth/logout`, { method: 'POST' }),

  createDossier: (body: IntakeRequest, idempotencyKey: string) =>
    apiRequest<Dossier>(`${V1}/dossiers`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),

  dossiersOfDay: (date: string, signal?: AbortSignal) =>
    apiRequest<{ items: DossierListItem[] }>(`${V1}/dossiers`, { query: { date }, signal }),

  dossier: (code: string, signal?: AbortSignal) =>
    apiRequest<Dossier>(`${V1}/dossiers/${encodeURIComponent(code)}`, { signal }),

  dossierActions: (code: string, signal?: AbortSignal) =>
    apiRequest<DossierActions>(`${V1}/dossiers/${encodeURIComponent(code)}/actions`, { signal }),

  performAction: (code: string, body: ActionRequest) =>
    apiRequest<Dossier>(`${V1}/dossiers/${encodeURIComponent(code)}/actions`, { method: 'POST', body }),

  resultDraft: (code: string, signal?: AbortSignal) =>
    apiRequest<ResultDraft>(`${V1}/dossiers/${encodeURIComponent(code)}/result-draft`, { signal }),

  dossierTimeline: (code: string, signal?: AbortSignal) =>
    apiRequest<TimelineEvent[]>(`${V1}/dossiers/${encodeURIComponent(code)}/timeline`, { signal }),

  dossierDue: (code: string, signal?: AbortSignal) =>
    apiRequest<DueExplanation>(`${V1}/dossiers/${encodeURIComponent(code)}/due`, { signal }),

  queue: (queue: QueueName, signal?: AbortSignal) =>
    apiRequest<QueueResponse>(`${V1}/queues/${queue}`, { signal }),

  /** Active staff of the user's own commune, optionally of one role (the assignee picker). */
  staff: (role: StepRole | undefined, signal?: AbortSignal) =>
    apiRequest<UnitUser[]>(`${V1}/users`, { query: { role }, signal }),

  myTasks: (signal?: AbortSignal) => apiRequest<FollowUpTask[]>(`${V1}/tasks/mine`, { signal }),

  completeTask: (id: string) =>
    apiRequest<void>(`${V1}/tasks/${encodeURIComponent(id)}/done`, { method: 'POST' }),

  trackingBook: (q: { from: string; to: string; offset: number; limit: number }, signal?: AbortSignal) =>
    apiRequest<TrackingBookPage>(`${V1}/tracking-book`, { query: { ...q }, signal }),
  certificationRegister: (q: { book: 'copy' | 'signature'; year: number }, signal?: AbortSignal) =>
    apiRequest<CertificationRegister>(`${V1}/registers/certifications`, { query: { ...q }, signal }),
};

/** Where a commune's certification register of a year is printed (PDF). */
export function certificationRegisterPdfUrl(book: 'copy' | 'signature', year: number): string {
  return buildUrl(`${V1}/registers/certifications.pdf`, { book, year });
}

/** Where the commune's tracking book of a period is downloaded as PDF. */
export function trackingBookPdfUrl(from: string, to: string): string {
  return buildUrl(`${V1}/tracking-book.pdf`, { from, to });
}

/** Where the receipt-and-appointment slip of a dossier is downloaded. */
export function receiptUrl(code: string): string {
  return `${V1}/dossiers/${encodeURIComponent(code)}/receipt.pdf`;
}

/** Where the result file the leader issued is downloaded (staff of the dossier's commune). */
export function dossierResultUrl(code: string): string {
  return `${V1}/dossiers/${encodeURIComponent(code)}/result`;
}

/** Where a file the applicant attached is downloaded, or shown in the browser with `inline` (audited). */
export function dossierAttachmentUrl(code: string, fileId: string, inline = false): string {
  const url = `${V1}/dossiers/${encodeURIComponent(code)}/attachments/${encodeURIComponent(fileId)}`;
  return inline ? `${url}?inline=true` : url;
}

/** Official documents of a dossier besides the receipt (docs/API.md "Lifecycle"). */
export type DossierDocument =
  | 'receipt'
  | 'control-slip'
  | 'supplement-slip'
  | 'refusal-slip'
  | 'apology'
  | 'stop-notice';

/** Where one of a dossier's PDF documents is downloaded. */
export function dossierDocumentUrl(code: string, document: DossierDocument): string {
  return `${V1}/dossiers/${encodeURIComponent(code)}/${document}.pdf`;
}

// ---- Center operations and reports (docs/API.md "Center operations and reports") ----

interface PeriodQuery {
  from: string;
  to: string;
}

export const reportsApi = {
  settlement: (q: PeriodQuery & { unit: string; groupBy: ReportGroupBy }, signal?: AbortSignal) =>
    apiRequest<SettlementReport>(`${V1}/reports/settlement`, { query: { ...q }, signal }),

  staffing: (unit: string, signal?: AbortSignal) =>
    apiRequest<StaffingReport>(`${V1}/reports/staffing`, { query: { unit }, signal }),

  consultations: (q: PeriodQuery & { unit: string }, signal?: AbortSignal) =>
    apiRequest<ConsultationsReport>(`${V1}/reports/consultations`, { query: { ...q }, signal }),

  equipment: (unit: string, signal?: AbortSignal) =>
    apiRequest<EquipmentReport>(`${V1}/reports/equipment`, { query: { unit }, signal }),

  dashboard: (q: PeriodQuery & { province?: string }, signal?: AbortSignal) =>
    apiRequest<DashboardReport>(`${V1}/reports/dashboard`, { query: { ...q }, signal }),

  provinces: (signal?: AbortSignal) =>
    apiRequest<Unit[]>(`${V1}/units`, { query: { level: 'province' }, signal }),

  inspections: (unit: string, signal?: AbortSignal) =>
    apiRequest<Inspection[]>(`${V1}/inspections`, { query: { unit }, signal }),

  createInspection: (unit: string, body: InspectionInput) =>
    apiRequest<{ id: string; tasks: number }>(`${V1}/inspections`, { method: 'POST', query: { unit }, body }),

  taskDone: (id: string) =>
    apiRequest<void>(`${V1}/tasks/${encodeURIComponent(id)}/done`, { method: 'POST' }),
};

export const registersApi = {
  staff: (unit: string | undefined, signal?: AbortSignal) =>
    apiRequest<StaffMember[]>(`${V1}/registers/staff`, { query: { unit }, signal }),

  importStaff: (unit: string | undefined, dataBase64: string) =>
    apiRequest<{ imported: number }>(`${V1}/registers/staff/import`, {
      method: 'POST',
      query: { unit },
      body: { dataBase64 },
    }),

  addStaff: (unit: string | undefined, body: StaffInput) =>
    apiRequest<{ id: string }>(`${V1}/registers/staff`, { method: 'POST', query: { unit }, body }),

  trainings: (unit: string | undefined, staffId: string | undefined, signal?: AbortSignal) =>
    apiRequest<TrainingRecord[]>(`${V1}/registers/trainings`, { query: { unit, staffId }, signal }),

  addTraining: (unit: string | undefined, body: TrainingInput) =>
    apiRequest<{ id: string }>(`${V1}/registers/trainings`, { method: 'POST', query: { unit }, body }),

  equipment: (unit: string | undefined, signal?: AbortSignal) =>
    apiRequest<EquipmentItem[]>(`${V1}/registers/equipment`, { query: { unit }, signal }),

  addEquipment: (unit: string | undefined, body: EquipmentInput) =>
    apiRequest<{ id: string }>(`${V1}/registers/equipment`, { method: 'POST', query: { unit }, body }),

  consultations: (q: PeriodQuery & { unit?: string }, signal?: AbortSignal) =>
    apiRequest<Consultation[]>(`${V1}/consultations`, { query: { ...q }, signal }),

  addConsultation: (body: ConsultationInput) =>
    apiRequest<{ id: string }>(`${V1}/consultations`, { method: 'POST', body }),
};

/** Where Biểu II.06a is downloaded as XLSX or PDF (the same figures as the screen). */
export function settlementExportUrl(
  q: PeriodQuery & { unit: string; groupBy: ReportGroupBy },
  format: ReportFormat,
): string {
  return buildUrl(`${V1}/reports/settlement`, { ...q, format });
}

/** Where the staffing, consultations or equipment report is downloaded as XLSX or PDF (the figures of the screen). */
export function registerReportExportUrl(
  report: RegisterReportKind,
  q: { unit: string; from?: string; to?: string },
  format: ReportFormat,
): string {
  return buildUrl(`${V1}/reports/${report}`, { ...q, format });
}

/** Where a commune's staff register is downloaded as XLSX (the same columns as the import file). */
export function staffExportUrl(unit: string | undefined): string {
  return buildUrl(`${V1}/registers/staff.xlsx`, { unit });
}
