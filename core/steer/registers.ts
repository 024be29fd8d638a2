// The registers of DX products and of information systems (issue 11): their enums with vi/en labels, and the
// pure rules the services, the dashboard and the KPIs share — which systems overlap, the integrated and
// approved-security shares per unit, which units have no accepted product in a year. No I/O here.

type Label = { readonly vi: string; readonly en: string };

export const PRODUCT_KINDS = ['platform', 'app', 'data', 'process', 'service', 'model', 'other'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const PRODUCT_KIND_LABELS: Readonly<Record<ProductKind, Label>> = {
  platform: { vi: 'Nền tảng số', en: 'Digital platform' },
  app: { vi: 'Ứng dụng, phần mềm', en: 'Application' },
  data: { vi: 'Dữ liệu số', en: 'Digital data' },
  process: { vi: 'Quy trình số hoá', en: 'Digitised process' },
  service: { vi: 'Dịch vụ số', en: 'Digital service' },
  model: { vi: 'Mô hình chuyển đổi số', en: 'DX model' },
  other: { vi: 'Khác', en: 'Other' },
};

export const PRODUCT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const PRODUCT_STATUS_LABELS: Readonly<Record<ProductStatus, Label>> = {
  submitted: { vi: 'Chờ xem xét', en: 'Awaiting review' },
  accepted: { vi: 'Được công nhận', en: 'Accepted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
};

export const SYSTEM_STATUSES = ['planned', 'building', 'operating', 'retired'] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];
export const SYSTEM_STATUS_LABELS: Readonly<Record<SystemStatus, Label>> = {
  planned: { vi: 'Kế hoạch', en: 'Planned' },
  building: { vi: 'Đang xây dựng', en: 'Being built' },
  operating: { vi: 'Đang vận hành', en: 'Operating' },
  retired: { vi: 'Đã dừng sử dụng', en: 'Retired' },
};

export const HOSTINGS = ['provincial_dc', 'cloud', 'vendor', 'on_premise'] as const;
export type Hosting = (typeof HOSTINGS)[number];
export const HOSTING_LABELS: Readonly<Record<Hosting, Label>> = {
  provincial_dc: { vi: 'Trung tâm dữ liệu tỉnh', en: 'Provincial data centre' },
  cloud: { vi: 'Điện toán đám mây', en: 'Cloud' },
  vendor: { vi: 'Hạ tầng nhà cung cấp', en: 'Vendor hosting' },
  on_premise: { vi: 'Máy chủ tại đơn vị', en: 'On the unit’s premises' },
};

/** The national databases a provincial system connects to (Decision 714/QĐ-TTg and the sector databases). */
export const NATIONAL_DATABASES = [
  'population',
  'enterprises',
  'land',
  'insurance',
  'civil_status',
  'officials',
  'finance',
  'health',
  'education',
] as const;
export type NationalDatabase = (typeof NATIONAL_DATABASES)[number];
export const NATIONAL_DATABASE_LABELS: Readonly<Record<NationalDatabase, Label>> = {
  population: { vi: 'CSDL quốc gia về dân cư', en: 'National population database' },
  enterprises: { vi: 'CSDL quốc gia về đăng ký doanh nghiệp', en: 'National business registration database' },
  land: { vi: 'CSDL quốc gia về đất đai', en: 'National land database' },
  insurance: { vi: 'CSDL quốc gia về bảo hiểm', en: 'National insurance database' },
  civil_status: { vi: 'CSDL hộ tịch điện tử', en: 'Electronic civil status database' },
  officials: { vi: 'CSDL về cán bộ, công chức, viên chức', en: 'Civil servants database' },
  finance: { vi: 'CSDL quốc gia về tài chính', en: 'National finance database' },
  health: { vi: 'CSDL y tế', en: 'Health database' },
  education: { vi: 'CSDL ngành giáo dục', en: 'Education database' },
};

/** What a system is for: two live systems of one category in one scope do the same job. */
export const PURPOSE_CATEGORIES = [
  'document_management',
  'public_services',
  'one_stop',
  'data_sharing',
  'email',
  'video_conference',
  'surveillance',
  'reporting',
  'gis',
  'hr',
  'finance',
  'sector',
  'other',
] as const;
export type PurposeCategory = (typeof PURPOSE_CATEGORIES)[number];
export const PURPOSE_CATEGORY_LABELS: Readonly<Record<PurposeCategory, Label>> = {
  document_management: { vi: 'Quản lý văn bản và điều hành', en: 'Document management' },
  public_services: { vi: 'Cổng dịch vụ công', en: 'Public service portal' },
  one_stop: { vi: 'Một cửa điện tử', en: 'Electronic one-stop shop' },
  data_sharing: { vi: 'Tích hợp, chia sẻ dữ liệu', en: 'Data integration and sharing' },
  email: { vi: 'Thư điện tử công vụ', en: 'Official e-mail' },
  video_conference: { vi: 'Hội nghị truyền hình', en: 'Video conferencing' },
  surveillance: { vi: 'Camera giám sát', en: 'Video surveillance' },
  reporting: { vi: 'Báo cáo, chỉ đạo điều hành', en: 'Reporting and steering' },
  gis: { vi: 'Bản đồ số, GIS', en: 'Digital maps, GIS' },
  hr: { vi: 'Quản lý cán bộ, công chức', en: 'Human resources' },
  finance: { vi: 'Tài chính, kế toán', en: 'Finance and accounting' },
  sector: { vi: 'Chuyên ngành', en: 'Sector-specific' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Who a system serves: the whole province (a shared platform) or its owner unit only. */
export const SYSTEM_SCOPES = ['province', 'unit'] as const;
export type SystemScope = (typeof SYSTEM_SCOPES)[number];
export const SYSTEM_SCOPE_LABELS: Readonly<Record<SystemScope, Label>> = {
  province: { vi: 'Dùng chung toàn tỉnh', en: 'Province-wide' },
  unit: { vi: 'Trong đơn vị', en: 'Within the unit' },
};

/** Cấp độ an toàn hệ thống thông tin under Decree 85/2016/NĐ-CP (1 lowest, 5 highest). */
export const SECURITY_LEVELS = [1, 2, 3, 4, 5] as const;

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

// ---------------------------------------------------------------------------------------------------------
// Overlap

export type OverlapInput = {
  id: number;
  ownerUnitId: number;
  purposeCategory: PurposeCategory;
  scope: SystemScope;
  status: SystemStatus;
};

export type OverlapGroup = {
  purposeCategory: PurposeCategory;
  /** 'province' or the owner unit's id: where the systems do the same job. */
  scope: 'province' | number;
  systemIds: number[];
};

/** Systems that count: a retired one does no job any more; 'other' and 'sector' say nothing about the job. */
const comparable = (s: OverlapInput) =>
  s.status !== 'retired' && s.purposeCategory !== 'other' && s.purposeCategory !== 'sector';

/**
 * Two or more live systems with the same purpose category in the same scope overlap: two province-wide
 * systems of one category, two systems of one unit of one category, and a unit's own system of a category the
 * province already runs a shared system for (it belongs to the province's group). Groups are ordered by
 * category then scope; ids ascend.
 */
export function findOverlaps(systems: readonly OverlapInput[]): OverlapGroup[] {
  const live = systems.filter(comparable);
  const provinceWide = new Set(live.filter((s) => s.scope === 'province').map((s) => s.purposeCategory));
  const groups = new Map<string, OverlapGroup>();
  for (const s of live) {
    const scope: 'province' | number =
      s.scope === 'province' || provinceWide.has(s.purposeCategory) ? 'province' : s.ownerUnitId;
    const key = `${s.purposeCategory}|${scope}`;
    const group = groups.get(key) ?? { purposeCategory: s.purposeCategory, scope, systemIds: [] };
    group.systemIds.push(s.id);
    groups.set(key, group);
  }
  const order = (c: PurposeCategory) => PURPOSE_CATEGORIES.indexOf(c);
  return [...groups.values()]
    .filter((g) => g.systemIds.length >= 2)
    .map((g) => ({ ...g, systemIds: [...g.systemIds].sort((a, b) => a - b) }))
    .sort(
      (a, b) =>
        order(a.purposeCategory) - order(b.purposeCategory) ||
        (a.scope === 'province' ? -1 : b.scope === 'province' ? 1 : a.scope - b.scope),
    );
}

// ---------------------------------------------------------------------------------------------------------
// Problem lists and KPI shares

export type ShareInput = {
  ownerUnitId: number;
  status: SystemStatus;
  lgspIntegrated: boolean;
  securityLevel: number | null;
  securityPlanApproved: boolean;
};

/** Only systems in operation are judged (a planned one cannot be integrated yet, a retired one no more). */
export const isJudged = (s: Pick<ShareInput, 'status'>) => s.status === 'operating';

/** Integrated: connected to the provincial data-sharing platform (LGSP). */
export const isIntegrated = (s: Pick<ShareInput, 'lgspIntegrated'>) => s.lgspIntegrated;

/** Approved security: a level is determined AND the security plan (hồ sơ đề xuất cấp độ) is approved. */
export const hasApprovedSecurity = (s: Pick<ShareInput, 'securityLevel' | 'securityPlanApproved'>) =>
  s.securityLevel !== null && s.securityPlanApproved;

export type UnitShares = {
  unitId: number;
  /** Systems in operation: the denominator of both shares. */
  operating: number;
  integrated: number;
  securityApproved: number;
  /** Percent 0–100 rounded to 0.1, null when the unit operates no system. */
  integratedShare: number | null;
  securityShare: number | null;
};

const percent = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/** Per owner unit, over its systems in operation: how many are integrated, how many have approved security. */
export function unitShares(systems: readonly ShareInput[]): UnitShares[] {
  const byUnit = new Map<number, { operating: number; integrated: number; securityApproved: number }>();
  for (const s of systems) {
    const u = byUnit.get(s.ownerUnitId) ?? { operating: 0, integrated: 0, securityApproved: 0 };
    if (isJudged(s)) {
      u.operating++;
      if (isIntegrated(s)) u.integrated++;
      if (hasApprovedSecurity(s)) u.securityApproved++;
    }
    byUnit.set(s.ownerUnitId, u);
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => a - b)
    .map(([unitId, u]) => ({
      unitId,
      ...u,
      integratedShare: percent(u.integrated, u.operating),
      securityShare: percent(u.securityApproved, u.operating),
    }));
}

// ---------------------------------------------------------------------------------------------------------
// Products

/** Which group of units a unit falls in for "units with no product": departments or communes. */
export type UnitGroup = 'department' | 'commune' | 'other';

export type ProductCountInput = { unitId: number; year: number; status: ProductStatus };

/** Accepted products per unit in `year` (units without one are absent). */
export function acceptedCounts(products: readonly ProductCountInput[], year: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const p of products) {
    if (p.year === year && p.status === 'accepted') counts.set(p.unitId, (counts.get(p.unitId) ?? 0) + 1);
  }
  return counts;
}

/**
 * The units of `units` with no accepted product in `year`, each with what it has instead (declared, returned),
 * ordered by group (departments first) then name. "At least one DX product per unit per year."
 */
export function unitsWithoutProduct<U extends { id: number; name: string; group: UnitGroup }>(
  units: readonly U[],
  products: readonly ProductCountInput[],
  year: number,
): (U & { submitted: number; returned: number })[] {
  const accepted = acceptedCounts(products, year);
  const pending = new Map<number, { submitted: number; returned: number }>();
  for (const p of products) {
    if (p.year !== year || p.status === 'accepted') continue;
    const c = pending.get(p.unitId) ?? { submitted: 0, returned: 0 };
    c[p.status]++;
    pending.set(p.unitId, c);
  }
  const groupOrder: Record<UnitGroup, number> = { department: 0, commune: 1, other: 2 };
  return units
    .filter((u) => !accepted.has(u.id))
    .map((u) => ({ ...u, ...(pending.get(u.id) ?? { submitted: 0, returned: 0 }) }))
    .sort((a, b) => groupOrder[a.group] - groupOrder[b.group] || a.name.localeCompare(b.name, 'vi'));
}

// ---------------------------------------------------------------------------------------------------------
// Dates of a system

export type SystemDates = {
  startDate: string | null;
  goLiveDate: string | null;
  retirementDate: string | null;
};

/** Field → error code for dates out of order ('YYYY-MM-DD' strings compare as dates). */
export function systemDateErrors(d: SystemDates): { field: keyof SystemDates; code: string }[] {
  const out: { field: keyof SystemDates; code: string }[] = [];
  if (d.startDate && d.goLiveDate && d.goLiveDate < d.startDate)
    out.push({ field: 'goLiveDate', code: 'steer.system_golive_before_start' });
  const after = d.goLiveDate ?? d.startDate;
  if (d.retirementDate && after && d.retirementDate < after)
    out.push({ field: 'retirementDate', code: 'steer.system_retired_before_live' });
  return out;
}

/** Review campaign progress: confirmed of total, and whether it is late as of `today`. */
export function campaignProgress(
  items: readonly { confirmed: boolean }[],
  dueDate: string,
  today: string,
): { total: number; confirmed: number; unconfirmed: number; overdue: boolean } {
  const confirmed = items.filter((i) => i.confirmed).length;
  const unconfirmed = items.length - confirmed;
  return { total: items.length, confirmed, unconfirmed, overdue: today > dueDate && unconfirmed > 0 };
}

// ---------------------------------------------------------------------------------------------------------
// The yearly review of an operating system ("rà soát, đánh giá thực trạng, hiệu quả"), urged by the daily job

/** Months between two reviews of an operating system. */
export const SYSTEM_REVIEW_MONTHS = 12;

export type ReviewDueInput = {
  status: SystemStatus;
  lastReviewDate: string | null;
  goLiveDate: string | null;
  /** The day the system was entered in the register (Vietnam date). */
  registeredOn: string;
};

/** The same day `months` later, clamped to the month's end (29/02 + 12 months → 28/02). */
export function addMonthsClamped(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * When an operating system's next review falls due: SYSTEM_REVIEW_MONTHS after its last review, else after it
 * went live, else after it was registered. Null for a system not operating (planned, building, retired).
 */
export function systemReviewDueOn(s: ReviewDueInput): string | null {
  if (s.status !== 'operating') return null;
  return addMonthsClamped(s.lastReviewDate ?? s.goLiveDate ?? s.registeredOn, SYSTEM_REVIEW_MONTHS);
}

/** The review is due (or overdue) on `today`. */
export function isSystemReviewDue(s: ReviewDueInput, today: string): boolean {
  const due = systemReviewDueOn(s);
  return due !== null && due <= today;
}
