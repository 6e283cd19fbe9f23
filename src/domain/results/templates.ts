/*
 * Results the commune itself issues on paper, drafted from the dossier (docs/domain-vn.md §2.3 step 6,
 * §5 rows 1, 2, 9, 12): which procedures have one, which fields the officer fills or checks, what the
 * dossier prefills, and which register (sổ) an issued result is entered in. Pure data and functions;
 * the PDF layout is src/server/documents/result-document.ts. A new template is one entry in TEMPLATES
 * plus its body in the layout (docs/ARCHITECTURE.md, "Result templates").
 */

/** Registers an issued result is entered in, numbered from 1 each calendar year per commune. */
export const RESULT_BOOKS = {
  /** Sổ chứng thực bản sao từ bản chính (Decree 23/2015 Art. 13; symbol SCT/BS). */
  copy: { symbol: 'SCT/BS', name: 'Sổ chứng thực bản sao từ bản chính' },
  /** Sổ chứng thực chữ ký (symbol SCT/CK). */
  signature: { symbol: 'SCT/CK', name: 'Sổ chứng thực chữ ký, chứng thực điểm chỉ' },
  /** Sổ cấp Giấy xác nhận tình trạng hôn nhân [I] symbol. */
  marital: { symbol: 'XNTTHN', name: 'Sổ cấp Giấy xác nhận tình trạng hôn nhân' },
  /** Sổ cấp bản sao trích lục hộ tịch [I] symbol. */
  extract: { symbol: 'TLBS', name: 'Sổ cấp bản sao trích lục hộ tịch' },
} as const;

export type ResultBook = keyof typeof RESULT_BOOKS;
/** The two certification registers the law prescribes (sổ chứng thực). */
export const CERTIFICATION_BOOKS = ['copy', 'signature'] as const satisfies readonly ResultBook[];

export interface TemplateField {
  key: string;
  label: string;
  required: boolean;
  maxLength: number;
  multiline?: boolean;
  /** Digits only (pages, copies, fee). */
  numeric?: boolean;
}

export type TemplateKey = 'marital_status' | 'certified_copy' | 'signature' | 'civil_extract';

export interface ResultTemplate {
  key: TemplateKey;
  procedureCode: string;
  /** Title printed on the document. */
  title: string;
  book: ResultBook;
  fields: readonly TemplateField[];
  /** Who signs by default; the officer may change both (fields signerAuthority, signerTitle). */
  signer: { authority: string; title: string };
}

const f = (
  key: string,
  label: string,
  required = true,
  maxLength = 200,
  extra: Partial<TemplateField> = {},
) => ({ key, label, required, maxLength, ...extra }) satisfies TemplateField;

/** Who signs: the officer's title (chức vụ) and the line above it, left to the officer to set. */
const SIGNER_FIELDS = [
  f('signerAuthority', 'Thẩm quyền ký (TM., KT. …; để trống nếu ký tên mình)', false, 60),
  f('signerTitle', 'Chức vụ người ký', false, 60),
];

