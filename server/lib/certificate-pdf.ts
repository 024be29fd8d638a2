import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';

// A certificate (giấy chứng nhận / giấy khen) as a one-page A4 landscape PDF: the national motto, the title,
// the module's own lines (who, what, when), then the verification code with the public URL that checks it,
// also as a QR code (drawn as vector squares) in the lower right corner. Used by Community's training
// certificates and Contest's prize and participation certificates. A font with every Vietnamese diacritic is
// needed: Be Vietnam Pro when the operator installs it (CERT_FONT_DIR), else Noto Sans from the system
// (fonts-noto-core).

const CANDIDATES = [
  [
    `${process.env.CERT_FONT_DIR ?? '/usr/share/fonts/truetype/be-vietnam-pro'}/BeVietnamPro-Regular.ttf`,
    `${process.env.CERT_FONT_DIR ?? '/usr/share/fonts/truetype/be-vietnam-pro'}/BeVietnamPro-Bold.ttf`,
  ],
  ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'],
];

/** The QR code's dark modules as [row, column] pairs and its size, for drawing and for tests. */
export function qrModules(text: string): { size: number; dark: [number, number][] } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const dark: [number, number][] = [];
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (qr.isDark(r, c)) dark.push([r, c]);
  return { size, dark };
}

/** One centred line of a certificate's body; `gap` adds space above it (in lines). */
export type CertificateLine = { text: string; bold?: boolean; size: number; gap?: number };

export type CertificatePage = {
  code: string;
  /** The public verification URL the QR code carries. */
  url: string;
  /** "GIẤY CHỨNG NHẬN", "GIẤY KHEN". */
  title?: string;
  lines: CertificateLine[];
};

/** One certificate as a one-page PDF. */
export const certificateDocument = (c: CertificatePage): Promise<Buffer> =>
  certificatesDocument([c], `Chứng nhận ${c.code}`);

/** Several certificates, one page each, in one PDF (an organiser prints the winners' for the ceremony). */
export function certificatesDocument(pages: CertificatePage[], title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 56,
      autoFirstPage: false,
      info: { Title: title },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const fonts = CANDIDATES.find(([r, b]) => existsSync(r) && existsSync(b));
    const regular = fonts ? fonts[0] : 'Helvetica';
    const bold = fonts ? fonts[1] : 'Helvetica-Bold';
    for (const c of pages) {
      doc.addPage({ size: 'A4', layout: 'landscape', margin: 56 });
      doc.font(bold).fontSize(13).text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
      doc.font(regular).fontSize(12).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
      doc.moveDown(2);
      doc
        .font(bold)
        .fontSize(28)
        .text(c.title ?? 'GIẤY CHỨNG NHẬN', { align: 'center' });
      doc.moveDown();
      for (const line of c.lines) {
        if (line.gap) doc.moveDown(line.gap);
        doc
          .font(line.bold ? bold : regular)
          .fontSize(line.size)
          .text(line.text, { align: 'center' });
      }
      doc.moveDown(2);
      doc.font(regular).fontSize(11).text(`Mã xác minh: ${c.code} — kiểm tra tại ${c.url}`, {
        align: 'center',
      });
      // The QR code: 100 pt wide with a quiet zone, in the lower right corner of the page.
      const { size, dark } = qrModules(c.url);
      const side = 100;
      const cell = side / (size + 8);
      const x0 = doc.page.width - 56 - side;
      const y0 = doc.page.height - 56 - side;
      doc.save().rect(x0, y0, side, side).fill('#ffffff');
      for (const [r, col] of dark) doc.rect(x0 + (col + 4) * cell, y0 + (r + 4) * cell, cell, cell);
      doc.fill('#000000').restore();
    }
    doc.end();
  });
}
