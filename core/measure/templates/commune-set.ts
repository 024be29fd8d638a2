// biome-ignore-all format: one component per line keeps these tables reviewable against the source decisions
import type { Framework, MeasureUnitKind } from '../../contracts/measure-framework.js';
import { c, doc, dueBy, formula, group, headOfCommittee, type IndexDefaults, ladder, lowerIsBetter, mainIndex, pct, ratio, steps, THREE_BANDS, yes } from './builders.js';

// Commune, ward and special-zone set modelled on Hà Nội's 2025 commune set (47 components in 8 groups:
// awareness 5, institutions 3, infrastructure 5, human resources 6, cyber security 4, digital government 10,
// digital economy 6, digital society 8) on TP.HCM's 100-point scale. Two rural components (OCOP products,
// cooperatives) do not apply to wards, whose maximum is rebased. All component texts are examples.

const LOCAL: MeasureUnitKind[] = ['commune', 'ward', 'special_zone'];
const RURAL: MeasureUnitKind[] = ['commune', 'special_zone'];
const D: IndexDefaults = {
  dataSource: 'UBND xã, phường, đặc khu tự đánh giá',
  verifyingAgency: 'Sở Khoa học và Công nghệ (cơ quan thường trực)',
  appliesTo: { unitKinds: LOCAL },
};

const NT = mainIndex('X.NT', 'Nhận thức số', 'Digital awareness', 8, 'government', [
  c('X.NT.1', 'Trưởng Ban Chỉ đạo chuyển đổi số của xã', 'Head of the commune DX steering committee', 2, headOfCommittee()),
  c('X.NT.2', 'Số cuộc họp của Ban Chỉ đạo chuyển đổi số trong năm', 'Steering committee meetings per year', 2, ladder([1, 2, 3, 4], 'cuộc họp'), { ev: 'Thông báo kết luận từng cuộc họp (số, ngày, trích yếu)' }),
  c('X.NT.3', 'Chuyên mục chuyển đổi số trên trang thông tin điện tử của xã', 'DX section on the commune website', 1, yes()),
  c('X.NT.4', 'Số lượt tuyên truyền về chuyển đổi số trên hệ thống truyền thanh cơ sở', 'DX broadcasts on the local loudspeaker system', 2, steps([[12, 0.5], [24, 0.75], [52, 1]], 'lượt')),
  c('X.NT.5', 'Tổ chức hưởng ứng Ngày Chuyển đổi số quốc gia (10/10)', 'Events for National DX Day (10 Oct)', 1, yes()),
], D);

const TC = mainIndex('X.TC', 'Thể chế số', 'Digital institutions', 6, 'government', [
  c('X.TC.1', 'Kế hoạch chuyển đổi số năm của UBND xã ban hành đúng hạn', 'Annual DX plan issued on time', 2, dueBy('{year}-03-31', 0.5)),
  c('X.TC.2', 'Quyết định thành lập và quy chế hoạt động của các Tổ công nghệ số cộng đồng', 'Decision and rules for community digital teams', 2, doc()),
  c('X.TC.3', 'Tỷ lệ nhiệm vụ chuyển đổi số được giao hoàn thành đúng hạn', 'Assigned DX tasks done on time', 2, ratio(), { kpi: 'steer.task_on_time_rate' }),
], D);

const HT = mainIndex('X.HT', 'Hạ tầng số', 'Digital infrastructure', 10, 'society', [
  c('X.HT.1', 'Tỷ lệ thôn, tổ dân phố có hạ tầng cáp quang', 'Villages with fibre', 2, ratio()),
  c('X.HT.2', 'Tỷ lệ thôn, tổ dân phố được phủ sóng 4G/5G', 'Villages covered by 4G/5G', 2, ratio()),
  c('X.HT.3', 'Trụ sở UBND xã kết nối mạng truyền số liệu chuyên dùng', 'Commune office on the government data network', 2, yes(), { pillar: 'government' }),
  c('X.HT.4', 'Số camera an ninh, giao thông kết nối trung tâm giám sát', 'Security cameras linked to the monitoring centre', 2, ladder([5, 10, 20], 'camera')),
  c('X.HT.5', 'Wi-Fi miễn phí tại Trung tâm phục vụ hành chính công của xã', 'Free Wi-Fi at the one-stop service centre', 2, yes()),
], D);

