import sharp from 'sharp';
import type { NewsCreate } from '../../../../core/contracts/news.js';
import type { Deps } from '../../../deps.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { createNewsServices } from '../news.module.js';

// Demo: the standing agency's news on the portal — a success story about a community digital technology team,
// the contest's announcement, a news item on the province's figures (all published, written by the secretariat
// and approved by the administrator: a second person), and one item waiting for approval. Built through the
// services, so the audit log and the workflow read as real. Idempotent: nothing is done when a demo item exists.

type DemoItem = Omit<NewsCreate, 'unitId' | 'unitIds' | 'slug'> & {
  slug: string;
  aboutCommune?: boolean;
  daysAgo: number | null;
  colours: [string, string];
};

const ITEMS: DemoItem[] = [
  {
    kind: 'story',
    slug: 'to-cong-nghe-so-cong-dong-mot-nam-go-tung-cua',
    title: 'Tổ công nghệ số cộng đồng: một năm gõ từng cửa, chỉ từng thao tác',
    summary:
      'Từ chỗ nhiều cụ cao tuổi chưa dùng điện thoại thông minh, tổ dân phố nay có hơn 90% người trưởng thành kích hoạt VNeID mức 2 và quen thanh toán không dùng tiền mặt.',
    body: [
      'Tổ công nghệ số cộng đồng của phường được thành lập theo quyết định của Chủ tịch UBND phường, gồm tổ trưởng tổ dân phố, công an khu vực, đoàn viên thanh niên, hội viên phụ nữ và nhân viên nhà mạng.',
      'Mỗi tối thứ Năm, tổ mở buổi hướng dẫn ở nhà văn hoá; ngày thường, các thành viên đến tận nhà những người chưa thể tự làm. "Có cụ phải học ba buổi mới tự nộp được hồ sơ trực tuyến, nhưng khi làm được thì cụ lại đi chỉ cho hàng xóm", tổ trưởng kể tại hội nghị của tỉnh.',
      'Sau một năm, tổ đã:',
      '- hướng dẫn hơn 1.200 lượt người dân kích hoạt VNeID mức 2;\n- hỗ trợ 430 hồ sơ dịch vụ công trực tuyến;\n- giúp 35 hộ kinh doanh mở tài khoản và dùng mã QR thanh toán.',
      'Kinh nghiệm của tổ: đi theo nhóm hai người, ghi lại từng lượt hỗ trợ trên điện thoại, và không bao giờ hỏi mật khẩu hay mã OTP của người dân.',
    ].join('\n\n'),
    pillars: ['society', 'government'],
    aboutCommune: true,
    daysAgo: 2,
    colours: ['#1864ab', '#40c057'],
  },
  {
    kind: 'announcement',
    slug: 'phat-dong-cuoc-thi-tim-hieu-chuyen-doi-so-2026',
    title: 'Phát động Cuộc thi trực tuyến tìm hiểu về chuyển đổi số năm 2026',
    summary:
      'Cuộc thi dành cho cán bộ, công chức, viên chức, đoàn viên, học sinh và người dân trong tỉnh; thi trực tuyến trên điện thoại, mỗi tuần một vòng.',
    body: [
      'Ban Chỉ đạo chuyển đổi số tỉnh phát động Cuộc thi trực tuyến tìm hiểu về chuyển đổi số năm 2026 nhằm lan toả kiến thức về chính quyền số, kinh tế số, xã hội số và kỹ năng an toàn trên mạng.',
      'Đối tượng: mọi người dân đang sinh sống, học tập và làm việc trên địa bàn tỉnh. Người dự thi đăng ký bằng số điện thoại hoặc thư điện tử và chọn đơn vị của mình.',
      'Cách thi:\n\n- mỗi vòng thi diễn ra trong một tuần;\n- mỗi lượt thi gồm 20 câu hỏi trắc nghiệm và một câu dự đoán số người tham gia;\n- kết quả xếp theo số câu đúng, thời gian làm bài và độ chính xác của câu dự đoán.',
      'Giải thưởng được trao theo từng vòng và cho các đơn vị có tỷ lệ tham gia cao nhất.',
    ].join('\n\n'),
    pillars: ['society'],
    daysAgo: 5,
    colours: ['#e8590c', '#fab005'],
  },
  {
    kind: 'news',
    slug: 'chu-ky-so-tren-van-ban-dien-tu-dat-96-cap-xa',
    title: 'Văn bản điện tử có chữ ký số đạt 96% ở cấp xã',
    summary:
      'Tỷ lệ văn bản điện tử gửi đi có chữ ký số đạt 91,2% ở cấp tỉnh, 92,5% ở cấp huyện và 96% ở cấp xã; 3.334.900 văn bản điện tử được gửi, nhận trên trục liên thông.',
    body: [
      'Tại hội nghị sơ kết chuyển đổi số, lãnh đạo tỉnh đề nghị các sở, ngành, địa phương tiếp tục đẩy mạnh văn bản điện tử và "phải đo lường được" từng chỉ tiêu.',
      'Số liệu được cập nhật hằng quý trên DXBoard, gắn với Bộ chỉ số đánh giá chuyển đổi số của các đơn vị.',
    ].join('\n\n'),
    pillars: ['government', 'infrastructure'],
    daysAgo: 9,
    colours: ['#5f3dc4', '#1c7ed6'],
  },
  {
    kind: 'news',
    slug: 'so-ket-6-thang-chuyen-doi-so',
    title: 'Sơ kết 6 tháng chuyển đổi số: 43 gian hàng trên sàn thương mại điện tử',
    summary:
      'Các hợp tác xã, hộ kinh doanh đã mở 43 gian hàng với 142 sản phẩm trên sàn thương mại điện tử; tỷ lệ người dùng internet đạt 89%.',
    body: 'Bản tin đang chờ Tổ thẩm định duyệt trước khi đăng lên cổng thông tin.',
    pillars: ['economy'],
    daysAgo: null,
    colours: ['#2b8a3e', '#94d82d'],
  },
];

