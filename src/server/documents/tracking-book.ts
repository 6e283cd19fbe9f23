/**
 * Sổ theo dõi hồ sơ — the register of every dossier the centre received in a period, one line per
 * dossier from receipt to return (docs/domain-vn.md §3.7; Mẫu 06 of Circular 01/2018/TT-VPCP, Mẫu 07 of
 * Circular 03/2025/TT-VPCP Phụ lục I). Printed landscape; the column heads repeat on every page and
 * every page carries "Trang x/y".
 */
import type { Content, ContentTable, CustomTableLayout, DynamicContent, TableCell } from 'pdfmake/interfaces';
import { formatShortDate, formatShortTime, pad2 } from './form-parts.ts';
import { BODY_FONT_SIZE, cm, PAGE_MARGINS, renderPdf, upperVi } from './pdf.ts';

export interface TrackingBookRow {
  /** Số thứ tự in the book (the number printed on the receipt slip). */
  number: number;
  /** Dossier code (mã hồ sơ). */
  code: string;
  /** Tên thủ tục hành chính. */
  procedureName: string;
  /** Số lượng hồ sơ (bộ). */
  sets: number;
  /** Tên người nộp hồ sơ. */
  applicantName: string;
  address: string;
  phone: string;
  /** Cơ quan chủ trì giải quyết. */
  processingBody: string;
  receivedAt: Date;
  /** Hẹn trả kết quả; none for results returned on the spot. */
  dueAt?: Date | null;
  /** Chuyển hồ sơ đến cơ quan giải quyết. */
  transferredAt?: Date | null;
  /** Nhận kết quả từ cơ quan giải quyết. */
  resultReceivedAt?: Date | null;
  /** Trả kết quả cho người nộp. */
  returnedAt?: Date | null;
  note?: string | null;
}

export interface TrackingBookData {
  /** Governing body, e.g. 'UBND XÃ TÂN THỚI'. */
  issuerLine1: string;
  /** Keeping body, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'. */
  issuerLine2: string;
  /** Quyển số, e.g. '01'. */
  volume: string;
  /** Period covered, first and last day (instants read in Vietnam time, or 'YYYY-MM-DD'). */
  period: { from: Date | string; to: Date | string };
  rows: TrackingBookRow[];
}

const TABLE_FONT_SIZE = BODY_FONT_SIZE - 4;
const CELL_PADDING = 3;
const LANDSCAPE_MARGINS = PAGE_MARGINS;
const ISSUER_WIDTH = 260;

const BOOK_TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** The five "Ngày, tháng, năm" columns, in order. */
export const DATE_COLUMNS = [
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Nhận kết quả từ cơ quan giải quyết',
  'Trả kết quả cho người nộp',
] as const;

// STT | Mã hồ sơ | Tên TTHC | Số lượng | Tên người nộp | Địa chỉ, SĐT | Cơ quan chủ trì | 5 dates | Ghi chú
// The code column fits a code such as 'H82.045-250701-0001' on one line at CODE_FONT_SIZE.
const WIDTHS: (number | '*')[] = [20, 80, '*', 30, 60, 74, 60, 44, 44, 44, 44, 44, 38];
const CODE_FONT_SIZE = TABLE_FONT_SIZE - 0.5;

function head(
  text: string,
  extra: { rowSpan?: number; colSpan?: number; marginTop?: number } = {},
): TableCell {
  const { marginTop = 0, ...span } = extra;
  return { text, bold: true, alignment: 'center', margin: [0, marginTop, 0, 0], ...span };
}

function headerRows(): TableCell[][] {
  const tall = { rowSpan: 2, marginTop: 12 };
  const columnCount = WIDTHS.length;
  return [
    [
      head('STT', tall),
      head('Mã hồ sơ', tall),
      head('Tên thủ tục hành chính', tall),
      head('Số lượng hồ sơ (bộ)', { rowSpan: 2, marginTop: 4 }),
      head('Tên người nộp hồ sơ', { rowSpan: 2, marginTop: 8 }),
      head('Địa chỉ, số điện thoại', { rowSpan: 2, marginTop: 8 }),
      head('Cơ quan chủ trì giải quyết', { rowSpan: 2, marginTop: 8 }),
      head('Ngày, tháng, năm', { colSpan: DATE_COLUMNS.length }),
      {},
      {},
      {},
      {},
      head('Ghi chú', tall),
    ],
    [{}, {}, {}, {}, {}, {}, {}, ...DATE_COLUMNS.map((label) => head(label)), {}],
    // Column numbers, as on the printed form: (1) … (13).
    Array.from({ length: columnCount }, (_, index) => ({
      text: `(${index + 1})`,
      italics: true,
      alignment: 'center',
    })),
  ];
}

