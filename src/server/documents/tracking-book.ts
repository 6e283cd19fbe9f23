/**
 * Sổ theo dõi hồ sơ — the register of every dossier the centre received in a period, one line per
 * dossier from receipt to return (docs/domain-vn.md §3.7; Mẫu 06 of Circular 01/2018/TT-VPCP, Mẫu 07 of
 * Circular 03/2025/TT-VPCP Phụ lục I). Printed landscape; the column heads repeat on every page and
 * every page carries "Trang x/y".
 *
 * Drawn with pdfkit directly, not pdfmake: pdfmake lays out the whole document tree in memory before
 * writing the first page (~135 MB for the 2,000-line book the export allows). Here a first pass only
 * measures each line's height and cuts the book into pages (a few numbers per line), so the page
 * count is known for "Trang x/y"; the second pass draws page after page, and pdfkit writes out each
 * page as soon as the next one begins.
 */
import PDFDocument from 'pdfkit';
import { pad2 } from '../../domain/calendar/vn-time.ts';
import { formatShortDate, formatShortTime } from './form-parts.ts';
import { BODY_FONT_SIZE, cm, PAGE_MARGINS, robotoFiles, upperVi } from './pdf.ts';

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

/** The five "Ngày, tháng, năm" columns, in order. */
export const DATE_COLUMNS = [
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Nhận kết quả từ cơ quan giải quyết',
  'Trả kết quả cho người nộp',
] as const;

type Doc = PDFKit.PDFDocument;
type Face = 'normal' | 'bold' | 'italics';
type Align = 'left' | 'center' | 'right';

/** A run of text in one face and size; a cell is one or more runs stacked. */
interface Run {
  text: string;
  face: Face;
  size: number;
}

interface Cell {
  runs: Run[];
  align: Align;
}

// A4 landscape, in points.
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const [MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM] = PAGE_MARGINS;
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
const BODY_BOTTOM = PAGE_HEIGHT - MARGIN_BOTTOM;

const TABLE_FONT_SIZE = BODY_FONT_SIZE - 4;
// The code column fits a code such as 'H82.045-250701-0001' on one line at CODE_FONT_SIZE.
const CODE_FONT_SIZE = TABLE_FONT_SIZE - 0.5;
const TIME_FONT_SIZE = TABLE_FONT_SIZE - 1;
const FOOTER_FONT_SIZE = BODY_FONT_SIZE - 3;
const ISSUER_FONT_SIZE = BODY_FONT_SIZE - 1;
const ISSUER_WIDTH = 260;
const PAD_X = 3;
const PAD_Y = 2;
const GRID_LINE = 0.5;
const TABLE_GAP = 10;

// STT | Mã hồ sơ | Tên TTHC | Số lượng | Tên người nộp | Địa chỉ, SĐT | Cơ quan chủ trì | 5 dates | Ghi chú
// Outer widths (padding included); the procedure name takes what is left of the page.
const FIXED_WIDTHS = [26, 86, 0, 36, 66, 86, 66, 50, 50, 50, 50, 50, 44];
const COLUMN_COUNT = FIXED_WIDTHS.length;
const WIDTHS = FIXED_WIDTHS.map((width) =>
  width === 0 ? CONTENT_WIDTH - FIXED_WIDTHS.reduce((sum, w) => sum + w, 0) : width,
);
/** x of each column's left edge, and of the table's right edge last. */
const EDGES: number[] = [MARGIN_LEFT];
for (const width of WIDTHS) EDGES.push((EDGES.at(-1) ?? 0) + width);
const FIRST_DATE_COLUMN = 7;
// No page margins for pdfkit: the layout here keeps to the form's margins, and pdfkit never adds a
// page of its own for text drawn in the bottom margin (the footer).
const PAGE = { size: 'A4', layout: 'landscape', margin: 0 } as const;

const edge = (index: number): number => EDGES[index] ?? MARGIN_LEFT + CONTENT_WIDTH;

function run(text: string, face: Face = 'normal', size = TABLE_FONT_SIZE): Run {
  return { text, face, size };
}

let fontFiles: Record<Face, string> | undefined;

/**
 * Faces are selected by file path: pdfkit caches an opened font under the key it was asked for, but
 * a name given to registerFont() for a file it already opened is never cached, and every call would
 * parse the font file again.
 */
function fontFile(face: Face): string {
  fontFiles ??= robotoFiles();
  return fontFiles[face];
}