/** A cover without text (no font needed): two colours and the programme's three circles. */
async function coverPicture([a, b]: [string, string]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
    <rect width="1200" height="630" fill="url(#g)"/>
    <circle cx="420" cy="315" r="150" fill="#fff" fill-opacity="0.25"/>
    <circle cx="600" cy="315" r="150" fill="#fff" fill-opacity="0.25"/>
    <circle cx="780" cy="315" r="150" fill="#fff" fill-opacity="0.25"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function seedDemoNews(deps: Deps): Promise<string[]> {
  const { db } = deps;
  const s = createNewsServices(deps);
  if ((await s.repo.demoCount()) > 0) return [];
  const province = await db
    .selectFrom('units')
    .innerJoin('structures', 'structures.id', 'units.structureId')
    .select(['units.id'])
    .where('structures.name', '=', '2025-07-01')
    .where('units.code', '=', '19')
    .executeTakeFirst();
  const people = await db
    .selectFrom('users')
    .select(['id', 'fullName', 'email'])
    .where('email', 'in', ['thamdinh@demo.dxboard.vn', 'admin@demo.dxboard.vn'])
    .execute();
  const writer = people.find((p) => p.email.startsWith('thamdinh'));
  const approver = people.find((p) => p.email.startsWith('admin'));
  if (!province || !writer || !approver) return [];
  const commune = await db
    .selectFrom('units')
    .select('id')
    .where('parentId', '=', province.id)
    .where('code', '=', '05443')
    .executeTakeFirst();
  const actorOf = (p: { id: number; fullName: string; email: string }, role: 'secretariat' | 'admin') =>
    ({
      kind: 'user',
      userId: p.id,
      email: p.email,
      fullName: p.fullName,
      sessionId: 'demo-seed',
      grants: [{ role, unitId: province.id }],
    }) satisfies UserActor;
  const writes: AuditContext = { actor: actorOf(writer, 'secretariat'), requestId: 'seed-demo-news' };
  const approves: AuditContext = { actor: actorOf(approver, 'admin'), requestId: 'seed-demo-news' };
  const now = deps.clock.now().getTime();
  let published = 0;
  for (const item of ITEMS) {
    const { aboutCommune, daysAgo, colours, ...input } = item;
    const created = await s.items.create(writes, {
      ...input,
      unitId: province.id,
      unitIds: aboutCommune && commune ? [commune.id] : [],
    });
    await db.updateTable('newsItems').set({ isDemo: 1 }).where('id', '=', created.id).execute();
    await s.items.setCover(writes, created.id, await coverPicture(colours), `${item.slug}.png`);
    await s.items.submit(writes, created.id, { publishAt: null });
    if (daysAgo === null) continue;
    await s.items.approve(approves, created.id);
    // Spread the demo's publication dates over the last days, so the portal reads as a running news page.
    await db
      .updateTable('newsItems')
      .set({ publishedAt: new Date(now - daysAgo * 86_400_000).toISOString() })
      .where('id', '=', created.id)
      .execute();
    published++;
  }
  return [`News: ${published} published items and 1 waiting for approval`];
}

export async function seedDemoNewsOnStartup(deps: Deps): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  return seedDemoNews(deps);
}
