import { certificateDocument } from '../../../lib/certificate-pdf.js';

// The training certificate: the official's name, unit, course and dates on the shared certificate page
// (server/lib/certificate-pdf.ts: motto, title, verification code and QR code).

export { qrModules } from '../../../lib/certificate-pdf.js';

/** The verification URL of a certificate: absolute when the server knows its public base (PUBLIC_URL). */
export const certificateUrl = (code: string, base: string | null) =>
  `${base ?? ''}/api/public/community/certificates/${code}`;

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
  return certificateDocument({
    code: c.code,
    url: certificateUrl(c.code, c.baseUrl ?? null),
    lines: [
      { text: `${c.organiser} chứng nhận`, size: 14 },
      { text: c.fullName, bold: true, size: 22, gap: 0.5 },
      { text: c.unitName, size: 14 },
      { text: 'đã hoàn thành khoá tập huấn', size: 14, gap: 1 },
      { text: c.courseTitle, bold: true, size: 16 },
      { text: `từ ngày ${dmy(c.startsOn)} đến ngày ${dmy(c.endsOn)}`, size: 13 },
    ],
  });
}
