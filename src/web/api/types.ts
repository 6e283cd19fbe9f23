// Shapes of the motcua HTTP API v1 (docs/API.md) as the web app consumes them.

export type UnitLevel = 'province' | 'commune';

export interface Unit {
  code: string;
  name: string;
  fullName: string;
  level: UnitLevel;
  parentCode: string | null;
  agencyCode: string;
  slug: string;
  isActive: boolean;
  /** Connected to the National Public Service Portal (DVCQG); absent from older servers. */
  portalConnected?: boolean;
}

/** Which name of a unit a search matched: today's, or one of a unit before 1 July 2025. */
export interface MatchedUnit {
  level: 'commune' | 'district' | 'province';
  isFormer: boolean;
  code: string;
  name: string;
  /** Where the named unit lay, e.g. "Huyện Tân Phú Đông, Tỉnh Tiền Giang". */
  context: string;
}

export interface UnitSearchItem {
  unit: Unit;
  province: { code: string; fullName: string };
  match: 'exact' | 'prefix' | 'contains';
  matched: MatchedUnit;
}

export interface UnitSearchResult {
  items: UnitSearchItem[];
  total: number;
  limit: number;
  offset: number;
}

export interface FormerUnit {
  level: 'commune' | 'district';
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  provinceCode: string;
  provinceName: string;
  merge: 'full' | 'partial';
  confidence: string;
}

export interface FormerUnitsOf {
  unit: Unit;
  province: { code: string; fullName: string };
  formerUnits: FormerUnit[];
}

export type Channel = 'counter' | 'online' | 'post';
export type TimeLimitUnit = 'same_day' | 'working_days' | 'working_hours' | 'calendar_days';

export interface CodeName {
  code: string;
  name: string;
}

export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
  text: string;
  /** Same-day procedures: dossiers received after this time (HH:mm) are due the next working day. */
  cutoff?: string;
}

export interface ProcedureSummary {
  no: number;
  code: string;
  name: string;
  sector: CodeName;
  field: CodeName;
  level: UnitLevel;
  timeLimit: TimeLimit;
  channels: Channel[];
  feeText: string;
}

export interface ProcedureFee {
  name: string;
  /** Dong; null when the provincial People's Council sets the amount. */
  amount: number | null;
  provinceSet?: boolean;
  unitText?: string;
  note?: string;
}

export interface ProcedureDocument {
  id: string;
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
  required: boolean;
}

export interface ProcedureDetail extends ProcedureSummary {
  agency: string;
  onlineLevel: string;
  fees: ProcedureFee[];
  documents: ProcedureDocument[];
  result: string;
  legalBasis: string[];
  applicants: string[];
}

export interface TrackResult {
  code: string;
  procedure: CodeName;
  status: number;
  statusName: string;
  receivedAt: string;
  dueAt: string | null;
  unit: CodeName;
}

export type Role = 'reception' | 'specialist' | 'leader' | 'province' | 'admin';

export interface Me {
  username: string;
  fullName: string;
  role: Role;
  unit: { code: string; name: string; level: UnitLevel } | null;
}

export type ReturnMethod = 'counter' | 'post';
export type AttachmentContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

export type IntakeDecision = 'accept' | 'refuse' | 'supplement';

