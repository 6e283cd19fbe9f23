/**
 * The rating QR printed on the slips handed to the citizen (receipt, supplement, refusal — domain-vn.md
 * §6.3: evaluation forms go out with them): the QR of the public rating page of the dossier, its
 * one-line caption and the address in small print for typing.
 */
import type { Content } from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import { SLIP_RATING_CAPTION } from '../../domain/ratings/links.ts';
import { cm } from './pdf.ts';

const QR_SIDE = cm(2.2);

/** The QR of a text as an SVG of one path (level M, no margin: the layout gives the quiet zone). */
export function qrSvg(text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) d += `M${c} ${r}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges"><path fill="#000" d="${d}"/></svg>`;
}

/** The block at the foot of a slip: QR (a link too), caption, address. Kept on one page. */
export function ratingQrBlock(url: string): Content {
  return {
    columns: [
      { width: QR_SIDE, svg: qrSvg(url), link: url },
      {
        width: '*',
        stack: [
          { text: SLIP_RATING_CAPTION, bold: true, fontSize: 10 },
          {
            text: 'Rất hài lòng · Hài lòng · Không hài lòng — mỗi hồ sơ được đánh giá một lần.',
            fontSize: 9,
            margin: [0, 2, 0, 0],
          },
          { text: url, link: url, fontSize: 7, color: '#333333', margin: [0, 3, 0, 0] },
        ],
        margin: [0, 8, 0, 0],
      },
    ],
    columnGap: 10,
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}
