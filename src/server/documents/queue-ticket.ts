/**
 * Phiếu số thứ tự — the queue ticket a hall kiosk prints on an 80 mm thermal receipt printer (72 mm
 * printable): the center, the number in large type, the field chosen, the time taken, how many wait
 * before it, and a QR code of the follow-up page. Drawn with pdfkit on one page of the receipt's
 * width; the QR code is drawn as vector squares (sharp on a 203 dpi printer).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatShortDate, formatShortTime } from './form-parts.ts';
import { robotoFiles } from './pdf.ts';

export interface QueueTicketData {
  /** e.g. 'UBND XÃ TÂN THỚI'. */
  issuer: string;
  province: string;
  number: number;
  /** Field name; null for the general line. */
  group: string | null;
  takenAt: Date;
  waitingAhead: number;
  followUrl: string;
}

const MM = 72 / 25.4;
const WIDTH = 80 * MM;
const MARGIN = 4 * MM;
const HEIGHT = 120 * MM;

export async function renderQueueTicket(data: QueueTicketData): Promise<Buffer> {
  const fonts = robotoFiles();
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: MARGIN,
    compress: true,
    font: fonts.normal,
    lang: 'vi-VN',
    info: { Title: `Số thứ tự ${data.number}`, Creator: 'motcua', Producer: 'motcua (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = WIDTH - 2 * MARGIN;
  const center = { width, align: 'center' as const };
  doc.font(fonts.bold).fontSize(10).text(data.issuer, MARGIN, MARGIN, center);
  doc.font(fonts.normal).fontSize(9).text('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', center);
  doc.moveDown(0.6);
  doc.font(fonts.bold).fontSize(12).text('SỐ THỨ TỰ', center);
  doc.font(fonts.bold).fontSize(64).text(String(data.number), center);
  doc
    .font(fonts.normal)
    .fontSize(11)
    .text(data.group ? `Lĩnh vực: ${data.group}` : 'Quầy tiếp nhận chung', center);
  doc
    .fontSize(9)
    .text(`Lấy số lúc ${formatShortTime(data.takenAt)} ngày ${formatShortDate(data.takenAt)}`, center);
  doc.text(`Số người đang chờ trước: ${data.waitingAhead}`, center);
  doc.moveDown(0.5);

  const qr = QRCode.create(data.followUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const side = 30 * MM;
  const cell = side / size;
  const x0 = (WIDTH - side) / 2;
  const y0 = doc.y;
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++)
      if (qr.modules.get(r, c)) doc.rect(x0 + c * cell, y0 + r * cell, cell, cell);
  doc.fill('#000000');
  doc.y = y0 + side + 4;
  doc
    .font(fonts.normal)
    .fontSize(8.5)
    .text('Quét mã để theo dõi lượt gọi trên điện thoại', MARGIN, doc.y, center);
  doc.text('Vui lòng chú ý màn hình và loa gọi số. Số chỉ có giá trị trong ngày.', center);
  doc.end();
  return done;
}