export interface MissingItem {
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

export interface IntakeRequest {
  procedureCode: string;
  applicant: { fullName: string; idNumber: string; phone: string; address: string; email?: string };
  subject?: string;
  returnMethod: ReturnMethod;
  documents: { id: string; originals: number; certifiedCopies: number; photocopies: number }[];
  attachments?: { fileName: string; contentType: AttachmentContentType; dataBase64: string }[];
  /** Counter decision (default accept); refuse and supplement need `reasons`. */
  decision?: IntakeDecision;
  reasons?: string[];
  missing?: MissingItem[];
}

export interface Dossier {
  code: string;
  status: number;
  statusName: string;
  channel: 'counter' | 'online' | 'post';
  /** Filed online by a reception officer for the citizen (assisted filing). */
  assisted: boolean;
  unit: CodeName;
  procedure: CodeName & { timeLimit: TimeLimit };
  applicant: { fullName: string; idNumber: string; phone: string; address: string; email: string | null };
  subject: string | null;
  returnMethod: ReturnMethod;
  documents: { id: string; name: string; originals: number; certifiedCopies: number; photocopies: number }[];
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
  receivedAt: string;
  dueAt: string | null;
  receivedBy: { username: string; fullName: string };
  book: { volume: number | string; number: number };
  // Lifecycle fields (docs/API.md "Lifecycle").
  version: number;
  subState: SubState | string;
  dueAtOriginal: string;
  step: DossierStep | null;
  assignee: string | null;
  pausedSince: string | null;
  supplementRequests: number;
  processingEndedAt: string | null;
  returnedAt: string | null;
  timeliness: Timeliness | null;
  result: { fileId: string; fileName: string } | null;
}

export type SubState = 'none' | 'pre_supplement' | 'apology_pending';
export type StepRole = 'reception' | 'specialist' | 'leader';
export type DeadlineState = 'on_track' | 'due_soon' | 'overdue';
export type Timeliness = 'early' | 'on_time' | 'late';

export interface DossierStep {
  index: number;
  key: string;
  name: string;
  role: StepRole | string;
  dueAt: string | null;
}

export interface DossierListItem {
  code: string;
  procedure: CodeName;
  applicantName: string;
  status: number;
  statusName: string;
  receivedAt: string;
  dueAt: string | null;
}

/** A line of the commune's tracking book (sổ theo dõi hồ sơ), GET /api/v1/tracking-book. */
export interface TrackingBookEntry {
  volume: string;
  number: number;
  code: string;
  procedure: CodeName;
  applicantName: string;
  status: number;
  receivedAt: string;
  dueAt: string | null;
  transferredAt: string | null;
  resultReceivedAt: string | null;
  returnedAt: string | null;
}

export interface TrackingBookPage {
  /** Lines of the whole period; `items` holds `limit` of them from `offset`. */
  total: number;
  items: TrackingBookEntry[];
}

export type LifecycleAction =
  | 'accept'
  | 'refuse'
  | 'request_pre_supplement'
  | 'pre_supplement_received'
  | 'transfer'
  | 'assign'
  | 'complete_step'
  | 'return_step'
  | 'request_supplement'
  | 'supplement_received'
  | 'request_payment'
  | 'payment_received'
  | 'stop'
  | 'issue_result'
  | 'return_result'
  | 'withdraw'
  | 'confirm_withdrawal'
  | 'draft_apology'
  | 'approve_apology'
  | 'reject_apology';

export interface AvailableAction {
  action: LifecycleAction;
  label: string;
  reasonRequired: boolean;
}

export interface DossierActions {
  version: number;
  actions: AvailableAction[];
}

export interface ActionRequest {
  action: LifecycleAction;
  reason?: string;
  expectedVersion?: number;
  assignee?: string;
  items?: MissingItem[];
  /** ISO 8601 with offset (the web sends +07:00). */
  newDueAt?: string;
  resultFile?: { fileName: string; contentType: AttachmentContentType; dataBase64: string };
  resultName?: string;
  returnMethod?: ReturnMethod;
}

export interface TimelineEvent {
  seq: number;
  action: string;
  label: string;
  actor: { username: string | null; fullName: string | null; role: string | null };
  fromStatus: number | null;
  toStatus: number | null;
  toStatusName: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  at: string;
  requestId: string | null;
  hash: string;
}

export interface DuePause {
  kind: 'supplement' | 'payment' | string;
  from: string;
  to: string | null;
  pausedMinutes: number | null;
  reason: string;
}

export interface DueExplanation {
  code: string;
  timeLimit: TimeLimit;
  receivedAt: string;
  startAt: string;
  dueAtOriginal: string;
  dueAtLegal: string;
  dueAt: string;
  skipped: { date: string; reason: string }[];
  pauses: DuePause[];
  rescheduled: { at: string; dueAt: string; reason: string | null } | null;
  deadlineState: DeadlineState | null;
  explanation: string[];
}

export const QUEUE_NAMES = [
  'mine',
  'due_today',
  'due_soon',
  'overdue',
  'waiting_supplement',
  'awaiting_approval',
  'to_transfer',
  'to_return',
  'online',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface QueueItem {
  code: string;
  procedureCode: string;
  /** Name in the commune's catalogue; null when the procedure is no longer listed. */
  procedureName: string | null;
  applicantName: string;
  status: number;
  statusName: string;
  subState: string;
  step: string | null;
  receivedAt: string;
  dueAt: string;
  deadlineState: DeadlineState | null;
}

/** An active officer of the signed-in user's own commune (GET /api/v1/users). */
export interface UnitUser {
  username: string;
  fullName: string;
  roles: string[];
}

export interface QueueResponse {
  queue: QueueName;
  items: QueueItem[];
  /** More dossiers than the server's page (500), ordered by appointment. */
  hasMore?: boolean;
}

export interface FollowUpTask {
  id: string;
  title: string;
  /** Calendar day YYYY-MM-DD. */
  dueDate: string;
}

// ---- Center operations and reports (docs/API.md "Center operations and reports") ----

export type ReportGroupBy = 'field' | 'sector' | 'procedure' | 'unit';
export type ReportFormat = 'xlsx' | 'pdf';

/** Reports with an export besides Biểu II.06a. */
export type RegisterReportKind = 'staffing' | 'consultations' | 'equipment';

/** One line of Biểu II.06a: a field, sector, procedure or commune, or the total. */
export interface SettlementCounts {
  field: CodeName;
  received: { total: number; online: number; direct: number; carriedOver: number };
  settled: { total: number; early: number; onTime: number; late: number };
  inProcess: { total: number; withinTime: number; overdue: number };
  withdrawnOrStopped: number;
  /** Results of the dossiers settled in the period: returned (status 10) or still at the desk (status 9). */
  results: { returned: number; awaiting: number };
}

export interface Indicator766 {
  id: string;
  name: string;
  formula: string;
  formulaVi: string;
  numerator: number;
  denominator: number;
  /** Percentage with 2 decimals; null when the denominator is 0 (shown as N/A). */
  value: number | null;
  parts?: Record<string, number>;
  /** Present when the data is not collected yet ("chưa thu thập"): what is missing; value is then null. */
  missing?: string;
}

export interface SettlementReport {
  unit: CodeName;
  from: string;
  to: string;
  /** ISO instant the figures are judged at: the period's end, or when the report was made if earlier. */
  cutoff: string;
  groupBy: ReportGroupBy;
  rows: SettlementCounts[];
  total: { received: number; settled: number; inProcess: number; withdrawnOrStopped: number };
  totalRow: SettlementCounts;
  /** Results issued before the period's end and not yet collected. */
  resultsBacklog: number;
  indicators: Indicator766[];
  /** The whole Decision 766 index by id, computed where motcua holds the data. */
  index766?: Indicator766[];
}

export type ReportScopeLevel = 'commune' | 'province' | 'national';

export interface ReportUnit extends CodeName {
  level: ReportScopeLevel;
}

export interface CountByCode {
  code: string;
  name: string;
  count: number;
}

export interface StaffingReport {
  unit: ReportUnit;
  total: number;
  officials: number;
  byCategory: CountByCode[];
  byBloc: CountByCode[];
  byUnit: { name: string; kind: string; count: number }[];
  centerTraining: { staff: number; trained: number; rate: number | null };
}

export interface ConsultationsReport {
  unit: ReportUnit;
  from: string;
  to: string;
  total: number;
  byField: { code: string; count: number }[];
  byChannel: { channel: string; count: number }[];
}

export type EquipmentKind =
  | 'desk'
  | 'chair'
  | 'cabinet'
  | 'computer'
  | 'printer'
  | 'scanner'
  | 'queue_kiosk'
  | 'camera'
  | 'other';
export type EquipmentCondition = 'good' | 'fair' | 'poor';

export interface EquipmentReport {
  unit: ReportUnit;
  items: {
    kind: EquipmentKind;
    name: string;
    quantity: number;
    condition: EquipmentCondition;
    meetsNeed: boolean;
    note: string | null;
  }[];
  allMeetNeed: boolean;
  notMeeting: string[];
}

export interface DashboardCommune {
  unit: { code: string; name: string; portalConnected: boolean };
  byField: { code: string; name: string; received: number }[];
  received: number;
  settled: number;
  inProcess: number;
  overdue: number;
  onTimeRate: number | null;
  onlineShare: number | null;
  resultsReturned: number;
  resultsAwaiting: number;
  resultsBacklog: number;
  consultations: number;
  centerStaff: number;
  centerStaffTrained: number;
}

export interface DashboardReport {
  province: ReportUnit;
  from: string;
  to: string;
  cutoff: string;
  communes: DashboardCommune[];
}

export interface InspectionTask {
  id: string;
  title: string;
  owner: string | null;
  ownerName: string | null;
  dueDate: string;
  doneAt: string | null;
}

export interface Inspection {
  id: string;
  day: string;
  participants: string;
  findings: string;
  directions: string;
  tasks: InspectionTask[];
}

export interface InspectionInput {
  day: string;
  participants: string;
  findings: string;
  directions: string;
  tasks: { title: string; owner: string; dueDate: string }[];
}

export type StaffCategory = 'can_bo' | 'cong_chuc' | 'vien_chuc' | 'hd111' | 'part_time' | 'seconded';
export type StaffBloc = 'party' | 'state' | 'front';
export type OrgUnitKind =
  | 'center'
  | 'office'
  | 'public_service_unit'
  | 'party'
  | 'front'
  | 'council'
  | 'other';

export interface StaffMember {
  id: string;
  fullName: string;
  personalId: string | null;
  category: StaffCategory;
  bloc: StaffBloc | null;
  orgUnit: string;
  orgUnitKind: OrgUnitKind;
  position: string | null;
  fields: string[];
  counters: string[];
  startDate: string | null;
  isActive: boolean;
  trainedOneStop: boolean;
}

export type StaffInput = Omit<StaffMember, 'id' | 'isActive' | 'trainedOneStop'>;

export interface TrainingInput {
  staffId: string;
  course: string;
  day: string;
  hours: number;
  coversOneStop: boolean;
}

export interface TrainingRecord extends TrainingInput {
  id: string;
  fullName: string;
}

export interface EquipmentInput {
  kind: EquipmentKind;
  name: string;
  quantity: number;
  condition: EquipmentCondition;
  location?: string | null;
  meetsNeed: boolean;
  note?: string | null;
}

export interface EquipmentItem extends EquipmentInput {
  id: string;
}

export type ConsultationChannel = 'counter' | 'phone' | 'online';

export interface Consultation {
  id: string;
  at: string;
  fieldCode: string;
  procedureCode: string | null;
  channel: ConsultationChannel;
  subject: string;
}

export interface ConsultationInput {
  at?: string;
  fieldCode: string;
  procedureCode?: string | null;
  channel: ConsultationChannel;
  subject: string;
}
