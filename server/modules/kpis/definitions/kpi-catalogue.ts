import type { KpiDefinitionInput } from '../../../../core/contracts/kpis.js';
import type { UnitKind } from '../../../../core/units/kind.js';

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
  // Computed by Steer's registers (source 'computed'), never typed in.
  {
    code: 'STEER_DX_PRODUCTS_ACCEPTED',
    nameVi: 'Số sản phẩm chuyển đổi số được công nhận',
    nameEn: 'DX products accepted',
    description: 'Sản phẩm chuyển đổi số của đơn vị trong năm được Ban Chỉ đạo (Tổ giúp việc) công nhận.',
    unitOfMeasure: 'sản phẩm',
    valueType: 'count',
    periodicity: 'yearly',
    timeAggregation: 'last',
    appliesToKinds: [],
    higherIsBetter: true,
  },
  {
    code: 'STEER_SYSTEMS_INTEGRATED_RATE',
    nameVi: 'Tỷ lệ hệ thống thông tin kết nối nền tảng LGSP của tỉnh',
    nameEn: 'Share of information systems integrated with the provincial LGSP',
    description: 'Tử số: hệ thống đang vận hành đã kết nối LGSP; mẫu số: hệ thống đang vận hành của đơn vị.',
    periodicity: 'yearly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
    timeAggregation: 'last',
  },
  {
    code: 'STEER_SYSTEMS_SECURITY_RATE',
    nameVi: 'Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn',
    nameEn: 'Share of information systems with an approved security level',
    description:
      'Tử số: hệ thống đang vận hành có hồ sơ đề xuất cấp độ (Nghị định 85/2016/NĐ-CP) được phê duyệt; mẫu số: hệ thống đang vận hành.',
    periodicity: 'yearly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
    timeAggregation: 'last',
  },
  // Written by DXBoard itself from Steer's tasks (on each report issue and daily), per lead unit and for the
  // scope of a plan: tasks falling due in the quarter; numerator done (on time), denominator falling due.
  // Computed by Contest when a round or the contest closes: numerator people registered with the unit (commune:
  // residents and its officials; department: its officials), denominator the unit's headcount.
  {
    code: 'CONTEST_PARTICIPATION_RATE',
    nameVi: 'Tỷ lệ tham gia cuộc thi tìm hiểu về chuyển đổi số',
    nameEn: 'Participation in the DX knowledge contest',
    description:
      'Tính tự động từ mô-đun Cuộc thi: tử số là số người đăng ký dự thi thuộc đơn vị, mẫu số là dân số (xã, phường) hoặc số cán bộ, công chức (sở, ngành).',
    periodicity: 'yearly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
    timeAggregation: 'last',
  },
  {
    code: 'STEER_TASK_ON_TIME_RATE',
    nameVi: 'Tỷ lệ nhiệm vụ chuyển đổi số hoàn thành đúng hạn',
    nameEn: 'Share of DX tasks done on time',
    description:
      'Tính tự động từ mô-đun Chỉ đạo điều hành: tử số là nhiệm vụ đến hạn trong quý đã hoàn thành đúng hạn, mẫu số là nhiệm vụ đến hạn trong quý.',
    periodicity: 'quarterly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'STEER_TASK_COMPLETION_RATE',
    nameVi: 'Tỷ lệ nhiệm vụ chuyển đổi số đến hạn đã hoàn thành',
    nameEn: 'Share of DX tasks falling due that are done',
    description:
      'Tính tự động từ mô-đun Chỉ đạo điều hành: tử số là nhiệm vụ đến hạn trong quý đã hoàn thành (đúng hạn hoặc quá hạn), mẫu số là nhiệm vụ đến hạn trong quý.',
    periodicity: 'quarterly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
  },
  // Written by DXBoard itself from Community's registry (on every activity, team and attendance change).
  {
    code: 'COMMUNITY_ACTIVITIES',
    nameVi: 'Số buổi hoạt động của các Tổ công nghệ số cộng đồng',
    nameEn: 'Community digital technology team sessions',
    description: 'Tính tự động từ mô-đun Cộng đồng: số hoạt động các tổ của xã ghi trong năm.',
    unitOfMeasure: 'buổi',
    valueType: 'count',
    periodicity: 'yearly',
    timeAggregation: 'last',
    appliesToKinds: [],
    higherIsBetter: true,
  },
  {
    code: 'TRAINING_OFFICIALS_TRAINED_RATE',
    nameVi: 'Tỷ lệ cán bộ, công chức được tập huấn chuyển đổi số trong năm',
    nameEn: 'Share of officials trained in digital transformation this year',
    description:
      'Tính tự động từ mô-đun Cộng đồng: tử số là cán bộ của đơn vị đã dự ít nhất một buổi tập huấn trong năm, mẫu số là biên chế.',
    periodicity: 'yearly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
    timeAggregation: 'last',
  },
  // Written by DXBoard itself from Feedback (on each answer and rating, and daily), per handling unit and quarter:
  // reports whose answer deadline falls in the quarter, numerator those answered on time; ratings given in the
  // quarter, numerator the satisfied ones.
  {
    code: 'FEEDBACK_ON_TIME_RATE',
    nameVi: 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn',
    nameEn: 'Share of citizen reports answered on time',
    description:
      'Tính tự động từ mô-đun Phản ánh kiến nghị: tử số là phản ánh đến hạn trong quý được trả lời đúng hạn, mẫu số là phản ánh đến hạn trong quý.',
    periodicity: 'quarterly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
  },
  {
    code: 'FEEDBACK_SATISFACTION_RATE',
    nameVi: 'Tỷ lệ người dân hài lòng với kết quả xử lý phản ánh, kiến nghị',
    nameEn: 'Share of citizens satisfied with the answer to their report',
    description:
      'Tính tự động từ mô-đun Phản ánh kiến nghị: tử số là lượt đánh giá hài lòng trong quý, mẫu số là lượt đánh giá trong quý.',
    periodicity: 'quarterly',
    appliesToKinds: [],
    higherIsBetter: true,
    ...ratio,
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
  'contest.participation_rate': 'CONTEST_PARTICIPATION_RATE',
  'steer.task_on_time_rate': 'STEER_TASK_ON_TIME_RATE',
  'steer.task_completion_rate': 'STEER_TASK_COMPLETION_RATE',
  'steer.dx_products_accepted': 'STEER_DX_PRODUCTS_ACCEPTED',
  'steer.systems_integrated_rate': 'STEER_SYSTEMS_INTEGRATED_RATE',
  'steer.systems_security_rate': 'STEER_SYSTEMS_SECURITY_RATE',
  'feedback.on_time_rate': 'FEEDBACK_ON_TIME_RATE',
  'feedback.satisfaction_rate': 'FEEDBACK_SATISFACTION_RATE',
  'community.activities': 'COMMUNITY_ACTIVITIES',
  'community.teams': 'COMMUNITY_TEAMS',
  'training.officials_trained_rate': 'TRAINING_OFFICIALS_TRAINED_RATE',
};

/** The catalogue code for a code or template alias; null when the alias depends on the unit and none is given. */
export function kpiCodeFor(code: string, kind: UnitKind | null): string | null {
  const alias = ALIASES[code.trim().toLowerCase()];
  if (alias === undefined) return code.trim().toUpperCase();
  if (typeof alias === 'string') return alias;
  return kind ? alias(kind) : null;
}
