import type { ContestConfig, PrizeTier, RegistrationField } from '../contracts/contest.js';

// The readable Vietnamese rules summary generated from a configuration, in the order of a thể lệ's articles,
// for the organiser to paste into the decision. Every rule the engine applies is stated here, so what is
// published and what is computed cannot drift apart.

export const TIER_LABELS: Record<PrizeTier, string> = {
  first: 'giải Nhất',
  second: 'giải Nhì',
  third: 'giải Ba',
  consolation: 'giải Khuyến khích',
};
const FIELD_LABELS: Record<RegistrationField, string> = {
  fullName: 'họ và tên',
  phone: 'số điện thoại',
  cccd: 'số CCCD',
  email: 'thư điện tử',
  birthDate: 'ngày sinh',
  gender: 'giới tính',
  unit: 'đơn vị (cơ quan, xã/phường)',
  address: 'địa chỉ',
};
const PREDICTS = {
  perfect_scorers: 'số người trả lời đúng tất cả các câu hỏi',
  participants: 'số người tham gia',
  attempts: 'số lượt thi',
} as const;
const TIE = {
  prediction: 'dự đoán gần đúng nhất (chênh lệch tuyệt đối nhỏ nhất so với kết quả thực tế)',
  duration: 'thời gian làm bài ngắn hơn',
  submitted_at: 'nộp bài sớm hơn (tính đến mili giây)',
} as const;
const DIFF = { easy: 'dễ', medium: 'trung bình', hard: 'khó' } as const;

function when(local: string): string {
  const [d, t] = local.split('T');
  const [y, m, day] = d.split('-');
  return `${t} ngày ${day}/${m}/${y}`;
}

function minutes(seconds: number): string {
  return seconds % 60 === 0
    ? `${seconds / 60} phút`
    : `${Math.floor(seconds / 60)} phút ${seconds % 60} giây`;
}

