import { afterAll, describe, expect, it } from 'vitest';
import type { TrackingBookRow } from '../documents/tracking-book.ts';
import { AppError } from '../errors.ts';
import { createWorkerPool } from './pool.ts';

const HOUR = 3_600_000;
const START = Date.parse('2025-07-01T01:05:00Z');

function rows(count: number): TrackingBookRow[] {
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    code: `H82.045-250701-${String(i + 1).padStart(4, '0')}`,
    procedureName:
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
    sets: 1,
    applicantName: 'Nguyễn Thị Hồng Nhung',
    address: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
    phone: '0912345678',
    processingBody: 'UBND Xã Tân Thới',
    receivedAt: new Date(START + i * HOUR),
    dueAt: new Date(START + i * HOUR + 72 * HOUR),
  }));
}

const book = (count: number, noteChars = 0) => ({
  issuerLine1: 'UBND XÃ TÂN THỚI',
  issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  volume: '01',
  period: { from: '2025-07-01', to: '2025-09-30' },
  rows: rows(count).map((row) => ({ ...row, note: 'Ghi chú dài '.repeat(noteChars / 12) })),
});

describe('worker pool', () => {
  // A small heap, so that a book of a few thousand lines outgrows it.
  const pool = createWorkerPool({ threads: 1, maxHeapMb: 64 });
  afterAll(() => pool.close());

  it('builds a document on a worker and hands back its bytes as a Buffer', async () => {
    const pdf = await pool.run('trackingBook', book(20));
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pool.pending).toBe(0);
  });

  it('refuses a document that outgrows the worker heap, and the next document is built by a new worker', async () => {
    // The book is drawn page by page and no longer outgrows the heap by its lines alone: 4,000 lines
    // with a 20,000-character note each (two bytes a character: ~160 MB once on the worker) do.
    const failed = await pool.run('trackingBook', book(4000, 20_000)).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(AppError);
    expect((failed as AppError).code).toBe('EXPORT_TOO_LARGE');
    const pdf = await pool.run('trackingBook', book(5));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses work once closed', async () => {
    const closed = createWorkerPool({ threads: 1, maxHeapMb: 64 });
    await closed.close();
    await expect(closed.run('trackingBook', book(1))).rejects.toMatchObject({ code: 'DOCUMENTS_BUSY' });
  });
});
