// biome-ignore-all format: one component per line keeps these tables reviewable against the source decisions
import type { MainIndex } from '../../contracts/measure-framework.js';
import {
  c,
  doc,
  dueBy,
  headOfCommittee,
  type IndexDefaults,
  info,
  ladder,
  lowerIsBetter,
  mainIndex,
  pct,
  pick,
  ratio,
  steps,
  target,
  yes,
} from './builders.js';

// Provincial DTI under 922/QĐ-BTTTT, common foundation (nền tảng chung): 6 main indices, 56 components,
// 500 points. The structure and points per main index follow the decision; the component texts are
// plausible examples (the appendix was not available) and are marked as such.

const D: IndexDefaults = {
  dataSource: 'UBND tỉnh tự đánh giá, báo cáo',
  verifyingAgency: 'Cục Chuyển đổi số quốc gia (trước đây: Cục Tin học hóa, Bộ TT&TT)',
};
const G = 'government' as const;
const E = 'economy' as const;
const S = 'society' as const;

export const DTI922_AWARENESS: MainIndex = mainIndex('NT', 'Nhận thức số', 'Digital awareness', 100, G, [
  c('NT.1', 'Trưởng Ban Chỉ đạo chuyển đổi số của tỉnh', 'Head of the provincial DX steering committee', 10, headOfCommittee()),
  c('NT.2', 'Số cuộc họp của Ban Chỉ đạo chuyển đổi số trong năm', 'DX steering committee meetings per year', 20, ladder([1, 2, 3, 4], 'cuộc họp'), { ev: 'Thông báo kết luận từng cuộc họp (số, ngày, trích yếu)' }),
  c('NT.3', 'Tỷ lệ cuộc họp về chuyển đổi số do Bí thư hoặc Chủ tịch UBND chủ trì', 'Share of DX meetings chaired by the Party Secretary or Chairman', 10, ratio()),
  c('NT.4', 'Tỷ lệ văn bản chỉ đạo về chuyển đổi số do người đứng đầu ký', 'Share of DX directives signed by the head', 10, ratio()),
  c('NT.5', 'Chuyên mục chuyển đổi số trên Cổng thông tin điện tử của tỉnh', 'DX section on the provincial portal', 5, yes()),
  c('NT.6', 'Số tin, bài tuyên truyền về chuyển đổi số trong năm', 'DX news items and articles per year', 10, steps([[12, 0.25], [24, 0.5], [48, 1]], 'tin, bài')),
  c('NT.7', 'Tổ chức hưởng ứng Ngày Chuyển đổi số quốc gia (10/10)', 'Events for National DX Day (10 Oct)', 10, yes()),
  c('NT.8', 'Số hội nghị, hội thảo, tập huấn nâng cao nhận thức về chuyển đổi số', 'Awareness conferences and workshops', 10, ladder([1, 2, 4], 'sự kiện')),
  c('NT.9', 'Tỷ lệ cán bộ lãnh đạo, quản lý được bồi dưỡng về chuyển đổi số', 'Share of leaders trained in DX', 10, ratio()),
  c('NT.10', 'Chuyên mục chuyển đổi số trên phát thanh, truyền hình của tỉnh', 'DX programme on provincial radio and TV', 5, yes(), { pillar: S }),
], D);

