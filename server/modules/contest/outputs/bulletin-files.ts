import type { Paragraph, Table } from 'docx';
import ExcelJS from 'exceljs';
import type { ContestConfig, Participation } from '../../../../core/contracts/contest.js';
import { vietnameseDateTimeText } from '../../../../core/time/vietnam-date.js';
import {
  bodyParagraph,
  buildAdminDocument,
  dataTable,
  headingParagraph,
  vietnameseDateWords,
} from '../../../lib/docx-admin.js';
import { neutraliseRow } from '../../../lib/spreadsheet-safe.js';
import { percentText } from './decision-docx.js';

// The daily participation bulletin (bản tin nhanh) as xlsx and DOCX: participants and attempts by group, by
// block of units and by unit against its headcount, and the laggards (core/contest/participation.ts).

export type BulletinInput = {
  title: string;
  organiser: string;
  config: ContestConfig;
  participation: Participation;
  asOf: Date;
};

const pct = percentText;
const pctCell = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
const groupName = (config: ContestConfig, key: string) =>
  config.groups.find((g) => g.key === key)?.name ?? key;

function totals(p: Participation) {
  return p.byGroup.reduce(
    (s, g) => ({ participants: s.participants + g.participants, attempts: s.attempts + g.attempts }),
    { participants: 0, attempts: 0 },
  );
}

export async function bulletinWorkbook(input: BulletinInput): Promise<Uint8Array> {
  const { participation: p, config } = input;
  const book = new ExcelJS.Workbook();
  book.creator = 'DXBoard';
  const sum = book.addWorksheet('Tổng hợp');
  const t = totals(p);
  sum.addRow([`${input.title} — tình hình tham gia đến ${vietnameseDateTimeText(input.asOf)}`]);
  sum.getRow(1).font = { bold: true };
  sum.addRow(['Tổng số người tham gia', t.participants]);
  sum.addRow(['Tổng số lượt thi', t.attempts]);
  sum.addRow([]);
  sum.addRow(['Bảng', 'Người tham gia', 'Lượt thi']).font = { bold: true };
  for (const g of p.byGroup)
    sum.addRow(neutraliseRow([groupName(config, g.groupKey), g.participants, g.attempts]));
  sum.addRow([]);
  sum.addRow(['Khối', 'Số đơn vị', 'Người tham gia', 'Lượt thi', 'Biên chế / dân số', 'Tỷ lệ (%)']).font = {
    bold: true,
  };
  for (const b of p.byBlock)
    sum.addRow(
      neutraliseRow([b.blockName, b.units, b.participants, b.attempts, b.headcount, pctCell(b.rate)]),
    );
  sum.columns.forEach((c, i) => {
    c.width = [34, 14, 16, 12, 18, 10][i] ?? 12;
  });
  const unitHeader = ['Đơn vị', 'Khối', 'Người tham gia', 'Lượt thi', 'Biên chế / dân số', 'Tỷ lệ (%)'];
  const unitRow = (u: Participation['byUnit'][number]) =>
    neutraliseRow([u.unitName, u.blockName, u.participants, u.attempts, u.headcount, pctCell(u.rate)]);
  for (const [name, rows] of [
    ['Theo đơn vị', p.byUnit],
    ['Đơn vị chậm', p.laggards],
  ] as const) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(unitHeader).font = { bold: true };
    for (const u of rows) sheet.addRow(unitRow(u));
    sheet.columns.forEach((c, i) => {
      c.width = [36, 26, 16, 12, 18, 10][i] ?? 12;
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export function bulletinDocx(input: BulletinInput): Promise<Buffer> {
  const { participation: p, config } = input;
  const t = totals(p);
  const body: (Paragraph | Table)[] = [
    bodyParagraph(
      `Đến ${vietnameseDateTimeText(input.asOf)}, ${input.title} có ${t.participants.toLocaleString('vi-VN')} người tham gia với ${t.attempts.toLocaleString('vi-VN')} lượt thi.`,
    ),
    headingParagraph('1. Theo bảng thi'),
    dataTable(
      ['Bảng', 'Người tham gia', 'Lượt thi'],
      p.byGroup.map((g) => [groupName(config, g.groupKey), g.participants, g.attempts]),
      [50, 25, 25],
    ),
    headingParagraph('2. Theo khối đơn vị'),
    dataTable(
      ['Khối', 'Số đơn vị', 'Người tham gia', 'Lượt thi', 'Tỷ lệ'],
      p.byBlock.map((b) => [b.blockName, b.units, b.participants, b.attempts, pct(b.rate)]),
      [36, 14, 18, 16, 16],
    ),
    headingParagraph('3. Các đơn vị có tỷ lệ tham gia thấp (dưới một nửa tỷ lệ của khối)'),
    p.laggards.length
      ? dataTable(
          ['TT', 'Đơn vị', 'Khối', 'Người tham gia', 'Tỷ lệ'],
          p.laggards.map((u, i) => [i + 1, u.unitName, u.blockName, u.participants, pct(u.rate)]),
          [8, 36, 26, 15, 15],
        )
      : bodyParagraph('Không có đơn vị nào.', { italics: true }),
    headingParagraph('4. Theo đơn vị'),
    dataTable(
      ['TT', 'Đơn vị', 'Người tham gia', 'Lượt thi', 'Biên chế / dân số', 'Tỷ lệ'],
      p.byUnit.map((u, i) => [
        i + 1,
        u.unitName,
        u.participants,
        u.attempts,
        u.headcount ?? '—',
        pct(u.rate),
      ]),
      [8, 36, 14, 12, 16, 14],
    ),
    bodyParagraph(
      'Đề nghị các đơn vị có tỷ lệ tham gia thấp đôn đốc cán bộ, công chức, viên chức và Nhân dân tham gia cuộc thi.',
    ),
  ];
  return buildAdminDocument({
    parentBody: '',
    issuer: input.organiser.toLocaleUpperCase('vi'),
    numberLine: 'Số: ……/BT-BTC',
    placeDateLine: `……, ${vietnameseDateWords(input.asOf)}`,
    kind: 'BẢN TIN NHANH',
    summary: `Tình hình tham gia ${input.title}`,
    body,
    recipients: ['Các cơ quan, đơn vị', 'Lưu: VT, BTC'],
    signer: { authority: 'TM. BAN TỔ CHỨC', title: 'TRƯỞNG BAN', name: '……………………' },
  });
}
