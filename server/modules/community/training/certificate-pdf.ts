import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';

// The certificate as a one-page A4 landscape PDF: the official's name, unit, course, dates and the verification
// code with the public URL that checks it, also as a QR code (drawn as vector squares) in the lower right corner. A font with every Vietnamese diacritic is needed: Be Vietnam Pro when
// the operator installs it (CERT_FONT_DIR), else Noto Sans from the system (fonts-noto-core).

const CANDIDATES = [
  [
    `${process.env.CERT_FONT_DIR ?? '/usr/share/fonts/truetype/be-vietnam-pro'}/BeVietnamPro-Regular.ttf`,
    `${process.env.CERT_FONT_DIR ?? '/usr/share/fonts/truetype/be-vietnam-pro'}/BeVietnamPro-Bold.ttf`,
  ],
  ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'],
];

/** The verification URL of a certificate: absolute when the server knows its public base (PUBLIC_URL). */
export const certificateUrl = (code: string, base: string | null) =>
  `${base ?? ''}/api/public/community/certificates/${code}`;

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

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function certificatePdf(c: {
  code: string;
  fullName: string;
  unitName: string;
  courseTitle: string;
  organiser: string;
  startsOn: string;
  endsOn: string;
  /** The public base URL (PUBLIC_URL), null for a relative link. */
  baseUrl?: string | null;
}): Promise<Buffer> {
  const url = certificateUrl(c.code, c.baseUrl ?? null);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 56,
      info: { Title: `Chứng nhận ${c.code}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const fonts = CANDIDATES.find(([r, b]) => existsSync(r) && existsSync(b));
    const regular = fonts ? fonts[0] : 'Helvetica';
    const bold = fonts ? fonts[1] : 'Helvetica-Bold';
    doc.font(bold).fontSize(13).text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
    doc.font(regular).fontSize(12).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
    doc.moveDown(2);
    doc.font(bold).fontSize(28).text('GIẤY CHỨNG NHẬN', { align: 'center' });
    doc.moveDown();
    doc.font(regular).fontSize(14).text(`${c.organiser} chứng nhận`, { align: 'center' });
    doc.moveDown(0.5);
    doc.font(bold).fontSize(22).text(c.fullName, { align: 'center' });
    doc.font(regular).fontSize(14).text(c.unitName, { align: 'center' });
    doc.moveDown();
    doc.text('đã hoàn thành khoá tập huấn', { align: 'center' });
    doc.font(bold).fontSize(16).text(c.courseTitle, { align: 'center' });
    doc
      .font(regular)
      .fontSize(13)
      .text(`từ ngày ${dmy(c.startsOn)} đến ngày ${dmy(c.endsOn)}`, { align: 'center' });
    doc.moveDown(2);
    doc.fontSize(11).text(`Mã xác minh: ${c.code} — kiểm tra tại ${url}`, {
      align: 'center',
    });
    // The QR code: 100 pt wide with a quiet zone, in the lower right corner of the page.
    const { size, dark } = qrModules(url);
    const side = 100;
    const cell = side / (size + 8);
    const x0 = doc.page.width - 56 - side;
    const y0 = doc.page.height - 56 - side;
    doc.save().rect(x0, y0, side, side).fill('#ffffff');
    for (const [r, col] of dark) doc.rect(x0 + (col + 4) * cell, y0 + (r + 4) * cell, cell, cell);
    doc.fill('#000000').restore();
    doc.end();
  });
}
