import { move } from 'piscina';
import { renderApologyLetter } from '../documents/apology-letter.ts';
import { renderControlSlip } from '../documents/control-slip.ts';
import { renderReceiptSlip } from '../documents/receipt-slip.ts';
import { renderRefusalSlip } from '../documents/refusal-slip.ts';
import { renderStopNotice } from '../documents/stop-notice.ts';
import { renderSupplementSlip } from '../documents/supplement-slip.ts';
import { renderTrackingBook } from '../documents/tracking-book.ts';
import { readStaffWorkbook, staffToXlsx } from '../modules/registers/staff-xlsx.ts';
import { settlementPdf, settlementXlsx } from '../modules/reports/exports.ts';
import {
  consultationsPdf,
  consultationsXlsx,
  equipmentPdf,
  equipmentXlsx,
  staffingPdf,
  staffingXlsx,
} from '../modules/reports/register-exports.ts';

/*
 * What the worker threads do: build documents and read uploaded workbooks. Each task takes plain,
 * structured-clonable data (rows, dates, maps) and returns bytes or plain data; nothing here touches
 * the database or the request.
 */
export const TASKS = {
  apologyLetter: renderApologyLetter,
  controlSlip: renderControlSlip,
  receiptSlip: renderReceiptSlip,
  refusalSlip: renderRefusalSlip,
  stopNotice: renderStopNotice,
  supplementSlip: renderSupplementSlip,
  trackingBook: renderTrackingBook,
  settlementXlsx,
  settlementPdf,
  staffingXlsx,
  staffingPdf,
  consultationsXlsx,
  consultationsPdf,
  equipmentXlsx,
  equipmentPdf,
  staffXlsx: staffToXlsx,
  staffWorkbook: readStaffWorkbook,
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
