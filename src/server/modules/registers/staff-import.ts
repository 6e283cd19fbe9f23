import type { AppContext } from '../../context.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { readZipDirectory } from '../../lib/zip-envelope.ts';
import type { StaffInput } from './schemas.ts';

/** More parts than any staffing workbook has (a sheet, its relations, styles, themes, metadata). */
const MAX_ZIP_ENTRIES = 200;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads an uploaded staffing workbook. The archive's directory is checked here first — cheaply,
 * nothing is unpacked — against the unpacked-size and entry limits; the workbook is then read on a
 * worker thread, which also refuses archives that unpack to more than they declare and sheets with
 * more rows than `importMaxRows`.
 */
export async function readStaffUpload(
  ctx: AppContext,
  bytes: Buffer,
): Promise<{ rows: StaffInput[]; errors: FieldError[] }> {
  const limit = ctx.config.importMaxUnpackedBytes;
  const tooLarge = () =>
    new AppError(
      'SPREADSHEET_TOO_LARGE',
      `Tệp bảng tính khi giải nén vượt quá ${mb(limit)}; hãy chia nhỏ tệp hoặc xóa các trang, hình ảnh không cần thiết`,
    );
  const directory = readZipDirectory(bytes, { maxEntries: MAX_ZIP_ENTRIES, maxUnpackedBytes: limit });
  if (!directory.ok) {
    if (directory.reason === 'not_zip')
      return { rows: [], errors: [{ path: 'file', message: 'Tệp không phải bảng tính XLSX hợp lệ' }] };
    if (directory.reason === 'too_many_entries')
      throw new AppError('SPREADSHEET_TOO_LARGE', `Tệp bảng tính có hơn ${MAX_ZIP_ENTRIES} thành phần`);
    throw tooLarge();
  }
  const read = await ctx.workers.run('staffWorkbook', bytes, directory.entries, ctx.config.importMaxRows);
  if (read.refused === 'too_large') throw tooLarge();
  if (read.refused === 'too_many_rows')
    throw new AppError(
      'SPREADSHEET_TOO_MANY_ROWS',
      `Tệp có ${read.rows} dòng dữ liệu, mỗi lần nhập tối đa ${ctx.config.importMaxRows} dòng; hãy chia thành nhiều tệp`,
    );
  return read;
}