function createDocument(data: TrackingBookData): Doc {
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    font: fontFile('normal'),
    lang: 'vi-VN',
    info: {
      Title: `Sổ theo dõi hồ sơ, quyển số ${data.volume}`,
      Subject: `Từ ngày ${formatShortDate(data.period.from)} đến ngày ${formatShortDate(data.period.to)}`,
      Creator: 'motcua',
      Producer: 'motcua (pdfkit)',
    },
  });
  return doc;
}

function use(doc: Doc, r: Run): Doc {
  return doc.font(fontFile(r.face)).fontSize(r.size);
}

/** Height of a run wrapped to `width`. */
function runHeight(doc: Doc, r: Run, width: number): number {
  if (!r.text) return 0;
  return use(doc, r).heightOfString(r.text, { width });
}

function cellHeight(doc: Doc, cell: Cell, width: number): number {
  let height = 0;
  for (const r of cell.runs) height += runHeight(doc, r, width);
  return height;
}

/** Draws a run at (x, y) wrapped to `width`; never past the page's foot, so pdfkit adds no page. */
function drawRun(doc: Doc, r: Run, x: number, y: number, width: number, align: Align): number {
  if (!r.text) return 0;
  const height = runHeight(doc, r, width);
  use(doc, r).text(r.text, x, y, { width, align, height: Math.max(0, PAGE_HEIGHT - y), lineBreak: true });
  return height;
}

/** Draws a cell's runs from `top`, inside the padding of the columns [first, last]. */
function drawCell(doc: Doc, cell: Cell, first: number, last: number, top: number): void {
  const x = edge(first) + PAD_X;
  const width = edge(last + 1) - edge(first) - 2 * PAD_X;
  let y = top;
  for (const r of cell.runs) y += drawRun(doc, r, x, y, width, cell.align);
}

function columnWidth(index: number): number {
  return (WIDTHS[index] ?? 0) - 2 * PAD_X;
}

function line(doc: Doc, x1: number, y1: number, x2: number, y2: number): void {
  doc.moveTo(x1, y1).lineTo(x2, y2);
}

// ---------------------------------------------------------------------------------------------
// The heading of the first page: issuing body, title, period, volume
// ---------------------------------------------------------------------------------------------

/** Lays out (and with `draw`, draws) the first page's heading from `top`; returns its height. */
function heading(doc: Doc, data: TrackingBookData, top: number, draw: boolean): number {
  let y = top;
  const centred = (r: Run, x: number, width: number) => {
    const height = runHeight(doc, r, width);
    if (draw) drawRun(doc, r, x, y, width, 'center');
    y += height;
  };
  centred(run(upperVi(data.issuerLine1), 'normal', ISSUER_FONT_SIZE), MARGIN_LEFT, ISSUER_WIDTH);
  centred(run(upperVi(data.issuerLine2), 'bold', ISSUER_FONT_SIZE), MARGIN_LEFT, ISSUER_WIDTH);
  y += 4;
  if (draw) {
    const middle = MARGIN_LEFT + ISSUER_WIDTH / 2;
    doc.lineWidth(0.6);
    line(doc, middle - 30, y, middle + 30, y);
    doc.stroke();
  }
  y += 6;
  centred(run('SỔ THEO DÕI HỒ SƠ', 'bold', BODY_FONT_SIZE + 4), MARGIN_LEFT, CONTENT_WIDTH);
  y += 2;
  const period = `Từ ngày ${formatShortDate(data.period.from)} đến ngày ${formatShortDate(data.period.to)}`;
  centred(run(period, 'italics', BODY_FONT_SIZE), MARGIN_LEFT, CONTENT_WIDTH);
  y += 2;
  // "Quyển số: " and the volume in bold, centred together on one line.
  const label = run('Quyển số: ', 'normal', BODY_FONT_SIZE);
  const volume = run(data.volume, 'bold', BODY_FONT_SIZE);
  const labelWidth = use(doc, label).widthOfString(label.text);
  const volumeWidth = use(doc, volume).widthOfString(volume.text);
  const height = runHeight(doc, label, CONTENT_WIDTH);
  if (draw) {
    const x = MARGIN_LEFT + (CONTENT_WIDTH - labelWidth - volumeWidth) / 2;
    use(doc, label).text(label.text, x, y, { lineBreak: false });
    use(doc, volume).text(volume.text, x + labelWidth, y, { lineBreak: false });
  }
  y += height;
  return y - top;
}

// ---------------------------------------------------------------------------------------------
// Column heads, repeated on every page
// ---------------------------------------------------------------------------------------------

interface HeadLayout {
  /** Heights of the group row ("Ngày, tháng, năm"), the date-label row, and the numbers row. */
  group: number;
  labels: number;
  numbers: number;
  total: number;
}

