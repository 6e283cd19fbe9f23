import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../test-support/xlsx-bomb.ts';
import { readZipDirectory, verifyZipSizes } from './zip-envelope.ts';

const LIMITS = { maxEntries: 200, maxUnpackedBytes: 10 * 1024 * 1024 };

describe('zip envelope of an upload', () => {
  let workbook: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Nhân sự').addRow(['Họ và tên', 'Phân loại']);
    workbook = Buffer.from(await wb.xlsx.writeBuffer());
  });

  it('lists the parts of a real workbook with their sizes, and they inflate to what they declare', () => {
    const dir = readZipDirectory(workbook, LIMITS);
    if (!dir.ok) throw new Error(dir.reason);
    expect(dir.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(dir.unpackedBytes).toBe(dir.entries.reduce((n, e) => n + e.uncompressedSize, 0));
    expect(dir.unpackedBytes).toBeGreaterThan(workbook.length);
    expect(verifyZipSizes(workbook, dir.entries)).toBe('ok');
  });

  it('refuses from the directory alone: too large unpacked, too many parts, not a zip', async () => {
    const bomb = await xlsxBomb(20 * 1024 * 1024);
    expect(readZipDirectory(bomb, LIMITS)).toEqual({ ok: false, reason: 'too_large' });
    expect(readZipDirectory(workbook, { ...LIMITS, maxEntries: 3 })).toEqual({
      ok: false,
      reason: 'too_many_entries',
    });
    expect(readZipDirectory(Buffer.from('not a zip at all, just text'), LIMITS)).toEqual({
      ok: false,
      reason: 'not_zip',
    });
    // Cut before the end of the directory: the end record is gone.
    expect(readZipDirectory(workbook.subarray(0, workbook.length - 10), LIMITS)).toMatchObject({ ok: false });
  });

  it('catches an archive that declares less than it holds only by inflating it, within the declared size', async () => {
    const liar = await xlsxBomb(5 * 1024 * 1024, { lie: true });
    const dir = readZipDirectory(liar, LIMITS);
    if (!dir.ok) throw new Error(dir.reason);
    expect(dir.unpackedBytes).toBe(5 * 1024);
    expect(verifyZipSizes(liar, dir.entries)).toBe('too_large');
  });

  it('reports damaged data as corrupt', () => {
    const dir = readZipDirectory(workbook, LIMITS);
    if (!dir.ok) throw new Error(dir.reason);
    const damaged = Buffer.from(workbook);
    const sheet = dir.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    damaged.writeUInt32LE(0, sheet?.localHeaderOffset ?? -1);
    expect(verifyZipSizes(damaged, dir.entries)).toBe('corrupt');
  });
});
