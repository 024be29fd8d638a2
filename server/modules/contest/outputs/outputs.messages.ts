import { registerMessages } from '../../../../core/i18n/errors.js';

// Error detail keys of the contest's outputs and certificates, Vietnamese first.
registerMessages({
  'contest.certificate_invalid': {
    vi: 'Mã chứng nhận không hợp lệ: không có giấy chứng nhận nào mang mã này',
    en: 'This certificate code is not valid: no certificate carries it',
  },
  'contest.no_certificate': {
    vi: 'Bạn không có giấy chứng nhận nào ở đợt thi này',
    en: 'You have no certificate for this round',
  },
  'contest.no_prize_certificates': {
    vi: 'Chưa có giấy chứng nhận để in: đợt thi này chưa kết thúc hoặc không có người đạt giải',
    en: 'No certificates to print: this round is not closed yet or has no prize winners',
  },
});
