/**
 * XLSX and PDF exports of the register reports (staffing, consultations, equipment): the same
 * figures as the JSON the screen shows, in the layout of a Vietnamese administrative report
 * (header of the issuing body and the national motto, title in capitals, tables, place and date,
 * signatures). Every report is a list of sections, each a small table with an optional total line;
 * one writer turns sections into a worksheet and one into a PDF.
 */
import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatPeriodVi } from '../../../domain/reports/periods.ts';
import { FORM_TABLE_LAYOUT, formatShortDate, TABLE_FONT_SIZE } from '../../documents/form-parts.ts';
import { officialHeader, placeAndDate, renderPdf, signatureBlock, upperVi } from '../../documents/pdf.ts';
import type { Consultations, Equipment, ReportUnit, Staffing } from './service.ts';

export type StaffingData = Staffing;
export type ConsultationsData = Consultations;
export type EquipmentData = Equipment;

/** Issuing body and place printed in the header of a report of `unit`. */
export interface ReportIssuer {
  line1: string;
  line2: string;
  place: string;
}

type Cell = string | number;

interface Section {
  title: string;
  head: string[];
  rows: Cell[][];
  total?: Cell[];
  /** PDF column widths (pdfmake units), one per column of `head`. */
  widths: Array<number | '*'>;
  /** Columns holding text rather than figures (left-aligned in the PDF). */
  textColumns: number[];
}

interface RegisterReport {
  sheet: string;
  title: string;
  /** Unit of measure or reference line under the title. */
  subtitle: string;
  unitNote: string;
  sections: Section[];
  /** Closing line(s) under the tables, e.g. the conclusion on equipment. */
  notes: string[];
}

export const ORG_UNIT_KIND_NAMES: Record<string, string> = {
  center: 'Trung tâm Phục vụ hành chính công',
  office: 'Phòng chuyên môn',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  party: 'Khối Đảng',
  front: 'Mặt trận Tổ quốc, đoàn thể',
  council: 'HĐND, UBND',
  other: 'Khác',
};
export const CHANNEL_NAMES: Record<string, string> = {
  counter: 'Tại quầy',
  phone: 'Điện thoại',
  online: 'Trực tuyến',
};
export const EQUIPMENT_KIND_NAMES: Record<string, string> = {
  desk: 'Bàn làm việc',
  chair: 'Ghế',
  cabinet: 'Tủ hồ sơ',
  computer: 'Máy tính',
  printer: 'Máy in',
  scanner: 'Máy quét',
  queue_kiosk: 'Máy lấy số thứ tự',
  camera: 'Camera',
  other: 'Khác',
};
export const CONDITION_NAMES: Record<string, string> = {
  good: 'Tốt',
  fair: 'Trung bình',
  poor: 'Hư hỏng, xuống cấp',
};

const TITLES = {
  staffing: 'BÁO CÁO CƠ CẤU NHÂN SỰ',
  consultations: 'BÁO CÁO KẾT QUẢ HƯỚNG DẪN, TƯ VẤN THỦ TỤC HÀNH CHÍNH',
  equipment: 'BÁO CÁO TRANG THIẾT BỊ VÀ MỨC ĐÁP ỨNG NHU CẦU',
};

const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);
const numbered = (rows: Cell[][]) => rows.map((row, i) => [i + 1, ...row]);
const unitTitle = (title: string, unit: ReportUnit) =>
  `${title}\n${unit.level === 'national' ? 'TOÀN QUỐC' : `TẠI ${upperVi(unit.name)}`}`;

