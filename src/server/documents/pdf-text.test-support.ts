/**
 * Test support for the form renderers: the text of a rendered PDF, per page, through poppler's
 * pdftotext (as in receipt-slip.test.ts). With CI=true the text checks must run and fail without
 * poppler-utils, never silently skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;
export const canExtractText = hasPdftotext || process.env.CI === 'true';

function withPdfFile<T>(pdf: Buffer, read: (file: string) => T): T {
  if (!hasPdftotext) {
    throw new Error('pdftotext not found: install poppler-utils (apt-get install poppler-utils)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = join(dir, 'form.pdf');
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of each page of a PDF, whitespace collapsed so wrapped lines still match. */
export function pdfPages(pdf: Buffer): string[] {
  return withPdfFile(pdf, (file) => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // pdftotext ends every page with a form feed.
    return text
      .split('\f')
      .slice(0, -1)
      .map((page) => page.normalize('NFC').replace(/\s+/g, ' ').trim());
  });
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every word of a PDF with its box in points (origin top left), from `pdftotext -bbox`. */
export function pdfWords(pdf: Buffer): PdfWord[] {
  return withPdfFile(pdf, (file) => {
    const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8' });
    const words: PdfWord[] = [];
    html
      .split(/<page\b/)
      .slice(1)
      .forEach((pageHtml, index) => {
        const wordPattern =
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
        for (const match of pageHtml.matchAll(wordPattern)) {
          words.push({
            page: index + 1,
            xMin: Number(match[1]),
            yMin: Number(match[2]),
            xMax: Number(match[3]),
            yMax: Number(match[4]),
            text: decodeEntities(match[5] ?? '').normalize('NFC'),
          });
        }
      });
    return words;
  });
}

/** Page sizes declared in the PDF, e.g. ['595.28 841.89']. */
export function mediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
}
