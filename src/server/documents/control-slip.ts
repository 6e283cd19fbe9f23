/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ — travels with the dossier and records every hand-off
 * (who gave it to whom, when, with both signatures) and whether each step finished before, on or
 * after its allowance (docs/domain-vn.md §3.6 and §2.3 step 4; Mẫu 05 of Circular 01/2018/TT-VPCP,
 * Mẫu 06 of Circular 03/2025/TT-VPCP Phụ lục I).
 */
import type { Content, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { field, formatVnShortDateTime, formTitle } from './form-parts.ts';
import { BODY_FONT_SIZE, CONTENT_WIDTH, formatVnDateTime, officialHeader, renderPdf } from './pdf.ts';

/** KẾT QUẢ GIẢI QUYẾT HỒ SƠ of one step: Trước hạn / Đúng hạn / Quá hạn. */
export type ControlSlipVerdict = 'early' | 'on_time' | 'late';

export interface ControlSlipHandoff {
  /** Unit handing the dossier over, e.g. 'Bộ phận tiếp nhận và trả kết quả'. */
  fromUnit: string;
  /** Unit receiving it, e.g. 'Công chức Tư pháp - Hộ tịch'. */
  toUnit: string;
  /** Người giao. */
  fromPerson: string;
  /** Người nhận. */
  toPerson: string;
  at: Date;
  /** Result of the step handed over; omit while the step is still running. */
  verdict?: ControlSlipVerdict;
  note?: string;
}

export interface ControlSlipData {
  /** Governing body, e.g. 'UBND XÃ TÂN THỚI'. */
  issuerLine1: string;
  /** Issuing body, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'. */
  issuerLine2: string;
  /** Dossier code (mã hồ sơ). */
  code: string;
  /** "Kèm theo hồ sơ của": the applicant's name. */
  applicantName: string;
  /** Nội dung yêu cầu giải quyết. */
  subject: string;
  receivedAt: Date;
  /** Legal processing time, e.g. '03 ngày làm việc'. */
  timeLimitText: string;
  /** Current appointment for returning the result. */
  dueAt: Date;
  /** Cơ quan (bộ phận) giải quyết hồ sơ; printed when given. */
  processingBody?: string | null;
  /** Cơ quan phối hợp giải quyết hồ sơ; printed when given. */
  coordinatingBodies?: string[];
  handoffs: ControlSlipHandoff[];
}

const TABLE_FONT_SIZE = BODY_FONT_SIZE - 2;
const VERDICTS: ControlSlipVerdict[] = ['early', 'on_time', 'late'];
export const VERDICT_LABELS: Record<ControlSlipVerdict, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/** Column index of THỜI GIAN GIAO, NHẬN HỒ SƠ: its body cells hold a grid of their own, edge to edge. */
const TIME_COLUMN = 1;
const HEADER_ROWS = 2;
/** Room for a handwritten signature in the "Người giao / Người nhận" cells. */
const SIGNATURE_SPACE = 30;
/** Body cells other than the time grid get their vertical padding from a margin. */
const CELL_MARGIN: [number, number, number, number] = [0, 3, 0, 3];
const UNIT_WIDTH = 108;
const TIME_WIDTH = 180;
const VERDICT_WIDTH = 34;
const CELL_PADDING = 4;
/** What is left for GHI CHÚ: every column but the time grid has padding on both sides. */
const NOTE_WIDTH = CONTENT_WIDTH - UNIT_WIDTH - TIME_WIDTH - 3 * VERDICT_WIDTH - 5 * 2 * CELL_PADDING;
/** Line height of Roboto at the table size, rounded up. */
const LINE_HEIGHT = Math.ceil(TABLE_FONT_SIZE * 1.2);

const OUTER_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingLeft: (column) => (column === TIME_COLUMN ? 0 : CELL_PADDING),
  paddingRight: (column) => (column === TIME_COLUMN ? 0 : CELL_PADDING),
  paddingTop: (row) => (row < HEADER_ROWS ? 3 : 0),
  paddingBottom: (row) => (row < HEADER_ROWS ? 3 : 0),
};

