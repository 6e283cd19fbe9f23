/*
 * The usage text of `motcua` (Vietnamese first, English under it). Kept apart from the commands so that
 * `motcua help` and usage errors load nothing else.
 */

interface CommandHelp {
  synopsis: string[];
  /** One line each for the list of commands. */
  summary: [vi: string, en: string];
  vi: string;
  en: string;
  options?: Array<[string, string]>;
}

export const COMMAND_HELP = {
  start: {
    synopsis: ['motcua start'],
    summary: ['Chạy máy chủ', 'run the server'],
    vi: 'Chạy máy chủ: cập nhật cấu trúc, nạp dữ liệu tham chiếu (và dữ liệu demo ở chế độ demo), mở cổng PORT.',
    en: 'Run the server: migrate, load reference data (and the demo in demo mode), listen on PORT.',
  },
  migrate: {
    synopsis: ['motcua migrate'],
    summary: ['Chỉ cập nhật cấu trúc cơ sở dữ liệu', 'run the migrations only'],
    vi: 'Chỉ cập nhật cấu trúc cơ sở dữ liệu (tạo cơ sở dữ liệu nhúng nếu chưa có).',
    en: 'Run the database migrations only (creates the embedded database when missing).',
  },
  seed: {
    synopsis: ['motcua seed'],
    summary: ['Nạp dữ liệu tham chiếu (và demo)', 'load reference data (and the demo)'],
    vi: 'Nạp dữ liệu tham chiếu từ data/ (đơn vị, thủ tục, lịch nghỉ); ở chế độ demo thêm tài khoản và dữ liệu demo.',
    en: 'Load reference data from data/ (units, procedures, holidays); in demo mode also the demo accounts and data.',
  },
  import: {
    synopsis: [
      'motcua import units <tệp.json>',
      'motcua import procedures <tệp.json>',
      'motcua import calendar <tệp.json>',
      'motcua import staff <tệp.xlsx> --unit <mã xã>',
    ],
    summary: ['Nhập đơn vị, thủ tục, lịch nghỉ, nhân sự', 'import units, procedures, days off, staff'],
    vi:
      'Nhập dữ liệu, toàn bộ hoặc không dòng nào: đơn vị (dạng data/units.json, cập nhật cả mã cơ quan), ' +
      'thủ tục (dạng data/procedures.json), lịch nghỉ chính thức của một năm (dạng data/holidays/2026.json, ' +
      'thay lịch của năm đó), danh sách nhân sự của một xã (XLSX, cùng cột với tệp xuất).',
    en:
      'Import, all rows or none: units (data/units.json shape, agency codes included), procedures ' +
      '(data/procedures.json shape), one year of official days off (data/holidays/2026.json shape; replaces that ' +
      "year), a commune's staff register (XLSX, the columns of its export).",
    options: [['--unit <mã>', 'xã nhận danh sách nhân sự / the commune of the staff register']],
  },
  export: {
    synopsis: [
      'motcua export dossiers --unit <mã> --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|xlsx] [--out tệp]',
      'motcua export reports <settlement|staffing|consultations|equipment> --unit <mã|all> [--from … --to …]',
      '                      [--group-by field|sector|procedure|unit] [--format xlsx|pdf|csv|json] [--out tệp]',
    ],
    summary: ['Xuất danh sách hồ sơ, báo cáo', 'export dossiers, reports'],
    vi:
      'Xuất danh sách hồ sơ tiếp nhận trong kỳ (có dữ liệu cá nhân của người nộp), hoặc báo cáo: Biểu II.06a ' +
      '(settlement), cơ cấu nhân sự, hướng dẫn tư vấn, trang thiết bị. Mã đơn vị: xã (5 số), tỉnh (2 số) hoặc all.',
    en:
      'Export the dossiers received in a period (holds applicants’ personal data), or a report: form II.06a ' +
      '(settlement), staffing, consultations, equipment. Unit: commune (5 digits), province (2 digits) or all.',
    options: [
      [
        '--from, --to',
        'kỳ báo cáo, tính cả hai ngày (giờ Việt Nam) / period, both days included (Vietnam time)',
      ],
      [
        '--format',
        'dossiers: csv (mặc định/default) | xlsx; reports: xlsx (mặc định/default) | pdf | csv | json',
      ],
      ['--out <tệp>', 'tệp kết quả; "-" là đầu ra chuẩn / output file; "-" for standard output'],
    ],
  },
  backup: {
    synopsis: ['motcua backup [tệp.tar.gz]'],
    summary: ['Sao lưu cơ sở dữ liệu và tệp', 'back up the database and files'],
    vi:
      'Sao lưu toàn bộ cơ sở dữ liệu (PGlite hoặc PostgreSQL) và thư mục tệp (MOTCUA_FILES_DIR) vào một tệp .tar.gz. ' +
      'Với PGlite phải dừng máy chủ trước; với PostgreSQL máy chủ có thể tiếp tục chạy.',
    en:
      'Back up the whole database (PGlite or PostgreSQL) and the files folder (MOTCUA_FILES_DIR) into one .tar.gz. ' +
      'PGlite: stop the server first; PostgreSQL: the server may keep running.',
  },
  restore: {
    synopsis: ['motcua restore <tệp.tar.gz> [--force]'],
    summary: ['Khôi phục bản sao lưu', 'restore a backup'],
    vi:
      'Khôi phục bản sao lưu vào cơ sở dữ liệu đã cấu hình (mọi bản sao lưu dùng được cho cả PGlite và PostgreSQL). ' +
      'Từ chối ghi đè cơ sở dữ liệu đã có dữ liệu nếu không có --force.',
    en:
      'Restore a backup into the configured database (any backup restores into PGlite or PostgreSQL). ' +
      'Refuses to overwrite a database that holds data unless --force is given.',
    options: [['--force', 'thay thế dữ liệu hiện có / replace the existing data']],
  },
  'audit-verify': {
    synopsis: ['motcua audit-verify [--unit <mã xã>]'],
    summary: ['Kiểm tra chuỗi nhật ký', 'verify the audit chains'],
    vi: 'Kiểm tra chuỗi băm nhật ký (hồ sơ và nhật ký an ninh của từng đơn vị) và mốc neo gần nhất; báo mọi chuỗi hỏng và mốc không khớp (mã thoát 3). Không ghi gì.',
    en: 'Walk every audit hash chain (dossiers and each unit’s security chain) and check the latest anchor; name every broken chain and anchor mismatch (exit 3). Writes nothing.',
  },
  'audit-anchor': {
    synopsis: ['motcua audit-anchor [--until <thời điểm ISO>]'],
    summary: ['Ghi mốc neo nhật ký', 'anchor the audit chains'],
    vi: 'Ghi thêm một mốc neo (gốc băm đầu mọi chuỗi, theo đơn vị và toàn bộ) vào tệp trong MOTCUA_AUDIT_ANCHOR_DIR; mặc định đến một phút trước. Nhật ký không khớp mốc gần nhất: không ghi, mã thoát 3.',
    en: 'Append an anchor (root over every chain head, per unit and overall) to the file in MOTCUA_AUDIT_ANCHOR_DIR; cut-off defaults to a minute ago. A trail that no longer matches the latest anchor: nothing written, exit 3.',
    options: [['--until <ISO>', 'mốc thời gian / cut-off instant']],
  },
  help: {
    synopsis: ['motcua help [lệnh]'],
    summary: ['Hướng dẫn sử dụng', 'this text'],
    vi: 'Hướng dẫn sử dụng.',
    en: 'This text.',
  },
} satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof COMMAND_HELP;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_HELP, name);
}

