// biome-ignore-all format: one component per line keeps these tables reviewable against the source decisions
import type { Framework } from '../../contracts/measure-framework.js';
import { c, doc, dueBy, group, headOfCommittee, type IndexDefaults, ladder, lowerIsBetter, mainIndex, pct, pick, ratio, steps, THREE_BANDS, target, yes } from './builders.js';

// Provincial DTI under 405/QĐ-BKHCN (3 Apr 2025): 8 main indices, 47 components, 1,000 points, smart city
// removed. The counts are official; the points per main index and the component texts are examples
// (the appendix was not available). About 20% of components (10 of 47) take their value from a KPI feed,
// matching the share measured automatically at provincial level.

const D: IndexDefaults = {
  dataSource: 'UBND tỉnh báo cáo; số liệu thống kê đã kiểm chứng',
  verifyingAgency: 'Cục Chuyển đổi số quốc gia, Bộ Khoa học và Công nghệ',
};

const NT = mainIndex('NT', 'Nhận thức số', 'Digital awareness', 60, 'government', [
  c('NT.1', 'Trưởng Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của tỉnh', 'Head of the provincial steering committee', 15, headOfCommittee()),
  c('NT.2', 'Số cuộc họp của Ban Chỉ đạo trong năm', 'Steering committee meetings per year', 15, ladder([1, 2, 3, 4], 'cuộc họp'), { ev: 'Thông báo kết luận từng cuộc họp (số, ngày, trích yếu)' }),
  c('NT.3', 'Tỷ lệ cuộc họp về chuyển đổi số do Bí thư hoặc Chủ tịch UBND tỉnh chủ trì', 'Share of DX meetings chaired by the Secretary or Chairman', 15, ratio()),
  c('NT.4', 'Số tin, bài tuyên truyền về chuyển đổi số, Nghị quyết 57-NQ/TW trong năm', 'DX and Resolution 57 news items per year', 15, steps([[12, 0.25], [24, 0.5], [48, 1]], 'tin, bài')),
], D);

const TC = mainIndex('TC', 'Thể chế số', 'Digital institutions', 60, 'government', [
  c('TC.1', 'Kế hoạch chuyển đổi số năm của UBND tỉnh ban hành đúng hạn', 'Annual DX plan issued on time', 15, dueBy('{year}-03-31', 0.5)),
  c('TC.2', 'Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (mục tiêu 3%)', 'Budget share for science, innovation and DX (target 3%)', 15, target(3, 0, '%')),
  c('TC.3', 'Kiến trúc số cấp tỉnh được ban hành, cập nhật', 'Provincial digital architecture issued or updated', 15, doc()),
  c('TC.4', 'Tỷ lệ nhiệm vụ trong kế hoạch chuyển đổi số năm hoàn thành đúng hạn', 'Share of annual DX plan tasks done on time', 15, ratio(), { kpi: 'steer.task_on_time_rate' }),
], D);

const HT = mainIndex('HT', 'Hạ tầng số', 'Digital infrastructure', 100, 'society', [
  c('HT.1', 'Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang', 'Households with fibre broadband', 20, pct(), { kpi: 'infra.fibre_household_rate' }),
  c('HT.2', 'Tỷ lệ dân số được phủ sóng 5G', 'Population covered by 5G', 20, pct()),
  c('HT.3', 'Tỷ lệ hệ thống thông tin dùng chung triển khai trên nền tảng điện toán đám mây', 'Shared systems on cloud platforms', 15, ratio(), { pillar: 'government' }),
  c('HT.4', 'Tỷ lệ cơ quan cấp tỉnh, cấp xã kết nối mạng truyền số liệu chuyên dùng', 'Agencies on the government data network', 15, ratio(), { pillar: 'government' }),
  c('HT.5', 'Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh kết nối Nền tảng quốc gia (NDXP)', 'Provincial data-sharing platform linked to NDXP', 15, yes(), { pillar: 'government' }),
  c('HT.6', 'Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh', 'Provincial intelligent operations centre', 15, pick([['van_hanh', 'Đang vận hành, kết nối từ 5 lĩnh vực trở lên', 1], ['thi_diem', 'Vận hành thí điểm, dưới 5 lĩnh vực', 0.5], ['khong', 'Chưa có', 0]]), { pillar: 'government' }),
], D);

