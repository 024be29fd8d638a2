// biome-ignore-all format: one component per line keeps these tables reviewable against the source decisions
import type { Framework, MeasureUnitKind } from '../../contracts/measure-framework.js';
import { c, doc, dueBy, group, type IndexDefaults, ladder, lowerIsBetter, mainIndex, pick, ratio, steps, THREE_BANDS, yes } from './builders.js';

// Department set (sở, ban, ngành) modelled on TP.HCM 2025 (6 main indices, 32 components, 100 points) with
// Hà Nội's applicability rule: the digital-economy component applies only to departments with that remit
// (unit group 'kts_remit'); for the others it is "not applicable" and the maximum is rebased to 96.
// All component texts are examples for a province to edit.

export const KTS_REMIT_GROUP = 'kts_remit';
const DEPARTMENT: MeasureUnitKind[] = ['department'];
const D: IndexDefaults = {
  dataSource: 'Sở, ban, ngành tự đánh giá',
  verifyingAgency: 'Sở Khoa học và Công nghệ (cơ quan thường trực)',
  appliesTo: { unitKinds: DEPARTMENT },
};

const NT = mainIndex('S.NT', 'Nhận thức số', 'Digital awareness', 10, 'government', [
  c('S.NT.1', 'Người đứng đầu trực tiếp chỉ đạo chuyển đổi số của cơ quan', 'Head of agency personally leads DX', 3, pick([['giam_doc', 'Giám đốc (Thủ trưởng) trực tiếp chỉ đạo', 1], ['pho_giam_doc', 'Phó Giám đốc được phân công', 0.5], ['chua_phan_cong', 'Chưa phân công', 0]])),
  c('S.NT.2', 'Số cuộc họp, buổi làm việc chuyên đề về chuyển đổi số trong năm', 'DX meetings per year', 2, ladder([1, 2, 4], 'cuộc họp')),
  c('S.NT.3', 'Chuyên mục chuyển đổi số trên trang thông tin điện tử của cơ quan', 'DX section on the agency website', 2, yes()),
  c('S.NT.4', 'Số tin, bài về chuyển đổi số của ngành trong năm', 'Sector DX news items per year', 3, steps([[6, 0.33], [12, 0.67], [24, 1]], 'tin, bài')),
], D);

const TC = mainIndex('S.TC', 'Thể chế số', 'Digital institutions', 10, 'government', [
  c('S.TC.1', 'Kế hoạch chuyển đổi số năm của cơ quan ban hành đúng hạn', 'Annual DX plan issued on time', 3, dueBy('{year}-03-31', 0.5)),
  c('S.TC.2', 'Quy chế quản lý, sử dụng các hệ thống thông tin dùng chung trong cơ quan', 'Rules for shared information systems', 2, doc()),
  c('S.TC.3', 'Kinh phí chuyển đổi số được bố trí trong dự toán năm', 'DX budget line in the annual estimate', 2, yes()),
  c('S.TC.4', 'Tỷ lệ nhiệm vụ chuyển đổi số được giao hoàn thành đúng hạn', 'Assigned DX tasks done on time', 3, ratio(), { kpi: 'steer.task_on_time_rate' }),
], D);

const HT = mainIndex('S.HT', 'Hạ tầng số', 'Digital infrastructure', 10, 'government', [
  c('S.HT.1', 'Tỷ lệ máy tính kết nối mạng truyền số liệu chuyên dùng', 'Computers on the government data network', 3, ratio()),
  c('S.HT.2', 'Tỷ lệ cán bộ, công chức có chữ ký số cá nhân', 'Civil servants with a personal digital signature', 3, ratio()),
  c('S.HT.3', 'Hệ thống thông tin chuyên ngành triển khai trên nền tảng điện toán đám mây', 'Sector systems hosted on cloud', 2, yes()),
  c('S.HT.4', 'Phòng họp trực tuyến kết nối hệ thống họp trực tuyến của tỉnh', 'Video-conference room linked to the provincial system', 2, yes()),
], D);

const NL = mainIndex('S.NL', 'Nhân lực số', 'Digital human resources', 10, 'government', [
  c('S.NL.1', 'Có công chức chuyên trách hoặc kiêm nhiệm chuyển đổi số', 'Designated DX officer', 3, yes()),
  c('S.NL.2', 'Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số trong năm', 'Civil servants trained in digital skills this year', 3, ratio()),
  c('S.NL.3', 'Tỷ lệ cán bộ, công chức tham gia cuộc thi tìm hiểu về chuyển đổi số', 'Civil servants taking part in the DX contest', 2, ratio(), { kpi: 'contest.participation_rate' }),
  c('S.NL.4', 'Lãnh đạo cơ quan tham gia bồi dưỡng về chuyển đổi số', 'Agency leaders attended DX training', 2, yes()),
], D);