const TIME_GRID_PADDING = 3;
/** Inner grid of the time cell: only the line under the time and the line between the signatures. */
const TIME_GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: (row) => (row === 1 ? 0.6 : 0),
  vLineWidth: (column) => (column === 1 ? 0.6 : 0),
  paddingLeft: () => TIME_GRID_PADDING,
  paddingRight: () => TIME_GRID_PADDING,
  paddingTop: () => TIME_GRID_PADDING,
  paddingBottom: () => TIME_GRID_PADDING,
};

/**
 * Lines a text takes at the table size in a column of `width`, erring on the high side (average
 * glyph width taken as 0.55 em). Only used to size the time grid, never to place text.
 */
export function estimateLines(text: string, width: number): number {
  const charWidth = 0.55 * TABLE_FONT_SIZE;
  const capacity = Math.max(1, Math.floor(width / charWidth));
  let lines = 1;
  let used = 0;
  for (const word of text.trim().split(/\s+/u)) {
    const length = [...word].length;
    if (used === 0) {
      lines += Math.floor(Math.max(0, length - 1) / capacity);
      used = length % capacity || capacity;
    } else if (used + 1 + length <= capacity) {
      used += 1 + length;
    } else {
      lines += 1 + Math.floor(Math.max(0, length - 1) / capacity);
      used = length % capacity || capacity;
    }
  }
  return lines;
}

/**
 * Extra room in the signature cells so the time grid (a table inside the cell, whose lines cannot
 * stretch) is at least as tall as the unit and note cells beside it.
 */
function signatureSpace(handoff: ControlSlipHandoff): number {
  const unitLines =
    estimateLines(`1. Giao: ${handoff.fromUnit}`, UNIT_WIDTH) +
    estimateLines(`2. Nhận: ${handoff.toUnit}`, UNIT_WIDTH);
  const unitHeight = unitLines * LINE_HEIGHT + 6 + CELL_MARGIN[1] + CELL_MARGIN[3];
  const noteHeight =
    estimateLines(handoff.note ?? '', NOTE_WIDTH) * LINE_HEIGHT + CELL_MARGIN[1] + CELL_MARGIN[3];
  const nameWidth = TIME_WIDTH / 2 - 2 * TIME_GRID_PADDING;
  const nameLines = Math.max(
    estimateLines(handoff.fromPerson, nameWidth),
    estimateLines(handoff.toPerson, nameWidth),
  );
  // Time row, then role, space and name, each grid row padded on both sides.
  const gridHeight = (2 + nameLines) * LINE_HEIGHT + 4 * TIME_GRID_PADDING + SIGNATURE_SPACE;
  return SIGNATURE_SPACE + Math.max(0, Math.max(unitHeight, noteHeight) - gridHeight);
}

function signatureCell(role: string, name: string, space: number): TableCell {
  return {
    stack: [
      { text: role, bold: true },
      { text: name, margin: [0, space, 0, 0] },
    ],
    alignment: 'center',
  };
}

function timeGrid(handoff: ControlSlipHandoff): Content {
  const space = signatureSpace(handoff);
  return {
    table: {
      widths: ['*', '*'],
      body: [
        [{ text: formatVnShortDateTime(handoff.at), colSpan: 2, alignment: 'center' }, {}],
        [
          signatureCell('Người giao', handoff.fromPerson, space),
          signatureCell('Người nhận', handoff.toPerson, space),
        ],
      ],
    },
    layout: TIME_GRID_LAYOUT,
  };
}

