import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { vietnamDate } from '../../core/time/vietnam-date.js';
import { neutraliseBidi } from './text-safety.js';

// A Vietnamese administrative document (văn bản hành chính) laid out as Decree 30/2020/NĐ-CP asks:
// A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13–14 pt; a borderless header
// table with the issuing body (left) and the national motto (right); number and symbol under the body,
// place and date under the motto; the document kind and summary centred; a closing block with
// "Nơi nhận:" on the left and the signer's authority, title and name on the right.
// Used by Measure's committee report and, later, Steer's urging letters.

export const ADMIN_FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const BODY_SIZE = 28; // half-points: 14 pt
const SMALL_SIZE = 26; // 13 pt
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

export const VN_MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const VN_MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';

export type AdminDocumentInput = {
  /** The body above the issuer (e.g. "UBND TỈNH THÁI NGUYÊN"); may be empty for a top-level issuer. */
  parentBody: string;
  /** The issuing body (e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), bold. */
  issuer: string;
  /** "Số: 12/BC-SKHCN", or a placeholder "Số: …/BC-SKHCN". */
  numberLine: string;
  /** "Thái Nguyên, ngày 5 tháng 3 năm 2026". */
  placeDateLine: string;
  /**
   * Document kind in capitals ("BÁO CÁO", "KẾ HOẠCH"…). Empty for a công văn, which has no kind line: its
   * summary ("V/v …") then sits under the number, as Decree 30 lays it out.
   */
  kind: string;
  /** The summary line(s) under the kind (or, for a công văn, under the number). */
  summary: string;
  body: (Paragraph | Table)[];
  recipients: string[];
  signer: { authority?: string; title: string; name: string };
};

type RunOptions = { bold?: boolean; italics?: boolean; size?: number };

/** Every text of a generated document passes here; bidi overrides in names are made visible. */
export function textRun(text: string, o: RunOptions = {}): TextRun {
  return new TextRun({
    text: neutraliseBidi(text),
    font: ADMIN_FONT,
    size: o.size ?? BODY_SIZE,
    bold: o.bold,
    italics: o.italics,
  });
}

function centred(text: string, o: RunOptions & { after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [textRun(text, o)],
  });
}

/** A justified body paragraph with a first-line indent, as administrative texts are set. */
export function bodyParagraph(text: string | TextRun[], o: RunOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(10 * MM) },
    spacing: { before: 60, after: 60, line: 300 },
    children: typeof text === 'string' ? [textRun(text, o)] : text,
  });
}

/** A section heading ("I. KẾT QUẢ CHUNG"), bold, not indented. */
export function headingParagraph(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 180, after: 60 }, children: [textRun(text, { bold: true })] });
}

export function imageParagraph(png: Buffer, widthPx: number, heightPx: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [
      new ImageRun({ type: 'png', data: png, transformation: { width: widthPx, height: heightPx } }),
    ],
  });
}

/** A bordered data table; the first row is the header (bold, centred). Numbers align right. */
export function dataTable(header: string[], rows: (string | number)[][], widthsPct?: number[]): Table {
  const cell = (value: string | number, isHeader: boolean, i: number) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      width: widthsPct ? { size: widthsPct[i] ?? 10, type: WidthType.PERCENTAGE } : undefined,
      children: [
        new Paragraph({
          alignment:
            isHeader || typeof value !== 'number'
              ? isHeader
                ? AlignmentType.CENTER
                : AlignmentType.LEFT
              : AlignmentType.RIGHT,
          children: [textRun(String(value), { bold: isHeader, size: 24 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, false, i)) })),
    ],
  });
}

/** A borderless full-width table of two side-by-side cells, as the administrative layout places blocks. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  const cell = (children: Paragraph[], size: number) =>
    new TableCell({ width: { size, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftPercent), cell(right, 100 - leftPercent)] })],
  });
}

function headerTable(input: AdminDocumentInput): Table {
  const left = [
    ...(input.parentBody ? [centred(input.parentBody, { size: SMALL_SIZE })] : []),
    centred(input.issuer, { bold: true, size: SMALL_SIZE }),
    centred('________', { size: SMALL_SIZE, after: 120 }),
    centred(input.numberLine, { size: SMALL_SIZE }),
    ...(input.kind ? [] : input.summary.split('\n').map((line) => centred(line, { size: 24 }))),
  ];
  const right = [
    centred(VN_MOTTO, { bold: true, size: SMALL_SIZE }),
    centred(VN_MOTTO_SUB, { bold: true, size: BODY_SIZE }),
    centred('________________________', { size: SMALL_SIZE, after: 120 }),
    centred(input.placeDateLine, { italics: true, size: BODY_SIZE }),
  ];
  return twoColumns(left, right, 40);
}

function signatureTable(input: AdminDocumentInput): Table {
  const left = [
    new Paragraph({ children: [textRun('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
    ...input.recipients.map((r) => new Paragraph({ children: [textRun(`- ${r};`, { size: 22 })] })),
  ];
  const right = [
    ...(input.signer.authority ? [centred(input.signer.authority, { bold: true })] : []),
    centred(input.signer.title, { bold: true, after: 1400 }),
    centred(input.signer.name, { bold: true }),
  ];
  return twoColumns(left, right, 50);
}

/** Builds the whole document and packs it to a .docx buffer. */
export async function buildAdminDocument(input: AdminDocumentInput): Promise<Buffer> {
  const doc = new Document({
    creator: input.issuer,
    title: input.kind ? `${input.kind} ${input.summary}` : input.summary,
    styles: { default: { document: { run: { font: ADMIN_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        children: [
          headerTable(input),
          ...(input.kind
            ? [
                centred(input.kind, { bold: true, after: 0 }),
                ...input.summary.split('\n').map((line) => centred(line, { bold: true })),
                centred('________', { after: 200 }),
              ]
            : [new Paragraph({ spacing: { after: 200 }, children: [] })]),
          ...input.body,
          new Paragraph({ spacing: { after: 200 }, children: [] }),
          signatureTable(input),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** "ngày 05 tháng 3 năm 2026" for an instant in Vietnam time; Decree 30 pads days below 10 and months 1–2. */
export function vietnameseDateWords(instant: Date): string {
  const [year, month, day] = vietnamDate(instant).split('-').map(Number);
  return `ngày ${day < 10 ? `0${day}` : day} tháng ${month < 3 ? `0${month}` : month} năm ${year}`;
}