export const TEMPLATES: readonly ResultTemplate[] = [
  {
    key: 'marital_status',
    procedureCode: '1.004873',
    title: 'GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
    book: 'marital',
    fields: [
      f('fullName', 'Họ, chữ đệm, tên', true, 100),
      f('dateOfBirth', 'Ngày, tháng, năm sinh', true, 40),
      f('sex', 'Giới tính', true, 20),
      f('ethnicity', 'Dân tộc', true, 40),
      f('nationality', 'Quốc tịch', true, 40),
      f('idDocument', 'Giấy tờ tùy thân', true, 120),
      f('residence', 'Nơi cư trú', true, 300),
      f('residencePeriod', 'Trong thời gian cư trú tại … từ ngày … đến ngày …', false, 300, {
        multiline: true,
      }),
      f('maritalStatus', 'Tình trạng hôn nhân', true, 300, { multiline: true }),
      f('purpose', 'Giấy này được cấp để', true, 300),
      ...SIGNER_FIELDS,
    ],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' },
  },
  {
    key: 'certified_copy',
    procedureCode: '2.000815',
    title: 'LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH',
    book: 'copy',
    fields: [
      f('requesterName', 'Họ tên người yêu cầu chứng thực', true, 100),
      f('requesterId', 'Giấy tờ tùy thân người yêu cầu', false, 120),
      f('documentName', 'Tên bản chính giấy tờ, văn bản', true, 500, { multiline: true }),
      f('pages', 'Số trang của bản chính', true, 4, { numeric: true }),
      f('copies', 'Số bản sao được chứng thực', true, 3, { numeric: true }),
      f('fee', 'Lệ phí (đồng)', true, 9, { numeric: true }),
      f('note', 'Ghi chú', false, 300),
      ...SIGNER_FIELDS,
    ],
    signer: { authority: '', title: 'NGƯỜI THỰC HIỆN CHỨNG THỰC' },
  },
  {
    key: 'signature',
    procedureCode: '2.000884',
    title: 'LỜI CHỨNG CHỨNG THỰC CHỮ KÝ',
    book: 'signature',
    fields: [
      f('requesterName', 'Họ tên người yêu cầu chứng thực', true, 100),
      f('requesterId', 'Số giấy tờ tùy thân', true, 120),
      f('documentName', 'Tên giấy tờ, văn bản đã ký', true, 300),
      f('copies', 'Số bản', true, 3, { numeric: true }),
      f('fee', 'Lệ phí (đồng)', true, 9, { numeric: true }),
      f('note', 'Ghi chú', false, 300),
      ...SIGNER_FIELDS,
    ],
    signer: { authority: '', title: 'NGƯỜI THỰC HIỆN CHỨNG THỰC' },
  },
  {
    key: 'civil_extract',
    procedureCode: '2.000635',
    title: 'TRÍCH LỤC HỘ TỊCH (BẢN SAO)',
    book: 'extract',
    fields: [
      f('extractKind', 'Loại trích lục (khai sinh, kết hôn, khai tử…)', true, 60),
      f('personName', 'Họ, chữ đệm, tên người được đăng ký', true, 100),
      f('registration', 'Số, quyển số, ngày đăng ký trong Sổ hộ tịch', true, 200),
      f('registeredFacts', 'Nội dung đã đăng ký (theo Sổ hộ tịch)', true, 1500, { multiline: true }),
      f('requesterName', 'Người yêu cầu cấp bản sao', true, 100),
      f('copies', 'Số bản sao', true, 3, { numeric: true }),
      ...SIGNER_FIELDS,
    ],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' },
  },
];

/** The template of a procedure's result, if the commune drafts it. */
export function findTemplate(procedureCode: string): ResultTemplate | undefined {
  return TEMPLATES.find((t) => t.procedureCode === procedureCode);
}

/** What the draft is prefilled from: the dossier's applicant and the online form's answers, if any. */
export interface DraftSource {
  applicantName: string;
  applicantIdNumber: string;
  applicantAddress: string;
  answers: Record<string, unknown> | null;
}

type Group = Record<string, unknown>;

