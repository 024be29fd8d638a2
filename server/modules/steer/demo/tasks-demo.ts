import type { Role } from '../../../../core/accounts/permissions.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import type { Clock } from '../../../lib/clock.js';
import { createSteerTaskServices } from '../tasks/tasks.feature.js';

// Demo: the demo province's DX plan for the current year (marked as demo): task groups numbered in Roman
// numerals, about twenty key tasks led by departments and communes, every written deadline form, progress in
// every lifecycle state, some overdue, an approved and a pending extension, a confidential task, and one task
// led by a unit merged in 2025 (Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ), which shows under its
// successor. Built through the services with a clock set to each event's day, so history, status as of a date
// and the audit log read as if the year had happened. Idempotent: nothing is done when a demo plan exists.

export const DEMO_PLAN_TITLE_PREFIX = 'Kế hoạch chuyển đổi số năm';

type Unit = { id: number; name: string };

/** A clock the seed moves from event to event, never past the real now. */
function steppingClock(real: Clock) {
  let at = real.now();
  return {
    now: () => new Date(at.getTime()),
    to(date: string, hour = 3) {
      const wanted = new Date(`${date}T0${hour}:00:00.000Z`);
      const now = real.now();
      at = wanted < now ? wanted : now;
      return wanted <= now;
    },
  };
}