/** Heads spanning the group and label rows, by column; the date columns are headed apart. */
const SPANNING_HEADS: Record<number, string> = {
  0: 'STT',
  1: 'Mã hồ sơ',
  2: 'Tên thủ tục hành chính',
  3: 'Số lượng hồ sơ (bộ)',
  4: 'Tên người nộp hồ sơ',
  5: 'Địa chỉ, số điện thoại',
  6: 'Cơ quan chủ trì giải quyết',
  12: 'Ghi chú',
};
const GROUP_HEAD = 'Ngày, tháng, năm';

const headCell = (text: string): Cell => ({ runs: [run(text, 'bold')], align: 'center' });
const numberCell = (index: number): Cell => ({ runs: [run(`(${index + 1})`, 'italics')], align: 'center' });

function measureHead(doc: Doc): HeadLayout {
  const groupWidth = edge(FIRST_DATE_COLUMN + 5) - edge(FIRST_DATE_COLUMN) - 2 * PAD_X;
  const group = cellHeight(doc, headCell(GROUP_HEAD), groupWidth) + 2 * PAD_Y;
  let labels = 0;
  DATE_COLUMNS.forEach((label, i) => {
    labels = Math.max(labels, cellHeight(doc, headCell(label), columnWidth(FIRST_DATE_COLUMN + i)));
  });
  labels += 2 * PAD_Y;
  for (const [column, text] of Object.entries(SPANNING_HEADS)) {
    const needed = cellHeight(doc, headCell(text), columnWidth(Number(column))) + 2 * PAD_Y;
    labels = Math.max(labels, needed - group);
  }
  const numbers = cellHeight(doc, numberCell(0), columnWidth(0)) + 2 * PAD_Y;
  return { group, labels, numbers, total: group + labels + numbers };
}

function drawHead(doc: Doc, head: HeadLayout, top: number): void {
  const spanned = head.group + head.labels;
  for (const [key, text] of Object.entries(SPANNING_HEADS)) {
    const column = Number(key);
    const cell = headCell(text);
    // Centred vertically in the two rows it spans.
    const height = cellHeight(doc, cell, columnWidth(column));
    drawCell(doc, cell, column, column, top + (spanned - height) / 2);
  }
  drawCell(doc, headCell(GROUP_HEAD), FIRST_DATE_COLUMN, FIRST_DATE_COLUMN + 4, top + PAD_Y);
  DATE_COLUMNS.forEach((label, i) => {
    const cell = headCell(label);
    const column = FIRST_DATE_COLUMN + i;
    const height = cellHeight(doc, cell, columnWidth(column));
    drawCell(doc, cell, column, column, top + head.group + (head.labels - height) / 2);
  });
  const numbersTop = top + spanned;
  for (let column = 0; column < COLUMN_COUNT; column++)
    drawCell(doc, numberCell(column), column, column, numbersTop + PAD_Y);

  // Grid: the group row is split only under "Ngày, tháng, năm".
  const left = edge(0);
  const right = edge(COLUMN_COUNT);
  line(doc, left, top, right, top);
  line(doc, edge(FIRST_DATE_COLUMN), top + head.group, edge(FIRST_DATE_COLUMN + 5), top + head.group);
  line(doc, left, numbersTop, right, numbersTop);
  line(doc, left, top + head.total, right, top + head.total);
  for (let column = 0; column <= COLUMN_COUNT; column++) {
    const inGroup = column > FIRST_DATE_COLUMN && column < FIRST_DATE_COLUMN + 5;
    line(doc, edge(column), inGroup ? top + head.group : top, edge(column), top + head.total);
  }
}

// ---------------------------------------------------------------------------------------------
// Lines of the book
// ---------------------------------------------------------------------------------------------

/** A date cell: "dd/MM/yyyy" and, under it, the time "HH:mm"; blank when the step has not happened. */
function dateCell(instant: Date | null | undefined): Cell {
  if (!instant) return { runs: [], align: 'center' };
  return {
    runs: [run(formatShortDate(instant)), run(formatShortTime(instant), 'normal', TIME_FONT_SIZE)],
    align: 'center',
  };
}

function bodyCells(row: TrackingBookRow): Cell[] {
  const left = (text: string): Cell => ({ runs: [run(text)], align: 'left' });
  return [
    { runs: [run(String(row.number))], align: 'center' },
    { runs: [run(row.code, 'normal', CODE_FONT_SIZE)], align: 'left' },
    left(row.procedureName),
    { runs: [run(pad2(row.sets))], align: 'center' },
    left(row.applicantName),
    left(`${row.address}\nĐT: ${row.phone}`),
    left(row.processingBody),
    dateCell(row.receivedAt),
    dateCell(row.dueAt),
    dateCell(row.transferredAt),
    dateCell(row.resultReceivedAt),
    dateCell(row.returnedAt),
    left(row.note ?? ''),
  ];
}

