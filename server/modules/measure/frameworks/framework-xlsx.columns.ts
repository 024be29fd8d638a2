// The layout of a framework workbook, shared by export and import so the two cannot drift apart.
// Sheet "Chỉ số": one row per node (group, main index, component) in tree order, with its parent's code.
// Sheet "Thông tin": the framework's own fields, one per row (field key, label, value).
// Sheet "Mức": maturity bands.
// Sheet "Quy tắc kiểm tra": consistency rules between components (optional on import: older files lack it).

export const NODES_SHEET = 'Chỉ số';
export const INFO_SHEET = 'Thông tin';
export const BANDS_SHEET = 'Mức';
export const RULES_SHEET = 'Quy tắc kiểm tra';

export const LEVELS = { group: 'Nhóm', main: 'Chỉ số chính', component: 'Chỉ số thành phần' } as const;
export type Level = keyof typeof LEVELS;

/** Written in the pillar column of a component that has no pillar (as opposed to inheriting one). */
export const NO_PILLAR = 'none';

export const NODE_COLUMNS = [
  { key: 'code', header: 'Mã', width: 10 },
  { key: 'parentCode', header: 'Mã cấp trên', width: 12 },
  { key: 'level', header: 'Cấp', width: 18 },
  { key: 'name', header: 'Tên', width: 48 },
  { key: 'nameEn', header: 'Tên tiếng Anh', width: 30 },
  { key: 'description', header: 'Mô tả', width: 30 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 10 },
  { key: 'pillar', header: 'Trụ cột', width: 12 },
  { key: 'valueType', header: 'Kiểu giá trị', width: 12 },
  { key: 'unitOfMeasure', header: 'Đơn vị tính', width: 12 },
  { key: 'ruleKind', header: 'Cách tính điểm', width: 12 },
  { key: 'ruleParams', header: 'Tham số cách tính (JSON)', width: 40 },
  { key: 'requiredEvidence', header: 'Tài liệu kiểm chứng', width: 30 },
  { key: 'dataSource', header: 'Nguồn dữ liệu', width: 20 },
  { key: 'verifyingAgency', header: 'Cơ quan thẩm định', width: 20 },
  { key: 'appliesTo', header: 'Áp dụng cho (JSON)', width: 24 },
  { key: 'informational', header: 'Chỉ để theo dõi', width: 10 },
  { key: 'kpiCode', header: 'Mã KPI', width: 12 },
  { key: 'isExample', header: 'Nội dung ví dụ', width: 10 },
] as const;
export type NodeColumnKey = (typeof NODE_COLUMNS)[number]['key'];

export const INFO_FIELDS = [
  { key: 'code', label: 'Mã bộ chỉ số' },
  { key: 'name', label: 'Tên bộ chỉ số' },
  { key: 'nameEn', label: 'Tên tiếng Anh' },
  { key: 'version', label: 'Phiên bản' },
  { key: 'description', label: 'Mô tả' },
  { key: 'legalBasis', label: 'Căn cứ' },
  { key: 'maxPoints', label: 'Tổng điểm tối đa' },
  { key: 'isExample', label: 'Nội dung ví dụ' },
] as const;

export const BAND_COLUMNS = [
  { key: 'code', header: 'Mã mức', width: 10 },
  { key: 'name', header: 'Tên mức', width: 24 },
  { key: 'nameEn', header: 'Tên tiếng Anh', width: 24 },
  { key: 'minValue', header: 'Từ giá trị (0–1)', width: 14 },
] as const;

export const RULE_COLUMNS = [
  { key: 'code', header: 'Mã quy tắc', width: 14 },
  { key: 'expression', header: 'Biểu thức so sánh', width: 36 },
  { key: 'message', header: 'Thông báo khi vi phạm', width: 48 },
  { key: 'messageEn', header: 'Thông báo tiếng Anh', width: 40 },
] as const;
export type RuleColumnKey = (typeof RULE_COLUMNS)[number]['key'];

/** "x" marks a true flag; an empty cell is false. */
export const FLAG = 'x';
