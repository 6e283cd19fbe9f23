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

export interface IntakeRequest {
  procedureCode: string;
  applicant: { fullName: string; idNumber: string; phone: string; address: string; email?: string };
  subject?: string;
  returnMethod: ReturnMethod;
  documents: { id: string; originals: number; certifiedCopies: number; photocopies: number }[];
  attachments?: { fileName: string; contentType: AttachmentContentType; dataBase64: string }[];
}

export interface Dossier {
  code: string;
  status: number;
  statusName: string;
  channel: 'counter';
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
