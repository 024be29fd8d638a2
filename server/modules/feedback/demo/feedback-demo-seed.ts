import type { Deps } from '../../../deps.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { createFeedbackServices } from '../feedback.module.js';

// Demo: the demo province's citizen feedback (marked as demo): six categories (two routed by default to a
// department, the others triaged by the secretariat) and about thirty reports over the last six weeks in every
// state — received, assigned, in progress, answered on time and late, closed with a satisfied rating, reopened
// after an unsatisfied one, refused as spam or a duplicate, and some overdue — built through the services at
// their own dates (a clock per day), so the timeline, audit log, notices and KPIs read as real. Idempotent.

type Unit = { id: number; name: string; code: string };

const CATEGORIES = [
  {
    code: 'GIAO_THONG',
    nameVi: 'Giao thông, hạ tầng đường sá',
    nameEn: 'Roads and traffic',
    deadlineAmount: 10,
    photoRequired: true,
    dept: 'SXD',
  },
  {
    code: 'MOI_TRUONG',
    nameVi: 'Môi trường, rác thải',
    nameEn: 'Environment and waste',
    deadlineAmount: 7,
    photoRequired: false,
    dept: 'SNNMT',
  },
  {
    code: 'CHIEU_SANG',
    nameVi: 'Chiếu sáng công cộng',
    nameEn: 'Street lighting',
    deadlineAmount: 5,
    photoRequired: false,
    dept: null,
  },
  {
    code: 'TRAT_TU_DO_THI',
    nameVi: 'Trật tự đô thị, lấn chiếm vỉa hè',
    nameEn: 'Urban order',
    deadlineAmount: 7,
    photoRequired: false,
    dept: null,
  },
  {
    code: 'DICH_VU_CONG',
    nameVi: 'Dịch vụ công trực tuyến',
    nameEn: 'Online public services',
    deadlineAmount: 5,
    photoRequired: false,
    dept: null,
  },
  {
    code: 'VIEN_THONG',
    nameVi: 'Sóng di động, internet',
    nameEn: 'Mobile coverage and internet',
    deadlineAmount: 15,
    photoRequired: false,
    dept: null,
  },
] as const;

const TEXTS: Record<string, [string, string][]> = {
  GIAO_THONG: [
    ['Ổ gà lớn trên đường liên xã', 'Ổ gà sâu khoảng 20 cm, xe máy đi qua rất nguy hiểm, nhất là buổi tối.'],
    ['Biển báo giao thông bị đổ', 'Biển báo khúc cua gấp bị đổ sau mưa bão, chưa được dựng lại.'],
    [
      'Mặt đường bong tróc trước trường học',
      'Đoạn đường trước cổng trường tiểu học bong tróc, học sinh đi lại khó khăn.',
    ],
  ],
  MOI_TRUONG: [
    ['Rác thải tập kết trái phép', 'Bãi đất trống cuối ngõ bị đổ rác thải sinh hoạt nhiều ngày, bốc mùi.'],
    ['Nước thải chảy ra mương', 'Cơ sở chế biến xả nước thải chưa xử lý ra mương thoát nước chung.'],
  ],
  CHIEU_SANG: [
    ['Đèn đường không sáng', 'Cả dãy đèn đường trên tuyến phố không sáng từ tuần trước.'],
    ['Cột đèn nghiêng nguy hiểm', 'Cột đèn chiếu sáng bị nghiêng sau va chạm, có nguy cơ đổ.'],
  ],
  TRAT_TU_DO_THI: [
    [
      'Lấn chiếm vỉa hè bán hàng',
      'Các hộ kinh doanh lấn chiếm toàn bộ vỉa hè, người đi bộ phải đi xuống lòng đường.',
    ],
    ['Xây dựng không phép', 'Công trình đang xây dựng nhưng không treo biển cấp phép xây dựng.'],
  ],
  DICH_VU_CONG: [
    [
      'Không nộp được hồ sơ trực tuyến',
      'Cổng dịch vụ công báo lỗi khi tải tệp đính kèm hồ sơ đăng ký kinh doanh.',
    ],
    ['Chưa nhận được kết quả hồ sơ', 'Hồ sơ cấp bản sao trích lục đã quá hẹn nhưng chưa nhận được kết quả.'],
  ],
  VIEN_THONG: [
    [
      'Sóng điện thoại yếu ở thôn',
      'Khu vực thôn Đồng Tâm sóng điện thoại rất yếu, không dùng được ứng dụng VNeID.',
    ],
  ],
};

