import { inflateRawSync } from 'node:zlib';

/*
 * Reads the central directory of a ZIP archive (an XLSX file is one) without unpacking anything, so
 * an upload that would unpack to hundreds of megabytes is refused before a spreadsheet library
 * inflates it. The directory's sizes are only claims: `verifyZipSizes` then inflates each entry with
 * a hard cap at its declared size, so an archive that lies about its sizes is caught too.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

export type ZipRefusal = 'not_zip' | 'too_large' | 'too_many_entries';

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[]; unpackedBytes: number }
  | { ok: false; reason: ZipRefusal };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
// ZIP64 puts these in the 16- and 32-bit fields and the real values elsewhere; an XLSX within any
// sensible limit never needs ZIP64, so an archive using it is refused as too large.
const ZIP64_16 = 0xffff;
const ZIP64_32 = 0xffffffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfDirectory(bytes: Uint8Array, dv: DataView): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    if (dv.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** The entries an archive declares, or why it is refused; nothing is inflated. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipDirectory {
  if (bytes.length < EOCD_SIZE) return { ok: false, reason: 'not_zip' };
  const dv = view(bytes);
  const eocd = findEndOfDirectory(bytes, dv);
  if (eocd < 0) return { ok: false, reason: 'not_zip' };
  const count = dv.getUint16(eocd + 10, true);
  const size = dv.getUint32(eocd + 12, true);
  const offset = dv.getUint32(eocd + 16, true);
  if (count === ZIP64_16 || size === ZIP64_32 || offset === ZIP64_32)
    return { ok: false, reason: 'too_large' };
  if (count > limits.maxEntries) return { ok: false, reason: 'too_many_entries' };
  if (offset + size > eocd) return { ok: false, reason: 'not_zip' };

  const entries: ZipEntry[] = [];
  let unpackedBytes = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > offset + size || dv.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return { ok: false, reason: 'not_zip' };
    const compressedSize = dv.getUint32(at + 20, true);
    const uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const localHeaderOffset = dv.getUint32(at + 42, true);
    if (compressedSize === ZIP64_32 || uncompressedSize === ZIP64_32 || localHeaderOffset === ZIP64_32)
      return { ok: false, reason: 'too_large' };
    unpackedBytes += uncompressedSize;
    if (unpackedBytes > limits.maxUnpackedBytes) return { ok: false, reason: 'too_large' };
    const nameStart = at + CENTRAL_SIZE;
    if (nameStart + nameLength > bytes.length) return { ok: false, reason: 'not_zip' };
    entries.push({
      name: Buffer.from(bytes.buffer, bytes.byteOffset + nameStart, nameLength).toString('utf8'),
      method: dv.getUint16(at + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries, unpackedBytes };
}

/**
 * Inflates every entry with its declared size as a hard cap: 'too_large' when an entry unpacks to
 * more than it declares, 'corrupt' when it cannot be read. Memory stays within the largest entry.
 */
export function verifyZipSizes(bytes: Uint8Array, entries: ZipEntry[]): 'ok' | 'too_large' | 'corrupt' {
  const dv = view(bytes);
  for (const e of entries) {
    const local = e.localHeaderOffset;
    if (local + LOCAL_SIZE > bytes.length || dv.getUint32(local, true) !== LOCAL_SIGNATURE) return 'corrupt';
    const start = local + LOCAL_SIZE + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const end = start + e.compressedSize;
    if (end > bytes.length) return 'corrupt';
    if (e.method === 0) {
      if (e.compressedSize > e.uncompressedSize) return 'too_large';
      continue;
    }
    if (e.method !== 8) return 'corrupt';
    try {
      // maxOutputLength must be at least 1; an empty entry that inflates to one byte is still caught.
      const out = inflateRawSync(bytes.subarray(start, end), {
        maxOutputLength: Math.max(1, e.uncompressedSize),
      });
      if (out.length > e.uncompressedSize) return 'too_large';
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'too_large';
      return 'corrupt';
    }
  }
  return 'ok';
}