const AT = mainIndex('S.AT', 'An toàn thông tin mạng', 'Cyber security', 15, 'government', [
  c('S.AT.1', 'Tỷ lệ hệ thống thông tin được phê duyệt hồ sơ đề xuất cấp độ', 'Information systems with an approved security level', 4, ratio()),
  c('S.AT.2', 'Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo đảm an toàn theo cấp độ', 'Systems with full level-appropriate protection', 3, ratio()),
  c('S.AT.3', 'Tỷ lệ máy trạm cài phần mềm phòng chống mã độc quản lý tập trung', 'Workstations with managed anti-malware', 3, ratio()),
  c('S.AT.4', 'Số sự cố mất an toàn thông tin trong năm (càng ít càng tốt)', 'Security incidents this year (fewer is better)', 3, lowerIsBetter(0, 3, 'sự cố')),
  c('S.AT.5', 'Tham gia diễn tập an toàn thông tin do tỉnh tổ chức', 'Took part in the provincial security drill', 2, yes()),
], D);

const HD = mainIndex('S.HD', 'Hoạt động chuyển đổi số', 'DX activities', 45, 'government', [
  c('S.HD.1', 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình', 'Procedures offered fully online', 5, ratio(), { kpi: 'dvc.full_online_procedure_rate' }),
  c('S.HD.2', 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', 'Dossiers processed fully online', 5, ratio(), { kpi: 'dvc.full_online_rate' }),
  c('S.HD.3', 'Tỷ lệ hồ sơ có thanh toán trực tuyến phí, lệ phí', 'Dossiers with online payment', 4, ratio()),
  c('S.HD.4', 'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa', 'Dossiers and decisions digitised', 4, ratio()),
  c('S.HD.5', 'Tỷ lệ văn bản đi được ký số', 'Outgoing documents digitally signed', 4, ratio(), { kpi: 'edoc.signed_rate' }),
  c('S.HD.6', 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', 'Work files handled online', 4, ratio()),
  c('S.HD.7', 'Tỷ lệ phản ánh, kiến nghị thuộc lĩnh vực được xử lý đúng hạn', 'Feedback in the sector answered on time', 4, ratio(), { kpi: 'feedback.on_time_rate' }),
  c('S.HD.8', 'Tỷ lệ cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ với tỉnh', 'Sector databases shared with the province', 4, ratio()),
  c('S.HD.9', 'Số sản phẩm chuyển đổi số của cơ quan hoàn thành trong năm', 'DX products completed this year', 4, ladder([1, 2], 'sản phẩm'), { desc: 'Mỗi cơ quan hoàn thành ít nhất một sản phẩm chuyển đổi số; từ 2 sản phẩm được tối đa' }),
  c('S.HD.10', 'Chương trình hỗ trợ doanh nghiệp trong lĩnh vực quản lý chuyển đổi số', 'Programme helping firms in the sector go digital', 4, yes(), { groups: [KTS_REMIT_GROUP], pillar: 'economy', desc: 'Chỉ áp dụng cho sở, ngành có nhiệm vụ phát triển kinh tế số' }),
  c('S.HD.11', 'Dịch vụ số của ngành phục vụ người dân (ứng dụng, nền tảng)', 'Digital services of the sector for citizens', 3, pick([['nhieu', 'Từ 2 dịch vụ số trở lên', 1], ['mot', '1 dịch vụ số', 0.5], ['khong', 'Chưa có', 0]]), { pillar: 'society' }),
], D);

export const DEPARTMENT_SET: Framework = {
  code: 'SO_NGANH_2025',
  name: 'Bộ chỉ số đánh giá chuyển đổi số các sở, ban, ngành (mẫu)',
  nameEn: 'DX index for provincial departments (template)',
  version: '2025',
  description: 'Mô phỏng bộ chỉ số của TP.HCM năm 2025 (6 chỉ số chính, 32 chỉ số thành phần, 100 điểm) và quy tắc áp dụng của Hà Nội; nội dung là ví dụ (ví dụ, có thể chỉnh sửa).',
  maxPoints: 100,
  groups: [
    group('S.NEN_TANG', 'Nền tảng chung', 'Common foundation', [NT, TC, HT, NL, AT]),
    group('S.HOAT_DONG', 'Hoạt động chuyển đổi số', 'DX activities', [HD]),
  ],
  bands: THREE_BANDS,
  isExample: true,
};
