/**
 * Server-side PDF rendering with pdfmake 0.3, plus the building blocks shared by the official
 * Vietnamese forms (docs/domain-vn.md §3.1): the two-column header block, the place-and-date line,
 * signature blocks and the "… giờ … phút, ngày … tháng … năm …" date-time wording.
 *
 * Font: Vietnamese administrative documents are normally set in Times New Roman (Decree
 * 30/2020/NĐ-CP, Appendix I). We only ship the Roboto TTF bundled with pdfmake, which covers the
 * full Vietnamese repertoire (ă â đ ê ô ơ ư with every tone mark), so all forms use Roboto.
 */
import { createRequire } from 'node:module';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pad2, vnCalendarDayOf, vnWallClockOf } from '../../domain/calendar/vn-time.ts';

type Pdfmake = typeof import('pdfmake');

/** Points per centimetre (PDF user space is 1/72 inch). */
const PT_PER_CM = 72 / 2.54;

export function cm(value: number): number {
  return value * PT_PER_CM;
}

const A4_WIDTH = 595.28;
/** [left, top, right, bottom]: 2 cm binding margin on the left, 1.5 cm elsewhere. */
export const PAGE_MARGINS: [number, number, number, number] = [cm(2), cm(1.5), cm(1.5), cm(1.5)];
/** Width available to content between the page margins. */
export const CONTENT_WIDTH = A4_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];
export const BODY_FONT_SIZE = 12;
export const FONT_FAMILY = 'Roboto';

const requireHere = createRequire(import.meta.url);

let pdfmakeReady: Promise<Pdfmake> | undefined;

/**
 * Loads pdfmake and registers the bundled Roboto files on first use, so servers that never print
 * pay nothing. pdfmake's Node entry is a configured singleton; this module is its only user.
 */
function loadPdfmake(): Promise<Pdfmake> {
  if (!pdfmakeReady) {
    pdfmakeReady = configurePdfmake();
    // Let the next call retry instead of caching a failed start; this caller still gets the error.
    pdfmakeReady.catch(() => {
      pdfmakeReady = undefined;
    });
  }
  return pdfmakeReady;
}

/** Paths of the four Roboto files bundled with pdfmake (also used by the pdfkit documents). */
export function robotoFiles(): { normal: string; bold: string; italics: string; bolditalics: string } {
  const fontFile = (name: string) => requireHere.resolve(`pdfmake/fonts/Roboto/${name}`);
  return {
    normal: fontFile('Roboto-Regular.ttf'),
    bold: fontFile('Roboto-Medium.ttf'),
    italics: fontFile('Roboto-Italic.ttf'),
    bolditalics: fontFile('Roboto-MediumItalic.ttf'),
  };
}

async function configurePdfmake(): Promise<Pdfmake> {
  const fonts = robotoFiles();
  // The Node entry is CommonJS (`module.exports = instance`): under ESM the configured instance is
  // the default export, which the ES-style typings do not declare. Imported lazily: it costs ~200 ms.
  const { default: pdfmake } = (await import('pdfmake')) as unknown as { default: Pdfmake };
  pdfmake.setFonts({ [FONT_FAMILY]: { ...fonts } });
  // Documents are built from our own data only: never fetch a URL, and read no local file other
  // than the four font files (pdfmake would otherwise follow any path or URL it is given).
  const allowedFiles = new Set(Object.values(fonts));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));
  return pdfmake;
}

/** Renders a pdfmake document definition to PDF bytes: A4 portrait, form margins, Roboto 12 pt. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  const document = pdfmake.createPdf({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    language: 'vi-VN',
    ...definition,
    defaultStyle: { font: FONT_FAMILY, fontSize: BODY_FONT_SIZE, ...definition.defaultStyle },
    info: { creator: 'motcua', producer: 'motcua (pdfmake)', ...definition.info },
  });
  return document.getBuffer();
}

// ---------------------------------------------------------------------------------------------
// Dates in office time (Asia/Ho_Chi_Minh)
// ---------------------------------------------------------------------------------------------

/** "ngày dd tháng MM năm yyyy" for an instant (in Vietnam time) or a PlainDate 'YYYY-MM-DD'. */
export function formatVnDate(date: Date | string): string {
  const { year, month, day } = vnCalendarDayOf(date);
  return `ngày ${pad2(day)} tháng ${pad2(month)} năm ${year}`;
}

