import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';

// Real file bytes for upload tests: type detection must judge genuine files, not hand-made headers only.

export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export const PDF_MINIMAL = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

export const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const CSV_UNITS = Buffer.from(
  '\uFEFFmã,tên,cấp\r\n19,Tỉnh Thái Nguyên,1\r\n05500,Phường Phan Đình Phùng,2\r\n',
);

export async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Dữ liệu').addRow(['Mã', 'Tên']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function docxBytes(): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph('Báo cáo tiến độ')] }] });
  return Packer.toBuffer(doc);
}

/** A multipart/form-data body with one file part (and optional text fields before it). */
export function multipartBody(
  file: { name: string; data: Buffer; contentType?: string },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dxboardtest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