function handoffRow(handoff: ControlSlipHandoff): TableCell[] {
  const units: TableCell = {
    stack: [
      { text: [{ text: '1. Giao: ', bold: true }, handoff.fromUnit] },
      { text: [{ text: '2. Nhận: ', bold: true }, handoff.toUnit], margin: [0, 6, 0, 0] },
    ],
    margin: CELL_MARGIN,
  };
  const verdictCells = VERDICTS.map(
    (verdict): TableCell => ({
      text: handoff.verdict === verdict ? 'X' : '',
      bold: true,
      fontSize: BODY_FONT_SIZE,
      alignment: 'center',
      margin: [0, 24, 0, 3],
    }),
  );
  return [units, timeGrid(handoff), ...verdictCells, { text: handoff.note ?? '', margin: CELL_MARGIN }];
}

function handoffTable(handoffs: ControlSlipHandoff[]): ContentTable {
  const head = (
    text: string,
    extra: Partial<{ rowSpan: number; colSpan: number; marginTop: number }> = {},
  ) => {
    const { marginTop = 0, ...span } = extra;
    return { text, bold: true, alignment: 'center', margin: [2, marginTop, 2, 0], ...span } as TableCell;
  };
  const body: TableCell[][] = [
    [
      head('TÊN CƠ QUAN', { rowSpan: 2, marginTop: 9 }),
      head('THỜI GIAN GIAO, NHẬN HỒ SƠ', { rowSpan: 2, marginTop: 9 }),
      head('KẾT QUẢ GIẢI QUYẾT HỒ SƠ', { colSpan: 3 }),
      {},
      {},
      head('GHI CHÚ', { rowSpan: 2, marginTop: 9 }),
    ],
    [{}, {}, ...VERDICTS.map((verdict) => head(VERDICT_LABELS[verdict])), {}],
  ];
  for (const handoff of handoffs) body.push(handoffRow(handoff));
  if (handoffs.length === 0) {
    body.push([
      {
        text: '(Chưa có lần giao, nhận hồ sơ)',
        italics: true,
        colSpan: 6,
        alignment: 'center',
        margin: CELL_MARGIN,
      },
      {},
      {},
      {},
      {},
      {},
    ]);
  }
  return {
    table: {
      headerRows: HEADER_ROWS,
      dontBreakRows: true,
      widths: [UNIT_WIDTH, TIME_WIDTH, VERDICT_WIDTH, VERDICT_WIDTH, VERDICT_WIDTH, '*'],
      body,
    },
    layout: OUTER_LAYOUT,
    fontSize: TABLE_FONT_SIZE,
    margin: [0, 8, 0, 0],
  };
}

/** Builds the pdfmake content of the slip; exported for layout tests. */
export function controlSlipContent(data: ControlSlipData): Content[] {
  const facts: Content[] = [
    field('Kèm theo hồ sơ của', data.applicantName, true),
    field('Nội dung yêu cầu giải quyết', data.subject),
    field('Ngày nhận hồ sơ', formatVnDateTime(data.receivedAt)),
    field('Thời gian giải quyết hồ sơ theo quy định', data.timeLimitText),
    field('Thời gian hẹn trả kết quả', formatVnDateTime(data.dueAt), true),
  ];
  if (data.processingBody?.trim())
    facts.push(field('Cơ quan (bộ phận) giải quyết hồ sơ', data.processingBody.trim()));
  const coordinating = (data.coordinatingBodies ?? [])
    .map((body) => body.trim())
    .filter((body) => body !== '');
  if (coordinating.length > 0)
    facts.push(field('Cơ quan phối hợp giải quyết hồ sơ', coordinating.join('; ')));

  return [
    officialHeader({ issuerLine1: data.issuerLine1, issuerLine2: data.issuerLine2 }),
    {
      stack: [
        formTitle('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'),
        { text: ['Mã hồ sơ: ', { text: data.code, bold: true }], alignment: 'center', margin: [0, -4, 0, 8] },
      ],
    },
    { stack: facts, lineHeight: 1.1 },
    handoffTable(data.handoffs),
  ];
}

/** Renders the process control slip (docs/domain-vn.md §3.6) as an A4 portrait PDF. */
export async function renderControlSlip(data: ControlSlipData): Promise<Buffer> {
  return renderPdf({
    info: { title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${data.code}`, subject: data.subject },
    content: controlSlipContent(data),
  });
}