function group(answers: Record<string, unknown> | null, id: string): Group {
  const g = answers?.[id];
  return g && typeof g === 'object' && !Array.isArray(g) ? (g as Group) : {};
}
function list(answers: Record<string, unknown> | null, id: string): Group[] {
  const g = answers?.[id];
  return Array.isArray(g) ? (g.filter((x) => x && typeof x === 'object') as Group[]) : [];
}
function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}
function num(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const SEX: Record<string, string> = { male: 'Nam', female: 'Nữ' };
const MARITAL: Record<string, string> = {
  single: 'Chưa đăng ký kết hôn với ai',
  married: 'Đang có vợ/chồng',
  divorced: 'Đã ly hôn, chưa kết hôn lại',
  widowed: 'Vợ/chồng đã chết, chưa kết hôn lại',
};

/** Lệ phí chứng thực bản sao (Circular 226/2016/TT-BTC): 2,000 đ/page for pages 1–2, 1,000 đ after, ≤ 200,000 đ/copy. */
export function copyFee(pages: number, copies: number): number {
  const perCopy = Math.min(2000 * Math.min(pages, 2) + 1000 * Math.max(pages - 2, 0), 200_000);
  return perCopy * copies;
}

/** Lệ phí chứng thực chữ ký: 10,000 đ per case [I] current rate (docs/domain-vn.md §5 row 2). */
export const SIGNATURE_FEE = 10_000;

/** The draft's starting values, from the dossier; the officer checks and completes them. */
export function prefill(template: ResultTemplate, src: DraftSource): Record<string, string> {
  const a = src.answers;
  const idDoc = src.applicantIdNumber ? `Căn cước số ${src.applicantIdNumber}` : '';
  switch (template.key) {
    case 'marital_status': {
      const p = group(a, 'requester');
      const s = group(a, 'status');
      const status = MARITAL[str(s.current)] ?? '';
      const spouse = str(s.spouseName);
      const purpose =
        str(s.purpose) === 'marriage'
          ? `Làm thủ tục đăng ký kết hôn với ${str(s.partnerName) || '…'}`
          : str(s.otherPurpose);
      return {
        fullName: str(p.fullName) || src.applicantName,
        dateOfBirth: str(p.dateOfBirth),
        sex: SEX[str(p.sex)] ?? str(p.sex),
        ethnicity: str(p.ethnicity),
        nationality: str(p.nationality) || 'Việt Nam',
        idDocument: str(p.personalId) ? `Căn cước số ${str(p.personalId)}` : idDoc,
        residence: str(p.residence) || src.applicantAddress,
        residencePeriod: '',
        maritalStatus: status && spouse ? `${status} (${spouse})` : status,
        purpose,
        signerAuthority: template.signer.authority,
        signerTitle: template.signer.title,
      };
    }
    case 'certified_copy': {
      const p = group(a, 'requester');
      const papers = list(a, 'papers');
      const pages = papers.reduce((n, x) => n + num(x.pages, 1), 0) || 1;
      const copies = papers.reduce((n, x) => n + num(x.copies, 1), 0) || 1;
      const fee = papers.length
        ? papers.reduce((n, x) => n + copyFee(num(x.pages, 1), num(x.copies, 1)), 0)
        : copyFee(1, 1);
      return {
        requesterName: str(p.fullName) || src.applicantName,
        requesterId: str(p.personalId) ? `Căn cước số ${str(p.personalId)}` : idDoc,
        documentName: papers
          .map((x) => str(x.documentName))
          .filter(Boolean)
          .join('; '),
        pages: String(pages),
        copies: String(copies),
        fee: String(fee),
        note: '',
        signerAuthority: template.signer.authority,
        signerTitle: template.signer.title,
      };
    }
    case 'signature': {
      const p = group(a, 'requester');
      const paper = group(a, 'paper');
      return {
        requesterName: str(p.fullName) || src.applicantName,
        requesterId: str(p.personalId) ? `Căn cước số ${str(p.personalId)}` : idDoc,
        documentName: str(paper.documentName),
        copies: String(num(paper.copies, 1)),
        fee: String(SIGNATURE_FEE),
        note: '',
        signerAuthority: template.signer.authority,
        signerTitle: template.signer.title,
      };
    }
    case 'civil_extract':
      return {
        extractKind: '',
        personName: '',
        registration: '',
        registeredFacts: '',
        requesterName: src.applicantName,
        copies: '1',
        signerAuthority: template.signer.authority,
        signerTitle: template.signer.title,
      };
  }
}

export interface DraftFieldError {
  key: string;
  message: string;
}

/** The officer's values checked against the template: unknown keys, missing required ones, length, digits. */
export function checkDraftFields(
  template: ResultTemplate,
  fields: Record<string, string>,
): DraftFieldError[] {
  const errors: DraftFieldError[] = [];
  const known = new Set(template.fields.map((x) => x.key));
  for (const key of Object.keys(fields))
    if (!known.has(key)) errors.push({ key, message: 'Trường không có trong mẫu kết quả' });
  for (const field of template.fields) {
    const value = (fields[field.key] ?? '').trim();
    if (field.required && !value) errors.push({ key: field.key, message: `Cần nhập "${field.label}"` });
    else if (value.length > field.maxLength)
      errors.push({ key: field.key, message: `Tối đa ${field.maxLength} ký tự` });
    else if (field.numeric && value && !/^\d+$/.test(value))
      errors.push({ key: field.key, message: 'Chỉ gồm chữ số' });
  }
  return errors;
}

/** "12/2026/XNTTHN"-style number and symbol printed on the document; certification uses the book's volume. */
export function resultNumberText(book: ResultBook, year: number, number: number): string {
  return `${number}/${year}/${RESULT_BOOKS[book].symbol}`;
}

/** The volume (quyển số) of a yearly register: one volume per year, "01/2026". */
export function bookVolume(year: number): string {
  return `01/${year}`;
}
