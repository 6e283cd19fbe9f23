import type { TimeLimit } from '../../../domain/calendar/time-limit.ts';
import { defaultWorkflow, type WorkflowStep } from '../../../domain/lifecycle/workflow.ts';
import type { DossierRow, ListedFile } from './repository.ts';
import { CHANNEL_BY_CODE, type DossierView, NATIONAL_STATUS_NAMES } from './schemas.ts';

/**
 * The columns every presentation of a dossier reads: its JSON here and the national portal's view
 * (portal/view.ts), which is derived from the same facts. An intake's row before the statement
 * numbers it has them too; the dates of the end of processing and the return may be absent.
 */
export type DossierFacts = Pick<
  DossierRow,
  | 'status'
  | 'channel'
  | 'applicantName'
  | 'applicantIdNumber'
  | 'applicantPhone'
  | 'applicantAddress'
  | 'applicantEmail'
  | 'subject'
  | 'returnMethod'
  | 'documents'
  | 'receivedAt'
  | 'dueAt'
> &
  Partial<Pick<DossierRow, 'processingEndedAt' | 'returnedAt'>>;

/** What both presentations of a dossier say alike: the channel, the applicant, the request and its dates. */
export function presentFacts(d: DossierFacts) {
  return {
    channel: CHANNEL_BY_CODE[d.channel] ?? 'counter',
    applicant: {
      fullName: d.applicantName,
      idNumber: d.applicantIdNumber,
      phone: d.applicantPhone,
      address: d.applicantAddress,
      email: d.applicantEmail,
    },
    subject: d.subject,
    returnMethod: d.returnMethod,
    documents: d.documents,
    receivedAt: d.receivedAt.toISOString(),
    dueAt: d.dueAt.toISOString(),
    processingEndedAt: d.processingEndedAt?.toISOString() ?? null,
    returnedAt: d.returnedAt?.toISOString() ?? null,
  };
}

/** The columns of a dossier that its JSON shows. */
export type PresentedRow = DossierFacts &
  Pick<
    DossierRow,
    | 'code'
    | 'assisted'
    | 'procedureCode'
    | 'timeLimit'
    | 'dueAtOriginal'
    | 'bookVolume'
    | 'bookNumber'
    | 'version'
    | 'subState'
    | 'workflow'
    | 'stepIndex'
    | 'stepDueAt'
    | 'pausedAt'
    | 'supplementRequests'
    | 'processingEndedAt'
    | 'returnedAt'
    | 'timeliness'
    | 'result'
  >;

export interface PresentInput {
  dossier: PresentedRow;
  unit: { code: string; fullName: string };
  /** The procedure's name in the commune's catalogue (its code when no longer listed). */
  procedureName: string;
  files: ListedFile[];
  receivedBy: { username: string; fullName: string };
  assignee: string | null;
  /** The dossier's synchronisation with the national portal (repository.findDossier); none when absent. */
  sync?: DossierView['sync'];
  /** The files of a dossier from the portal still fetched, fetched or failed (repository.findDossier). */
  portalFiles?: DossierView['portalFiles'];
}

export const NO_SYNC: DossierView['sync'] = { state: 'none', attempts: 0, lastError: null, syncedAt: null };

/** The dossier's JSON (DossierSchema): the one shape every route that returns a dossier answers with. */
export function presentDossier({
  dossier: d,
  unit,
  procedureName,
  files,
  receivedBy,
  assignee,
  sync = NO_SYNC,
  portalFiles = [],
}: PresentInput): DossierView {
  const steps = (d.workflow as WorkflowStep[] | null) ?? defaultWorkflow(d.timeLimit as TimeLimit);
  const step = steps[d.stepIndex];
  return {
    ...presentFacts(d),
    code: d.code,
    status: d.status,
    statusName: NATIONAL_STATUS_NAMES[d.status] ?? String(d.status),
    assisted: d.assisted,
    unit: { code: unit.code, name: unit.fullName },
    procedure: {
      code: d.procedureCode,
      name: procedureName,
      timeLimit: d.timeLimit as DossierView['procedure']['timeLimit'],
    },
    attachments: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
    })),
    receivedBy,
    book: { volume: d.bookVolume, number: d.bookNumber },
    version: d.version,
    subState: d.subState,
    dueAtOriginal: d.dueAtOriginal.toISOString(),
    step:
      d.status === 4 && step
        ? {
            index: d.stepIndex,
            key: step.key,
            name: step.name,
            role: step.role,
            dueAt: d.stepDueAt?.toISOString() ?? null,
          }
        : null,
    assignee,
    pausedSince: d.pausedAt?.toISOString() ?? null,
    supplementRequests: d.supplementRequests,
    timeliness: (d.timeliness as 'early' | 'on_time' | 'late' | null) ?? null,
    sync,
    portalFiles,
    result: d.result ? { fileId: String(d.result.fileId), fileName: String(d.result.fileName) } : null,
  };
}
