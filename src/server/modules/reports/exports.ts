import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { FEEDBACK_CATEGORY_NAMES, type FeedbackCategory } from '../../../domain/feedback/feedback.ts';
import { formatCutoffVi, formatPeriodVi } from '../../../domain/reports/periods.ts';
import { officialHeader, placeAndDate, renderPdf } from '../../documents/pdf.ts';
import type { PrintedAnchor } from '../audit/verify.ts';
import type { Settlement } from './service.ts';

const HEAD = [
  'STT',
  'Lĩnh vực, công việc giải quyết',
  'Tổng số nhận',
  'Trực tuyến',
  'Trực tiếp, bưu chính',
  'Từ kỳ trước',
  'Tổng số đã giải quyết',
  'Trước hạn',
  'Đúng hạn',
  'Quá hạn',
  'Tổng số đang giải quyết',
  'Trong hạn',
  'Quá hạn',
  'Rút, dừng',
  'Đã trả kết quả',
  'Chờ trả kết quả',
];

/*
 * The official columns of Biểu II.06a come first and in their order (docs/domain-vn.md §6.1). After
 * them, as information the form does not forbid, "Rút, dừng" and the split of the settled column by
 * where the result is (§2.1: status 9 "Đã xử lý xong" is a result at the one-stop desk, status 10 "Đã
 * trả kết quả" a result delivered): the form's "Số hồ sơ đã giải quyết" counts both, and the
 * inspection asks how many were "completed and returned" (§6.4). Columns added at the end keep every
 * official column where a reader of the form, or a province's import, expects it.
 */

/** One line of numbers per row, in the column order of Biểu II.06a (plus withdrawn/stopped). */
export function settlementMatrix(r: Settlement): Array<Array<string | number>> {
  const line = (no: string, row: Settlement['totalRow']) => [
    no,
    row.field.name,
    row.received.total,
    row.received.online,
    row.received.direct,
    row.received.carriedOver,
    row.settled.total,
    row.settled.early,
    row.settled.onTime,
    row.settled.late,
    row.inProcess.total,
    row.inProcess.withinTime,
    row.inProcess.overdue,
    row.withdrawnOrStopped,
    row.results.returned,
    row.results.awaiting,
  ];
  return [
    ...r.rows.map((row, i) => line(String(i + 1), row)),
    line('', { ...r.totalRow, field: { code: '', name: 'Tổng cộng' } }),
  ];
}

const TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
const NOT_COLLECTED = 'Chưa thu thập';

/** The whole Decision 766 index where the report carries it, else the four indicators computed from dossiers. */
const indexOf = (r: Settlement) => r.index766 ?? r.indicators;

/** A value cell: the percentage, N/A without dossiers, or "Chưa thu thập" without data (never a 0). */
const indicatorValue = (i: Settlement['indicators'][number]) =>
  i.missing ? NOT_COLLECTED : (i.value ?? 'N/A');

/** 5.1's counts by category, as "(Thái độ, tác phong cán bộ: 2; …)"; nothing for other indicators. */
const partsText = (i: Settlement['indicators'][number]) =>
  i.id === '5.1' && i.parts
    ? ` (${Object.entries(i.parts)
        .map(([k, n]) => `${FEEDBACK_CATEGORY_NAMES[k as FeedbackCategory] ?? k}: ${n}`)
        .join('; ')})`
    : '';

const BACKLOG_LABEL = 'Kết quả đã có, chưa trả cho người dân (tại thời điểm chốt số liệu)';

