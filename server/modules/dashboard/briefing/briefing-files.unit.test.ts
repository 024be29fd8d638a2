import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardKpi } from '../../../../core/contracts/dashboard.js';
import { briefingSections, chartLabel } from './briefing-files.js';

// The briefing's lines read as words: periods ('Quý IV/2026'), sources ('nhập tay'), changes without an arrow
// glyph (the PDF font has none: it printed an empty box), and chart labels that keep what tells two KPIs apart.

const kpi = (over: Partial<DashboardKpi>): DashboardKpi =>
  ({
    code: 'DIGSIG_RATE_PROVINCE',
    nameVi: 'Tỷ lệ văn bản đi được ký số (cấp tỉnh)',
    nameEn: 'Signed',
    unitOfMeasure: '%',
    valueType: 'rate',
    period: '2026-Q4',
    value: 92.6,
    target: 95,
    attainment: null,
    unitsReporting: 1,
    trend: [],
    lastMonth: { period: '2026-11', value: 92.6 },
    previous: { period: '2026-10', value: 92.1 },
    source: 'manual',
    asOf: '2026-12-07',
    ...over,
  }) as DashboardKpi;

const dashboard = {
  scope: { unitId: 1, unitName: 'Thái Nguyên', unitKind: 'all' },
  asOf: '2026-12-07',
  compareTo: '2026-11-07',
  kpis: [kpi({})],
  measure: null,
  steer: {
    asOf: '2026-12-07',
    total: 20,
    split: { done_on_time: 3, done_late: 1, in_progress: 9, overdue: 7 },
    completionRate: 0,
    onTimeRate: 0,
    splitBefore: { done_on_time: 3, done_late: 1, in_progress: 11, overdue: 5 },
    previousAsOf: '2026-11-30',
    keyOverdue: [],
    changeCounts: {},
    withoutProduct: { year: 2026, units: 102, without: 97, items: [] },
  },
  contest: null,
  feedback: {
    period: '2026-Q4',
    onTimeRate: 0.611,
    satisfactionRate: 0.7,
    onTimeUnits: 1,
    satisfactionUnits: 1,
  },
  community: null,
} as unknown as Dashboard;

describe('briefing lines', () => {
  it('says periods, sources and changes in words', () => {
    const text = briefingSections(dashboard)
      .flatMap((s) => s.lines)
      .join('\n');
    expect(text).toContain('(Quý IV/2026)');
    expect(text).toContain('tháng 11/2026 so với tháng trước: +0,5');
    expect(text).toContain('nguồn: nhập tay, cập nhật 07/12/2026');
    expect(text).toContain('quá hạn tăng từ 5 lên 7');
    expect(text).toContain('Phản ánh kiến nghị (Quý IV/2026)');
    expect(text).not.toMatch(/2026-Q4|manual|→/);
  });

  it('keeps the level in a chart label and shortens the rest', () => {
    expect(chartLabel('Tỷ lệ văn bản đi được ký số (cấp tỉnh)')).toBe('văn bản ký số (cấp tỉnh)');
    expect(chartLabel('Tỷ lệ văn bản đi được ký số (cấp xã)')).toBe('văn bản ký số (cấp xã)');
    expect(chartLabel('Tỷ lệ người dân sử dụng Internet')).toBe('người dân sử dụng Internet');
    expect(chartLabel('Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến').length).toBeLessThanOrEqual(26);
  });
});
