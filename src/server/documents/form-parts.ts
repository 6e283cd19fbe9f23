/**
 * Pieces shared by the official forms other than the receipt slip (docs/domain-vn.md §3.3–3.7): short
 * Vietnam-time date formats, the form table grid, the contact line of the supplement and refusal
 * slips, the letter header with "Số" and "V/v" lines, and the "Nơi nhận" + signer block of letters.
 * Builds on the primitives of pdf.ts; nothing here renders a whole document.
 */
import type { Content, ContentText, CustomTableLayout } from 'pdfmake/interfaces';
import { pad2, vnCalendarDayOf, vnWallClockOf } from '../../domain/calendar/vn-time.ts';
import { BODY_FONT_SIZE, CONTENT_WIDTH, officialHeader, placeAndDate, upperVi } from './pdf.ts';

export const TABLE_FONT_SIZE = BODY_FONT_SIZE - 1;

/** Thin black grid with modest padding, closer to a printed form than pdfmake's default. */
export const FORM_TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** The person a form is addressed to or about (người nộp / chủ hồ sơ). */
export interface FormApplicant {
  fullName: string;
  address: string;
  phone: string;
  email?: string | null;
  /** Số căn cước / hộ chiếu. */
  idNumber?: string | null;
}

/** How a letter addresses the applicant. */
export type Salutation = 'Ông' | 'Bà' | 'Ông (Bà)';

/** Who the applicant can turn to with questions (supplement and refusal slips). */
export interface FormContact {
  /** Website with the procedure rules, e.g. 'dichvucong.dongthap.gov.vn'. */
  website?: string | null;
  /** Officer to contact, e.g. 'Đặng Thị Mỹ Dung'. */
  officerName: string;
  phone: string;
}

/** Signer of a letter or notice (Decree 30/2020 layout: authority, title, name; no "Ký và ghi rõ"). */
export interface OfficialSigner {
  /** Signing on behalf, e.g. 'KT. GIÁM ĐỐC' or 'TM. ỦY BAN NHÂN DÂN'; omit when signing in own name. */
  authority?: string | null;
  /** Title, e.g. 'GIÁM ĐỐC' or 'PHÓ GIÁM ĐỐC'. */
  title: string;
  name: string;
}

// ---------------------------------------------------------------------------------------------
// Dates in Vietnam time (UTC+7, no daylight saving), short forms
// ---------------------------------------------------------------------------------------------