const NL = mainIndex('X.NL', 'Nhân lực số', 'Digital human resources', 10, 'society', [
  c('X.NL.1', 'Có công chức phụ trách chuyển đổi số', 'Designated DX officer', 2, yes(), { pillar: 'government' }),
  c('X.NL.2', 'Tỷ lệ cán bộ, công chức xã được bồi dưỡng kỹ năng số', 'Commune staff trained in digital skills', 2, ratio(), { pillar: 'government' }),
  c('X.NL.3', 'Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động', 'Villages with an active community digital team', 2, ratio(), { kpi: 'community.team_coverage_rate' }),
  c('X.NL.4', 'Số buổi hoạt động của các Tổ công nghệ số cộng đồng trong năm', 'Community digital team sessions this year', 1, ladder([4, 8, 12], 'buổi'), { kpi: 'community.activities' }),
  c('X.NL.5', 'Số lượt người dân được hướng dẫn kỹ năng số (VNeID, dịch vụ công, thanh toán số)', 'Residents coached in digital skills', 2, ladder([200, 500, 1000], 'lượt')),
  c('X.NL.6', 'Tỷ lệ người dân tham gia cuộc thi tìm hiểu về chuyển đổi số (đạt 5% được tối đa)', 'Residents taking part in the DX contest (5% earns full points)', 1, pct(0.05), { kpi: 'contest.participation_rate' }),
], D);

const AT = mainIndex('X.AT', 'An toàn thông tin mạng', 'Cyber security', 8, 'government', [
  c('X.AT.1', 'Tỷ lệ máy tính cài phần mềm phòng chống mã độc', 'Computers with anti-malware', 2, ratio()),
  c('X.AT.2', 'Tỷ lệ cán bộ, công chức được phổ biến kỹ năng an toàn thông tin', 'Staff briefed on cyber hygiene', 2, ratio()),
  c('X.AT.3', 'Số sự cố mất an toàn thông tin trong năm (càng ít càng tốt)', 'Security incidents this year (fewer is better)', 2, lowerIsBetter(0, 3, 'sự cố')),
  c('X.AT.4', 'Tuyên truyền phòng chống lừa đảo trực tuyến cho người dân', 'Anti-scam campaign for residents', 2, yes(), { pillar: 'society' }),
], D);

