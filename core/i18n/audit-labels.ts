import type { Locale, LocalisedText } from './locale.js';

// Audit log in words (issue 10): every action the server records, the objects it records them on and the
// fields that show up in before/after, in Vietnamese and English. audit-labels.test.ts scans server/ and fails
// when a recorded action has no entry here.

export const AUDIT_ACTION_LABELS: Record<string, LocalisedText> = {
  'auth.login': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.login_failed': { vi: 'Đăng nhập sai', en: 'Failed sign-in' },
  'auth.login_delayed': { vi: 'Đăng nhập bị tạm chặn', en: 'Sign-in delayed' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Signed out' },
  'auth.logout_all': { vi: 'Đăng xuất mọi nơi', en: 'Signed out everywhere' },
  'user.created': { vi: 'Tạo người dùng', en: 'Created a user' },
  'user.updated': { vi: 'Sửa người dùng', en: 'Edited a user' },
  'user.grants_changed': { vi: 'Đổi vai trò người dùng', en: 'Changed user roles' },
  'user.admin_granted': { vi: 'Cấp quyền quản trị', en: 'Granted administrator' },
  'user.password_changed': { vi: 'Đổi mật khẩu', en: 'Changed password' },
  'user.password_reset': { vi: 'Đặt lại mật khẩu', en: 'Reset password' },
  'user.password_reset_requested': { vi: 'Yêu cầu đặt lại mật khẩu', en: 'Requested a password reset' },
  'token.created': { vi: 'Tạo khoá truy cập API', en: 'Created an API key' },
  'token.revoked': { vi: 'Thu hồi khoá truy cập API', en: 'Revoked an API key' },
  'files.upload': { vi: 'Tải tệp lên', en: 'Uploaded a file' },
  'unit.create': { vi: 'Tạo đơn vị', en: 'Created a unit' },
  'unit.update': { vi: 'Sửa đơn vị', en: 'Edited a unit' },
  'unit.headcounts': { vi: 'Cập nhật dân số, số hộ', en: 'Updated headcounts' },
  'units.import': { vi: 'Nhập danh mục đơn vị', en: 'Imported units' },
  'lineage.create': { vi: 'Ghi nhận sáp nhập, chia tách', en: 'Recorded a merger or split' },
  'lineage.delete': { vi: 'Xoá sáp nhập, chia tách', en: 'Deleted a merger or split' },
  'lineage.import': { vi: 'Nhập lịch sử sáp nhập, chia tách', en: 'Imported lineage' },
  'kpi.define': { vi: 'Tạo chỉ tiêu', en: 'Defined an indicator' },
  'kpi.update': { vi: 'Sửa chỉ tiêu', en: 'Edited an indicator' },
  'kpi.target.set': { vi: 'Đặt chỉ tiêu kế hoạch', en: 'Set a target' },
  'kpi.values.write': { vi: 'Ghi số liệu chỉ tiêu', en: 'Wrote indicator values' },
  'kpi.import_uploaded': { vi: 'Tải lên tệp số liệu', en: 'Uploaded a values file' },
  'measure.framework.create': { vi: 'Tạo bộ tiêu chí', en: 'Created a framework' },
  'measure.framework.update': { vi: 'Sửa bộ tiêu chí', en: 'Edited a framework' },
  'measure.framework.freeze': { vi: 'Chốt bộ tiêu chí', en: 'Froze a framework' },
  'measure.period.create': { vi: 'Tạo kỳ đánh giá', en: 'Created a period' },
  'measure.period.open': { vi: 'Mở kỳ đánh giá', en: 'Opened a period' },
  'measure.period.close': { vi: 'Đóng kỳ đánh giá', en: 'Closed a period' },
  'measure.period.publish': { vi: 'Công bố kết quả', en: 'Published results' },
  'measure.period.targets': { vi: 'Đặt mục tiêu kỳ đánh giá', en: 'Set period targets' },
  'measure.values.save': { vi: 'Lưu bản tự đánh giá', en: 'Saved a self-assessment' },
  'measure.evidence.add': { vi: 'Thêm minh chứng', en: 'Added evidence' },
  'measure.evidence.remove': { vi: 'Xoá minh chứng', en: 'Removed evidence' },
  'measure.submission.submit': { vi: 'Gửi bản tự đánh giá', en: 'Submitted a self-assessment' },
  'measure.submission.return': { vi: 'Trả lại bản tự đánh giá', en: 'Returned a self-assessment' },
  'measure.submission.approve': { vi: 'Duyệt bản tự đánh giá', en: 'Approved a self-assessment' },
  'measure.appraisal.save': { vi: 'Lưu kết quả thẩm định', en: 'Saved an appraisal' },
  'steer.plan.create': { vi: 'Tạo kế hoạch', en: 'Created a plan' },
  'steer.plan.update': { vi: 'Sửa kế hoạch', en: 'Edited a plan' },
  'steer.plan.delete': { vi: 'Xoá kế hoạch', en: 'Deleted a plan' },
  'steer.plan.issue': { vi: 'Ban hành kế hoạch', en: 'Issued a plan' },
  'steer.plan.supersede': { vi: 'Thay thế kế hoạch', en: 'Superseded a plan' },
  'steer.group.create': { vi: 'Thêm nhóm nhiệm vụ', en: 'Added a task group' },
  'steer.group.update': { vi: 'Sửa nhóm nhiệm vụ', en: 'Edited a task group' },
  'steer.group.delete': { vi: 'Xoá nhóm nhiệm vụ', en: 'Deleted a task group' },
  'steer.task.create': { vi: 'Giao nhiệm vụ', en: 'Assigned a task' },
  'steer.task.update': { vi: 'Sửa nhiệm vụ', en: 'Edited a task' },
  'steer.task.delete': { vi: 'Xoá nhiệm vụ', en: 'Deleted a task' },
  'steer.task.start': { vi: 'Bắt đầu thực hiện nhiệm vụ', en: 'Started a task' },
  'steer.task.report_done': { vi: 'Báo cáo hoàn thành nhiệm vụ', en: 'Reported a task done' },
  'steer.task.verify': { vi: 'Xác nhận hoàn thành nhiệm vụ', en: 'Verified a task done' },
  'steer.task.return': { vi: 'Trả lại báo cáo hoàn thành', en: 'Returned a completion report' },
  'steer.task.pause': { vi: 'Tạm dừng nhiệm vụ', en: 'Paused a task' },
  'steer.task.resume': { vi: 'Tiếp tục nhiệm vụ', en: 'Resumed a task' },
  'steer.task.cancel': { vi: 'Hủy nhiệm vụ', en: 'Cancelled a task' },
  'steer.extension.request': { vi: 'Đề nghị gia hạn nhiệm vụ', en: 'Requested an extension' },
  'steer.extension.approve': { vi: 'Đồng ý gia hạn nhiệm vụ', en: 'Approved an extension' },
  'steer.extension.refuse': { vi: 'Không đồng ý gia hạn nhiệm vụ', en: 'Refused an extension' },
  'steer.progress.report': { vi: 'Báo cáo tiến độ nhiệm vụ', en: 'Reported progress' },
  'steer.progress.answer': { vi: 'Trả lời kiến nghị, đề xuất', en: 'Answered proposals' },
  'steer.report.issue': { vi: 'Ban hành báo cáo định kỳ nhiệm vụ', en: 'Issued a periodic task report' },
  'measure.submission.reopen': { vi: 'Mở lại bản tự đánh giá', en: 'Reopened a self-assessment' },
  'measure.period.exclude_unit': { vi: 'Loại đơn vị khỏi xếp hạng', en: 'Excluded a unit from the ranking' },
  'measure.period.include_unit': { vi: 'Đưa đơn vị trở lại xếp hạng', en: 'Put a unit back in the ranking' },
  'steer.meeting.create': { vi: 'Tạo cuộc họp Ban Chỉ đạo', en: 'Recorded a committee meeting' },
  'steer.meeting.update': { vi: 'Sửa cuộc họp Ban Chỉ đạo', en: 'Edited a committee meeting' },
  'steer.meeting.document_add': { vi: 'Thêm tài liệu cuộc họp', en: 'Added a meeting document' },
  'steer.meeting.document_remove': { vi: 'Xoá tài liệu cuộc họp', en: 'Removed a meeting document' },
  'steer.meeting.notice_set': { vi: 'Ghi thông báo kết luận', en: 'Set the conclusion notice' },
  'steer.meeting.conclusion_add': { vi: 'Thêm kết luận cuộc họp', en: 'Added a meeting conclusion' },
  'steer.meeting.conclusion_update': { vi: 'Sửa kết luận cuộc họp', en: 'Edited a meeting conclusion' },
  'steer.meeting.conclusion_remove': { vi: 'Xoá kết luận cuộc họp', en: 'Deleted a meeting conclusion' },
  'steer.meeting.conclusion_convert': {
    vi: 'Giao kết luận thành nhiệm vụ',
    en: 'Turned a conclusion into a task',
  },
  'steer.product.declare': { vi: 'Khai báo sản phẩm chuyển đổi số', en: 'Declared a DX product' },
  'steer.product.update': { vi: 'Sửa sản phẩm chuyển đổi số', en: 'Edited a DX product' },
  'steer.product.delete': { vi: 'Rút sản phẩm chuyển đổi số', en: 'Withdrew a DX product' },
  'steer.product.accept': { vi: 'Công nhận sản phẩm chuyển đổi số', en: 'Accepted a DX product' },
  'steer.product.return': { vi: 'Trả lại sản phẩm chuyển đổi số', en: 'Returned a DX product' },
  'community.team.create': { vi: 'Thành lập Tổ công nghệ số cộng đồng', en: 'Registered a community team' },
  'community.team.update': { vi: 'Sửa Tổ công nghệ số cộng đồng', en: 'Edited a community team' },
  'community.member.add': { vi: 'Thêm thành viên tổ', en: 'Added a team member' },
  'community.member.end': { vi: 'Thành viên thôi tham gia tổ', en: 'A team member left' },
  'community.activity.create': { vi: 'Ghi hoạt động của tổ', en: 'Logged a team activity' },
  'community.activity.delete': { vi: 'Xoá hoạt động của tổ', en: 'Removed a team activity' },
  'community.targets.set': { vi: 'Đặt chỉ tiêu Tổ công nghệ số', en: 'Set community team targets' },
  'news.item.create': { vi: 'Viết tin bài', en: 'Wrote a news item' },
  'news.item.update': { vi: 'Sửa tin bài', en: 'Edited a news item' },
  'news.item.cover': { vi: 'Đặt ảnh bìa tin bài', en: 'Set a news item cover' },
  'news.item.submit': { vi: 'Gửi duyệt tin bài', en: 'Submitted a news item for approval' },
  'news.item.approve': { vi: 'Duyệt tin bài', en: 'Approved a news item' },
  'news.item.return': { vi: 'Trả lại tin bài', en: 'Returned a news item' },
  'news.item.withdraw': { vi: 'Gỡ tin bài', en: 'Withdrew a news item' },
  'news.item.publish': { vi: 'Đăng tin bài theo lịch', en: 'Published a scheduled news item' },
  'training.course.create': { vi: 'Tạo khoá tập huấn', en: 'Created a training course' },
  'training.session.create': { vi: 'Thêm buổi tập huấn', en: 'Added a training session' },
  'training.registration.create': {
    vi: 'Đăng ký cán bộ dự tập huấn',
    en: 'Registered an official for training',
  },
  'training.attendance.checkin': { vi: 'Điểm danh buổi tập huấn', en: 'Checked in to a training session' },
  'training.attendance.import': {
    vi: 'Nhập danh sách điểm danh tập huấn',
    en: 'Imported training attendance',
  },
  'feedback.report.merge': { vi: 'Gộp phản ánh trùng', en: 'Merged a duplicate report' },
  'feedback.calendar.create': { vi: 'Thêm ngày nghỉ, ngày làm bù', en: 'Added a holiday or working day' },
  'feedback.calendar.update': { vi: 'Sửa ngày nghỉ, ngày làm bù', en: 'Changed a holiday or working day' },
  'feedback.calendar.delete': { vi: 'Xoá ngày nghỉ, ngày làm bù', en: 'Removed a holiday or working day' },
  'feedback.routing_rule.create': {
    vi: 'Thêm quy tắc chuyển phản ánh',
    en: 'Added a feedback routing rule',
  },
  'feedback.routing_rule.delete': {
    vi: 'Xoá quy tắc chuyển phản ánh',
    en: 'Removed a feedback routing rule',
  },
  'training.certificate.issue': { vi: 'Cấp giấy chứng nhận tập huấn', en: 'Issued a training certificate' },
  'contest.question.create': { vi: 'Thêm câu hỏi vào ngân hàng cuộc thi', en: 'Added a contest question' },
  'contest.question.archive': { vi: 'Lưu trữ câu hỏi cuộc thi', en: 'Archived a contest question' },
  'contest.question.import': { vi: 'Nhập câu hỏi cuộc thi từ tệp', en: 'Imported contest questions' },
  'contest.create': { vi: 'Tạo cuộc thi', en: 'Created a contest' },
  'contest.update': { vi: 'Sửa thể lệ, cấu hình cuộc thi', en: 'Edited a contest' },
  'contest.open': { vi: 'Mở cuộc thi', en: 'Opened a contest' },
  'contest.close_round': { vi: 'Chốt kết quả đợt thi', en: 'Closed a contest round' },
  'contest.close': { vi: 'Kết thúc cuộc thi', en: 'Closed a contest' },
  'contest.participant.register': { vi: 'Đăng ký dự thi', en: 'Registered for a contest' },
  'contest.participant.otp_sent': { vi: 'Gửi mã OTP dự thi', en: 'Sent a contest code' },
  'contest.participant.verify': { vi: 'Xác thực người dự thi', en: 'Verified a participant' },
  'contest.participant.verify_failed': { vi: 'Nhập sai mã OTP dự thi', en: 'Wrong contest code' },
  'contest.attempt.start': { vi: 'Bắt đầu lượt thi', en: 'Started an attempt' },
  'contest.attempt.submit': { vi: 'Nộp bài thi', en: 'Submitted an attempt' },
  'contest.certificate.issue': { vi: 'Cấp giấy chứng nhận cuộc thi', en: 'Issued a contest certificate' },
  'contest.personal_data.erase': {
    vi: 'Xoá CCCD, số điện thoại người dự thi hết thời hạn lưu',
    en: 'Erased participants’ ID and phone numbers past retention',
  },
  'contest.participants.export': {
    vi: 'Tải danh sách người dự thi (đầy đủ CCCD, số điện thoại)',
    en: 'Downloaded the participant list (full ID and phone numbers)',
  },
  'contest.flag.review': { vi: 'Xem xét dấu hiệu bất thường', en: 'Reviewed a suspicion flag' },
  'sso.citizen.sign_in': { vi: 'Người dân đăng nhập một lần (SSO)', en: 'Citizen signed in (SSO)' },
  'sso.citizen.sign_out': { vi: 'Người dân đăng xuất (SSO)', en: 'Citizen signed out (SSO)' },
  'steer.system.create': { vi: 'Thêm hệ thống thông tin', en: 'Registered an information system' },
  'steer.system.update': { vi: 'Sửa hệ thống thông tin', en: 'Edited an information system' },
  'steer.review.open': { vi: 'Mở đợt rà soát hệ thống', en: 'Opened a systems review' },
  'steer.review.confirm': { vi: 'Xác nhận hệ thống trong đợt rà soát', en: 'Confirmed a system in a review' },
  'steer.review.close': { vi: 'Kết thúc đợt rà soát hệ thống', en: 'Closed a systems review' },
  'steer.review.remind': { vi: 'Nhắc xác nhận hệ thống', en: 'Reminded units to confirm systems' },
  'steer.import.upload': {
    vi: 'Tải lên phụ lục nhiệm vụ của kế hoạch',
    en: "Uploaded a plan's task appendix",
  },
  'steer.import.confirm': {
    vi: 'Nhập nhiệm vụ từ phụ lục kế hoạch',
    en: "Imported tasks from a plan's appendix",
  },
  'steer.urging_letter.send': { vi: 'Gửi văn bản đôn đốc', en: 'Sent an urging letter' },
  'steer.urging_settings.update': { vi: 'Đổi lịch nhắc việc', en: 'Changed the reminder schedule' },
  'feedback.category.create': { vi: 'Tạo lĩnh vực phản ánh', en: 'Created a feedback category' },
  'feedback.category.update': { vi: 'Sửa lĩnh vực phản ánh', en: 'Edited a feedback category' },
  'feedback.report.submit': { vi: 'Gửi phản ánh kiến nghị', en: 'Sent a citizen report' },
  'feedback.report.assign': { vi: 'Chuyển phản ánh cho đơn vị xử lý', en: 'Assigned a report to a unit' },
  'feedback.report.transfer': { vi: 'Chuyển phản ánh sang đơn vị khác', en: 'Transferred a report' },
  'feedback.report.accept': { vi: 'Nhận xử lý phản ánh', en: 'Took a report in hand' },
  'feedback.report.answer': { vi: 'Trả lời phản ánh', en: 'Answered a report' },
  'feedback.report.refuse': { vi: 'Từ chối phản ánh', en: 'Refused a report' },
  'feedback.report.close': { vi: 'Đóng phản ánh', en: 'Closed a report' },
  'feedback.report.note': { vi: 'Ghi chú nội bộ về phản ánh', en: 'Added an internal note' },
  'feedback.report.extension_request': {
    vi: 'Đề nghị gia hạn xử lý phản ánh',
    en: 'Asked for more time on a report',
  },
  'feedback.report.extension_approve': { vi: 'Đồng ý gia hạn xử lý phản ánh', en: 'Approved an extension' },
  'feedback.report.extension_reject': { vi: 'Không đồng ý gia hạn', en: 'Rejected an extension' },
  'feedback.report.rate': { vi: 'Người dân đánh giá hài lòng', en: 'Citizen rated the answer satisfied' },
  'feedback.report.reopen': {
    vi: 'Người dân chưa hài lòng, mở lại phản ánh',
    en: 'Citizen unsatisfied: report reopened',
  },
  'feedback.report.subscribe': { vi: 'Đăng ký nhận tin về phản ánh', en: 'Subscribed to a report' },
  'feedback.otp.request': { vi: 'Gửi mã xác thực cho người phản ánh', en: 'Sent a verification code' },
  'notification.read': { vi: 'Đọc thông báo', en: 'Read a notification' },
  'notification.read_all': { vi: 'Đọc mọi thông báo', en: 'Read all notifications' },
  'notification_preferences.updated': { vi: 'Đổi cài đặt thông báo', en: 'Changed notification settings' },
};

export const AUDIT_ENTITY_LABELS: Record<string, LocalisedText> = {
  user: { vi: 'Người dùng', en: 'User' },
  feedback_calendar_day: { vi: 'Lịch làm việc (ngày nghỉ, ngày làm bù)', en: 'Working calendar day' },
  feedback_routing_rule: { vi: 'Quy tắc chuyển phản ánh', en: 'Feedback routing rule' },
  api_token: { vi: 'Khoá truy cập API', en: 'API key' },
  file: { vi: 'Tệp', en: 'File' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  structure: { vi: 'Cơ cấu đơn vị', en: 'Unit structure' },
  unit_lineage: { vi: 'Sáp nhập, chia tách', en: 'Merger or split' },
  kpi_definition: { vi: 'Chỉ tiêu', en: 'Indicator' },
  kpi_import: { vi: 'Tệp số liệu', en: 'Values file' },
  kpi_target: { vi: 'Chỉ tiêu kế hoạch', en: 'Target' },
  kpi_value_batch: { vi: 'Lô số liệu', en: 'Values batch' },
  measure_framework: { vi: 'Bộ tiêu chí', en: 'Framework' },
  measure_period: { vi: 'Kỳ đánh giá', en: 'Period' },
  measure_snapshot: { vi: 'Kết quả công bố', en: 'Published results' },
  measure_submission: { vi: 'Bản tự đánh giá', en: 'Self-assessment' },
  measure_evidence: { vi: 'Minh chứng', en: 'Evidence' },
  steer_plan: { vi: 'Kế hoạch', en: 'Plan' },
  steer_task_group: { vi: 'Nhóm nhiệm vụ', en: 'Task group' },
  steer_task: { vi: 'Nhiệm vụ', en: 'Task' },
  steer_report: { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
  steer_task_extension: { vi: 'Đề nghị gia hạn', en: 'Extension request' },
  steer_progress: { vi: 'Báo cáo tiến độ', en: 'Progress report' },
  steer_meeting: { vi: 'Cuộc họp Ban Chỉ đạo', en: 'Committee meeting' },
  steer_meeting_conclusion: { vi: 'Kết luận cuộc họp', en: 'Meeting conclusion' },
  notification: { vi: 'Thông báo', en: 'Notification' },
  feedback_category: { vi: 'Lĩnh vực phản ánh', en: 'Feedback category' },
  feedback_report: { vi: 'Phản ánh kiến nghị', en: 'Citizen report' },
  feedback_otp: { vi: 'Mã xác thực', en: 'Verification code' },
  steer_import: { vi: 'Phụ lục nhiệm vụ nhập từ Excel', en: 'Task appendix imported from Excel' },
  steer_urging_letter: { vi: 'Văn bản đôn đốc', en: 'Urging letter' },
  steer_urging_settings: { vi: 'Lịch nhắc việc', en: 'Reminder schedule' },
  steer_product: { vi: 'Sản phẩm chuyển đổi số', en: 'DX product' },
  contest: { vi: 'Cuộc thi', en: 'Contest' },
  contest_question: { vi: 'Câu hỏi cuộc thi', en: 'Contest question' },
  contest_participant: { vi: 'Người dự thi', en: 'Contest participant' },
  contest_attempt: { vi: 'Lượt thi', en: 'Contest attempt' },
  contest_flag: { vi: 'Dấu hiệu bất thường', en: 'Suspicion flag' },
  citizen_session: { vi: 'Phiên đăng nhập của người dân', en: 'Citizen session' },
  steer_system: { vi: 'Hệ thống thông tin', en: 'Information system' },
  steer_review_campaign: { vi: 'Đợt rà soát hệ thống', en: 'Systems review' },
  steer_review_item: { vi: 'Hệ thống trong đợt rà soát', en: 'System in a review' },
  community_team: { vi: 'Tổ công nghệ số cộng đồng', en: 'Community digital technology team' },
  community_member: { vi: 'Thành viên tổ', en: 'Team member' },
  community_activity: { vi: 'Hoạt động của tổ', en: 'Team activity' },
  community_targets: { vi: 'Chỉ tiêu Tổ công nghệ số', en: 'Community team targets' },
  training_course: { vi: 'Khoá tập huấn', en: 'Training course' },
  news_item: { vi: 'Tin bài', en: 'News item' },
  training_session: { vi: 'Buổi tập huấn', en: 'Training session' },
  training_registration: { vi: 'Học viên tập huấn', en: 'Training participant' },
};

/** Field names that appear in before/after; unknown ones are shown as recorded. */
export const AUDIT_FIELD_LABELS: Record<string, LocalisedText> = {
  isActive: { vi: 'Đang hoạt động', en: 'Active' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  email: { vi: 'Email', en: 'Email' },
  locale: { vi: 'Ngôn ngữ', en: 'Language' },
  grants: { vi: 'Vai trò', en: 'Roles' },
  name: { vi: 'Tên', en: 'Name' },
  code: { vi: 'Mã', en: 'Code' },
  status: { vi: 'Trạng thái', en: 'Status' },
  permissions: { vi: 'Quyền', en: 'Permissions' },
  unitId: { vi: 'Đơn vị', en: 'Unit' },
  expiresAt: { vi: 'Hết hạn', en: 'Expires' },
  reason: { vi: 'Lý do', en: 'Reason' },
};

const YES_NO: Record<Locale, [string, string]> = { vi: ['có', 'không'], en: ['yes', 'no'] };
const ANONYMOUS: LocalisedText = { vi: 'Ẩn danh', en: 'Anonymous' };
const TOKEN: LocalisedText = { vi: 'Khoá API', en: 'API key' };

export const auditActionLabel = (action: string, locale: Locale) =>
  AUDIT_ACTION_LABELS[action]?.[locale] ?? action;
export const auditEntityLabel = (entity: string, locale: Locale) =>
  AUDIT_ENTITY_LABELS[entity]?.[locale] ?? entity;
export const auditFieldLabel = (path: string, locale: Locale) =>
  path
    .split('.')
    .map((part) => AUDIT_FIELD_LABELS[part]?.[locale] ?? part)
    .join(' › ');

/** "anonymous", "token:<name>" or an e-mail, as lib/actor.ts records them. */
export function auditActorLabel(label: string, locale: Locale): string {
  if (label === 'anonymous') return ANONYMOUS[locale];
  if (label.startsWith('token:')) return `${TOKEN[locale]}: ${label.slice('token:'.length)}`;
  return label;
}

/** "Người dùng: Nguyễn Văn A", or "Bản tự đánh giá #12" when the object has no readable name. */
export function auditObjectLabel(
  item: { entity: string; entityId: string | null; entityLabel?: string | null },
  locale: Locale,
): string {
  const kind = auditEntityLabel(item.entity, locale);
  if (item.entityLabel) return `${kind}: ${item.entityLabel}`;
  return item.entityId ? `${kind} #${item.entityId}` : kind;
}

/** A recorded value in words: booleans as có/không. */
export function auditValueLabel(value: unknown, locale: Locale): string | null {
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  return null;
}
