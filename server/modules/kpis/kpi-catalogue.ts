import type { KpiDefinitionInput } from '../../../core/contracts/kpis.js';
import type { UnitKind } from '../../../core/units/kind.js';

// The built-in operational KPIs a provincial DX programme reports (see docs/product.md: e-documents,
// digital signatures at each level, online public services and payments, internet and smartphone
// users, e-commerce stalls and products, community digital technology teams). Editable after seeding.

type Builtin = Required<Omit<KpiDefinitionInput, 'dhis2DataElement' | 'description'>> & {
  description: string;
};

const ratio = { valueType: 'ratio', timeAggregation: 'sum', unitOfMeasure: '%' } as const;
const stock = { valueType: 'count', timeAggregation: 'last', periodicity: 'quarterly' } as const;

export const BUILTIN_KPIS: Builtin[] = [
  {
    code: 'EDOC_SENT',
    nameVi: 'Số văn bản điện tử gửi, nhận trên môi trường mạng',
    nameEn: 'E-documents sent and received online',
    description: 'Văn bản đi và đến dạng điện tử qua hệ thống quản lý văn bản và điều hành.',
    unitOfMeasure: 'văn bản',
    valueType: 'count',
    periodicity: 'monthly',
    timeAggregation: 'sum',
    appliesToKinds: [],
    higherIsBetter: true,
  },
  {
    code: 'DIGSIG_RATE_PROVINCE',
    nameVi: 'Tỷ lệ văn bản đi được ký số (cấp tỉnh)',
    nameEn: 'Share of outgoing documents digitally signed (province level)',
    description: 'Tử số: văn bản đi ký số; mẫu số: tổng văn bản đi của cơ quan cấp tỉnh.',
    periodicity: 'monthly',
    appliesToKinds: ['province', 'agency'],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'DIGSIG_RATE_DISTRICT',
    nameVi: 'Tỷ lệ văn bản đi được ký số (cấp huyện, đến 30/6/2025)',
    nameEn: 'Share of outgoing documents digitally signed (district level, until 30 June 2025)',
    description: 'Giữ để xem lịch sử trước khi bỏ cấp huyện.',
    periodicity: 'monthly',
    appliesToKinds: ['district'],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'DIGSIG_RATE_COMMUNE',
    nameVi: 'Tỷ lệ văn bản đi được ký số (cấp xã)',
    nameEn: 'Share of outgoing documents digitally signed (commune level)',
    description: 'Tử số: văn bản đi ký số; mẫu số: tổng văn bản đi của UBND xã, phường, đặc khu.',
    periodicity: 'monthly',
    appliesToKinds: ['commune'],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'ONLINE_PS_RATE',
    nameVi: 'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến',
    nameEn: 'Share of administrative dossiers received online',
    description: 'Tử số: hồ sơ nộp trực tuyến; mẫu số: tổng hồ sơ tiếp nhận.',
    periodicity: 'monthly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'ONLINE_PAYMENT_RATE',
    nameVi: 'Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến',
    nameEn: 'Share of dossiers with fees paid online',
    description: 'Tử số: hồ sơ thanh toán trực tuyến; mẫu số: hồ sơ có nghĩa vụ tài chính.',
    periodicity: 'monthly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'ONLINE_PS_FULL_RATE',
    nameVi: 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
    nameEn: 'Share of administrative dossiers processed fully online',
    description: 'Tử số: hồ sơ xử lý trực tuyến toàn trình; mẫu số: tổng hồ sơ tiếp nhận.',
    periodicity: 'monthly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'ONLINE_PROCEDURE_FULL_RATE',
    nameVi: 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình',
    nameEn: 'Share of procedures offered fully online',
    description: 'Tử số: thủ tục cung cấp trực tuyến toàn trình; mẫu số: thủ tục đủ điều kiện.',
    periodicity: 'quarterly',
    appliesToKinds: ['province', 'agency'],
    higherIsBetter: true,
    ...ratio,
    timeAggregation: 'last',
  },
  {
    code: 'DOSSIER_DIGITISED_RATE',
    nameVi: 'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hoá',
    nameEn: 'Share of dossiers and results digitised',
    description: 'Tử số: hồ sơ được số hoá; mẫu số: hồ sơ tiếp nhận.',
    periodicity: 'monthly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'FIBRE_HOUSEHOLD_RATE',
    nameVi: 'Tỷ lệ hộ gia đình có kết nối Internet cáp quang',
    nameEn: 'Share of households with fibre broadband',
    description: 'Theo số liệu nhà mạng; lấy kỳ gần nhất.',
    unitOfMeasure: '%',
    valueType: 'percent',
    periodicity: 'quarterly',
    timeAggregation: 'last',
    appliesToKinds: ['province', 'commune'],
    higherIsBetter: true,
  },
  {
    code: 'INTERNET_USERS_RATE',
    nameVi: 'Tỷ lệ người dân sử dụng Internet',
    nameEn: 'Share of residents using the Internet',
    description: 'Theo số liệu nhà mạng hoặc điều tra; lấy kỳ gần nhất.',
    unitOfMeasure: '%',
    valueType: 'percent',
    periodicity: 'quarterly',
    timeAggregation: 'last',
    appliesToKinds: ['province', 'commune'],
    higherIsBetter: true,
  },
  {
    code: 'SMARTPHONE_RATE',
    nameVi: 'Tỷ lệ người trưởng thành có điện thoại thông minh',
    nameEn: 'Share of adults owning a smartphone',
    description: 'Theo số liệu nhà mạng hoặc điều tra; lấy kỳ gần nhất.',
    unitOfMeasure: '%',
    valueType: 'percent',
    periodicity: 'quarterly',
    timeAggregation: 'last',
    appliesToKinds: ['province', 'commune'],
    higherIsBetter: true,
  },
  {
    code: 'ECOM_STALLS',
    nameVi: 'Số gian hàng trên sàn thương mại điện tử',
    nameEn: 'E-commerce stalls on marketplaces',
    description: 'Gian hàng của hộ, hợp tác xã, doanh nghiệp địa phương (số cuối kỳ).',
    unitOfMeasure: 'gian hàng',
    appliesToKinds: [],
    higherIsBetter: true,
    ...stock,
  },
  {
    code: 'ECOM_PRODUCTS',
    nameVi: 'Số sản phẩm địa phương bán trên sàn thương mại điện tử',
    nameEn: 'Local products sold on e-commerce marketplaces',
    description: 'Sản phẩm OCOP và đặc sản địa phương đang bán (số cuối kỳ).',
    unitOfMeasure: 'sản phẩm',
    appliesToKinds: [],
    higherIsBetter: true,
    ...stock,
  },
  {
    code: 'COMMUNITY_TEAMS',
    nameVi: 'Số Tổ công nghệ số cộng đồng',
    nameEn: 'Community digital technology teams',
    description: 'Tổ được thành lập theo quyết định của Chủ tịch UBND xã (số cuối kỳ).',
    unitOfMeasure: 'tổ',
    appliesToKinds: ['province', 'district', 'commune'],
    higherIsBetter: true,
    ...stock,
  },
];