export const DTI922_INSTITUTIONS: MainIndex = mainIndex('TC', 'Thể chế số', 'Digital institutions', 100, G, [
  c('TC.1', 'Nghị quyết hoặc chương trình hành động về chuyển đổi số của Tỉnh ủy, HĐND tỉnh', 'Party or council resolution on DX', 10, doc()),
  c('TC.2', 'Kế hoạch chuyển đổi số năm của UBND tỉnh được ban hành đúng hạn', 'Annual DX plan issued on time', 10, dueBy('{year}-01-31', 0.5), { desc: 'Ngày ban hành kế hoạch chuyển đổi số năm; ban hành sau hạn được một nửa số điểm' }),
  c('TC.3', 'Kiến trúc Chính quyền điện tử/Chính quyền số cấp tỉnh được ban hành, cập nhật', 'Provincial digital government architecture', 10, doc()),
  c('TC.4', 'Quy chế quản lý, kết nối, chia sẻ dữ liệu của tỉnh', 'Data management and sharing regulation', 10, doc()),
  c('TC.5', 'Chính sách thu hút, đãi ngộ nhân lực chuyển đổi số', 'Policy to attract DX staff', 10, doc()),
  c('TC.6', 'Tỷ lệ chi ngân sách cho chuyển đổi số so với tổng chi ngân sách của tỉnh', 'DX share of provincial budget spending', 10, target(1, 0, '%'), { desc: 'Khoảng cách đến mục tiêu 1% tổng chi ngân sách' }),
  c('TC.7', 'Danh mục cơ sở dữ liệu dùng chung của tỉnh được ban hành', 'List of shared provincial databases', 5, doc()),
  c('TC.8', 'Quy chế bảo đảm an toàn thông tin mạng của tỉnh', 'Provincial cyber security regulation', 10, doc()),
  c('TC.9', 'Cơ chế thử nghiệm (sandbox) cho sản phẩm, dịch vụ số', 'Sandbox for digital products and services', 5, yes(), { pillar: E }),
  c('TC.10', 'Kết quả chuyển đổi số được đưa vào tiêu chí thi đua, khen thưởng', 'DX results used in emulation and rewards', 10, yes()),
  c('TC.11', 'Tỷ lệ nhiệm vụ trong kế hoạch chuyển đổi số năm hoàn thành đúng hạn', 'Share of annual DX plan tasks done on time', 10, ratio(), { kpi: 'steer.task_on_time_rate' }),
], D);

export const DTI922_INFRASTRUCTURE: MainIndex = mainIndex('HT', 'Hạ tầng số', 'Digital infrastructure', 100, S, [
  c('HT.1', 'Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang', 'Households with fibre broadband', 15, pct(), { source: 'Sở Khoa học và Công nghệ; doanh nghiệp viễn thông' }),
  c('HT.2', 'Tỷ lệ thôn, bản, tổ dân phố được phủ sóng 4G/5G', 'Villages covered by 4G/5G', 15, ratio()),
  c('HT.3', 'Trung tâm dữ liệu hoặc nền tảng điện toán đám mây phục vụ chính quyền số', 'Data centre or cloud for digital government', 15, pick([['dat_chuan', 'Có trung tâm dữ liệu/đám mây đạt chuẩn', 1], ['thue_dich_vu', 'Thuê dịch vụ đám mây đạt chuẩn', 0.75], ['chua_dat', 'Có nhưng chưa đạt chuẩn', 0.25], ['khong', 'Chưa có', 0]]), { pillar: G }),
  c('HT.4', 'Tỷ lệ cơ quan, đơn vị kết nối mạng truyền số liệu chuyên dùng', 'Agencies on the government data network', 15, ratio(), { pillar: G }),
  c('HT.5', 'Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) kết nối với NDXP', 'Provincial data-sharing platform linked to NDXP', 15, yes(), { pillar: G }),
  c('HT.6', 'Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh', 'Provincial intelligent operations centre', 15, pick([['van_hanh', 'Đang vận hành, kết nối từ 5 lĩnh vực trở lên', 1], ['thi_diem', 'Vận hành thí điểm, dưới 5 lĩnh vực', 0.5], ['khong', 'Chưa có', 0]]), { pillar: G }),
  c('HT.7', 'Số nền tảng số dùng chung được triển khai trên địa bàn', 'Shared digital platforms deployed', 10, ladder([1, 3, 5], 'nền tảng'), { pillar: G }),
], D);