/** "dd/MM/yyyy" for an instant (read in Vietnam time) or a PlainDate 'YYYY-MM-DD'. */
export function formatShortDate(date: Date | string): string {
  const { year, month, day } = vnCalendarDayOf(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "HH:mm" of an instant in Vietnam time. */
export function formatShortTime(instant: Date): string {
  const { hour, minute } = vnWallClockOf(instant);
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** "HH giờ mm phút, ngày dd/MM/yyyy" of an instant in Vietnam time (control slip wording). */
export function formatVnShortDateTime(instant: Date): string {
  const { hour, minute } = vnWallClockOf(instant);
  return `${pad2(hour)} giờ ${pad2(minute)} phút, ngày ${formatShortDate(instant)}`;
}

// ---------------------------------------------------------------------------------------------
// Text pieces
// ---------------------------------------------------------------------------------------------

/** "Label: value", the value optionally in bold. */
export function field(label: string, value: string, isBold = false): ContentText {
  return { text: [`${label}: `, { text: value, bold: isBold }] };
}

/** Centred bold form title, with an optional second line (e.g. "(Mẫu số 02 …)") in italics. */
export function formTitle(title: string, subtitle?: string): Content {
  const lines: Content[] = [{ text: title, bold: true, fontSize: BODY_FONT_SIZE + 2, alignment: 'center' }];
  if (subtitle) lines.push({ text: subtitle, bold: true, alignment: 'center', margin: [0, 1, 0, 0] });
  return { stack: lines, margin: [0, 14, 0, 8] };
}

/** Ends a text with the given mark unless it already ends with punctuation. */
function withFinalMark(text: string, mark: string): string {
  const trimmed = text.trim().replace(/[;,.:]+$/u, '');
  return `${trimmed}${mark}`;
}

/**
 * "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông (Bà) có thể tra cứu … tại Trang thông tin
 * điện tử: … hoặc liên hệ với công chức …, số điện thoại … để được hướng dẫn./."
 */
export function contactLine(contact: FormContact, lead: string): ContentText {
  const website = contact.website?.trim();
  const parts: ContentText['text'] = [`${lead}, Ông (Bà) `];
  if (website) {
    parts.push(
      'có thể tra cứu các quy định giải quyết thủ tục hành chính tại Trang thông tin điện tử: ',
      { text: website, decoration: 'underline' },
      ' hoặc ',
    );
  }
  parts.push(
    'liên hệ với công chức ',
    { text: contact.officerName, bold: true },
    `, số điện thoại ${contact.phone} để được hướng dẫn./.`,
  );
  return { text: parts, margin: [0, 6, 0, 0] };
}

// ---------------------------------------------------------------------------------------------
// Letter layout (Decree 30/2020): Số + V/v under the issuer, Nơi nhận + signer at the foot
// ---------------------------------------------------------------------------------------------

// Same split as officialHeader in pdf.ts, so the "Số" line sits under the issuer block.
const HEADER_LEFT_WIDTH = Math.round(CONTENT_WIDTH * 0.5);

export interface LetterHeaderOptions {
  issuerLine1: string;
  issuerLine2: string;
  /** Full number line, e.g. 'Số: 25/TTPVHCC'. */
  numberLine: string;
  /** Trích yếu of a letter without a title, e.g. 'V/v xin lỗi …'; printed small under the number. */
  summary?: string;
  placeDate: { place: string; date: Date | string };
}

/**
 * The header block of a letter or notice: the shared two-column header, then the number (and the
 * "V/v" summary) on the left level with the place-and-date line on the right.
 */
export function letterHeader(options: LetterHeaderOptions): Content {
  const left: Content[] = [{ text: options.numberLine }];
  if (options.summary) {
    left.push({ text: options.summary, fontSize: BODY_FONT_SIZE - 1, margin: [16, 2, 16, 0] });
  }
  return {
    stack: [
      officialHeader({ issuerLine1: options.issuerLine1, issuerLine2: options.issuerLine2 }),
      {
        columns: [
          { width: HEADER_LEFT_WIDTH, stack: left, alignment: 'center' },
          {
            width: '*',
            stack: [placeAndDate(options.placeDate.place, options.placeDate.date)],
            alignment: 'center',
          },
        ],
        columnGap: 0,
        margin: [0, 6, 0, 0],
      },
    ],
  };
}

/** Signature of an official: authority and title in bold capitals, room for signature and seal, name. */
export function officialSignature(signer: OfficialSigner): Content {
  const lines: Content[] = [];
  if (signer.authority?.trim()) lines.push({ text: upperVi(signer.authority.trim()), bold: true });
  lines.push({ text: upperVi(signer.title), bold: true });
  lines.push({ text: signer.name, bold: true, margin: [0, 60, 0, 0] });
  return { stack: lines, alignment: 'center', unbreakable: true };
}

/** "Nơi nhận:" with "- item;" lines (the last ending with "."), in the small type of Decree 30. */
export function recipientsList(recipients: string[]): Content {
  const items = recipients.map((item, index) => ({
    text: `- ${withFinalMark(item, index === recipients.length - 1 ? '.' : ';')}`,
    fontSize: BODY_FONT_SIZE - 1,
  }));
  return {
    stack: [{ text: 'Nơi nhận:', bold: true, italics: true }, ...items],
  };
}

/** Foot of a letter: "Nơi nhận" on the left, the signer on the right, kept together. */
export function recipientsAndSigner(recipients: string[], signer: OfficialSigner): Content {
  return {
    columns: [
      { width: '*', stack: [recipientsList(recipients)] },
      { width: '*', stack: [officialSignature(signer)] },
    ],
    columnGap: 12,
    margin: [0, 12, 0, 0],
    unbreakable: true,
  };
}
