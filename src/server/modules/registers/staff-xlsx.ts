import ExcelJS from 'exceljs';
import { isPlainDate } from '../../../domain/calendar/vn-time.ts';
import { foldVietnamese } from '../../../domain/text/fold.ts';
import type { FieldError } from '../../errors.ts';
import { verifyZipSizes, type ZipEntry } from '../../lib/zip-envelope.ts';
import {
  BLOC_NAMES,
  BLOCS,
  CATEGORY_NAMES,
  ORG_UNIT_KINDS,
  STAFF_CATEGORIES,
  type StaffInput,
  StaffInputSchema,
} from './schemas.ts';

export const STAFF_COLUMNS = [
  { header: 'STT', key: 'no', width: 6 },
  { header: 'Họ và tên', key: 'fullName', width: 28 },
  { header: 'Số định danh cá nhân', key: 'personalId', width: 18 },
  { header: 'Phân loại', key: 'category', width: 34 },
  { header: 'Khối', key: 'bloc', width: 30 },
  { header: 'Đơn vị công tác', key: 'orgUnit', width: 34 },
  { header: 'Loại đơn vị', key: 'orgUnitKind', width: 20 },
  { header: 'Chức vụ, vị trí việc làm', key: 'position', width: 28 },
  { header: 'Lĩnh vực phụ trách', key: 'fields', width: 18 },
  { header: 'Quầy', key: 'counters', width: 10 },
  { header: 'Ngày bắt đầu (YYYY-MM-DD)', key: 'startDate', width: 16 },
  { header: 'Đã bồi dưỡng một cửa', key: 'trained', width: 14 },
] as const;

/** The staffing register as an XLSX workbook (the same columns the import reads). */
export async function staffToXlsx(
  unitName: string,
  rows: Array<StaffInput & { trainedOneStop: boolean }>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Nhân sự');
  ws.columns = STAFF_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) => {
    ws.addRow({
      no: i + 1,
      fullName: r.fullName,
      personalId: r.personalId ?? '',
      category: CATEGORY_NAMES[r.category],
      bloc: r.bloc ? BLOC_NAMES[r.bloc] : '',
      orgUnit: r.orgUnit,
      orgUnitKind: r.orgUnitKind,
      position: r.position ?? '',
      fields: r.fields.join(', '),
      counters: r.counters.join(', '),
      startDate: r.startDate ?? '',
      trained: r.trainedOneStop ? 'Có' : 'Không',
    });
  });
  ws.addRow([]);
  ws.addRow([`Đơn vị: ${unitName}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function lookup<T extends string>(
  value: string,
  codes: readonly T[],
  names: Partial<Record<T, string>>,
): T | undefined {
  const v = foldVietnamese(value);
  if (!v) return undefined;
  return codes.find((c) => c === value.trim() || foldVietnamese(names[c] ?? '') === v);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v).trim();
}

const NOT_XLSX: FieldError[] = [{ path: 'file', message: 'Tệp không phải bảng tính XLSX hợp lệ' }];

export type StaffWorkbook =
  | { refused: 'too_large' }
  | { refused: 'too_many_rows'; rows: number }
  | { refused?: undefined; rows: StaffInput[]; errors: FieldError[] };

/**
 * Reads an uploaded staffing workbook whose directory was already checked (`entries`). Runs in a
 * worker: every entry is first inflated against its declared size, so an archive that lies about
 * its sizes is refused before the spreadsheet library unpacks it.
 */
export async function readStaffWorkbook(
  bytes: Uint8Array,
  entries: ZipEntry[],
  maxRows: number,
): Promise<StaffWorkbook> {
  const sizes = verifyZipSizes(bytes, entries);
  if (sizes === 'too_large') return { refused: 'too_large' };
  if (sizes === 'corrupt') return { rows: [], errors: NOT_XLSX };
  return staffFromXlsx(bytes, maxRows);
}

/**
 * Reads a staffing workbook. Every row is checked before anything is returned: unknown categories,
 * malformed dates and duplicate people are reported with their row numbers, and nothing is imported.
 * A sheet with more than `maxRows` rows under its header is refused whole.
 */
export async function staffFromXlsx(
  bytes: Uint8Array,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<StaffWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: NOT_XLSX };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ path: 'file', message: 'Bảng tính không có trang nào' }] };
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const col = (key: (typeof STAFF_COLUMNS)[number]['key']) =>
    header.indexOf(STAFF_COLUMNS.find((c) => c.key === key)!.header) + 1;
  for (const c of ['fullName', 'category'] as const) {
    if (col(c) === 0)
      return {
        rows: [],
        errors: [{ path: 'file', message: `Thiếu cột "${STAFF_COLUMNS.find((x) => x.key === c)!.header}"` }],
      };
  }
  const rows: StaffInput[] = [];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  let people = 0;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const get = (key: (typeof STAFF_COLUMNS)[number]['key']) =>
      col(key) ? cellText(row.getCell(col(key)).value) : '';
    const fullName = get('fullName');
    if (!fullName || fullName.startsWith('Đơn vị:')) return;
    people += 1;
    if (people > maxRows) return;
    const at = `row ${n}`;
    const category = lookup(get('category'), STAFF_CATEGORIES, CATEGORY_NAMES);
    if (!category)
      errors.push({ path: at, message: `Dòng ${n}: phân loại "${get('category')}" không hợp lệ` });
    const blocText = get('bloc');
    const bloc = blocText ? lookup(blocText, BLOCS, BLOC_NAMES) : null;
    if (blocText && !bloc) errors.push({ path: at, message: `Dòng ${n}: khối "${blocText}" không hợp lệ` });
    const kindText = get('orgUnitKind') || 'other';
    const orgUnitKind = ORG_UNIT_KINDS.find((k) => k === kindText);
    if (!orgUnitKind) errors.push({ path: at, message: `Dòng ${n}: loại đơn vị "${kindText}" không hợp lệ` });
    const startDate = get('startDate');
    if (startDate && !isPlainDate(startDate))
      errors.push({ path: at, message: `Dòng ${n}: ngày "${startDate}" không đúng dạng YYYY-MM-DD` });
    const personalId = get('personalId') || null;
    const identity = personalId ?? foldVietnamese(fullName);
    if (seen.has(identity))
      errors.push({ path: at, message: `Dòng ${n}: trùng người với dòng ${seen.get(identity)}` });
    seen.set(identity, n);
    if (!category || (blocText && !bloc) || !orgUnitKind) return;
    const parsed = StaffInputSchema.safeParse({
      fullName,
      personalId,
      category,
      bloc,
      orgUnit: get('orgUnit') || '—',
      orgUnitKind,
      position: get('position') || null,
      fields: get('fields') ? get('fields').split(/[,;]\s*/) : [],
      counters: get('counters') ? get('counters').split(/[,;]\s*/) : [],
      startDate: startDate && isPlainDate(startDate) ? startDate : null,
    });
    if (!parsed.success)
      errors.push({
        path: at,
        message: `Dòng ${n}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      });
    else rows.push(parsed.data);
  });
  if (people > maxRows) return { refused: 'too_many_rows', rows: people };
  return { rows, errors };
}
