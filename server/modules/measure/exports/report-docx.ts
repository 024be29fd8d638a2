import type { Paragraph, Table } from 'docx';
import { pillarLabel, unitKindLabel } from '../../../../core/measure/labels.js';
import { vietnamDate, vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import { barChartPng, pieChartPng } from '../../../lib/charts.js';
import {
  bodyParagraph,
  buildAdminDocument,
  dataTable,
  headingParagraph,
  imageParagraph,
  vietnameseDateWords,
} from '../../../lib/docx-admin.js';
import type { ExportData } from '../measure.types.js';
import { issuerOf, type ReportOptions } from './report-docx.issuer.js';

export type { ReportOptions } from './report-docx.issuer.js';

// The committee report on a published ranking, in the administrative format of Decree 30/2020/NĐ-CP:
// overview, ranking (top and bottom), main indices, pillars, bands, recommendations, with charts.

const vi2 = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const vi4 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
/** Points as the report prints them ("72", "36,5"). */
export const formatPoints = (x: number) => vi2.format(x);
/** Values 0–1 as the report prints them ("0,7500"). */
export const formatValue = (x: number | null) => (x === null ? '–' : vi4.format(x));

type Units = ExportData['results']['units'];
const TOP = 10;
const BOTTOM = 5;
const CHART = { width: 620, height: 320 };
/** The computation instant as a Vietnamese calendar date, dd/mm/yyyy. */
const computedOn = (iso: string) => vietnameseDateText(vietnamDate(new Date(iso)));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function overview(data: ExportData): (Paragraph | Table)[] {
  const units = data.results.units;
  const values = units.flatMap((u) => (u.value === null ? [] : [u.value]));
  const best = units[0];
  const worst = units[units.length - 1];
  return [
    headingParagraph('I. KHÁI QUÁT'),
    bodyParagraph(
      `Kỳ đánh giá "${data.period.name}" áp dụng Bộ chỉ số "${data.framework.name}" (phiên bản ${data.results.frameworkVersion}). ` +
        `Có ${units.length} đơn vị được thẩm định và công bố kết quả; kết quả được tính ngày ${computedOn(data.results.computedAt)}.`,
    ),
    bodyParagraph(
      `Giá trị trung bình đạt ${formatValue(mean(values))}` +
        (best && worst
          ? `; cao nhất là ${best.unitName} (${formatValue(best.value)}), thấp nhất là ${worst.unitName} (${formatValue(worst.value)}).`
          : '.'),
    ),
  ];
}

function rankingRow(u: Units[number]): (string | number)[] {
  return [
    u.rank ?? '–',
    u.unitName,
    unitKindLabel(u.unitKind),
    formatPoints(u.points),
    formatPoints(u.applicableMax),
    formatValue(u.value),
    u.band?.name ?? '–',
  ];
}

function rankingSection(data: ExportData): (Paragraph | Table)[] {
  const units = data.results.units;
  const header = ['Hạng', 'Đơn vị', 'Loại', 'Tổng điểm', 'Điểm tối đa', 'Giá trị', 'Mức'];
  const widths = [8, 32, 12, 12, 12, 12, 12];
  const split = units.length > TOP + BOTTOM;
  const chartUnits = units.slice(0, 15);
  const out: (Paragraph | Table)[] = [headingParagraph('II. KẾT QUẢ XẾP HẠNG')];
  out.push(bodyParagraph(split ? `1. ${TOP} đơn vị dẫn đầu:` : '1. Bảng xếp hạng các đơn vị:'));
  out.push(dataTable(header, (split ? units.slice(0, TOP) : units).map(rankingRow), widths));
  if (split) {
    out.push(bodyParagraph(`2. ${BOTTOM} đơn vị xếp cuối:`));
    out.push(dataTable(header, units.slice(-BOTTOM).map(rankingRow), widths));
  }
  const png = barChartPng(
    {
      title: 'Giá trị chỉ số của các đơn vị dẫn đầu',
      categories: chartUnits.map((u) => u.unitName),
      values: chartUnits.map((u) => u.value ?? 0),
      horizontal: true,
      valueMax: 1,
      decimals: 4,
    },
    { width: CHART.width, height: 80 + 28 * chartUnits.length },
  );
  out.push(imageParagraph(png, 580, Math.round((580 * (80 + 28 * chartUnits.length)) / CHART.width)));
  return out;
}

function nodeStats(
  units: Units,
  pick: (u: Units[number]) => { code: string; value: number | null }[],
  code: string,
) {
  const withValue = units.flatMap((u) => {
    const v = pick(u).find((n) => n.code === code)?.value;
    return v === null || v === undefined ? [] : [{ name: u.unitName, value: v }];
  });
  const sorted = [...withValue].sort((a, b) => b.value - a.value);
  return { average: mean(withValue.map((x) => x.value)), best: sorted[0], worst: sorted[sorted.length - 1] };
}

function mainIndexSection(data: ExportData): (Paragraph | Table)[] {
  const mains = data.framework.groups.flatMap((g) => g.mainIndices);
  const stats = mains.map((m) => ({ m, ...nodeStats(data.results.units, (u) => u.mainIndices, m.code) }));
  const rows = stats.map(({ m, average, best, worst }) => [
    m.code,
    m.name,
    formatPoints(m.maxPoints),
    formatValue(average),
    best ? `${best.name} (${formatValue(best.value)})` : '–',
    worst ? `${worst.name} (${formatValue(worst.value)})` : '–',
  ]);
  const png = barChartPng(
    {
      title: 'Giá trị trung bình theo chỉ số chính',
      categories: stats.map((s) => s.m.name),
      values: stats.map((s) => s.average ?? 0),
      valueMax: 1,
      decimals: 4,
    },
    CHART,
  );
  return [
    headingParagraph('III. KẾT QUẢ THEO CHỈ SỐ CHÍNH'),
    dataTable(
      ['Mã', 'Chỉ số chính', 'Điểm tối đa', 'Trung bình', 'Cao nhất', 'Thấp nhất'],
      rows,
      [8, 28, 10, 12, 21, 21],
    ),
    imageParagraph(png, 580, Math.round((580 * CHART.height) / CHART.width)),
  ];
}

function pillarSection(data: ExportData): (Paragraph | Table)[] {
  const codes = [...new Set(data.results.units.flatMap((u) => u.pillars.map((p) => p.code)))];
  const rows = codes.flatMap((code) => {
    const s = nodeStats(data.results.units, (u) => u.pillars, code);
    // A pillar no component of this framework carries has no value anywhere: leave it out.
    return s.average === null
      ? []
      : [[pillarLabel(code), formatValue(s.average), s.best?.name ?? '–', s.worst?.name ?? '–']];
  });
  return [
    headingParagraph('IV. KẾT QUẢ THEO TRỤ CỘT'),
    rows.length
      ? dataTable(['Trụ cột', 'Giá trị trung bình', 'Cao nhất', 'Thấp nhất'], rows, [28, 18, 27, 27])
      : bodyParagraph('Bộ chỉ số không phân loại theo trụ cột.'),
  ];
}

function bandSection(data: ExportData): (Paragraph | Table)[] {
  const bands = [...data.framework.bands].sort((a, b) => a.minValue - b.minValue);
  const counts = bands.map((b) => ({
    name: b.name,
    value: data.results.units.filter((u) => u.band?.code === b.code).length,
  }));
  const total = data.results.units.length || 1;
  const rows = counts.map((c) => [c.name, c.value, `${vi2.format((c.value / total) * 100)}%`]);
  const out: (Paragraph | Table)[] = [headingParagraph('V. PHÂN BỐ THEO MỨC ĐỘ')];
  if (!bands.length) return [...out, bodyParagraph('Bộ chỉ số không quy định các mức độ.')];
  out.push(dataTable(['Mức', 'Số đơn vị', 'Tỷ lệ'], rows, [50, 25, 25]));
  const png = pieChartPng(
    { title: 'Phân bố đơn vị theo mức', slices: counts.filter((c) => c.value > 0) },
    {
      width: 520,
      height: 300,
    },
  );
  out.push(imageParagraph(png, 460, Math.round((460 * 300) / 520)));
  return out;
}

function recommendations(data: ExportData): (Paragraph | Table)[] {
  const top = data.gains.filter((g) => g.gainPoints > 0).slice(0, 5);
  return [
    headingParagraph('VI. ĐỀ XUẤT, KIẾN NGHỊ'),
    bodyParagraph(
      top.length
        ? 'Các chỉ số thành phần có dư địa cải thiện lớn nhất (tổng số điểm các đơn vị có thể tăng thêm nếu đạt tối đa):'
        : 'Các đơn vị đã đạt điểm tối đa ở các chỉ số thành phần áp dụng.',
    ),
    ...top.map((g, i) =>
      bodyParagraph(
        `${i + 1}. ${g.code} – ${g.name}: ${g.units} đơn vị, có thể tăng thêm ${formatPoints(g.gainPoints)} điểm. ` +
          'Đề nghị các đơn vị tập trung chỉ đạo, bổ sung tài liệu kiểm chứng và triển khai để nâng điểm chỉ số này.',
      ),
    ),
  ];
}

export async function buildReportDocx(data: ExportData, options: ReportOptions, now: Date): Promise<Buffer> {
  const issuer = issuerOf(data.rootUnit, options);
  return buildAdminDocument({
    parentBody: issuer.parentBody,
    issuer: issuer.issuer,
    numberLine: `Số: ${options.number ?? '……'}/${issuer.symbol}`,
    placeDateLine: `${issuer.place}, ${vietnameseDateWords(now)}`,
    kind: 'BÁO CÁO',
    summary: `Kết quả đánh giá, xếp hạng mức độ chuyển đổi số\n${data.period.name}`,
    body: [
      ...overview(data),
      ...rankingSection(data),
      ...mainIndexSection(data),
      ...pillarSection(data),
      ...bandSection(data),
      ...recommendations(data),
    ],
    recipients: [`${issuer.superior} (để báo cáo)`, 'Các đơn vị được đánh giá', 'Lưu: VT'],
    signer: {
      authority: issuer.authority,
      title: issuer.signerTitle,
      name: options.signerName ?? '……………………',
    },
  });
}
