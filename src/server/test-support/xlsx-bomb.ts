import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/*
 * A minimal ZIP writer for tests and benchmarks: a staff workbook whose second row holds a name of
 * `cellBytes` letters. Deflated, a few hundred megabytes of one letter fit in a few hundred kilobytes
 * — the shape of a "zip bomb" upload. The cell is deflated a megabyte at a time, so building a bomb
 * does not itself take the memory it stands for.
 */

interface Part {
  name: string;
  crc: number;
  size: number;
  deflated: Buffer;
}

const CHUNK = 1024 * 1024;

function part(name: string, text: string): Part {
  const data = Buffer.from(text, 'utf8');
  return { name, crc: crc32(data), size: data.length, deflated: deflateRawSync(data) };
}

/** `head`, then `fillBytes` letters, then `tail`, deflated as one stream fed a megabyte at a time. */
async function filledPart(name: string, head: string, fillBytes: number, tail: string): Promise<Part> {
  const block = Buffer.alloc(CHUNK, 'A');
  const pieces = [Buffer.from(head, 'utf8')];
  for (let left = fillBytes; left > 0; left -= CHUNK)
    pieces.push(left >= CHUNK ? block : block.subarray(0, left));
  pieces.push(Buffer.from(tail, 'utf8'));
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = once(deflate, 'end');
  let crc = 0;
  for (const piece of pieces) {
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await once(deflate, 'drain');
  }
  deflate.end();
  await done;
  return { name, crc, size: pieces.reduce((n, p) => n + p.length, 0), deflated: Buffer.concat(out) };
}

function zip(parts: Part[], declare: (p: Part) => number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(declare(p), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(declare(p), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Nhân sự" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const SHEET_HEAD = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cell('A1', 'Họ và tên')}${cell('B1', 'Phân loại')}</row><row r="2"><c r="A2" t="inlineStr"><is><t>`;
const SHEET_TAIL = `</t></is></c>${cell('B2', 'Công chức')}</row></sheetData></worksheet>`;

/**
 * A staff workbook (columns "Họ và tên", "Phân loại") whose one data row has a name of `cellBytes`
 * letters. With `lie`, every entry declares 1 KB unpacked whatever it holds, so only inflating
 * (not reading the directory) reveals the size.
 */
export async function xlsxBomb(cellBytes: number, opts: { lie?: boolean } = {}): Promise<Buffer> {
  const parts = [
    part('[Content_Types].xml', CONTENT_TYPES),
    part('_rels/.rels', ROOT_RELS),
    part('xl/workbook.xml', WORKBOOK),
    part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    await filledPart('xl/worksheets/sheet1.xml', SHEET_HEAD, cellBytes, SHEET_TAIL),
  ];
  return zip(parts, opts.lie ? () => 1024 : (p) => p.size);
}