export const DTI922_HUMAN_RESOURCES: MainIndex = mainIndex('NL', 'Nhân lực số', 'Digital human resources', 100, G, [
  c('NL.1', 'Có lãnh đạo tỉnh phụ trách công nghệ thông tin, chuyển đổi số (CIO)', 'Provincial CIO designated', 5, yes()),
  c('NL.2', 'Tỷ lệ cơ quan, đơn vị có cán bộ chuyên trách chuyển đổi số', 'Agencies with a dedicated DX officer', 10, ratio()),
  c('NL.3', 'Tỷ lệ cán bộ chuyên trách được đào tạo, bồi dưỡng trong năm', 'DX officers trained this year', 10, ratio()),
  c('NL.4', 'Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số', 'Civil servants trained in digital skills', 10, ratio()),
  c('NL.5', 'Tỷ lệ cán bộ, công chức sử dụng nền tảng học trực tuyến mở đại trà', 'Civil servants using the national MOOC platform', 5, ratio()),
  c('NL.6', 'Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động', 'Villages with an active community digital team', 10, ratio(), { kpi: 'community.team_coverage_rate', pillar: S }),
  c('NL.7', 'Tỷ lệ thành viên Tổ công nghệ số cộng đồng được tập huấn', 'Community digital team members trained', 5, ratio(), { kpi: 'community.members_trained_rate', pillar: S }),
  c('NL.8', 'Tỷ lệ người trong độ tuổi lao động được phổ cập kỹ năng số cơ bản', 'Working-age people with basic digital skills', 10, pct(), { pillar: S }),
  c('NL.9', 'Tỷ lệ học sinh phổ thông được học kỹ năng số, an toàn trên mạng', 'Pupils taught digital skills and online safety', 5, pct(), { pillar: S }),
  c('NL.10', 'Số sinh viên tốt nghiệp ngành công nghệ thông tin, điện tử viễn thông trên địa bàn', 'ICT graduates in the province', 5, ladder([100, 300, 500], 'người'), { pillar: E }),
  c('NL.11', 'Chính sách hỗ trợ, thuê chuyên gia chuyển đổi số', 'Policy to hire DX experts', 5, doc()),
  c('NL.12', 'Số lượt tham gia cuộc thi tìm hiểu về chuyển đổi số trên 1.000 dân', 'DX contest participation per 1,000 people', 10, ladder([5, 10, 20, 40], 'lượt/1.000 dân'), { kpi: 'contest.participation_per_1000', pillar: S }),
  c('NL.13', 'Tỷ lệ doanh nghiệp nhỏ và vừa được hỗ trợ đào tạo chuyển đổi số', 'SMEs supported with DX training', 10, ratio(), { pillar: E }),
], D);

export const DTI922_CYBER_SECURITY: MainIndex = mainIndex('AT', 'An toàn thông tin mạng', 'Cyber security', 100, G, [
  c('AT.1', 'Tỷ lệ hệ thống thông tin được phê duyệt hồ sơ đề xuất cấp độ', 'Information systems with an approved security level', 10, ratio()),
  c('AT.2', 'Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo đảm an toàn theo cấp độ', 'Systems with full level-appropriate protection', 10, ratio()),
  c('AT.3', 'Tỷ lệ hệ thống thông tin được bảo vệ theo mô hình 4 lớp', 'Systems protected by the four-layer model', 10, ratio()),
  c('AT.4', 'Trung tâm giám sát an toàn thông tin (SOC) kết nối với hệ thống quốc gia', 'SOC linked to the national monitoring centre', 10, yes()),
  c('AT.5', 'Đội ứng cứu sự cố an toàn thông tin mạng của tỉnh được kiện toàn', 'Provincial incident response team in place', 5, doc()),
  c('AT.6', 'Số cuộc diễn tập an toàn thông tin mạng trong năm', 'Cyber security drills per year', 10, ladder([1, 2], 'cuộc')),
  c('AT.7', 'Tỷ lệ hệ thống thông tin được kiểm tra, đánh giá an toàn định kỳ', 'Systems audited for security this year', 10, ratio()),
  c('AT.8', 'Số sự cố an toàn thông tin nghiêm trọng trong năm (càng ít càng tốt)', 'Serious security incidents this year (fewer is better)', 10, lowerIsBetter(0, 5, 'sự cố')),
  c('AT.9', 'Tỷ lệ máy trạm cài phần mềm phòng chống mã độc quản lý tập trung', 'Workstations with centrally managed anti-malware', 10, ratio()),
  c('AT.10', 'Tỷ lệ chi cho an toàn thông tin trong tổng chi công nghệ thông tin (đạt 10% được tối đa)', 'Security share of ICT spending (10% earns full points)', 5, pct(0.1)),
  c('AT.11', 'Tỷ lệ cán bộ, công chức được phổ biến kỹ năng an toàn thông tin', 'Civil servants briefed on cyber hygiene', 5, ratio()),
  c('AT.12', 'Chiến dịch tuyên truyền an toàn trên không gian mạng cho người dân', 'Online safety campaign for citizens', 5, yes(), { pillar: S }),
], D);

export const DTI922_SMART_CITY: MainIndex = mainIndex('DTTM', 'Đô thị thông minh', 'Smart city', 0, null, [
  c('DTTM.1', 'Đề án hoặc kế hoạch phát triển đô thị thông minh', 'Smart city plan', 0, info('document')),
  c('DTTM.2', 'Số dịch vụ đô thị thông minh được triển khai', 'Smart city services deployed', 0, info('number', 'dịch vụ')),
  c('DTTM.3', 'Số camera giám sát được kết nối trung tâm điều hành', 'Cameras connected to the operations centre', 0, info('number', 'camera')),
], D);
