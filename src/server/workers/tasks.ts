import { move } from 'piscina';
import type * as apology from '../documents/apology-letter.ts';
import type * as blankForm from '../documents/blank-form.ts';
import type * as certRegister from '../documents/certification-register.ts';
import type * as control from '../documents/control-slip.ts';
import type * as queueTicket from '../documents/queue-ticket.ts';
import type * as receipt from '../documents/receipt-slip.ts';
import type * as refusal from '../documents/refusal-slip.ts';
import type * as result from '../documents/result-document.ts';
import type * as stop from '../documents/stop-notice.ts';
import type * as supplement from '../documents/supplement-slip.ts';
import type * as book from '../documents/tracking-book.ts';
import type * as staffXlsx from '../modules/registers/staff-xlsx.ts';
import type * as exports from '../modules/reports/exports.ts';
import type * as registerExports from '../modules/reports/register-exports.ts';

/*
 * What the worker threads do: build documents and read uploaded workbooks. Each task takes plain,
 * structured-clonable data (rows, dates, maps) and returns bytes or plain data; nothing here touches
 * the database or the request.
 */
// Each task loads its module on first use: a worker that only prints slips never loads the
// spreadsheet library, and one that reads a workbook never loads the PDF one (measured: the worker's
// fixed cost was ~100 MB with every module loaded up front).
type Fn = (...args: never[]) => unknown;
function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  type F = M[K] extends Fn ? M[K] : never;
  return (async (...args: Parameters<F>) => ((await load())[name] as F)(...args)) as (
    ...args: Parameters<F>
  ) => Promise<Awaited<ReturnType<F>>>;
}
const documents = {
  apology: () => import('../documents/apology-letter.ts') as Promise<typeof apology>,
  blankForm: () => import('../documents/blank-form.ts') as Promise<typeof blankForm>,
  certRegister: () => import('../documents/certification-register.ts') as Promise<typeof certRegister>,
  control: () => import('../documents/control-slip.ts') as Promise<typeof control>,
  queueTicket: () => import('../documents/queue-ticket.ts') as Promise<typeof queueTicket>,
  receipt: () => import('../documents/receipt-slip.ts') as Promise<typeof receipt>,
  refusal: () => import('../documents/refusal-slip.ts') as Promise<typeof refusal>,
  result: () => import('../documents/result-document.ts') as Promise<typeof result>,
  stop: () => import('../documents/stop-notice.ts') as Promise<typeof stop>,
  supplement: () => import('../documents/supplement-slip.ts') as Promise<typeof supplement>,
  book: () => import('../documents/tracking-book.ts') as Promise<typeof book>,
  staffXlsx: () => import('../modules/registers/staff-xlsx.ts') as Promise<typeof staffXlsx>,
  exports: () => import('../modules/reports/exports.ts') as Promise<typeof exports>,
  registerExports: () => import('../modules/reports/register-exports.ts') as Promise<typeof registerExports>,
};

export const TASKS = {
  apologyLetter: lazy(documents.apology, 'renderApologyLetter'),
  blankForm: lazy(documents.blankForm, 'renderBlankForm'),
  certificationRegister: lazy(documents.certRegister, 'renderCertificationRegister'),
  controlSlip: lazy(documents.control, 'renderControlSlip'),
  queueTicket: lazy(documents.queueTicket, 'renderQueueTicket'),
  receiptSlip: lazy(documents.receipt, 'renderReceiptSlip'),
  refusalSlip: lazy(documents.refusal, 'renderRefusalSlip'),
  resultDocument: lazy(documents.result, 'renderResultDocument'),
  stopNotice: lazy(documents.stop, 'renderStopNotice'),
  supplementSlip: lazy(documents.supplement, 'renderSupplementSlip'),
  trackingBook: lazy(documents.book, 'renderTrackingBook'),
  settlementXlsx: lazy(documents.exports, 'settlementXlsx'),
  settlementPdf: lazy(documents.exports, 'settlementPdf'),
  staffingXlsx: lazy(documents.registerExports, 'staffingXlsx'),
  staffingPdf: lazy(documents.registerExports, 'staffingPdf'),
  consultationsXlsx: lazy(documents.registerExports, 'consultationsXlsx'),
  consultationsPdf: lazy(documents.registerExports, 'consultationsPdf'),
  equipmentXlsx: lazy(documents.registerExports, 'equipmentXlsx'),
  equipmentPdf: lazy(documents.registerExports, 'equipmentPdf'),
  staffXlsx: lazy(documents.staffXlsx, 'staffToXlsx'),
  staffWorkbook: lazy(documents.staffXlsx, 'readStaffWorkbook'),
};

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;

export interface TaskMessage {
  name: TaskName;
  args: unknown[];
}

/** The handler each worker runs; document bytes are transferred to the main thread, not copied. */
export async function runTask(message: TaskMessage): Promise<unknown> {
  const task = TASKS[message.name] as (...args: unknown[]) => Promise<unknown>;
  if (typeof task !== 'function') throw new Error(`unknown worker task ${String(message.name)}`);
  const out = await task(...message.args);
  if (!(out instanceof Uint8Array)) return out;
  // A small Buffer may share a pooled ArrayBuffer: transferring that would detach its neighbours.
  const own = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : new Uint8Array(out);
  return move(own);
}