const CQS = mainIndex('X.CQS', 'Chính quyền số', 'Digital government', 28, 'government', [
  c('X.CQS.1', 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', 'Dossiers processed fully online', 3, ratio(), { kpi: 'dvc.full_online_rate' }),
  c('X.CQS.2', 'Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến', 'Dossiers submitted online', 3, ratio(), { kpi: 'dvc.online_submission_rate' }),
  c('X.CQS.3', 'Tỷ lệ hồ sơ có thanh toán trực tuyến phí, lệ phí', 'Dossiers with online payment', 3, ratio(), { kpi: 'dvc.online_payment_rate' }),
  c('X.CQS.4', 'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa', 'Dossiers and decisions digitised', 3, ratio()),
  c('X.CQS.5', 'Tỷ lệ văn bản đi của xã được ký số', 'Outgoing commune documents digitally signed', 3, ratio(), { kpi: 'edoc.signed_rate' }),
  c('X.CQS.6', 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', 'Dossiers settled on time', 3, ratio()),
  c('X.CQS.7', 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn', 'Citizen feedback answered on time', 3, ratio(), { kpi: 'feedback.on_time_rate' }),
  c('X.CQS.8', 'Tỷ lệ người dân hài lòng với kết quả xử lý phản ánh, kiến nghị (đạt 90% được tối đa)', 'Satisfaction with feedback handling (90% earns full points)', 3, ratio(0.9), { kpi: 'feedback.satisfaction_rate' }),
  c('X.CQS.9', 'Tỷ lệ sổ hộ tịch được số hóa', 'Civil status books digitised', 2, ratio()),
  c('X.CQS.10', 'Chỉ số tổng hợp dịch vụ công trực tuyến (trung bình X.CQS.1 đến X.CQS.3)', 'Composite online service index (mean of X.CQS.1–3)', 2, formula('(X.CQS.1 + X.CQS.2 + X.CQS.3) / 300')),
], D);

const KTS = mainIndex('X.KTS', 'Kinh tế số', 'Digital economy', 14, 'economy', [
  c('X.KTS.1', 'Số hộ sản xuất, kinh doanh có gian hàng trên sàn thương mại điện tử', 'Households with e-commerce stalls', 3, ladder([10, 20, 40], 'hộ'), { kpi: 'ecommerce.stalls' }),
  c('X.KTS.2', 'Số sản phẩm OCOP của xã được đưa lên sàn thương mại điện tử', 'Commune OCOP products on e-commerce platforms', 3, ladder([1, 3, 5], 'sản phẩm'), { kinds: RURAL, desc: 'Chỉ áp dụng cho xã và đặc khu' }),
  c('X.KTS.3', 'Tỷ lệ hộ kinh doanh tại chợ chấp nhận thanh toán không dùng tiền mặt', 'Market stalls accepting cashless payment', 2, ratio()),
  c('X.KTS.4', 'Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử', 'Household businesses using e-invoices', 2, ratio()),
  c('X.KTS.5', 'Tỷ lệ hợp tác xã ứng dụng nền tảng số trong sản xuất, kinh doanh', 'Cooperatives using digital platforms', 2, ratio(), { kinds: RURAL, desc: 'Chỉ áp dụng cho xã và đặc khu' }),
  c('X.KTS.6', 'Tỷ lệ trường học, trạm y tế thu phí không dùng tiền mặt', 'Schools and clinics collecting fees cashless', 2, ratio()),
], D);

const XHS = mainIndex('X.XHS', 'Xã hội số', 'Digital society', 16, 'society', [
  c('X.XHS.1', 'Tỷ lệ người dân có tài khoản định danh điện tử VNeID mức 2', 'Residents with VNeID level 2', 2, ratio()),
  c('X.XHS.2', 'Tỷ lệ người trưởng thành sử dụng điện thoại thông minh', 'Adults using a smartphone', 2, pct()),
  c('X.XHS.3', 'Tỷ lệ người trưởng thành có tài khoản thanh toán điện tử', 'Adults with an e-payment account', 2, pct()),
  c('X.XHS.4', 'Tỷ lệ người dân có sổ sức khỏe điện tử', 'Residents with an electronic health book', 2, ratio()),
  c('X.XHS.5', 'Tỷ lệ hộ gia đình có kết nối Internet cáp quang', 'Households with fibre', 2, pct()),
  c('X.XHS.6', 'Tỷ lệ người dân sử dụng ứng dụng phản ánh hiện trường (đạt 30% được tối đa)', 'Residents using the feedback app (30% earns full points)', 2, pct(0.3)),
  c('X.XHS.7', 'Tỷ lệ người dân tham gia phong trào "Bình dân học vụ số" (đạt 50% được tối đa)', 'Residents in the digital literacy movement (50% earns full points)', 2, pct(0.5)),
  c('X.XHS.8', 'Tỷ lệ người dân hài lòng với dịch vụ công trực tuyến (đạt 90% được tối đa)', 'Satisfaction with online public services (90% earns full points)', 2, pct(0.9)),
], D);

export const COMMUNE_SET: Framework = {
  code: 'XA_PHUONG_2025',
  name: 'Bộ chỉ số đánh giá chuyển đổi số cấp xã, phường, đặc khu (mẫu)',
  nameEn: 'DX index for communes, wards and special zones (template)',
  version: '2025',
  description: 'Mô phỏng bộ chỉ số cấp xã của Hà Nội năm 2025 (8 nhóm, 47 chỉ số thành phần) trên thang 100 điểm của TP.HCM; nội dung là ví dụ (ví dụ, có thể chỉnh sửa).',
  maxPoints: 100,
  groups: [
    group('X.NEN_TANG', 'Nền tảng chung', 'Common foundation', [NT, TC, HT, NL, AT]),
    group('X.HOAT_DONG', 'Hoạt động chuyển đổi số', 'DX activities', [CQS, KTS, XHS]),
  ],
  bands: THREE_BANDS,
  isExample: true,
};