/** A date cell: "dd/MM/yyyy" and, under it, the time "HH:mm"; blank when the step has not happened. */
function dateCell(instant: Date | null | undefined): TableCell {
  if (!instant) return { text: '' };
  return {
    stack: [formatShortDate(instant), { text: formatShortTime(instant), fontSize: TABLE_FONT_SIZE - 1 }],
    alignment: 'center',
  };
}

function bodyRow(row: TrackingBookRow): TableCell[] {
  return [
    { text: String(row.number), alignment: 'center' },
    { text: row.code, fontSize: CODE_FONT_SIZE },
    { text: row.procedureName },
    { text: pad2(row.sets), alignment: 'center' },
    { text: row.applicantName },
    { text: [row.address, '\n', { text: `ĐT: ${row.phone}` }] },
    { text: row.processingBody },
    dateCell(row.receivedAt),
    dateCell(row.dueAt),
    dateCell(row.transferredAt),
    dateCell(row.resultReceivedAt),
    dateCell(row.returnedAt),
    { text: row.note ?? '' },
  ];
}

function bookTable(rows: TrackingBookRow[]): ContentTable {
  const body = headerRows();
  for (const row of rows) body.push(bodyRow(row));
  if (rows.length === 0) {
    body.push([
      { text: '(Không có hồ sơ trong kỳ)', italics: true, alignment: 'center', colSpan: WIDTHS.length },
      ...Array.from({ length: WIDTHS.length - 1 }, () => ({})),
    ]);
  }
  return {
    table: { headerRows: 3, dontBreakRows: true, widths: WIDTHS, body },
    layout: BOOK_TABLE_LAYOUT,
    fontSize: TABLE_FONT_SIZE,
    margin: [0, 10, 0, 0],
  };
}

/** Builds the pdfmake content of the book; exported for layout tests. */
export function trackingBookContent(data: TrackingBookData): Content[] {
  return [
    {
      columns: [
        {
          width: ISSUER_WIDTH,
          stack: [
            { text: upperVi(data.issuerLine1) },
            { text: upperVi(data.issuerLine2), bold: true },
            {
              canvas: [
                {
                  type: 'line',
                  x1: ISSUER_WIDTH / 2 - 30,
                  y1: 0,
                  x2: ISSUER_WIDTH / 2 + 30,
                  y2: 0,
                  lineWidth: 0.6,
                },
              ],
              margin: [0, 4, 0, 0],
            },
          ],
          alignment: 'center',
        },
        { width: '*', text: '' },
      ],
      fontSize: BODY_FONT_SIZE - 1,
    },
    {
      stack: [
        { text: 'SỔ THEO DÕI HỒ SƠ', bold: true, fontSize: BODY_FONT_SIZE + 4 },
        {
          text: `Từ ngày ${formatShortDate(data.period.from)} đến ngày ${formatShortDate(data.period.to)}`,
          italics: true,
          margin: [0, 2, 0, 0],
        },
        { text: ['Quyển số: ', { text: data.volume, bold: true }], margin: [0, 2, 0, 0] },
      ],
      alignment: 'center',
      margin: [0, 6, 0, 0],
    },
    bookTable(data.rows),
  ];
}

/** "Trang x/y" at the bottom right of every page, with the volume at the left. */
function pageFooter(volume: string): DynamicContent {
  return (currentPage, pageCount) => ({
    columns: [
      { text: `Sổ theo dõi hồ sơ - Quyển số ${volume}`, italics: true },
      { text: `Trang ${currentPage}/${pageCount}`, alignment: 'right' },
    ],
    fontSize: BODY_FONT_SIZE - 3,
    margin: [LANDSCAPE_MARGINS[0], cm(0.6), LANDSCAPE_MARGINS[2], 0],
  });
}

/** Renders the dossier tracking book (docs/domain-vn.md §3.7) as a landscape A4 PDF. */
export async function renderTrackingBook(data: TrackingBookData): Promise<Buffer> {
  return renderPdf({
    pageOrientation: 'landscape',
    pageMargins: LANDSCAPE_MARGINS,
    info: {
      title: `Sổ theo dõi hồ sơ, quyển số ${data.volume}`,
      subject: `Từ ngày ${formatShortDate(data.period.from)} đến ngày ${formatShortDate(data.period.to)}`,
    },
    footer: pageFooter(data.volume),
    content: trackingBookContent(data),
  });
}
