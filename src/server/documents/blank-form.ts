/**
 * The downloadable blank form of a procedure (issue 14): printed from the same definition the wizard
 * renders, so paper and screen ask the same questions in the same order. National title centred
 * (docs/domain-vn.md §3.1 header block, without an issuing body: the citizen writes it), then the
 * form title, addressee, one numbered question per field with dotted lines to write on, the
 * documents to attach and the signature block.
 */
import type { Content } from 'pdfmake/interfaces';
import type { Condition, FormDefinition, FormField, FormGroup } from '../../domain/forms/types.ts';
import { formTitle } from './form-parts.ts';
import { BODY_FONT_SIZE, CONTENT_WIDTH, renderPdf, signatureBlock } from './pdf.ts';

export interface BlankFormData {
  definition: FormDefinition;
  procedureName: string;
  /** The procedure's document list (name and whether it is required). */
  documents: { name: string; required: boolean }[];
}

const SMALL = BODY_FONT_SIZE - 2;
const DOTS = { length: 1, space: 2.5 };

function dottedLine(width = CONTENT_WIDTH): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6, dash: DOTS }],
    margin: [0, 14, 0, 2],
  };
}

function box(label: string, margin: [number, number, number, number] = [8, 2, 0, 0]): Content {
  return {
    columns: [
      { width: 14, canvas: [{ type: 'rect', x: 0, y: 2, w: 9, h: 9, lineWidth: 0.7 }] },
      { width: '*', text: label },
    ],
    margin,
  };
}

function conditionText(definition: FormDefinition, group: FormGroup, cond: Condition): string {
  const [gid, fid] = cond.field.includes('.')
    ? (cond.field.split('.') as [string, string])
    : [group.id, cond.field];
  const target = definition.groups.find((g) => g.id === gid)?.fields.find((f) => f.id === fid);
  if (!target) return '';
  const wanted = 'equals' in cond ? [cond.equals] : cond.in;
  const labels = wanted.map((w) =>
    target.type === 'select' ? (target.options.find((o) => o.value === w)?.label ?? String(w)) : String(w),
  );
  return `chỉ điền khi «${target.label}» là «${labels.join('» hoặc «')}»`;
}

function question(definition: FormDefinition, group: FormGroup, field: FormField, no: string): Content[] {
  const notes: string[] = [];
  if (field.showWhen) notes.push(conditionText(definition, group, field.showWhen));
  const mark = field.required || (field.type === 'checkbox' && field.mustBeChecked) ? ' (*)' : '';
  const head: Content = {
    text: [
      { text: `${no} ` },
      { text: field.label, bold: true },
      mark,
      notes.length ? ` (${notes.join('; ')})` : '',
      ':',
    ],
    margin: [0, 6, 0, 0],
  };
  const help: Content[] = field.help
    ? [{ text: field.help, italics: true, fontSize: SMALL, color: '#333333' }]
    : [];
  switch (field.type) {
    case 'select': {
      // Short choices side by side, long ones one per line.
      const inline = field.options.length <= 4 && field.options.every((o) => o.label.length <= 24);
      if (!inline) return [head, ...help, ...field.options.map((o) => box(o.label))];
      return [
        head,
        ...help,
        { columns: field.options.map((o) => ({ width: 'auto', stack: [box(o.label)] })), columnGap: 16 },
      ];
    }
    case 'checkbox':
      return [box(`${field.label}${mark}`, [0, 8, 0, 0]), ...help];
    case 'date':
      return [
        {
          ...head,
          text: [...(head.text as unknown[]), ' ngày ........ tháng ........ năm ..............'],
        } as Content,
        ...help,
      ];
    case 'number':
      return [
        {
          ...head,
          text: [...(head.text as unknown[]), ` .................. ${field.unit ?? ''}`],
        } as Content,
        ...help,
      ];
    case 'personalId':
      return [
        head,
        ...help,
        {
          columns: Array.from({ length: 12 }, () => ({
            width: 18,
            canvas: [{ type: 'rect', x: 0, y: 0, w: 16, h: 18, lineWidth: 0.6 }],
          })),
          columnGap: 0,
          margin: [0, 4, 0, 0],
        },
      ];
    case 'address':
      return [head, ...help, dottedLine(), dottedLine()];
    case 'text':
      return [head, ...help, dottedLine(), ...(field.multiline ? [dottedLine()] : [])];
    case 'phone':
      return [head, ...help, dottedLine(CONTENT_WIDTH / 2)];
  }
}