const NL = mainIndex('NL', 'Nhân lực số', 'Digital human resources', 80, 'government', [
  c('NL.1', 'Tỷ lệ cơ quan, đơn vị có cán bộ chuyên trách chuyển đổi số', 'Agencies with a dedicated DX officer', 15, ratio()),
  c('NL.2', 'Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số trong năm', 'Civil servants trained in digital skills this year', 20, ratio()),
  c('NL.3', 'Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động', 'Villages with an active community digital team', 15, ratio(), { kpi: 'community.team_coverage_rate', pillar: 'society' }),
  c('NL.4', 'Tỷ lệ người dân tham gia phong trào "Bình dân học vụ số"', 'Residents in the "digital literacy for all" movement', 15, pct(0.5), { pillar: 'society', desc: 'Đạt 50% dân số được tối đa' }),
  c('NL.5', 'Số lao động công nghệ số làm việc tại doanh nghiệp trên địa bàn', 'Digital technology workers in local firms', 15, ladder([500, 1000, 2000, 5000], 'người'), { pillar: 'economy' }),
], D);

const AT = mainIndex('AT', 'An toàn thông tin mạng', 'Cyber security', 100, 'government', [
  c('AT.1', 'Tỷ lệ hệ thống thông tin được phê duyệt hồ sơ đề xuất cấp độ', 'Information systems with an approved security level', 25, ratio()),
  c('AT.2', 'Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo đảm an toàn theo cấp độ', 'Systems with full level-appropriate protection', 20, ratio()),
  c('AT.3', 'Trung tâm giám sát an toàn thông tin (SOC) kết nối, chia sẻ với hệ thống quốc gia', 'SOC linked to the national monitoring system', 20, yes()),
  c('AT.4', 'Số sự cố an toàn thông tin nghiêm trọng trong năm (càng ít càng tốt)', 'Serious security incidents (fewer is better)', 15, lowerIsBetter(0, 5, 'sự cố')),
  c('AT.5', 'Số cuộc diễn tập thực chiến an toàn thông tin mạng trong năm', 'Live cyber security drills per year', 20, ladder([1, 2], 'cuộc')),
], D);