// The state each demo report ends in, with how many days ago it was sent.
const PLAN: { state: string; daysAgo: number }[] = [
  ...[1, 0, 2].map((d) => ({ state: 'received', daysAgo: d })),
  ...[3, 5, 2].map((d) => ({ state: 'assigned', daysAgo: d })),
  ...[4, 6, 8].map((d) => ({ state: 'in_progress', daysAgo: d })),
  ...[25, 30, 28, 35].map((d) => ({ state: 'overdue', daysAgo: d })),
  ...[12, 9, 15].map((d) => ({ state: 'answered', daysAgo: d })),
  ...[20, 22, 18, 26, 31, 38].map((d) => ({ state: 'closed', daysAgo: d })),
  ...[21, 27].map((d) => ({ state: 'late_closed', daysAgo: d })),
  ...[16, 24].map((d) => ({ state: 'reopened', daysAgo: d })),
  ...[7, 11].map((d) => ({ state: 'refused', daysAgo: d })),
];

/** Start-up hook (server/startup.ts): loads the demo feedback into a demo database once. */
export async function seedDemoFeedbackOnStartup(deps: Deps): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  return seedDemoFeedback(deps);
}

export async function seedDemoFeedback(deps: Deps): Promise<string[]> {
  const db = deps.db;
  if (await db.selectFrom('feedbackReports').select('id').where('isDemo', '=', 1).executeTakeFirst())
    return [];
  const byCode = (code: string): Promise<Unit | undefined> =>
    db
      .selectFrom('units')
      .innerJoin('structures', 'structures.id', 'units.structureId')
      .select(['units.id', 'units.name', 'units.code'])
      .where('structures.name', '=', '2025-07-01')
      .where('units.code', '=', code)
      .executeTakeFirst();
  const province = await byCode('19');
  const user = await db
    .selectFrom('users')
    .select(['id', 'fullName', 'email'])
    .where('email', '=', 'thamdinh@demo.dxboard.vn')
    .executeTakeFirst();
  if (!province || !user) return [];
  const communes = await db
    .selectFrom('units')
    .innerJoin('structures', 'structures.id', 'units.structureId')
    .select(['units.id', 'units.name', 'units.code'])
    .where('structures.name', '=', '2025-07-01')
    .where('units.parentId', '=', province.id)
    .where('units.kind', '=', 'commune')
    .orderBy('units.code')
    .execute();
  if (communes.length < 3) return [];
  // The demo commune officer's ward first, so its queue has work in it.
  const own = communes.find((c) => c.code === '05443') ?? communes[0];
  const areas = [own, own, ...communes.filter((c) => c.id !== own.id).slice(0, 4)];

  const actor: UserActor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    sessionId: 'demo-seed',
    grants: [{ role: 'secretariat', unitId: province.id }],
  };
  const ctx: AuditContext = { actor, requestId: 'seed-demo-feedback' };
  const citizen: AuditContext = { actor: null, requestId: 'seed-demo-feedback' };
  const now = deps.clock.now().getTime();
  // Services whose clock reads a given moment: each step happens on its own day.
  const at = (daysAgo: number, hour = 3) => {
    const instant = new Date(now - daysAgo * 86_400_000);
    instant.setUTCHours(hour, 0, 0, 0);
    return createFeedbackServices({ ...deps, clock: { now: () => new Date(instant) } });
  };

  const categoryIds = new Map<string, number>();
  for (const c of CATEGORIES) {
    const dept = c.dept ? await byCode(`19-${c.dept}`) : undefined;
    const created = await at(45).categories.create(ctx, {
      code: c.code,
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      deadlineAmount: c.deadlineAmount,
      deadlineKind: 'working_days',
      photoRequired: c.photoRequired,
      // Street lighting and urban order are urgent on the ground: received within 4 working hours.
      receiveHours: c.code === 'CHIEU_SANG' || c.code === 'TRAT_TU_DO_THI' ? 4 : 8,
      defaultUnitId: dept?.id ?? null,
      active: true,
    });
    await db.updateTable('feedbackCategories').set({ isDemo: 1 }).where('id', '=', created.id).execute();
    categoryIds.set(c.code, created.id);
  }

  const codes = CATEGORIES.map((c) => c.code);
  let n = 0;
  for (const [i, p] of PLAN.entries()) {
    const catCode = codes[i % codes.length];
    const texts = TEXTS[catCode];
    const [title, description] = texts[i % texts.length];
    const area = areas[i % areas.length];
    const phone = `09${String(12_345_600 + i).padStart(8, '0')}`;
    const created = await at(p.daysAgo, 1).reports.create(ctx, {
      categoryId: categoryIds.get(catCode) as number,
      title,
      description,
      lat: 21.3 + (i % 7) * 0.004,
      lng: 105.6 + (i % 5) * 0.005,
      areaUnitId: area.id,
      address: `Thôn ${1 + (i % 9)}, ${area.name}`,
      contact:
        i % 3 === 0 ? { kind: 'email', value: `nguoidan${i}@example.vn` } : { kind: 'phone', value: phone },
      reporterName: i % 4 === 0 ? `Người dân số ${i + 1}` : null,
      showName: i % 8 === 0,
      photoFileIds: [],
      source: 'demo',
      isDemo: true,
    });
    n++;
    const id = created.id;
    if (p.state === 'received') continue;
    if (p.state === 'refused') {
      await at(p.daysAgo - 1).reports.refuse(ctx, id, {
        kind: i % 2 ? 'duplicate' : 'out_of_scope',
        reason:
          i % 2
            ? 'Trùng với phản ánh đã tiếp nhận trước đó'
            : 'Nội dung là khiếu nại, hướng dẫn gửi theo thủ tục khiếu nại',
      });
      continue;
    }
    if (created.status === 'received') await at(p.daysAgo, 4).reports.assign(ctx, id, { unitId: area.id });
    if (p.state === 'assigned' || p.state === 'overdue') continue;
    await at(p.daysAgo - 1).reports.accept(ctx, id);
    if (p.state === 'in_progress') continue;
    const answerDay = p.state === 'late_closed' ? 0 : Math.max(0, p.daysAgo - 4);
    await at(answerDay, 5).reports.answer(ctx, id, {
      answer: 'Đơn vị đã kiểm tra hiện trường và xử lý xong. Cảm ơn người dân đã phản ánh.',
      fileIds: [],
    });
    if (p.state === 'answered') continue;
    if (p.state === 'reopened') {
      await at(Math.max(0, answerDay - 1), 6).reports.rate(
        citizen,
        id,
        false,
        'Mới xử lý tạm thời, vẫn còn tình trạng cũ',
      );
      continue;
    }
    await at(Math.max(0, answerDay - 1), 6).reports.rate(
      citizen,
      id,
      i % 5 !== 0,
      i % 5 !== 0 ? null : 'Xử lý chậm',
    );
  }
  // Routing rules from now on: urban order and online public services in the officer's ward go to the ward.
  let rules = 0;
  for (const code of ['TRAT_TU_DO_THI', 'DICH_VU_CONG']) {
    const rule = await at(0).rules.createRoutingRule(ctx, {
      categoryId: categoryIds.get(code) as number,
      areaUnitId: own.id,
      unitId: own.id,
    });
    await db.updateTable('feedbackRoutingRules').set({ isDemo: 1 }).where('id', '=', rule.id).execute();
    rules++;
  }
  return [
    `Phản ánh kiến nghị: ${CATEGORIES.length} lĩnh vực, ${n} phản ánh mẫu, ${rules} quy tắc chuyển xử lý`,
  ];
}
