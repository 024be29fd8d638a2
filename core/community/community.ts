// Community digital technology teams (Tổ công nghệ số cộng đồng): the words of the registry, shared by the
// server, the staff app and the public page. Pure; no I/O.

export const TEAM_STATUSES = ['active', 'inactive', 'dissolved'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export const MEMBER_ROLES = ['leader', 'deputy', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Where a member comes from (Công văn 793/BTTTT-THH and provincial practice). */
export const ORGANISATIONS = [
  'village_head',
  'police',
  'youth_union',
  'womens_union',
  'fatherland_front',
  'farmers_association',
  'veterans',
  'party_cell',
  'telecom',
  'commune_official',
  'other',
] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

export const ACTIVITY_KINDS = ['home', 'one_stop', 'village_hall', 'online'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Skills taught; the five basic skills plus the national platforms people are helped onto. */
export const SKILLS = [
  'vneid_level2',
  'online_public_services',
  'cashless_payment',
  'ecommerce',
  'online_safety',
  'digital_signature',
  'e_health',
  'citizen_app',
] as const;
export type Skill = (typeof SKILLS)[number];

export const TARGET_METRICS = ['teams', 'sessions', 'people'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TEAM_STATUS_LABELS: Record<TeamStatus, { vi: string; en: string }> = {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  inactive: { vi: 'Tạm ngừng', en: 'Inactive' },
  dissolved: { vi: 'Đã giải thể', en: 'Dissolved' },
};
export const MEMBER_ROLE_LABELS: Record<MemberRole, { vi: string; en: string }> = {
  leader: { vi: 'Tổ trưởng', en: 'Leader' },
  deputy: { vi: 'Tổ phó', en: 'Deputy' },
  member: { vi: 'Thành viên', en: 'Member' },
};
export const ORGANISATION_LABELS: Record<Organisation, { vi: string; en: string }> = {
  village_head: { vi: 'Trưởng thôn / Tổ trưởng TDP', en: 'Village head' },
  police: { vi: 'Công an', en: 'Police' },
  youth_union: { vi: 'Đoàn Thanh niên', en: 'Youth Union' },
  womens_union: { vi: 'Hội Liên hiệp Phụ nữ', en: "Women's Union" },
  fatherland_front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  farmers_association: { vi: 'Hội Nông dân', en: "Farmers' Association" },
  veterans: { vi: 'Hội Cựu chiến binh', en: 'Veterans' },
  party_cell: { vi: 'Chi bộ', en: 'Party cell' },
  telecom: { vi: 'Doanh nghiệp viễn thông', en: 'Telecom company' },
  commune_official: { vi: 'Công chức xã', en: 'Commune official' },
  other: { vi: 'Khác', en: 'Other' },
};
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, { vi: string; en: string }> = {
  home: { vi: 'Hướng dẫn tại nhà', en: 'Guidance at home' },
  one_stop: { vi: 'Hỗ trợ tại bộ phận một cửa', en: 'At the one-stop shop' },
  village_hall: { vi: 'Buổi hướng dẫn tại nhà văn hoá', en: 'Session in the village hall' },
  online: { vi: 'Trực tuyến', en: 'Online' },
};
export const SKILL_LABELS: Record<Skill, { vi: string; en: string }> = {
  vneid_level2: { vi: 'VNeID mức 2', en: 'VNeID level 2' },
  online_public_services: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
  cashless_payment: { vi: 'Thanh toán không dùng tiền mặt', en: 'Cashless payment' },
  ecommerce: { vi: 'Thương mại điện tử', en: 'E-commerce' },
  online_safety: { vi: 'An toàn trên mạng', en: 'Online safety' },
  digital_signature: { vi: 'Chữ ký số', en: 'Digital signature' },
  e_health: { vi: 'Sổ sức khoẻ điện tử', en: 'E-health record' },
  citizen_app: { vi: 'Ứng dụng công dân của tỉnh', en: "Province's citizen app" },
};

/**
 * A Vietnamese mobile or landline number as digits ('0912345678'), or null when it is not one: a mobile (10 digits:
 * 03/05/07/08/09…) or a landline (11 digits: 02…), written with spaces, dots or dashes, or with +84/84.
 */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s.()-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (!/^0[35789]\d{8}$/.test(digits) && !/^02\d{9}$/.test(digits)) return null;
  return digits;
}

/** '0912345678' → '091****678' (the public page, logs and the audit log never show more). */
export function maskPhoneDigits(phone: string): string {
  const d = phone.replace(/\D/g, '');
  if (d.length <= 6) return '*'.repeat(d.length);
  return `${d.slice(0, 3)}${'*'.repeat(d.length - 6)}${d.slice(-3)}`;
}