function groupContent(definition: FormDefinition, group: FormGroup, index: number): Content[] {
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][index] ?? String(index + 1);
  const title: Content = {
    text: `${roman}. ${group.title.toLocaleUpperCase('vi-VN')}`,
    bold: true,
    margin: [0, 12, 0, 2],
  };
  const notes: Content[] = [];
  if (group.help) notes.push({ text: group.help, italics: true, fontSize: SMALL });
  if (group.showWhen)
    notes.push({ text: `(${conditionText(definition, group, group.showWhen)})`, italics: true });
  if (!group.repeat) {
    return [title, ...notes, ...group.fields.flatMap((f, i) => question(definition, group, f, `${i + 1}.`))];
  }
  // Two blank copies of a repeatable group on paper (or its minimum, if larger); more on extra sheets.
  const copies = Math.max(2, group.repeat.min);
  const items: Content[] = [];
  for (let k = 1; k <= copies; k += 1) {
    const label = group.repeat.itemLabel;
    items.push({
      text: `${label.charAt(0).toLocaleUpperCase('vi-VN')}${label.slice(1)} thứ ${k}`,
      bold: true,
      italics: true,
      margin: [0, 6, 0, 0],
    });
    items.push(...group.fields.flatMap((f, i) => question(definition, group, f, `${k}.${i + 1}.`)));
  }
  const more: Content = {
    text: `Tối đa ${group.repeat.max} ${group.repeat.itemLabel}; nếu nhiều hơn, kê khai tiếp ở tờ rời.`,
    italics: true,
    fontSize: SMALL,
    margin: [0, 4, 0, 0],
  };
  return [title, ...notes, ...items, more];
}

/** The pdfmake content of the blank form (exported for tests that read the structure). */
export function blankFormContent(data: BlankFormData): Content[] {
  const d = data.definition;
  return [
    {
      stack: [
        { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
        { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
        { canvas: [{ type: 'line', x1: 0, y1: 2, x2: 160, y2: 2, lineWidth: 0.6 }] },
      ],
      alignment: 'center',
    },
    formTitle(d.title, `(${data.procedureName})`),
    { text: [{ text: 'Kính gửi: ', bold: true }, `${d.addressee} ${'.'.repeat(60)}`], margin: [0, 0, 0, 6] },
    ...(d.intro ? [{ text: d.intro, italics: true, fontSize: SMALL } as Content] : []),
    {
      text: 'Những mục có dấu (*) là bắt buộc. Viết chữ in hoa có dấu cho họ và tên.',
      fontSize: SMALL,
      italics: true,
    },
    ...d.groups.flatMap((g, i) => groupContent(d, g, i)),
    { text: 'GIẤY TỜ KÈM THEO', bold: true, margin: [0, 14, 0, 2] },
    ...data.documents.map((doc) => box(`${doc.name}${doc.required ? ' (bắt buộc)' : ''}`)),
    {
      columns: [
        { width: '*', text: '' },
        {
          width: '55%',
          stack: [
            {
              text: `${'.'.repeat(20)}, ngày ...... tháng ...... năm ..........`,
              italics: true,
              alignment: 'center',
            },
            signatureBlock({ title: 'Người yêu cầu' }),
          ],
        },
      ],
      margin: [0, 16, 0, 0],
      unbreakable: true,
    },
    {
      text: `Mẫu đơn phiên bản ${d.version} — ${d.source}. Có thể điền trực tuyến trên motcua.`,
      fontSize: SMALL - 1,
      color: '#444444',
      margin: [0, 16, 0, 0],
    },
  ];
}

/** Renders the blank form as a PDF (runs on a worker thread, see workers/tasks.ts). */
export async function renderBlankForm(data: BlankFormData): Promise<Buffer> {
  return renderPdf({
    content: blankFormContent(data),
    info: { title: `${data.definition.title} (phiên bản ${data.definition.version})` },
    footer: (page: number, pages: number) => ({
      text: `Trang ${page}/${pages}`,
      alignment: 'center',
      fontSize: SMALL - 1,
      margin: [0, 10, 0, 0],
    }),
  });
}
