import { existsSync } from 'node:fs';
import type { Paragraph, Table } from 'docx';
import PDFDocument from 'pdfkit';
import type { Dashboard, DashboardKpi } from '../../../../core/contracts/dashboard.js';
import { periodLabel } from '../../../../core/measure/kpi-periods.js';
import { STATUS_BUCKET_LABELS } from '../../../../core/steer/labels.js';
import { STATUS_BUCKETS } from '../../../../core/steer/types.js';
import { barChartPng, pieChartPng } from '../../../lib/charts.js';
import {
  bodyParagraph,
  buildAdminDocument,
  dataTable,
  headingParagraph,
  imageParagraph,
  vietnameseDateWords,
} from '../../../lib/docx-admin.js';

// The one-page briefing for the committee meeting, from the dashboard's own figures: the same lines (headline
// KPIs, ranking, tasks, contest, feedback, community) and two charts (tasks by status, KPI attainment), as a
// PDF (Be Vietnam Pro when installed, else Noto Sans: every Vietnamese diacritic) and a DOCX in the
// administrative format (Decree 30) the Steer reports use.

const FONT_DIR = process.env.CERT_FONT_DIR ?? '/usr/share/fonts/truetype/be-vietnam-pro';
const FONT_CANDIDATES = [
  [`${FONT_DIR}/BeVietnamPro-Regular.ttf`, `${FONT_DIR}/BeVietnamPro-Bold.ttf`],
  ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'],
];