export function rulesSummary(
  title: string,
  c: ContestConfig,
  categoryNames: ReadonlyMap<number, string> = new Map(),
): string {
  const lines: string[] = [`THỂ LỆ TÓM TẮT — ${title.toUpperCase()}`, ''];
  const elig: string[] = ['Công dân Việt Nam'];
  if (c.eligibility.minAge !== null) elig.push(`từ đủ ${c.eligibility.minAge} tuổi trở lên`);
  elig.push(
    c.eligibility.residence === 'province'
      ? 'đang sinh sống, học tập, công tác trên địa bàn tỉnh'
      : 'trên cả nước',
  );
  lines.push(`1. Đối tượng dự thi: ${elig.join(', ')}.`);
  if (c.eligibility.excluded.trim()) lines.push(`   Không tham gia: ${c.eligibility.excluded.trim()}.`);
  lines.push(
    `   Người dự thi chia thành ${c.groups.length} bảng: ${c.groups.map((g, i) => `Bảng ${i + 1} — ${g.name}`).join('; ')}.`,
  );
  lines.push('');
  lines.push('2. Thời gian thi:');
  for (const r of c.rounds) {
    lines.push(
      `   - ${r.name}: từ ${when(r.startsAt)} đến ${when(r.endsAt)}${r.boardOnly ? ' (xếp hạng chung trên các lượt thi trong thời gian này)' : ''}${r.awardsPrizes ? '' : ', không xét giải'}.`,
    );
  }
  lines.push('');
  const source =
    c.selection.mode === 'fixed'
      ? 'một bộ câu hỏi cố định cho mọi người dự thi'
      : `rút ngẫu nhiên từ ngân hàng câu hỏi (${c.selection.quotas
          .map((q) => {
            const cat =
              q.categoryId === null
                ? 'mọi chủ đề'
                : `chủ đề "${categoryNames.get(q.categoryId) ?? q.categoryId}"`;
            return `${q.count} câu ${cat}${q.difficulty ? `, mức ${DIFF[q.difficulty]}` : ''}`;
          })
          .join('; ')})`;
  lines.push(
    `3. Mỗi lượt thi gồm ${c.questionsPerAttempt} câu hỏi trắc nghiệm, ${source}${c.prediction ? ' và 1 câu hỏi dự đoán' : ''}.`,
  );
  const own = c.groups.filter((g) => g.categoryIds.length > 0);
  if (own.length) lines.push(`   Bảng có bộ câu hỏi riêng: ${own.map((g) => g.name).join(', ')}.`);
  const shuffle = [c.shuffleQuestions && 'thứ tự câu hỏi', c.shuffleOptions && 'thứ tự phương án'].filter(
    Boolean,
  );
  if (shuffle.length)
    lines.push(`   ${shuffle.join(' và ')} được đảo ngẫu nhiên cho từng lượt thi.`.replace(/^ {3}t/, '   T'));
  lines.push(
    `   Thời gian làm bài tối đa ${minutes(c.timeLimitSeconds)}; bài nộp sau thời hạn (quá ${c.graceSeconds} giây cho đường truyền) không được tính các câu trả lời gửi muộn.`,
  );
  lines.push(
    `   Mỗi người được thi ${c.attemptsPerRound === null ? 'không giới hạn số lượt' : `tối đa ${c.attemptsPerRound} lượt`} trong mỗi đợt; ${
      c.counting === 'best'
        ? 'lấy lượt có kết quả cao nhất'
        : c.counting === 'first'
          ? 'chỉ tính lượt thi đầu tiên'
          : 'chỉ tính lượt thi cuối cùng'
    } để xếp hạng.`,
  );
  if (c.prediction) {
    lines.push(
      `   Câu hỏi dự đoán: "${c.prediction.question}" (dự đoán ${PREDICTS[c.prediction.target]} của đợt thi).`,
    );
  }
  lines.push('');
  lines.push(
    `4. Cách tính điểm và xếp giải: mỗi câu trả lời đúng được 1 điểm (câu nhiều đáp án phải chọn đủ và đúng). Xếp hạng theo số điểm từ cao xuống thấp; nếu bằng điểm thì xét lần lượt: ${c.tieBreaks.map((t) => TIE[t]).join('; ')}.`,
  );
  lines.push(
    '   Kết quả chính thức chỉ được công bố sau khi đợt thi kết thúc; bảng xếp hạng trong thời gian thi là tạm thời.',
  );
  lines.push('');
  lines.push('5. Cơ cấu giải thưởng cá nhân (mỗi đợt có xét giải, mỗi bảng):');
  for (const g of c.groups) {
    const prizes = g.prizes.filter((p) => p.count > 0);
    lines.push(
      `   - ${g.name}: ${prizes.length ? prizes.map((p) => `${p.count} ${TIER_LABELS[p.tier]}`).join(', ') : 'không có giải'}.`,
    );
  }
  if (c.onePrizePerPerson) lines.push('   Mỗi người chỉ nhận tối đa một giải trong toàn bộ cuộc thi.');
  if (c.collective) {
    const k = c.collective;
    const how =
      k.formula === 'total'
        ? 'tổng số người tham gia của đơn vị'
        : k.formula === 'rate'
          ? 'tỷ lệ người tham gia so với tổng số cán bộ, nhân dân của đơn vị (70% = 70 điểm)'
          : `tỷ lệ người tham gia (70% = 70 điểm) cộng điểm giải cá nhân của người thuộc đơn vị (Nhất ${k.points.first}, Nhì ${k.points.second}, Ba ${k.points.third}, Khuyến khích ${k.points.consolation} điểm)`;
    lines.push(
      `   Giải tập thể: xếp theo ${how}; ${k.prizes.map((p) => `${p.count} ${p.label}`).join(', ')}.`,
    );
  }
  lines.push('');
  const fields = c.registration.map(
    (f) => `${FIELD_LABELS[f.field]}${f.required ? '' : ' (không bắt buộc)'}`,
  );
  lines.push(`6. Đăng ký dự thi: khai báo ${fields.join(', ')}.`);
  const unique = c.registration.filter((f) => f.unique).map((f) => FIELD_LABELS[f.field]);
  if (unique.length) lines.push(`   Mỗi ${unique.join(', mỗi ')} chỉ được đăng ký một lần.`);
  if (c.verification === 'otp_email')
    lines.push('   Người dự thi xác thực bằng mã OTP gửi qua thư điện tử trước khi thi.');
  if (c.verification === 'sso')
    lines.push(
      '   Người dự thi đăng nhập bằng tài khoản định danh điện tử trước khi đăng ký; mỗi tài khoản chỉ đăng ký một lần.',
    );
  lines.push(
    '   Thông tin khai báo phải chính xác; khai báo sai, thi hộ, dùng nhiều danh tính sẽ không được xét giải.',
  );
  lines.push(
    '   Số CCCD và số điện thoại được che khi công bố; dữ liệu cá nhân chỉ dùng cho việc tổ chức cuộc thi.',
  );
  if (c.retentionDays !== null)
    lines.push(
      c.retentionDays === 0
        ? '   Số CCCD và số điện thoại được lưu đến khi Ban Tổ chức xoá dữ liệu cuộc thi.'
        : `   Số CCCD và số điện thoại được xoá sau ${c.retentionDays} ngày kể từ khi cuộc thi kết thúc.`,
    );
  return lines.join('\n');
}