/** "HH giờ mm phút, ngày dd tháng MM năm yyyy" for an instant, in Vietnam time (UTC+7). */
export function formatVnDateTime(instant: Date): string {
  const { hour, minute } = vnWallClockOf(instant);
  return `${pad2(hour)} giờ ${pad2(minute)} phút, ${formatVnDate(instant)}`;
}

/** "Tân Thới, ngày 01 tháng 07 năm 2025": the place-and-date line, in italics. */
export function placeAndDate(place: string, date: Date | string): ContentText {
  return { text: `${place}, ${formatVnDate(date)}`, italics: true };
}

// ---------------------------------------------------------------------------------------------
// Form building blocks
// ---------------------------------------------------------------------------------------------

/** Upper-case with Vietnamese rules (keeps diacritics: "xã tân thới" → "XÃ TÂN THỚI"). */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

/** "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" → "Trung tâm phục vụ hành chính công". */
export function sentenceCaseVi(text: string): string {
  const lower = text.trim().toLocaleLowerCase('vi-VN');
  const first = lower.codePointAt(0);
  if (first === undefined) return lower;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase('vi-VN') + lower.slice(head.length);
}

// Half and half: at 12 pt both "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" and the national title fit on one line.
const HEADER_LEFT_WIDTH = Math.round(CONTENT_WIDTH * 0.5);
const HEADER_RIGHT_WIDTH = CONTENT_WIDTH - HEADER_LEFT_WIDTH;

/** A thin horizontal rule of `length` centred in a column of `columnWidth`. */
function centredRule(length: number, columnWidth: number): Content {
  const x1 = (columnWidth - length) / 2;
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + length, y2: 0, lineWidth: 0.6 }],
    margin: [0, 4, 0, 0],
  };
}

export interface OfficialHeaderOptions {
  /** Governing body, e.g. 'UBND XÃ TÂN THỚI'. */
  issuerLine1: string;
  /** Issuing body, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'; printed bold, upper-case. */
  issuerLine2: string;
  /** Document number under the issuer, e.g. 'Số: 12/HDHS' (supplement and refusal slips). */
  numberLine?: string;
  /** Place-and-date line under the national motto. */
  placeDate?: { place: string; date: Date | string };
}

/**
 * The header block shared by all forms: issuing body on the left (second line bold with a short
 * rule below), national title and motto on the right, optional number and place-and-date lines.
 */
export function officialHeader(options: OfficialHeaderOptions): Content {
  const left: Content[] = [
    { text: upperVi(options.issuerLine1) },
    { text: upperVi(options.issuerLine2), bold: true },
    centredRule(60, HEADER_LEFT_WIDTH),
  ];
  if (options.numberLine) left.push({ text: options.numberLine, margin: [0, 6, 0, 0] });

  const right: Content[] = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
    {
      text: 'Độc lập - Tự do - Hạnh phúc',
      bold: true,
      fontSize: BODY_FONT_SIZE + 1,
      decoration: 'underline',
    },
  ];
  if (options.placeDate) {
    const { place, date } = options.placeDate;
    right.push({ ...placeAndDate(place, date), margin: [0, 8, 0, 0] });
  }

  return {
    columns: [
      { width: HEADER_LEFT_WIDTH, stack: left, alignment: 'center' },
      { width: HEADER_RIGHT_WIDTH, stack: right, alignment: 'center' },
    ],
    columnGap: 0,
    fontSize: BODY_FONT_SIZE,
  };
}

export interface SignatureOptions {
  /** Role, e.g. 'Người tiếp nhận hồ sơ'; printed bold in capitals. */
  title: string;
  /** Printed name under the space left for the signature; omit to leave it for handwriting. */
  name?: string | null;
  /** Instruction under the title; defaults to "(Ký và ghi rõ họ tên)". */
  note?: string;
}

/** One signature block: title, "(Ký và ghi rõ họ tên)", room to sign, name. */
export function signatureBlock(options: SignatureOptions): Content {
  return {
    stack: [
      { text: upperVi(options.title), bold: true },
      { text: options.note ?? '(Ký và ghi rõ họ tên)', italics: true },
      { text: options.name ?? ' ', bold: true, margin: [0, 48, 0, 0] },
    ],
    alignment: 'center',
    unbreakable: true,
  };
}

/** Signature blocks side by side in equal columns, kept together on one page. */
export function signatureRow(blocks: SignatureOptions[]): Content {
  return {
    columns: blocks.map((block) => ({ width: '*', stack: [signatureBlock(block)] })),
    columnGap: 12,
    unbreakable: true,
  };
}