const EXIT_CODES = [
  '  0  thành công / success',
  '  1  thất bại (dữ liệu, tệp, kết nối) / failure (data, file, connection)',
  '  2  sai cú pháp lệnh / usage error (unknown command or option)',
  '  3  chuỗi nhật ký bị phá vỡ / audit chain broken',
  '  4  thư mục dữ liệu đang bị máy chủ khác khóa / data folder locked by a running server',
  '  5  restore: đích đã có dữ liệu, cần --force / target holds data, --force needed',
];

/** The whole usage text. */
export function usage(): string {
  const lines = [
    'motcua — Hệ thống một cửa / one-stop service center',
    '',
    'Cách dùng / usage:',
    ...Object.values(COMMAND_HELP).flatMap((c) => c.synopsis.map((s) => `  ${s}`)),
    '',
    'Lệnh / commands:',
  ];
  for (const [name, c] of Object.entries(COMMAND_HELP) as Array<[string, CommandHelp]>)
    lines.push(`  ${name.padEnd(13)} ${c.summary[0]} / ${c.summary[1]}`);
  lines.push('', 'Chi tiết từng lệnh / details: motcua help <lệnh>');
  lines.push(
    '',
    'Cấu hình qua biến môi trường (DATABASE_URL, MOTCUA_DATA_DIR, MOTCUA_FILES_DIR, …; xem README).',
    'Configuration comes from the environment (DATABASE_URL, MOTCUA_DATA_DIR, MOTCUA_FILES_DIR, …; see README).',
    '',
    'Mã thoát / exit codes:',
    ...EXIT_CODES,
  );
  return `${lines.join('\n')}\n`;
}

/** Breaks a paragraph into lines of at most `width` characters at spaces. */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The usage of one command. */
export function commandUsage(name: CommandName): string {
  const c: CommandHelp = COMMAND_HELP[name];
  const lines = [...c.synopsis.map((s) => `  ${s}`), '', ...wrap(c.vi), ...wrap(c.en)];
  if (c.options?.length) lines.push('', ...c.options.map(([o, d]) => `  ${o.padEnd(14)} ${d}`));
  lines.push('', 'Mã thoát / exit codes:', ...EXIT_CODES);
  return `Cách dùng / usage:\n${lines.join('\n')}\n`;
}

/** The synopsis of one command (or of all), printed with a usage error. */
export function shortUsage(name?: CommandName): string {
  const list = name ? [COMMAND_HELP[name] as CommandHelp] : (Object.values(COMMAND_HELP) as CommandHelp[]);
  const lines = list.flatMap((c) => c.synopsis.map((s) => `  ${s}`));
  return `Cách dùng / usage:\n${lines.join('\n')}\nXem / see: motcua help${name ? ` ${name}` : ''}\n`;
}