export async function seedDemoTasks(deps: Deps): Promise<string[]> {
  const db = deps.db;
  if (await db.selectFrom('steerPlans').select('id').where('isDemo', '=', 1).executeTakeFirst()) return [];
  const structure = await db
    .selectFrom('structures')
    .select('id')
    .where('name', '=', '2025-07-01')
    .executeTakeFirst();
  if (!structure) return [];
  const byCode = async (code: string, structureName = '2025-07-01'): Promise<Unit | undefined> =>
    db
      .selectFrom('units')
      .innerJoin('structures', 'structures.id', 'units.structureId')
      .select(['units.id', 'units.name'])
      .where('structures.name', '=', structureName)
      .where('units.code', '=', code)
      .executeTakeFirst();
  const province = await byCode('19');
  const committee = await byCode('19-BCDCDS');
  if (!province || !committee) return [];
  const dept = async (suffix: string) => (await byCode(`19-${suffix}`))!;
  const science = await dept('SKHCN');
  const home = await dept('SNV');
  const finance = await dept('STC');
  const health = await dept('SYT');
  const education = await dept('SGDDT');
  const construction = await dept('SXD');
  const agriculture = await dept('SNNMT');
  const police = await dept('CA');
  const office = await dept('VP');
  const oldIct = await byCode('19-STTTT', '2025-03-01');
  const communes = await db
    .selectFrom('units')
    .select(['id', 'name', 'code', 'type'])
    .where('structureId', '=', structure.id)
    .where('parentId', '=', province.id)
    .where('kind', '=', 'commune')
    .orderBy('code')
    .execute();
  const commune = (code: string, i: number) =>
    communes.find((c) => c.code === code) ?? communes[i % communes.length];
  const phanDinhPhung = commune('05443', 0);
  const bacKan = commune('01843', 1);
  const [c1, c2, c3, c4] = [communes[2], communes[5], communes[9], communes[14]];
  const place = (c: { type: string; name: string }) => `${c.type.toLowerCase()} ${c.name}`;

  const secretariatUser = await db
    .selectFrom('users')
    .select(['id', 'fullName', 'email'])
    .where('email', '=', 'thamdinh@demo.dxboard.vn')
    .executeTakeFirst();
  const leaderUser = await db
    .selectFrom('users')
    .select(['id', 'fullName', 'email'])
    .where('email', '=', 'lanhdao@demo.dxboard.vn')
    .executeTakeFirst();
  if (!secretariatUser || !leaderUser) return [];
  const person = (
    u: { id: number; fullName: string; email: string },
    role: Role,
    unitId: number,
  ): UserActor => ({
    kind: 'user',
    userId: u.id,
    email: u.email,
    fullName: u.fullName,
    sessionId: 'demo-seed',
    grants: [{ role, unitId }],
  });
  const secretariat = person(secretariatUser, 'secretariat', province.id);
  const leader = person(leaderUser, 'leader', province.id);
  // A unit's focal point: the demo officer where one exists, else the secretariat entering the unit's report.
  const focal = async (unit: Unit): Promise<UserActor> => {
    const officer = await db
      .selectFrom('users')
      .innerJoin('roleAssignments', 'roleAssignments.userId', 'users.id')
      .select(['users.id', 'users.fullName', 'users.email'])
      .where('roleAssignments.unitId', '=', unit.id)
      .where('roleAssignments.role', '=', 'officer')
      .executeTakeFirst();
    return officer
      ? person(officer, 'officer', unit.id)
      : { ...person(secretariatUser, 'officer', unit.id), fullName: `Đầu mối ${unit.name}` };
  };

  const clock = steppingClock(deps.clock);
  const services = createSteerTaskServices({ ...deps, clock });
  const { plans, tasks, progress } = services;
  const ctx = (actor: UserActor): AuditContext => ({ actor, requestId: 'seed-demo-steer' });
  const year = Number(vietnamDate(deps.clock.now()).slice(0, 4));
  const Y = String(year);

  clock.to(`${Y}-01-20`);
  const plan = await plans.create(ctx(secretariat), {
    numberSymbol: `15/KH-BCĐCĐS`,
    issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh Thái Nguyên',
    issuingUnitId: committee.id,
    issuedOn: `${Y}-01-20`,
    title: `${DEMO_PLAN_TITLE_PREFIX} ${Y} của tỉnh Thái Nguyên (dữ liệu mẫu)`,
    legalBasis: [
      {
        title:
          'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
        url: 'https://chinhphu.vn',
      },
      { title: 'Quyết định số 749/QĐ-TTg ngày 03/6/2020 phê duyệt Chương trình Chuyển đổi số quốc gia' },
    ],
    periodFrom: `${Y}-01-01`,
    periodTo: `${Y}-12-31`,
  });
  await db.updateTable('steerPlans').set({ isDemo: 1 }).where('id', '=', plan.id).execute();
  const groups: Record<string, number> = {};
  for (const [code, title] of [
    ['I', 'Nâng cao nhận thức, hoàn thiện thể chế'],
    ['II', 'Phát triển hạ tầng số'],
    ['III', 'Phát triển chính quyền số'],
    ['IV', 'Phát triển kinh tế số'],
    ['V', 'Phát triển xã hội số'],
  ] as const)
    groups[code] = (await plans.addGroup(ctx(secretariat), plan.id, { code, title })).id;
  await plans.issue(ctx(secretariat), plan.id);

  type Spec = {
    group: keyof typeof groups;
    code: string;
    title: string;
    lead: Unit;
    coordinators?: Unit[];
    deadline: string;
    product?: string;
    kpiCode?: string;
    confidential?: boolean;
    parent?: number;
  };
  const add = async (s: Spec) =>
    tasks.createTask(ctx(secretariat), {
      planId: plan.id,
      groupId: groups[s.group],
      parentId: s.parent,
      code: s.code,
      title: s.title,
      isKey: s.parent === undefined,
      leadUnitIds: [s.lead.id],
      coordinatingUnitIds: (s.coordinators ?? []).map((u) => u.id),
      deadline: s.deadline,
      expectedProduct: s.product,
      kpiCode: s.kpiCode,
      confidential: s.confidential,
      isDemo: true,
    });
  const report = async (
    taskId: number,
    unit: Unit,
    on: string,
    percent: number | null,
    text: string,
    more = {},
  ) => {
    if (!clock.to(on)) return;
    await progress.report(ctx(await focal(unit)), taskId, { unitId: unit.id, percent, text, ...more });
  };
  const act = async (
    taskId: number,
    who: UserActor,
    on: string,
    action: 'report_done' | 'verify' | 'return' | 'pause' | 'cancel',
    extra: { text?: string; reason?: string } = {},
  ) => {
    if (!clock.to(on, 4)) return;
    await tasks.transition(ctx(who), taskId, { action, ...extra });
  };

  clock.to(`${Y}-01-20`);
  const t1 = await add({
    group: 'I',
    code: '1',
    title: 'Tuyên truyền, phổ biến Nghị quyết 57-NQ/TW đến 100% cán bộ, công chức, viên chức',
    lead: home,
    coordinators: [office],
    deadline: `Quý I/${Y}`,
    product: 'Báo cáo kết quả tuyên truyền',
  });
  const t2 = await add({
    group: 'I',
    code: '2',
    title: 'Ban hành Quy chế quản lý, vận hành, khai thác Trung tâm giám sát, điều hành thông minh (IOC)',
    lead: science,
    coordinators: [office, police],
    deadline: `Tháng 3/${Y}`,
    product: 'Quyết định ban hành Quy chế',
  });
  const t3 = await add({
    group: 'II',
    code: '3',
    title: 'Phủ sóng di động 4G/5G đến 100% thôn, xóm; xóa vùng lõm sóng',
    lead: science,
    coordinators: [c1, c2],
    deadline: `6 tháng đầu năm ${Y}`,
    product: 'Danh sách thôn, xóm được phủ sóng',
  });
  const t4 = await add({
    group: 'II',
    code: '4',
    title: 'Nâng cấp mạng truyền số liệu chuyên dùng đến cấp xã',
    lead: oldIct ?? science,
    coordinators: [finance],
    deadline: `30/9/${Y}`,
    product: 'Hạ tầng mạng được nghiệm thu',
  });
  const t5 = await add({
    group: 'III',
    code: '5',
    title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
    lead: office,
    coordinators: [phanDinhPhung, bacKan],
    deadline: `Quý III/${Y}`,
    product: 'Tỷ lệ hồ sơ được số hóa',
    kpiCode: 'EDOC_SENT',
  });
  const t5a = await add({
    group: 'III',
    code: '5.1',
    title: `Số hóa hồ sơ thủ tục hành chính tại ${place(phanDinhPhung)}`,
    lead: phanDinhPhung,
    deadline: `Tháng 8/${Y}`,
    parent: t5.id,
  });
  const t5b = await add({
    group: 'III',
    code: '5.2',
    title: `Số hóa hồ sơ thủ tục hành chính tại ${place(bacKan)}`,
    lead: bacKan,
    deadline: `Tháng 8/${Y}`,
    parent: t5.id,
  });
  const t6 = await add({
    group: 'III',
    code: '6',
    title: 'Cung cấp dịch vụ công trực tuyến toàn trình, thanh toán trực tuyến',
    lead: office,
    coordinators: [finance, science],
    deadline: `Thường xuyên, báo cáo hằng quý, năm ${Y}`,
    kpiCode: 'ONLINE_PS_RATE',
  });
  const t7 = await add({
    group: 'III',
    code: '7',
    title: 'Bảo đảm an toàn thông tin theo cấp độ cho các hệ thống thông tin của tỉnh',
    lead: police,
    coordinators: [science],
    deadline: `Quý IV/${Y}`,
    confidential: true,
    product: 'Hồ sơ đề xuất cấp độ được phê duyệt',
  });
  const t8 = await add({
    group: 'III',
    code: '8',
    title: 'Triển khai bệnh án điện tử tại 100% bệnh viện tuyến tỉnh',
    lead: health,
    deadline: `31/7/${Y}`,
    product: 'Bệnh án điện tử đi vào vận hành',
  });
  const t9 = await add({
    group: 'III',
    code: '9',
    title: 'Triển khai học bạ số đối với học sinh tiểu học, trung học cơ sở',
    lead: education,
    deadline: `Quý IV/${Y}`,
  });
  const t10 = await add({
    group: 'IV',
    code: '10',
    title: 'Đưa sản phẩm OCOP của các xã lên sàn thương mại điện tử',
    lead: agriculture,
    coordinators: [c3, c4],
    deadline: `Năm ${Y}`,
    product: 'Số sản phẩm OCOP trên sàn',
  });
  const t11 = await add({
    group: 'IV',
    code: '11',
    title: 'Xây dựng cơ sở dữ liệu quy hoạch xây dựng trên nền GIS',
    lead: construction,
    deadline: `Giai đoạn ${Y}-${year + 1}`,
  });
  const t12 = await add({
    group: 'V',
    code: '12',
    title: 'Kiện toàn Tổ công nghệ số cộng đồng tại 100% thôn, tổ dân phố',
    lead: c1,
    deadline: `Tháng 4/${Y}`,
  });
  const t13 = await add({
    group: 'V',
    code: '13',
    title: 'Tập huấn kỹ năng số cho người dân theo mô hình "Bình dân học vụ số"',
    lead: c2,
    coordinators: [home],
    deadline: `Tháng 10/${Y}`,
  });
  const t14 = await add({
    group: 'V',
    code: '14',
    title: 'Triển khai thanh toán không dùng tiền mặt trong trường học',
    lead: education,
    coordinators: [finance],
    deadline: `Quý II/${Y}`,
  });
  const t15 = await add({
    group: 'V',
    code: '15',
    title: `Ra mắt mô hình "Phường số" tại ${place(phanDinhPhung)}`,
    lead: phanDinhPhung,
    coordinators: [science],
    deadline: `10/12/${Y}`,
  });
  const t16 = await add({
    group: 'II',
    code: '16',
    title: 'Xây dựng Trung tâm dữ liệu tỉnh theo mô hình đám mây',
    lead: science,
    coordinators: [finance, construction],
    deadline: `Quý IV/${Y}`,
  });
  const t17 = await add({
    group: 'IV',
    code: '17',
    title: 'Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số',
    lead: finance,
    deadline: `Quý III/${Y}`,
  });
  const t18 = await add({
    group: 'I',
    code: '18',
    title: 'Đánh giá mức độ chuyển đổi số cấp xã năm trước',
    lead: home,
    coordinators: [c3],
    deadline: `15/5/${Y}`,
  });

  // Done on time and verified; done late; reported and waiting; returned.
  await report(t1.id, home, `${Y}-02-20`, 60, 'Đã tổ chức 12 hội nghị quán triệt', {
    proposals: 'Đề nghị Văn phòng UBND tỉnh tổng hợp tài liệu tuyên truyền dùng chung',
  });
  await act(t1.id, await focal(home), `${Y}-03-25`, 'report_done', {
    text: 'Đã quán triệt đến 100% cán bộ; Báo cáo số 45/BC-SNV ngày 25/3',
  });
  await act(t1.id, secretariat, `${Y}-04-02`, 'verify');
  await report(t2.id, science, `${Y}-03-10`, 70, 'Dự thảo Quy chế đã lấy ý kiến các sở');
  await act(t2.id, await focal(science), `${Y}-04-20`, 'report_done', {
    text: 'Quyết định số 812/QĐ-UBND ngày 18/4 ban hành Quy chế',
  });
  await act(t2.id, secretariat, `${Y}-04-28`, 'verify');
  await report(t3.id, science, `${Y}-05-15`, 80, 'Đã phủ sóng 96% thôn, xóm', {
    difficulties: 'Một số thôn vùng cao chưa có điện lưới',
  });
  await act(t3.id, await focal(science), `${Y}-06-28`, 'report_done', {
    text: 'Các doanh nghiệp viễn thông đã phủ sóng 100% thôn, xóm',
  });
  await report(t14.id, education, `${Y}-05-20`, 50, 'Đã triển khai tại 120 trường');
  await act(t14.id, await focal(education), `${Y}-06-25`, 'report_done', {
    text: 'Đã triển khai tại 100% trường',
  });
  await act(t14.id, secretariat, `${Y}-07-05`, 'return', {
    reason: 'Chưa có số liệu giao dịch thanh toán; đề nghị bổ sung báo cáo của ngân hàng',
  });

  // In progress, with proposals answered; sub-tasks; overdue with difficulties.
  await report(t5.id, office, `${Y}-04-10`, 30, 'Đã số hóa 35% hồ sơ còn hiệu lực', {
    difficulties: 'Thiếu nhân lực số hóa tại cấp xã',
    proposals: 'Đề nghị bố trí kinh phí thuê dịch vụ số hóa',
  });
  const answerable = (await tasks.detail(secretariat, t5.id)).progress.find((p) => p.proposals);
  if (answerable && clock.to(`${Y}-04-15`))
    await progress.answer(
      ctx(secretariat),
      t5.id,
      answerable.id,
      'Sở Tài chính tham mưu bố trí kinh phí trong quý II',
    );
  await report(t5a.id, phanDinhPhung, `${Y}-07-30`, 90, 'Đã số hóa 1.250 hồ sơ');
  await act(t5a.id, await focal(phanDinhPhung), `${Y}-08-25`, 'report_done', {
    text: 'Hoàn thành số hóa 1.380 hồ sơ',
  });
  await act(t5a.id, secretariat, `${Y}-09-03`, 'verify');
  await report(t5b.id, bacKan, `${Y}-07-15`, 40, 'Đã số hóa 600 hồ sơ', {
    difficulties: 'Máy quét hỏng, chờ thay thế',
  });
  await report(t5.id, office, `${Y}-08-30`, 65, 'Đã số hóa 65% hồ sơ');
  await report(t4.id, science, `${Y}-06-20`, 50, 'Đã kéo cáp đến 60 xã', {
    difficulties: 'Chậm giải ngân vốn đầu tư',
    proposals: 'Đề nghị gia hạn đến hết năm',
  });
  await report(t16.id, science, `${Y}-09-15`, 35, 'Đã phê duyệt chủ trương đầu tư');
  await report(t10.id, agriculture, `${Y}-06-30`, 40, 'Đã đưa 85 sản phẩm OCOP lên sàn');
  await report(t10.id, c3, `${Y}-07-10`, null, 'Xã đã hỗ trợ 12 hộ mở gian hàng');
  await report(t17.id, finance, `${Y}-05-30`, 20, 'Đã khảo sát nhu cầu 150 doanh nghiệp');
  await report(t13.id, c2, `${Y}-09-20`, 60, 'Đã tập huấn cho 1.200 người dân');
  await report(t11.id, construction, `${Y}-10-10`, 25, 'Đã thu thập dữ liệu quy hoạch của 30 xã');
  await report(t9.id, education, `${Y}-10-05`, 55, 'Đã cấp học bạ số cho khối tiểu học');

  // Extension approved (the original deadline kept), and one pending.
  if (clock.to(`${Y}-07-20`)) {
    await report(t8.id, health, `${Y}-07-20`, 70, 'Đã triển khai tại 5/8 bệnh viện');
    const ext = await tasks.requestExtension(ctx(await focal(health)), t8.id, {
      requestedDue: `${Y}-11-30`,
      reason: 'Chờ nhà cung cấp hoàn thiện kết nối với hệ thống thanh toán bảo hiểm y tế',
    });
    if (clock.to(`${Y}-07-25`))
      await tasks.decideExtension(ctx(leader), t8.id, ext.id, {
        decision: 'approve',
        note: 'Đồng ý gia hạn một lần',
      });
  }
  if (clock.to(`${Y}-11-05`)) {
    await report(t16.id, science, `${Y}-11-05`, 55, 'Đang lắp đặt thiết bị');
    const due = `${year + 1}-03-31`;
    await tasks.requestExtension(ctx(await focal(science)), t16.id, {
      requestedDue: due,
      reason: 'Thiết bị nhập khẩu về chậm so với hợp đồng',
    });
  }
  // The ongoing task: quarterly reports, the third quarter's missed.
  await report(t6.id, office, `${Y}-03-28`, null, 'Quý I: 78% thủ tục có dịch vụ công toàn trình');
  await report(t6.id, office, `${Y}-06-27`, null, 'Quý II: 82% hồ sơ nộp trực tuyến');
  await report(t6.id, office, `${Y}-10-12`, null, 'Quý III (báo cáo muộn): 85% hồ sơ nộp trực tuyến');
  // Done on time by a commune; paused; cancelled; confidential in progress.
  await report(t12.id, c1, `${Y}-03-15`, 80, 'Đã kiện toàn 95% tổ');
  await act(t12.id, await focal(c1), `${Y}-04-10`, 'report_done', { text: 'Quyết định kiện toàn 100% tổ' });
  await act(t12.id, secretariat, `${Y}-04-15`, 'verify');
  await act(t18.id, secretariat, `${Y}-03-01`, 'cancel', {
    reason: 'Trung ương ban hành bộ chỉ số mới; đánh giá theo Kế hoạch khác',
  });
  await act(t17.id, secretariat, `${Y}-07-01`, 'pause', { reason: 'Chờ Trung ương hướng dẫn cơ chế hỗ trợ' });
  await report(t7.id, police, `${Y}-08-15`, 40, 'Đã thẩm định hồ sơ cấp độ của 6 hệ thống');

  const count = await db
    .selectFrom('steerTasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('planId', '=', plan.id)
    .executeTakeFirstOrThrow();
  void t15;
  return [`Steer demo: plan ${plan.numberSymbol} with ${Number(count.n)} tasks (demo data).`];
}
