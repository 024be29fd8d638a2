import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

// The certificate as a one-page A4 landscape PDF: the official's name, unit, course, dates and the verification
// code with the public URL that checks it. A font with every Vietnamese diacritic is needed: Be Vietnam Pro when
// the operator installs it (CERT_FONT_DIR), else Noto Sans from the system (fonts-noto-core).

const CANDIDATES = [
  [
    `${process.env.CERT_FONT_DIR ?? '/usr/share/fonts/truetype/be-vietnam-pro'}/BeVietnamPro-Regular.ttf`,
    `${process.env.CERT_FONT_DIR ?? '/usr/share/fonts/truetype/be-vietnam-pro'}/BeVietnamPro-Bold.ttf`,
  ],
  ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'],
];

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function certificatePdf(c: {
  code: string;
  fullName: string;
  unitName: string;
  courseTitle: string;
  organiser: string;
  startsOn: string;
  endsOn: string;
}): Promise<Buffer> {
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
    doc
      .fontSize(11)
      .text(`Mã xác minh: ${c.code} — kiểm tra tại /api/public/community/certificates/${c.code}`, {
        align: 'center',
      });
    doc.end();
  });
}
