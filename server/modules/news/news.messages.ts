import { registerMessages } from '../../../core/i18n/errors.js';

// Field and detail messages of the News module, Vietnamese first.
registerMessages({
  'news.slug_taken': {
    vi: 'Đường dẫn này đã được dùng cho tin bài khác',
    en: 'This link is already used by another item',
  },
  'news.unknown_unit': { vi: 'Không có đơn vị này', en: 'No such unit' },
  'news.own_approval': {
    vi: 'Người viết hoặc người gửi duyệt không được tự duyệt tin bài của mình; cần người thứ hai duyệt',
    en: 'The author or submitter cannot approve their own item; a second person must approve it',
  },
  'news.not_editable': {
    vi: 'Tin bài đang chờ duyệt hoặc đã đăng: không sửa được (hãy gỡ hoặc trả lại trước)',
    en: 'The item is waiting for approval or published and cannot be edited (withdraw or return it first)',
  },
  'news.stale_revision': {
    vi: 'Tin bài vừa được người khác lưu; hãy tải lại để xem bản mới trước khi sửa tiếp',
    en: 'Someone else saved this item meanwhile; reload it before editing further',
  },
  'news.wrong_status': {
    vi: 'Tin bài không ở trạng thái cho phép thao tác này',
    en: 'The item is not in a state that allows this',
  },
  'news.publish_at_past': {
    vi: 'Thời điểm hẹn đăng phải ở tương lai',
    en: 'The scheduled time must be in the future',
  },
  'news.not_image': {
    vi: 'Ảnh bìa phải là ảnh JPEG, PNG hoặc WebP',
    en: 'The cover must be a JPEG, PNG or WebP picture',
  },
  'news.no_cover': { vi: 'Tin bài chưa có ảnh bìa', en: 'The item has no cover picture' },
  'news.not_found': { vi: 'Không có tin bài này', en: 'No such news item' },
});
