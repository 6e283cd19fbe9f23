/*
 * The one error type of the server's use cases. A use case throws AppError with a stable code (and a
 * Vietnamese detail where it helps); it knows nothing of HTTP. The transport maps each code to a
 * status and a title in one place (http/errors.ts), and a code without a mapping does not compile.
 */

export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'PERSONAL_ID_INVALID'
  | 'PROCEDURE_UNKNOWN'
  | 'PROCEDURE_NOT_FOUND'
  | 'FORM_NOT_FOUND'
  | 'UNIT_NOT_FOUND'
  | 'UNIT_INACTIVE'
  | 'DOCUMENTS_INCOMPLETE'
  | 'DOCUMENT_UNKNOWN'
  | 'ATTACHMENT_TYPE_MISMATCH'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENTS_TOO_MANY'
  | 'IDEMPOTENCY_KEY_INVALID'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INTAKE_BUSY'
  | 'AUTH_REQUIRED'
  | 'AUTH_INVALID_CREDENTIALS'
  | 'AUTH_RATE_LIMITED'
  | 'CITIZEN_AUTH_REQUIRED'
  | 'OIDC_NOT_CONFIGURED'
  | 'OIDC_PROVIDER_UNAVAILABLE'
  | 'OIDC_RESPONSE_INVALID'
  | 'OIDC_RESPONSE_REPLAYED'
  | 'OIDC_RESPONSE_EXPIRED'
  | 'ALREADY_RATED'
  | 'RATING_TOKEN_INVALID'
  | 'RATING_TOKEN_EXPIRED'
  | 'RATING_VISIT_NOT_SERVED'
  | 'FORBIDDEN'
  | 'DOSSIER_NOT_FOUND'
  | 'CALENDAR_RANGE'
  | 'ACTION_NOT_ALLOWED'
  | 'ACTION_FORBIDDEN'
  | 'REASON_REQUIRED'
  | 'ALREADY_RESCHEDULED'
  | 'NOT_DUE_YET'
  | 'STEP_ORDER'
  | 'DOSSIER_CONFLICT'
  | 'ASSIGNEE_INVALID'
  | 'RESULT_FILE_REQUIRED'
  | 'RESULT_NOT_FOUND'
  | 'ATTACHMENT_NOT_FOUND'
  | 'RESULT_DRAFT_NOT_APPLICABLE'
  | 'RESULT_DRAFT_REQUIRED'
  | 'RESULT_DRAFT_NOT_APPROVED'
  | 'NEW_DUE_INVALID'
  | 'EXPORT_TOO_LARGE'
  | 'SPREADSHEET_TOO_LARGE'
  | 'SPREADSHEET_TOO_MANY_ROWS'
  | 'DOCUMENTS_BUSY'
  | 'NOT_FOUND'
  | 'GUIDE_NOT_FOUND'
  | 'GUIDE_VERSION_CONFLICT'
  | 'EXERCISE_NOT_FOUND'
  | 'EXERCISE_NOT_STARTED'
  | 'PRACTICE_DISABLED'
  | 'CITIZEN_NOT_FOUND'
  | 'POPULATION_UNAVAILABLE'
  | 'POPULATION_BAD_ANSWER'
  | 'PORTAL_UNAVAILABLE'
  | 'INBOUND_NOT_FOUND'
  | 'INBOUND_ALREADY_HANDLED'
  | 'INBOUND_UNIT_UNCONFIRMED'
  | 'PROCEDURE_OTHER_UNIT'
  | 'API_KEY_INVALID'
  | 'PARTNER_API_NOT_CONFIGURED'
  | 'URI_TOO_LONG'
  | 'RATE_LIMITED'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_NODE_UNAVAILABLE'
  | 'QUEUE_COUNTER_NOT_FOUND'
  | 'QUEUE_COUNTER_BUSY'
  | 'QUEUE_TICKET_NOT_FOUND'
  | 'QUEUE_TICKET_EXPIRED'
  | 'QUEUE_ACTION_NOT_ALLOWED'
  | 'QUEUE_FIELD_UNKNOWN'
  | 'QUEUE_COUNTER_EXISTS'
  | 'QUEUE_COUNTER_STALE'
  | 'AUDIT_ANCHOR_MISMATCH'
  | 'INTERNAL';

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}