function rowHeight(doc: Doc, cells: Cell[]): number {
  let height = 0;
  cells.forEach((cell, column) => {
    height = Math.max(height, cellHeight(doc, cell, columnWidth(column)));
  });
  return height + 2 * PAD_Y;
}

const EMPTY_BOOK: Cell = { runs: [run('(Không có hồ sơ trong kỳ)', 'italics')], align: 'center' };

/** "Trang x/y" at the bottom right of every page, with the volume at the left. */
function drawFooter(doc: Doc, volume: string, page: number, pageCount: number): void {
  const y = BODY_BOTTOM + cm(0.6);
  const left = run(`Sổ theo dõi hồ sơ - Quyển số ${volume}`, 'italics', FOOTER_FONT_SIZE);
  use(doc, left).text(left.text, MARGIN_LEFT, y, { lineBreak: false });
  const right = run(`Trang ${page}/${pageCount}`, 'normal', FOOTER_FONT_SIZE);
  const width = use(doc, right).widthOfString(right.text);
  doc.text(right.text, MARGIN_LEFT + CONTENT_WIDTH - width, y, { lineBreak: false });
}

/**
 * Cuts the book into pages: the index of each page's first line. A line is never split across
 * pages; a line taller than a whole page still gets a page of its own.
 */
function paginate(heights: Float64Array, firstPageTop: number, otherPageTop: number): number[] {
  const starts = [0];
  let y = firstPageTop;
  heights.forEach((height, index) => {
    if (y + height > BODY_BOTTOM && index > (starts.at(-1) ?? 0)) {
      starts.push(index);
      y = otherPageTop;
    }
    y += height;
  });
  return starts;
}

/** Renders the dossier tracking book (docs/domain-vn.md §3.7) as a landscape A4 PDF. */
export async function renderTrackingBook(data: TrackingBookData): Promise<Buffer> {
  const doc = createDocument(data);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    // One copy of the whole file, in a buffer of its own (transferred from a worker without a copy).
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });

  // First pass: only heights, so the page count is known before the first page is written. (pdfkit
  // measures text on a page: the first one is added first and drawn on in the second pass.)
  doc.addPage(PAGE);
  const head = measureHead(doc);
  const headingHeight = heading(doc, data, MARGIN_TOP, false);
  const firstTableTop = MARGIN_TOP + headingHeight + TABLE_GAP;
  const heights = new Float64Array(data.rows.length);
  data.rows.forEach((row, index) => {
    heights[index] = rowHeight(doc, bodyCells(row));
  });
  const starts = paginate(heights, firstTableTop + head.total, MARGIN_TOP + head.total);
  const pageCount = starts.length;

  // Second pass: page after page; pdfkit writes each page out when the next one is added.
  for (let page = 0; page < pageCount; page++) {
    if (page > 0) doc.addPage(PAGE);
    doc.lineWidth(GRID_LINE);
    let top = MARGIN_TOP;
    if (page === 0) {
      heading(doc, data, MARGIN_TOP, true);
      top = firstTableTop;
      doc.lineWidth(GRID_LINE);
    }
    drawHead(doc, head, top);
    const bodyTop = top + head.total;
    let y = bodyTop;
    if (data.rows.length === 0) {
      const height = cellHeight(doc, EMPTY_BOOK, CONTENT_WIDTH - 2 * PAD_X) + 2 * PAD_Y;
      drawCell(doc, EMPTY_BOOK, 0, COLUMN_COUNT - 1, y + PAD_Y);
      y += height;
      line(doc, edge(0), y, edge(COLUMN_COUNT), y);
      line(doc, edge(0), bodyTop, edge(0), y);
      line(doc, edge(COLUMN_COUNT), bodyTop, edge(COLUMN_COUNT), y);
    } else {
      const end = starts[page + 1] ?? data.rows.length;
      for (let index = starts[page] ?? 0; index < end; index++) {
        const row = data.rows[index];
        if (!row) continue;
        bodyCells(row).forEach((cell, column) => {
          drawCell(doc, cell, column, column, y + PAD_Y);
        });
        y += heights[index] ?? 0;
        line(doc, edge(0), y, edge(COLUMN_COUNT), y);
      }
      for (let column = 0; column <= COLUMN_COUNT; column++)
        line(doc, edge(column), bodyTop, edge(column), y);
    }
    doc.stroke();
    drawFooter(doc, data.volume, page + 1, pageCount);
  }
  doc.end();
  return done;
}