const CQS = mainIndex('CQS', 'Chính quyền số', 'Digital government', 250, 'government', [
  c('CQS.1', 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình', 'Procedures offered fully online', 25, ratio(), { kpi: 'dvc.full_online_procedure_rate' }),
  c('CQS.2', 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', 'Dossiers processed fully online', 25, ratio(), { kpi: 'dvc.full_online_rate' }),
  c('CQS.3', 'Tỷ lệ hồ sơ có thanh toán trực tuyến phí, lệ phí', 'Dossiers with online payment', 20, ratio(), { kpi: 'dvc.online_payment_rate' }),
  c('CQS.4', 'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa', 'Dossiers and decisions digitised', 25, ratio(), { kpi: 'dvc.digitised_rate' }),
  c('CQS.5', 'Tỷ lệ văn bản đi được ký số ở cấp tỉnh và cấp xã', 'Outgoing documents digitally signed (province and commune)', 25, ratio(), { kpi: 'edoc.signed_rate' }),
  c('CQS.6', 'Chỉ số phục vụ người dân, doanh nghiệp (766/QĐ-TTg)', 'Service index for citizens and firms (766/QĐ-TTg)', 25, target(90, 50, 'điểm', 'number'), { desc: 'Điểm Chỉ số phục vụ (thang 100) so với mốc 50 và mục tiêu 90' }),
  c('CQS.7', 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn', 'Citizen feedback answered on time', 20, ratio(), { kpi: 'feedback.on_time_rate' }),
  c('CQS.8', 'Tỷ lệ người dân hài lòng với kết quả xử lý phản ánh, kiến nghị (đạt 90% được tối đa)', 'Satisfaction with feedback handling (90% earns full points)', 20, ratio(0.9), { kpi: 'feedback.satisfaction_rate' }),
  c('CQS.9', 'Tỷ lệ cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ', 'Sector databases connected and shared', 25, ratio()),
  c('CQS.10', 'Số bộ dữ liệu mở được công bố', 'Open datasets published', 20, ladder([5, 10, 20], 'bộ dữ liệu')),
  c('CQS.11', 'Tỷ lệ chế độ báo cáo được thực hiện trực tuyến', 'Reporting regimes done online', 20, ratio()),
], D);

const KTS = mainIndex('KTS', 'Kinh tế số', 'Digital economy', 175, 'economy', [
  c('KTS.1', 'Tỷ trọng kinh tế số trong GRDP (mục tiêu 20%)', 'Digital economy share of GRDP (target 20%)', 40, target(20, 0, '%'), { source: 'Cục Thống kê tỉnh' }),
  c('KTS.2', 'Số doanh nghiệp công nghệ số đang hoạt động', 'Digital technology firms in operation', 25, ladder([50, 100, 200, 400], 'doanh nghiệp')),
  c('KTS.3', 'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số', 'SMEs using digital platforms', 30, ratio()),
  c('KTS.4', 'Tỷ lệ giao dịch thanh toán không dùng tiền mặt', 'Cashless share of payment transactions', 30, pct()),
  c('KTS.5', 'Số sản phẩm OCOP được đưa lên sàn thương mại điện tử', 'OCOP products on e-commerce platforms', 25, ladder([20, 50, 100, 150], 'sản phẩm')),
  c('KTS.6', 'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử và nộp thuế điện tử', 'Firms using e-invoices and e-tax', 25, ratio(), { source: 'Thuế tỉnh' }),
], D);

const XHS = mainIndex('XHS', 'Xã hội số', 'Digital society', 175, 'society', [
  c('XHS.1', 'Tỷ lệ người trưởng thành sử dụng điện thoại thông minh', 'Adults using a smartphone', 30, pct()),
  c('XHS.2', 'Tỷ lệ người dân sử dụng Internet', 'Internet users', 25, pct()),
  c('XHS.3', 'Tỷ lệ người dân có tài khoản định danh điện tử VNeID mức 2', 'People with VNeID level 2', 35, ratio(), { source: 'Công an tỉnh' }),
  c('XHS.4', 'Tỷ lệ người trưởng thành có tài khoản thanh toán điện tử', 'Adults with an e-payment account', 30, pct()),
  c('XHS.5', 'Tỷ lệ người dân có sổ sức khỏe điện tử', 'People with an electronic health book', 30, ratio(), { source: 'Sở Y tế' }),
  c('XHS.6', 'Tỷ lệ người dân hài lòng với dịch vụ công trực tuyến (đạt 90% được tối đa)', 'Satisfaction with online public services (90% earns full points)', 25, pct(0.9)),
], D);

export const DTI_405_PROVINCE: Framework = {
  code: 'DTI405_TINH',
  name: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (405/QĐ-BKHCN)',
  nameEn: 'Provincial Digital Transformation Index (405/QĐ-BKHCN)',
  version: '2025',
  legalBasis: 'Quyết định 405/QĐ-BKHCN ngày 03/4/2025 của Bộ Khoa học và Công nghệ',
  description: 'Cấu trúc 8 chỉ số chính, 47 chỉ số thành phần, 1.000 điểm theo Quyết định 405/QĐ-BKHCN; điểm từng chỉ số chính và nội dung chỉ số thành phần là ví dụ (ví dụ, có thể chỉnh sửa) vì chưa có phụ lục gốc.',
  maxPoints: 1000,
  groups: [
    group('NEN_TANG', 'Nền tảng chung', 'Common foundation', [NT, TC, HT, NL, AT]),
    group('HOAT_DONG', 'Hoạt động chuyển đổi số', 'Digital transformation activities', [CQS, KTS, XHS]),
  ],
  bands: THREE_BANDS,
  isExample: true,
};