function staffingModel(r: StaffingData, at: Date): RegisterReport {
  const t = r.centerTraining;
  return {
    sheet: 'Cơ cấu nhân sự',
    title: unitTitle(TITLES.staffing, r.unit),
    subtitle: `Số liệu đến ngày ${formatShortDate(at)}`,
    unitNote: 'Đơn vị tính: người',
    sections: [
      {
        title: 'I. Theo phân loại',
        head: ['STT', 'Phân loại', 'Số người'],
        rows: numbered(r.byCategory.map((c) => [c.name, c.count])),
        total: ['', 'Tổng cộng', r.total],
        widths: [30, '*', 80],
        textColumns: [1],
      },
      {
        title: 'II. Cán bộ, công chức theo khối',
        head: ['STT', 'Khối', 'Số người'],
        rows: numbered(r.byBloc.map((b) => [b.name, b.count])),
        total: ['', 'Tổng số cán bộ, công chức', r.officials],
        widths: [30, '*', 80],
        textColumns: [1],
      },
      {
        title: 'III. Theo cơ quan, đơn vị',
        head: ['STT', 'Cơ quan, đơn vị', 'Loại', 'Số người'],
        rows: numbered(r.byUnit.map((u) => [u.name, ORG_UNIT_KIND_NAMES[u.kind] ?? u.kind, u.count])),
        total: ['', 'Tổng cộng', '', sum(r.byUnit.map((u) => u.count))],
        widths: [30, '*', 150, 80],
        textColumns: [1, 2],
      },
      {
        title: 'IV. Bồi dưỡng nghiệp vụ một cửa của cán bộ Trung tâm',
        head: ['Số cán bộ Trung tâm', 'Đã được bồi dưỡng', 'Chưa được bồi dưỡng', 'Tỷ lệ đã bồi dưỡng (%)'],
        rows: [[t.staff, t.trained, t.staff - t.trained, t.rate ?? 'N/A']],
        widths: ['*', '*', '*', '*'],
        textColumns: [],
      },
    ],
    notes: [],
  };
}

function consultationsModel(r: ConsultationsData, names: Map<string, string>): RegisterReport {
  return {
    sheet: 'Hướng dẫn, tư vấn',
    title: unitTitle(TITLES.consultations, r.unit),
    subtitle: `Kỳ báo cáo: ${formatPeriodVi({ from: r.from, to: r.to })}`,
    unitNote: 'Đơn vị tính: lượt',
    sections: [
      {
        title: 'I. Theo lĩnh vực',
        head: ['STT', 'Lĩnh vực', 'Mã lĩnh vực', 'Số lượt'],
        rows: numbered(
          [...r.byField]
            .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
            .map((f) => [names.get(f.code) ?? f.code, f.code, f.count]),
        ),
        total: ['', 'Tổng cộng', '', r.total],
        widths: [30, '*', 80, 70],
        textColumns: [1],
      },
      {
        title: 'II. Theo hình thức',
        head: ['STT', 'Hình thức', 'Số lượt'],
        rows: numbered(r.byChannel.map((c) => [CHANNEL_NAMES[c.channel] ?? c.channel, c.count])),
        total: ['', 'Tổng cộng', r.total],
        widths: [30, '*', 70],
        textColumns: [1],
      },
    ],
    notes: r.total === 0 ? ['Không có lượt hướng dẫn, tư vấn nào trong kỳ.'] : [],
  };
}

function equipmentModel(r: EquipmentData, at: Date): RegisterReport {
  const verdict =
    r.items.length === 0
      ? 'Chưa có dữ liệu trang thiết bị.'
      : r.allMeetNeed
        ? 'Trang thiết bị đáp ứng nhu cầu công việc.'
        : `Chưa đáp ứng nhu cầu: ${r.notMeeting.join(', ')}.`;
  return {
    sheet: 'Trang thiết bị',
    title: unitTitle(TITLES.equipment, r.unit),
    subtitle: `Số liệu đến ngày ${formatShortDate(at)}`,
    unitNote: 'Đơn vị tính: chiếc, bộ',
    sections: [
      {
        title: 'Danh mục trang thiết bị',
        head: ['STT', 'Tên thiết bị', 'Loại', 'Số lượng', 'Tình trạng', 'Đáp ứng nhu cầu', 'Ghi chú'],
        rows: numbered(
          r.items.map((i) => [
            i.name,
            EQUIPMENT_KIND_NAMES[i.kind] ?? i.kind,
            i.quantity,
            CONDITION_NAMES[i.condition] ?? i.condition,
            i.meetsNeed ? 'Đáp ứng' : 'Chưa đáp ứng',
            i.note ?? '',
          ]),
        ),
        total: ['', 'Tổng cộng', '', sum(r.items.map((i) => i.quantity)), '', '', ''],
        widths: [24, '*', 72, 44, 52, 58, 56],
        textColumns: [1, 2, 4, 5, 6],
      },
    ],
    notes: [`Kết luận: ${verdict}`],
  };
}