const NUM = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
export const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : NUM.format(v));
export const pct = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${NUM.format(Math.round(rate * 1000) / 10)} %`;

/** Where a KPI's latest value came from, in words (as the dashboard screen says it). */
const SOURCE_WORDS: Record<string, string> = {
  manual: 'nhập tay',
  xlsx: 'nhập từ tệp',
  api: 'hệ thống khác (API)',
  dhis2: 'DHIS2',
  computed: 'DXBoard tự tính',
};
const sourceWords = (source: string | null) => (source ? (SOURCE_WORDS[source] ?? source) : '—');

/** A KPI's headline as a leader reads it: "91,2 %" or "3.334.900 văn bản". */
export function kpiText(k: DashboardKpi): string {
  if (k.value === null) return '—';
  return k.valueType === 'count' ? `${num(k.value)} ${k.unitOfMeasure}` : `${num(k.value)} %`;
}

export type BriefingLine = { heading: string; lines: string[] };

/** "tăng từ 5 lên 7", in words: an arrow is not in every PDF font (it printed as an empty box). */
function overdueChange(before: number, now: number): string {
  if (before === now) return `không đổi (${now})`;
  return `${now > before ? 'tăng' : 'giảm'} từ ${before} ${now > before ? 'lên' : 'xuống'} ${now}`;
}

/** The briefing's sections as plain lines, shared by the PDF and the DOCX (and checked by tests). */
export function briefingSections(d: Dashboard): BriefingLine[] {
  const out: BriefingLine[] = [];
  out.push({
    heading: '1. Chỉ tiêu chủ yếu',
    lines: d.kpis.map((k) => {
      const target =
        k.target === null
          ? ''
          : `; mục tiêu ${k.valueType === 'count' ? num(k.target) : `${num(k.target)} %`}`;
      const change =
        k.lastMonth?.value != null && k.previous?.value != null
          ? `; ${periodLabel(k.lastMonth.period).toLocaleLowerCase('vi')} so với tháng trước: ${k.lastMonth.value >= k.previous.value ? '+' : ''}${num(k.lastMonth.value - k.previous.value)}`
          : '';
      const src = k.asOf ? ` (nguồn: ${sourceWords(k.source)}, cập nhật ${dmy(k.asOf)})` : '';
      return `${k.nameVi}: ${kpiText(k)}${k.period ? ` (${periodLabel(k.period)})` : ''}${target}${change}${src}`;
    }),
  });
  const m = d.measure;
  const rankingLines: string[] = [];
  if (m?.ranking) {
    const r = m.ranking;
    const names = (rows: typeof r.top) => rows.map((u) => `${u.rank}. ${u.unitName}`).join('; ') || '—';
    rankingLines.push(`Kỳ đánh giá đã công bố: ${r.periodName} (${r.unitCount} đơn vị).`);
    rankingLines.push(`Dẫn đầu: ${names(r.top)}.`);
    rankingLines.push(`Cuối bảng: ${names(r.bottom)}.`);
    if (r.movers.length)
      rankingLines.push(
        `Thay đổi thứ hạng nhiều nhất: ${r.movers.map((u) => `${u.unitName} (${(u.rankDelta ?? 0) > 0 ? '+' : ''}${u.rankDelta})`).join('; ')}.`,
      );
    if (r.bands.length)
      rankingLines.push(`Mức độ: ${r.bands.map((b) => `${b.name} ${b.count}`).join('; ')}.`);
  } else rankingLines.push('Chưa có kỳ đánh giá đã công bố.');
  if (m?.progress) {
    const p = m.progress;
    rankingLines.push(
      `Kỳ đang mở "${p.periodName}" (hạn ${dmy(p.dueOn)}): ${p.counts.approved} đã duyệt, ${p.counts.submitted} đã gửi, ` +
        `${p.counts.returned} trả lại, ${p.counts.draft} đang nhập, ${p.counts.not_started} chưa bắt đầu / ${p.unitCount} đơn vị.`,
    );
  }
  out.push({ heading: '2. Chỉ số chuyển đổi số', lines: rankingLines });
  const s = d.steer;
  out.push({
    heading: '3. Thực hiện nhiệm vụ',
    lines: s
      ? [
          `${s.total} nhiệm vụ: ${STATUS_BUCKETS.map((b) => `${STATUS_BUCKET_LABELS[b].vi.toLocaleLowerCase('vi')} ${s.split[b]}`).join('; ')}. ` +
            `Tỷ lệ hoàn thành ${pct(s.completionRate)}, đúng hạn ${pct(s.onTimeRate)}.`,
          s.splitBefore
            ? `So với ngày ${dmy(s.previousAsOf)}: quá hạn ${overdueChange(s.splitBefore.overdue, s.split.overdue)}.`
            : '',
          `Nhiệm vụ trọng tâm quá hạn: ${s.keyOverdue.length ? s.keyOverdue.map((t) => `${t.title} (${t.leadUnitName}, ${t.daysOverdue} ngày)`).join('; ') : 'không có'}.`,
          `Đơn vị chưa có sản phẩm chuyển đổi số năm ${s.withoutProduct.year}: ${s.withoutProduct.without}/${s.withoutProduct.units}.`,
        ].filter(Boolean)
      : ['Không có số liệu.'],
  });
  const other: string[] = [];
  if (d.contest)
    other.push(
      `Cuộc thi "${d.contest.title}": ${num(d.contest.participants)} người tham gia, tỷ lệ ${pct(d.contest.rate)}.`,
    );
  if (d.feedback)
    other.push(
      `Phản ánh kiến nghị (${periodLabel(d.feedback.period)}): trả lời đúng hạn ${pct(d.feedback.onTimeRate)}, hài lòng ${pct(d.feedback.satisfactionRate)}.`,
    );
  if (d.community)
    other.push(
      `Tổ công nghệ số cộng đồng: ${d.community.communesWithTeams}/${d.community.communes} xã có tổ (${pct(d.community.coverage)}), ` +
        `${num(d.community.teams)} tổ, ${num(d.community.sessions)} buổi hoạt động, ${num(d.community.people)} lượt người dân năm ${d.community.year}.`,
    );
  out.push({
    heading: '4. Hội thi, phản ánh kiến nghị, tổ công nghệ số',
    lines: other.length ? other : ['Không có số liệu.'],
  });
  return out;
}

const CHART = { width: 520, height: 300 };

/**
 * A rate KPI's name short enough for the chart's axis without losing what tells two apart: "Tỷ lệ văn bản đi
 * được ký số (cấp tỉnh)" → "văn bản ký số (cấp tỉnh)"; the axis truncates only what is left after that.
 */
export function chartLabel(nameVi: string): string {
  const level = nameVi.match(/\(([^)]*)\)\s*$/)?.[1];
  const base = nameVi
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/^Tỷ lệ\s*/i, '')
    .replace(/thủ tục hành chính/giu, 'TTHC')
    .replace(/\s+(đi|đến)\s+được\s+/u, ' ')
    .replace(/\s+được\s+/u, ' ');
  // About 26 characters fit the axis (160 px at 11 px); the level is kept whole, the rest is shortened.
  const room = level ? 26 - level.length - 3 : 26;
  const short = base.length > room ? `${base.slice(0, room - 1).trimEnd()}…` : base;
  return level ? `${short} (${level})` : short;
}

/** The two charts: tasks by status (pie) and rate KPIs against 100 % (bars); absent when there is nothing. */
export function briefingCharts(d: Dashboard): Buffer[] {
  const charts: Buffer[] = [];
  if (d.steer) {
    const s = d.steer;
    const slices = STATUS_BUCKETS.map((b) => ({
      name: STATUS_BUCKET_LABELS[b].vi,
      value: s.split[b],
    })).filter((x) => x.value > 0);
    if (slices.length) charts.push(pieChartPng({ title: 'Tình trạng nhiệm vụ', slices }, CHART));
  }
  const rates = d.kpis.filter((k) => k.valueType !== 'count' && k.value !== null);
  if (rates.length)
    charts.push(
      barChartPng(
        {
          title: 'Chỉ tiêu tỷ lệ (%)',
          categories: rates.map((k) => chartLabel(k.nameVi)),
          values: rates.map((k) => k.value ?? 0),
          horizontal: true,
          valueMax: 100,
          decimals: 1,
        },
        CHART,
      ),
    );
  return charts;
}

export const briefingTitle = (d: Dashboard) => `Tình hình chuyển đổi số ${d.scope.unitName}`;

export function briefingPdf(d: Dashboard): Promise<Buffer> {
  const sections = briefingSections(d);
  const charts = briefingCharts(d);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 36, info: { Title: briefingTitle(d) } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const fonts = FONT_CANDIDATES.find(([r, b]) => existsSync(r) && existsSync(b));
    const regular = fonts ? fonts[0] : 'Helvetica';
    const bold = fonts ? fonts[1] : 'Helvetica-Bold';
    const width = doc.page.width - 72;
    doc
      .font(bold)
      .fontSize(11)
      .text(`BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ — ${d.scope.unitName.toLocaleUpperCase('vi')}`, {
        align: 'center',
      });
    doc.moveDown(0.3);
    doc.fontSize(13).text('BÁO CÁO NHANH TÌNH HÌNH CHUYỂN ĐỔI SỐ', { align: 'center' });
    doc
      .font(regular)
      .fontSize(9)
      .text(`Phục vụ phiên họp Ban Chỉ đạo — số liệu đến ngày ${dmy(d.asOf)}`, { align: 'center' });
    doc.moveDown(0.5);
    for (const s of sections) {
      doc.font(bold).fontSize(9.5).text(s.heading);
      doc.font(regular).fontSize(8);
      for (const line of s.lines) doc.text(`• ${line}`, { width, lineGap: 0.5 });
      doc.moveDown(0.3);
    }
    // Charts side by side at the foot of the page, so the briefing stays on one page.
    if (charts.length) {
      const w = charts.length === 1 ? width * 0.6 : (width - 12) / 2;
      const h = (w * CHART.height) / CHART.width;
      const y = Math.min(doc.y + 6, doc.page.height - 36 - h);
      for (const [i, png] of charts.entries()) doc.image(png, 36 + i * (w + 12), y, { width: w, height: h });
    }
    doc.end();
  });
}

export function briefingDocx(d: Dashboard, issuedAt: Date): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [];
  for (const s of briefingSections(d)) {
    body.push(headingParagraph(s.heading));
    for (const line of s.lines) body.push(bodyParagraph(line));
  }
  if (d.kpis.length)
    body.push(
      dataTable(
        ['Chỉ tiêu', 'Kết quả', 'Mục tiêu', 'Kỳ'],
        d.kpis.map((k) => [
          k.nameVi,
          kpiText(k),
          k.target === null ? '—' : k.valueType === 'count' ? num(k.target) : `${num(k.target)} %`,
          k.period ?? '—',
        ]),
        [52, 18, 15, 15],
      ),
    );
  for (const png of briefingCharts(d))
    body.push(imageParagraph(png, 440, Math.round((440 * CHART.height) / CHART.width)));
  const place = d.scope.unitName.replace(/^(tỉnh|thành phố|xã|phường|đặc khu)\s+/iu, '');
  return buildAdminDocument({
    parentBody: `UBND ${d.scope.unitName.toLocaleUpperCase('vi')}`,
    issuer: 'BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ',
    numberLine: 'Số: ……/BC-BCĐ',
    placeDateLine: `${place}, ${vietnameseDateWords(issuedAt)}`,
    kind: 'BÁO CÁO NHANH',
    summary: `Tình hình chuyển đổi số đến ngày ${dmy(d.asOf)}\n(phục vụ phiên họp Ban Chỉ đạo)`,
    body,
    recipients: ['Thành viên Ban Chỉ đạo', 'Lưu: VT'],
    signer: { authority: 'TM. BAN CHỈ ĐẠO', title: 'TRƯỞNG BAN', name: '……………………' },
  });
}