/** The settlement report as XLSX with the same cells as the screen. */
export async function settlementXlsx(r: Settlement): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Biểu II.06a');
  ws.addRow(['Biểu số II.06a/VPCP/KSTT']);
  ws.addRow([`${TITLE} TẠI ${r.unit.name.toUpperCase()}`]);
  ws.addRow([`${formatPeriodVi({ from: r.from, to: r.to })}. ${formatCutoffVi(new Date(r.cutoff))}`]);
  ws.addRow(['Đơn vị tính: Số hồ sơ TTHC']);
  ws.addRow(HEAD);
  ws.getRow(5).font = { bold: true };
  ws.getRow(2).font = { bold: true };
  for (const line of settlementMatrix(r)) ws.addRow(line);
  ws.getRow(ws.rowCount).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 42 : 12;
  });
  ws.addRow([]);
  ws.addRow([BACKLOG_LABEL, r.resultsBacklog]);
  ws.addRow([]);
  ws.addRow(['Chỉ số (Quyết định 766/QĐ-TTg)', 'Giá trị (%)', 'Công thức']);
  for (const ind of indexOf(r))
    ws.addRow([`${ind.id} ${ind.name}`, indicatorValue(ind), `${ind.formulaVi}${partsText(ind)}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The settlement report as a landscape PDF in the official layout. */
/** The audit anchors of a report's period as printed under it (src/server/modules/audit/verify.ts `anchorsBetween`). */
export interface ReportAnchors {
  anchors: PrintedAnchor[];
  brokenAtLine?: number;
}

const vnTime = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
};

/**
 * The daily anchor roots of the period, printed under the report: a paper copy pins the audit chains
 * as they were (a trail or anchor file rewritten later no longer gives these roots).
 */
function anchorSection(a: ReportAnchors, unitCode: string): Content[] {
  const title: Content = {
    text: 'Mốc neo nhật ký kiểm toán trong kỳ (gốc SHA-256 của các chuỗi nhật ký)',
    bold: true,
    margin: [0, 10, 0, 4],
    fontSize: 10,
  };
  const broken: Content[] =
    a.brokenAtLine !== undefined
      ? [
          {
            text: `Tệp mốc neo bị hỏng từ dòng ${a.brokenAtLine}: các mốc từ dòng này trở đi không được in.`,
            fontSize: 8.5,
            color: '#b00020',
          },
        ]
      : [];
  if (a.anchors.length === 0)
    return [title, { text: 'Không có mốc neo nào trong kỳ.', fontSize: 8.5, italics: true }, ...broken];
  const perUnit = unitCode !== 'all' && a.anchors.some((x) => x.units[unitCode] !== undefined);
  return [
    title,
    {
      table: {
        headerRows: 1,
        widths: perUnit ? [24, 70, '*', '*'] : [24, 70, '*'],
        body: [
          [
            { text: 'Mốc', bold: true },
            { text: 'Chốt đến', bold: true },
            { text: 'Gốc chung', bold: true },
            ...(perUnit ? [{ text: `Gốc của đơn vị ${unitCode}`, bold: true }] : []),
          ],
          ...a.anchors.map((x) => [
            String(x.n),
            vnTime(x.until),
            { text: x.root, fontSize: 7 },
            ...(perUnit ? [{ text: x.units[unitCode] ?? '—', fontSize: 7 }] : []),
          ]),
        ],
      },
      fontSize: 8,
    },
    ...broken,
  ];
}

export async function settlementPdf(
  r: Settlement,
  issuer: { line1: string; line2: string; place: string },
  at: Date,
  anchors: ReportAnchors = { anchors: [] },
): Promise<Buffer> {
  const head1: TableCell[] = [
    { text: 'STT', rowSpan: 2 },
    { text: 'Lĩnh vực, công việc giải quyết', rowSpan: 2 },
    { text: 'Số hồ sơ nhận giải quyết', colSpan: 4 },
    {},
    {},
    {},
    { text: 'Số hồ sơ đã giải quyết', colSpan: 4 },
    {},
    {},
    {},
    { text: 'Số hồ sơ đang giải quyết', colSpan: 3 },
    {},
    {},
    { text: 'Rút, dừng', rowSpan: 2 },
    { text: 'Kết quả của hồ sơ đã giải quyết', colSpan: 2 },
    {},
  ];
  const head2: TableCell[] = [
    '',
    '',
    'Tổng số',
    'Trực tuyến',
    'Trực tiếp, bưu chính',
    'Từ kỳ trước',
    'Tổng số',
    'Trước hạn',
    'Đúng hạn',
    'Quá hạn',
    'Tổng số',
    'Trong hạn',
    'Quá hạn',
    '',
    'Đã trả',
    'Chờ trả',
  ];
  const body: TableCell[][] = [
    head1.map((c) =>
      typeof c === 'object' && c !== null && 'text' in c
        ? ({ ...c, bold: true, alignment: 'center' } as TableCell)
        : c,
    ),
    head2.map((c) => ({ text: c as string, bold: true, alignment: 'center' })),
    ...settlementMatrix(r).map((line, i, all) =>
      line.map(
        (v, j) =>
          ({
            text: String(v),
            alignment: j === 1 ? 'left' : 'center',
            bold: i === all.length - 1,
          }) as TableCell,
      ),
    ),
  ];
  const content: Content[] = [
    officialHeader({ issuerLine1: issuer.line1, issuerLine2: issuer.line2 }),
    {
      text: 'Biểu số II.06a/VPCP/KSTT',
      italics: true,
      alignment: 'right',
      margin: [0, 6, 0, 0],
      fontSize: 9,
    },
    {
      text: `${TITLE}\nTẠI ${r.unit.name.toUpperCase()}`,
      bold: true,
      alignment: 'center',
      margin: [0, 6, 0, 2],
    },
    { text: `Kỳ báo cáo: ${formatPeriodVi({ from: r.from, to: r.to })}`, alignment: 'center', italics: true },
    { text: formatCutoffVi(new Date(r.cutoff)), alignment: 'center', italics: true, fontSize: 9 },
    { text: 'Đơn vị tính: Số hồ sơ TTHC', alignment: 'right', fontSize: 9, margin: [0, 4, 0, 2] },
    {
      table: {
        headerRows: 2,
        widths: [20, '*', 36, 36, 44, 36, 36, 36, 36, 36, 36, 36, 36, 32, 36, 36],
        body,
      },
      fontSize: 9,
    },
    { text: `${BACKLOG_LABEL}: ${r.resultsBacklog}`, margin: [0, 6, 0, 0], fontSize: 9 },
    { text: 'Chỉ số theo Quyết định 766/QĐ-TTg', bold: true, margin: [0, 10, 0, 4], fontSize: 10 },
    {
      table: {
        widths: [30, 170, 50, '*'],
        body: [
          [
            { text: 'Mã', bold: true },
            { text: 'Chỉ số', bold: true },
            { text: 'Giá trị', bold: true },
            { text: 'Công thức', bold: true },
          ],
          ...indexOf(r).map((i) => [
            i.id,
            i.name,
            i.missing
              ? NOT_COLLECTED
              : i.value === null
                ? 'N/A'
                : i.unit === 'days'
                  ? `${i.value} ngày`
                  : i.unit === 'count'
                    ? `${i.value}`
                    : `${i.value}%`,
            i.missing ? `${i.formulaVi} (${i.missing})` : `${i.formulaVi}${partsText(i)}`,
          ]),
        ],
      },
      fontSize: 8.5,
    },
    ...anchorSection(anchors, r.unit.code),
    { ...placeAndDate(issuer.place, at), alignment: 'right', margin: [0, 10, 0, 0] },
  ];
  return renderPdf({
    pageOrientation: 'landscape',
    pageMargins: [36, 30, 36, 30],
    content,
    defaultStyle: { fontSize: 10 },
  });
}