// The KPI codes that framework templates (core/measure/templates) name, mapped onto catalogue codes.
// "edoc.signed_rate" means the signature rate of the unit's own level.
const ALIASES: Record<string, string | ((kind: UnitKind) => string)> = {
  'dvc.online_submission_rate': 'ONLINE_PS_RATE',
  'dvc.online_payment_rate': 'ONLINE_PAYMENT_RATE',
  'dvc.full_online_rate': 'ONLINE_PS_FULL_RATE',
  'dvc.full_online_procedure_rate': 'ONLINE_PROCEDURE_FULL_RATE',
  'dvc.digitised_rate': 'DOSSIER_DIGITISED_RATE',
  'edoc.signed_rate': (kind) =>
    kind === 'commune'
      ? 'DIGSIG_RATE_COMMUNE'
      : kind === 'district'
        ? 'DIGSIG_RATE_DISTRICT'
        : 'DIGSIG_RATE_PROVINCE',
  'edoc.signed_rate_commune': 'DIGSIG_RATE_COMMUNE',
  'edoc.signed_rate_district': 'DIGSIG_RATE_DISTRICT',
  'edoc.signed_rate_province': 'DIGSIG_RATE_PROVINCE',
  'edoc.sent': 'EDOC_SENT',
  'ecommerce.stalls': 'ECOM_STALLS',
  'ecommerce.ocop_products': 'ECOM_PRODUCTS',
  'society.internet_rate': 'INTERNET_USERS_RATE',
  'society.smartphone_rate': 'SMARTPHONE_RATE',
  'infra.fibre_household_rate': 'FIBRE_HOUSEHOLD_RATE',
};

/** The catalogue code for a code or template alias; null when the alias depends on the unit and none is given. */
export function kpiCodeFor(code: string, kind: UnitKind | null): string | null {
  const alias = ALIASES[code.trim().toLowerCase()];
  if (alias === undefined) return code.trim().toUpperCase();
  if (typeof alias === 'string') return alias;
  return kind ? alias(kind) : null;
}