async function toXlsx(m: RegisterReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet(m.sheet);
  const width = Math.max(...m.sections.map((s) => s.head.length));
  const banner = (text: string, bold = false) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.alignment = { horizontal: 'center', wrapText: true };
    row.font = { bold };
  };
  banner(m.title.replace('\n', ' '), true);
  banner(m.subtitle);
  ws.addRow([m.unitNote]);
  for (const s of m.sections) {
    ws.addRow([]);
    ws.addRow([s.title]).font = { bold: true };
    const head = ws.addRow(s.head);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle' };
    for (const line of s.rows) ws.addRow(line);
    if (s.total) ws.addRow(s.total).font = { bold: true };
  }
  if (m.notes.length) ws.addRow([]);
  for (const note of m.notes) ws.addRow([note]);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 20 : i === 1 ? 42 : 22;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

function sectionTable(s: Section): Content {
  const cell = (v: Cell, j: number, bold = false): TableCell => ({
    text: typeof v === 'number' ? number.format(v) : v,
    alignment: s.textColumns.includes(j) ? 'left' : 'center',
    bold,
  });
  const body: TableCell[][] = [
    s.head.map((h) => ({ text: h, bold: true, alignment: 'center' })),
    ...s.rows.map((line) => line.map((v, j) => cell(v, j))),
    ...(s.total ? [s.total.map((v, j) => cell(v, j, true))] : []),
  ];
  // A short section moves to the next page whole rather than leaving its title and header behind.
  return {
    unbreakable: body.length <= 20,
    stack: [
      { text: s.title, bold: true, margin: [0, 10, 0, 4] },
      {
        table: { headerRows: 1, widths: s.widths, body, dontBreakRows: true },
        layout: FORM_TABLE_LAYOUT,
        fontSize: TABLE_FONT_SIZE,
      },
    ],
  };
}

async function toPdf(m: RegisterReport, issuer: ReportIssuer, at: Date): Promise<Buffer> {
  const content: Content[] = [
    officialHeader({ issuerLine1: issuer.line1, issuerLine2: issuer.line2 }),
    { text: m.title, bold: true, alignment: 'center', fontSize: 13, margin: [0, 18, 0, 2] },
    { text: m.subtitle, alignment: 'center', italics: true },
    { text: m.unitNote, alignment: 'right', fontSize: 10, margin: [0, 4, 0, 0] },
    ...m.sections.map(sectionTable),
    ...m.notes.map((note): Content => ({ text: note, margin: [0, 8, 0, 0] })),
    {
      columns: [
        {
          width: '*',
          stack: [{ text: ' ' }, signatureBlock({ title: 'Người lập biểu', note: '(Ký, ghi rõ họ tên)' })],
        },
        {
          width: '*',
          stack: [
            placeAndDate(issuer.place, at),
            signatureBlock({ title: 'Thủ trưởng đơn vị', note: '(Ký, ghi rõ họ tên, đóng dấu)' }),
          ],
          alignment: 'center',
        },
      ],
      columnGap: 12,
      margin: [0, 14, 0, 0],
      unbreakable: true,
    },
  ];
  return renderPdf({ content, info: { title: m.title.replace('\n', ' ') } });
}

export const staffingXlsx = (r: StaffingData, at: Date) => toXlsx(staffingModel(r, at));
export const staffingPdf = (r: StaffingData, issuer: ReportIssuer, at: Date) =>
  toPdf(staffingModel(r, at), issuer, at);
export const consultationsXlsx = (r: ConsultationsData, names: Map<string, string>) =>
  toXlsx(consultationsModel(r, names));
export const consultationsPdf = (
  r: ConsultationsData,
  names: Map<string, string>,
  issuer: ReportIssuer,
  at: Date,
) => toPdf(consultationsModel(r, names), issuer, at);
export const equipmentXlsx = (r: EquipmentData, at: Date) => toXlsx(equipmentModel(r, at));
export const equipmentPdf = (r: EquipmentData, issuer: ReportIssuer, at: Date) =>
  toPdf(equipmentModel(r, at), issuer, at);
