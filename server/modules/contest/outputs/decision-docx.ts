import type { Paragraph, Table } from 'docx';
import { TIER_LABELS } from '../../../../core/contest/summary.js';
import type { ContestResults } from '../../../../core/contracts/contest.js';
import {
  bodyParagraph,
  buildAdminDocument,
  dataTable,
  headingParagraph,
  vietnameseDateWords,
} from '../../../lib/docx-admin.js';

// The Quyết định công nhận kết quả as DOCX in the administrative layout (server/lib/docx-admin.ts, Decree 30):
// the articles, then the lists it recognises — the individual winners of each closed round per group (prizes
// only, by rank) and the collective prizes. The number, the grounds and the signer are left for the
// secretariat to fill in, as the decision is signed on paper.

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "Giải Nhất": a prize tier as a title. */
export const prizeTitle = (tier: keyof typeof TIER_LABELS) => capitalise(TIER_LABELS[tier]);
/** A rate as documents print it ("26,7 %"), a dash when unknown. */
export const percentText = (v: number | null) =>
  v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('vi-VN')} %`;

export function decisionDocx(input: {
  title: string;
  organiser: string;
  results: ContestResults;
  issuedAt: Date;
}): Promise<Buffer> {
  const { results } = input;
  const body: (Paragraph | Table)[] = [
    bodyParagraph(`Căn cứ Kế hoạch và Thể lệ ${input.title};`, { italics: true }),
    bodyParagraph('Căn cứ kết quả chấm thi và đề nghị của Tổ Thư ký,', { italics: true }),
    headingParagraph('QUYẾT ĐỊNH:'),
    bodyParagraph(
      `Điều 1. Công nhận kết quả ${input.title} cho các cá nhân và tập thể có tên trong danh sách kèm theo Quyết định này.`,
    ),
    bodyParagraph(
      'Điều 2. Các cá nhân, tập thể đạt giải được nhận Giấy chứng nhận và tiền thưởng theo Thể lệ.',
    ),
    bodyParagraph(
      'Điều 3. Quyết định có hiệu lực kể từ ngày ký. Tổ Thư ký, các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    ),
  ];
  let section = 0;
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  for (const round of results.rounds) {
    const groups = round.groups
      .map((g) => ({ ...g, rows: g.rows.filter((r) => r.prize) }))
      .filter((g) => g.rows.length);
    if (!groups.length) continue;
    body.push(
      headingParagraph(
        `${roman[section++] ?? section}. DANH SÁCH CÁ NHÂN ĐẠT GIẢI — ${round.roundName.toLocaleUpperCase('vi')}`,
      ),
    );
    for (const g of groups) {
      body.push(headingParagraph(`Bảng ${g.groupName}`));
      body.push(
        dataTable(
          ['TT', 'Họ và tên', 'Đơn vị', 'Điểm', 'Xếp hạng', 'Giải'],
          g.rows.map((r, i) => [
            i + 1,
            r.name,
            r.unitName ?? '',
            `${r.score}/${r.total}`,
            r.rank,
            prizeTitle(r.prize as keyof typeof TIER_LABELS),
          ]),
          [7, 30, 30, 10, 10, 13],
        ),
      );
    }
  }
  const collective = results.collective.filter((c) => c.prize);
  if (collective.length) {
    body.push(headingParagraph(`${roman[section++] ?? section}. DANH SÁCH TẬP THỂ ĐẠT GIẢI`));
    body.push(
      dataTable(
        ['TT', 'Đơn vị', 'Người tham gia', 'Tỷ lệ tham gia', 'Điểm', 'Giải'],
        collective.map((c, i) => [
          i + 1,
          c.unitName,
          c.participants,
          percentText(c.rate),
          c.score,
          c.prize ?? '',
        ]),
        [7, 35, 14, 14, 10, 20],
      ),
    );
  }
  if (section === 0) body.push(bodyParagraph('(Chưa có đợt thi nào được chốt kết quả.)', { italics: true }));
  return buildAdminDocument({
    parentBody: '',
    issuer: input.organiser.toLocaleUpperCase('vi'),
    numberLine: 'Số: ……/QĐ-BTC',
    placeDateLine: `……, ${vietnameseDateWords(input.issuedAt)}`,
    kind: 'QUYẾT ĐỊNH',
    summary: `Công nhận kết quả ${input.title}`,
    body,
    recipients: ['Như Điều 3', 'Lưu: VT, BTC'],
    signer: { authority: 'TM. BAN TỔ CHỨC', title: 'TRƯỞNG BAN', name: '……………………' },
  });
}
