// biome-ignore-all format: one component per line keeps these tables reviewable against the source decisions
import type { MainIndex } from '../../contracts/measure-framework.js';
import {
  c,
  formula,
  type IndexDefaults,
  ladder,
  mainIndex,
  pct,
  pick,
  ratio,
  target,
  yes,
} from './builders.js';

// Provincial DTI under 922/QĐ-BTTTT, DX activities (hoạt động chuyển đổi số): 3 main indices,
// 42 components, 500 points. Component texts are plausible examples, marked as such.

const D: IndexDefaults = {
  dataSource: 'UBND tỉnh tự đánh giá, báo cáo; hệ thống đo lường tự động',
  verifyingAgency: 'Cục Chuyển đổi số quốc gia (trước đây: Cục Tin học hóa, Bộ TT&TT)',
};

export const DTI922_DIGITAL_GOVERNMENT: MainIndex = mainIndex('CQS', 'Hoạt động chính quyền số', 'Digital government', 200, 'government', [
  c('CQS.1', 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình', 'Procedures offered fully online', 10, ratio()),
  c('CQS.2', 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', 'Dossiers processed fully online', 10, ratio(), { kpi: 'dvc.full_online_rate' }),
  c('CQS.3', 'Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến', 'Dossiers submitted online', 10, ratio(), { kpi: 'dvc.online_submission_rate' }),
  c('CQS.4', 'Tỷ lệ hồ sơ có thanh toán trực tuyến phí, lệ phí', 'Dossiers with online payment of fees', 10, ratio(), { kpi: 'dvc.online_payment_rate' }),
  c('CQS.5', 'Tỷ lệ hồ sơ thủ tục hành chính được số hóa khi tiếp nhận', 'Dossiers digitised on receipt', 10, ratio()),
  c('CQS.6', 'Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa, có giá trị tái sử dụng', 'Decisions digitised for reuse', 10, ratio()),
  c('CQS.7', 'Tỷ lệ văn bản đi được ký số (cấp tỉnh)', 'Outgoing documents digitally signed (province)', 10, ratio(), { kpi: 'edoc.signed_rate_province' }),
  c('CQS.8', 'Tỷ lệ văn bản đi được ký số (cấp huyện)', 'Outgoing documents digitally signed (district)', 10, ratio(), { kpi: 'edoc.signed_rate_district' }),
  c('CQS.9', 'Tỷ lệ văn bản đi được ký số (cấp xã)', 'Outgoing documents digitally signed (commune)', 10, ratio(), { kpi: 'edoc.signed_rate_commune' }),
  c('CQS.10', 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', 'Work files handled online', 10, ratio()),
  c('CQS.11', 'Hệ thống thông tin báo cáo của tỉnh kết nối Hệ thống thông tin báo cáo Chính phủ', 'Reporting system linked to the Government system', 5, yes()),
  c('CQS.12', 'Tỷ lệ chế độ báo cáo được thực hiện trực tuyến', 'Reporting regimes done online', 10, ratio()),
  c('CQS.13', 'Tỷ lệ cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ qua nền tảng LGSP', 'Sector databases shared via LGSP', 10, ratio()),
  c('CQS.14', 'Số bộ dữ liệu mở được công bố trên cổng dữ liệu của tỉnh', 'Open datasets published', 10, ladder([5, 10, 20], 'bộ dữ liệu')),
  c('CQS.15', 'Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính (766/QĐ-TTg)', 'Service index for citizens and firms (766/QĐ-TTg)', 10, target(90, 50, 'điểm', 'number'), { desc: 'Điểm Chỉ số phục vụ (thang 100) so với mốc 50 và mục tiêu 90' }),
  c('CQS.16', 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn', 'Citizen feedback answered on time', 10, ratio(), { kpi: 'feedback.on_time_rate' }),
  c('CQS.17', 'Tỷ lệ người dân hài lòng với kết quả xử lý phản ánh, kiến nghị (đạt 90% được tối đa)', 'Satisfaction with feedback handling (90% earns full points)', 10, ratio(0.9), { kpi: 'feedback.satisfaction_rate' }),
  c('CQS.18', 'Tích hợp định danh điện tử VNeID trên Cổng dịch vụ công của tỉnh', 'VNeID sign-in on the provincial service portal', 5, yes()),
  c('CQS.19', 'Hệ thống họp trực tuyến kết nối đến cấp xã', 'Video-conferencing down to communes', 5, yes()),
  c('CQS.20', 'Ứng dụng di động công dân số của tỉnh', 'Provincial citizen app', 10, pick([['day_du', 'Có, tích hợp từ 3 dịch vụ trở lên', 1], ['co_ban', 'Có, dưới 3 dịch vụ', 0.5], ['khong', 'Chưa có', 0]])),
  c('CQS.21', 'Tỷ lệ sổ hộ tịch, hồ sơ đất đai được số hóa', 'Civil status and land records digitised', 10, ratio()),
  c('CQS.22', 'Chỉ số tổng hợp dịch vụ công trực tuyến (trung bình CQS.2, CQS.3, CQS.4)', 'Composite online service index (mean of CQS.2–CQS.4)', 5, formula('(CQS.2 + CQS.3 + CQS.4) / 300'), { desc: 'Tính tự động: trung bình ba tỷ lệ CQS.2, CQS.3, CQS.4 (mỗi tỷ lệ tính theo %)' }),
], D);

export const DTI922_DIGITAL_ECONOMY: MainIndex = mainIndex('KTS', 'Hoạt động kinh tế số', 'Digital economy', 150, 'economy', [
  c('KTS.1', 'Tỷ trọng kinh tế số trong GRDP của tỉnh', 'Digital economy share of GRDP', 20, target(20, 0, '%'), { desc: 'Khoảng cách đến mục tiêu 20% GRDP (Nghị quyết 57-NQ/TW)', source: 'Cục Thống kê tỉnh' }),
  c('KTS.2', 'Số doanh nghiệp công nghệ số đang hoạt động trên địa bàn', 'Digital technology firms in operation', 10, ladder([50, 100, 200, 400], 'doanh nghiệp')),
  c('KTS.3', 'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử', 'Firms using e-invoices', 10, ratio(), { source: 'Thuế tỉnh' }),
  c('KTS.4', 'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử', 'Firms using e-contracts', 10, ratio()),
  c('KTS.5', 'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số', 'SMEs using digital platforms', 15, ratio()),
  c('KTS.6', 'Số sản phẩm OCOP được đưa lên sàn thương mại điện tử', 'OCOP products on e-commerce platforms', 15, ladder([20, 50, 100, 150], 'sản phẩm'), { kpi: 'ecommerce.ocop_products' }),
  c('KTS.7', 'Số gian hàng của hộ sản xuất, kinh doanh trên sàn thương mại điện tử', 'Household stalls on e-commerce platforms', 10, ladder([20, 40, 80], 'gian hàng'), { kpi: 'ecommerce.stalls' }),
  c('KTS.8', 'Tỷ lệ giao dịch thanh toán không dùng tiền mặt', 'Cashless share of payment transactions', 15, pct(), { source: 'Ngân hàng Nhà nước khu vực' }),
  c('KTS.9', 'Tỷ lệ chợ, trung tâm thương mại có thanh toán không dùng tiền mặt', 'Markets accepting cashless payment', 10, ratio()),
  c('KTS.10', 'Tỷ lệ cơ sở y tế, trường học thu phí không dùng tiền mặt', 'Clinics and schools collecting fees cashless', 10, ratio()),
  c('KTS.11', 'Chương trình hỗ trợ doanh nghiệp chuyển đổi số được triển khai trong năm', 'SME DX support programme this year', 10, yes()),
  c('KTS.12', 'Tỷ lệ doanh nghiệp kê khai, nộp thuế điện tử', 'Firms filing and paying tax online', 15, ratio(), { source: 'Thuế tỉnh' }),
], D);

export const DTI922_DIGITAL_SOCIETY: MainIndex = mainIndex('XHS', 'Hoạt động xã hội số', 'Digital society', 150, 'society', [
  c('XHS.1', 'Tỷ lệ người trưởng thành sử dụng điện thoại thông minh', 'Adults using a smartphone', 20, pct(), { kpi: 'society.smartphone_rate' }),
  c('XHS.2', 'Tỷ lệ người dân sử dụng Internet', 'Internet users', 20, pct(), { kpi: 'society.internet_rate' }),
  c('XHS.3', 'Tỷ lệ người dân có tài khoản định danh điện tử VNeID mức 2', 'People with VNeID level 2', 20, ratio(), { source: 'Công an tỉnh' }),
  c('XHS.4', 'Tỷ lệ người trưởng thành có tài khoản thanh toán điện tử', 'Adults with an e-payment account', 20, pct()),
  c('XHS.5', 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử', 'People with an electronic health record', 20, ratio(), { source: 'Sở Y tế' }),
  c('XHS.6', 'Tỷ lệ trường học triển khai học bạ số', 'Schools using digital school records', 20, ratio(), { source: 'Sở Giáo dục và Đào tạo' }),
  c('XHS.7', 'Tỷ lệ người dân tham gia ứng dụng phản ánh hiện trường của tỉnh', 'Residents using the feedback app', 15, pct(0.3), { desc: 'Đạt 30% dân số được tối đa' }),
  c('XHS.8', 'Tỷ lệ người dân hài lòng với dịch vụ công trực tuyến (khảo sát; đạt 90% được tối đa)', 'Satisfaction with online public services (90% earns full points)', 15, pct(0.9)),
], D);
