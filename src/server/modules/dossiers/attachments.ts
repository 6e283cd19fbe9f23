import { AppError } from '../../errors.ts';
import type { IntakeBody } from './schemas.ts';

/** How each accepted type's content starts: a file is the type it claims only if it starts so. */
export const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface DecodedAttachment {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** Decodes and checks attachments: count, size, and that the content really is the declared type. */
export function decodeAttachments(
  list: IntakeBody['attachments'],
  limits: { maxBytes: number; maxCount: number },
): DecodedAttachment[] {
  if (!list?.length) return [];
  if (list.length > limits.maxCount) {
    throw new AppError('ATTACHMENTS_TOO_MANY', `Tối đa ${limits.maxCount} tệp`);
  }
  return list.map((a, i) => {
    const path = `attachments.${i}`;
    // Reject on the encoded size first so an oversized upload is never decoded.
    if (Math.floor((a.dataBase64.length * 3) / 4) - 2 > limits.maxBytes) {
      throw new AppError(
        'ATTACHMENT_TOO_LARGE',
        `${a.fileName} vượt quá ${Math.round(limits.maxBytes / 1048576)} MB`,
        [{ path, message: 'Tệp quá lớn' }],
      );
    }
    if (a.dataBase64.length % 4 !== 0 || !BASE64.test(a.dataBase64)) {
      throw new AppError('VALIDATION_FAILED', `${a.fileName}: nội dung không phải base64`, [
        { path: `${path}.dataBase64`, message: 'Nội dung tệp không đúng mã hóa base64' },
      ]);
    }
    const bytes = Buffer.from(a.dataBase64, 'base64');
    if (bytes.length > limits.maxBytes) {
      throw new AppError('ATTACHMENT_TOO_LARGE', a.fileName, [{ path, message: 'Tệp quá lớn' }]);
    }
    const check = SIGNATURES[a.contentType];
    if (!check?.(bytes)) {
      throw new AppError('ATTACHMENT_TYPE_MISMATCH', `${a.fileName} không phải ${a.contentType}`, [
        { path: `${path}.contentType`, message: 'Nội dung tệp không khớp với loại tệp khai báo' },
      ]);
    }
    return { fileName: a.fileName, contentType: a.contentType, bytes };
  });
}
