import type { SystemInput } from '../../../../core/contracts/steer-registers.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { createRegisterServices } from '../steer.module.js';
import { createSteerTaskServices } from '../tasks/tasks.feature.js';

// Demo: the registers of the demo province (marked as demo). DX products of several departments and communes
// for the current year — some accepted (their count becomes the STEER_DX_PRODUCTS_ACCEPTED KPI), one returned
// with a reason, some awaiting review, several units with none — and about fifteen information systems with
// varied LGSP integration and security status, one pair that overlaps (two document management systems in one
// department), and one open review campaign with some systems confirmed. Built through the services, so the
// audit log, the KPIs and the reminders read as real. Idempotent: nothing is done when a demo product exists.

type Unit = { id: number; name: string };

export async function seedDemoRegisters(deps: Deps): Promise<string[]> {
  const db = deps.db;
  if (await db.selectFrom('steerProducts').select('id').where('isDemo', '=', 1).executeTakeFirst()) return [];
  const byCode = async (code: string): Promise<Unit | undefined> =>
    db
      .selectFrom('units')
      .innerJoin('structures', 'structures.id', 'units.structureId')
      .select(['units.id', 'units.name'])
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
  const dept = async (suffix: string) => byCode(`19-${suffix}`);
  const [science, home, finance, health, education, construction, agriculture, police, office] =
    await Promise.all(['SKHCN', 'SNV', 'STC', 'SYT', 'SGDDT', 'SXD', 'SNNMT', 'CA', 'VP'].map(dept));
  if (!science || !home || !finance || !health || !education || !construction || !agriculture || !office)
    return [];
  const communes = await db
    .selectFrom('units')
    .innerJoin('structures', 'structures.id', 'units.structureId')
    .select(['units.id', 'units.name', 'units.code'])
    .where('structures.name', '=', '2025-07-01')
    .where('units.parentId', '=', province.id)
    .where('units.kind', '=', 'commune')
    .orderBy('units.code')
    .execute();
  if (communes.length < 6) return [];
  // The demo commune officer's ward (Phan Đình Phùng) first, so its screens have something to show.
  const own = communes.find((c) => c.code === '05443') ?? communes[0];
  const [c0, c1, c2, c3] = [own, ...communes.filter((c) => c.id !== own.id)];

  const secretariat: UserActor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    sessionId: 'demo-seed',
    grants: [{ role: 'secretariat', unitId: province.id }],
  };
  const ctx: AuditContext = { actor: secretariat, requestId: 'seed-demo-steer-registers' };
  const tasks = createSteerTaskServices(deps).tasks;
  const { products, systems, reviews } = createRegisterServices(deps, tasks);
  const year = Number(vietnamDate(deps.clock.now()).slice(0, 4));
  const taskOf = async (unitId: number) =>
    (
      await db
        .selectFrom('steerTasks')
        .select('id')
        .where('leadUnitId', '=', unitId)
        .where('isDemo', '=', 1)
        .orderBy('id')
        .executeTakeFirst()
    )?.id;

  // --- DX products
  const declare = async (
    unit: Unit,
    name: string,
    description: string,
    kind: 'platform' | 'app' | 'data' | 'process' | 'service' | 'model',
    link: string | null,
  ) => {
    const task = await taskOf(unit.id);
    return products.declare(ctx, {
      unitId: unit.id,
      year,
      name,
      description,
      kind,
      link,
      fileIds: [],
      taskIds: task ? [task] : [],
    });
  };
  const made = [
    await declare(
      health,
      'Hồ sơ sức khoẻ điện tử toàn dân',
      'Lập hồ sơ sức khoẻ điện tử cho người dân, liên thông với ứng dụng VNeID.',
      'data',
      'https://syt.thainguyen.gov.vn/hssk',
    ),
    await declare(
      education,
      'Học bạ số cấp tiểu học',
      'Triển khai học bạ số có ký số cho 100% trường tiểu học.',
      'process',
      null,
    ),
    await declare(
      finance,
      'Cơ sở dữ liệu giá tài sản nhà nước',
      'Số hoá và cập nhật trực tuyến giá tài sản, hàng hoá do Nhà nước định giá.',
      'data',
      null,
    ),
    await declare(
      c0,
      'Bản đồ số các điểm du lịch cộng đồng',
      'Số hoá 42 điểm du lịch, homestay của phường lên bản đồ số, tích hợp Cổng thông tin điện tử.',
      'data',
      'https://dulich.thainguyen.gov.vn/ban-do',
    ),
    await declare(
      c1,
      'Mô hình "Chợ 4.0" thanh toán không dùng tiền mặt',
      'Toàn bộ tiểu thương chợ trung tâm dùng mã QR thanh toán.',
      'model',
      null,
    ),
    await declare(
      c2,
      'Tổ công nghệ số cộng đồng hướng dẫn dịch vụ công trực tuyến',
      'Tổ công nghệ số cộng đồng hỗ trợ người dân nộp hồ sơ trực tuyến tại nhà.',
      'service',
      null,
    ),
    await declare(
      science,
      'Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) phiên bản 2',
      'Nâng cấp LGSP kết nối các CSDL quốc gia về dân cư, đất đai, doanh nghiệp.',
      'platform',
      null,
    ),
    await declare(
      c3,
      'Ứng dụng phản ánh hiện trường',
      'Ứng dụng cho người dân gửi phản ánh kèm ảnh, vị trí.',
      'app',
      null,
    ),
  ];
  const decide = (i: number, accept: boolean, reason?: string) =>
    products.decide(
      ctx,
      made[i].id,
      accept ? { decision: 'accept', reason: null } : { decision: 'return', reason: reason ?? null },
    );
  for (const i of [0, 1, 3, 4, 6]) await decide(i, true);
  await decide(
    7,
    false,
    'Chưa có quyết định đưa ứng dụng vào sử dụng và số liệu người dùng; đề nghị bổ sung minh chứng.',
  );

  // --- Information systems
  const base = {
    scope: 'unit' as const,
    status: 'operating' as const,
    hosting: 'provincial_dc' as const,
    lgspIntegrated: true,
    nationalDbs: [] as SystemInput['nationalDbs'],
    securityPlanApproved: false,
    investmentVnd: null,
    yearlyBudgetVnd: null,
    startDate: null,
    goLiveDate: null,
    retirementDate: null,
    dataShared: null,
    dataConsumed: null,
    securityLevel: null,
    securityDecisionNumber: null,
    securityDecisionDate: null,
    lastReviewDate: null,
    reviewFindings: null,
  };
  const approved = (level: number, n: string, date: string) => ({
    securityLevel: level,
    securityPlanApproved: true,
    securityDecisionNumber: n,
    securityDecisionDate: date,
  });
  const list: (Omit<SystemInput, keyof typeof base> & Partial<SystemInput>)[] = [
    {
      unitId: office.id,
      name: 'Hệ thống quản lý văn bản và điều hành tỉnh',
      purpose: 'Gửi, nhận văn bản điện tử, ký số, điều hành công việc của các cơ quan nhà nước trong tỉnh.',
      purposeCategory: 'document_management',
      users: 'Cán bộ, công chức các sở, ngành, UBND xã, phường',
      scope: 'province',
      investmentVnd: 12_500_000_000,
      yearlyBudgetVnd: 1_200_000_000,
      startDate: '2019-03-01',
      goLiveDate: '2019-12-15',
      nationalDbs: ['officials'],
      dataShared: 'Văn bản đi, đến; trạng thái xử lý',
      ...approved(3, '1520/QĐ-UBND', '2021-06-30'),
    },
    {
      unitId: office.id,
      name: 'Cổng dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh',
      purpose:
        'Tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến; kết nối Cổng Dịch vụ công quốc gia.',
      purposeCategory: 'public_services',
      users: 'Người dân, doanh nghiệp; bộ phận một cửa các cấp',
      scope: 'province',
      investmentVnd: 18_000_000_000,
      yearlyBudgetVnd: 2_100_000_000,
      startDate: '2020-01-10',
      goLiveDate: '2020-10-01',
      nationalDbs: ['population', 'enterprises', 'civil_status', 'insurance'],
      dataShared: 'Hồ sơ, kết quả giải quyết TTHC',
      dataConsumed: 'Thông tin công dân, doanh nghiệp',
      ...approved(3, '2105/QĐ-UBND', '2022-09-12'),
    },
    {
      unitId: science.id,
      name: 'Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)',
      purpose: 'Trục kết nối, chia sẻ dữ liệu giữa các hệ thống của tỉnh và với NDXP.',
      purposeCategory: 'data_sharing',
      users: 'Các hệ thống thông tin của tỉnh',
      scope: 'province',
      investmentVnd: 9_800_000_000,
      yearlyBudgetVnd: 900_000_000,
      startDate: '2020-05-01',
      goLiveDate: '2021-03-01',
      nationalDbs: ['population', 'enterprises', 'land', 'insurance'],
      ...approved(3, '980/QĐ-UBND', '2021-04-20'),
    },
    {
      unitId: science.id,
      name: 'Hệ thống thư điện tử công vụ tỉnh',
      purpose: 'Thư điện tử cho cán bộ, công chức, viên chức.',
      purposeCategory: 'email',
      users: 'Cán bộ, công chức, viên chức',
      scope: 'province',
      lgspIntegrated: false,
      startDate: '2012-01-01',
      goLiveDate: '2012-07-01',
      ...approved(2, '455/QĐ-STTTT', '2020-03-02'),
    },
    {
      unitId: office.id,
      name: 'Hệ thống hội nghị truyền hình trực tuyến',
      purpose: 'Họp trực tuyến từ tỉnh đến xã.',
      purposeCategory: 'video_conference',
      users: 'UBND tỉnh, các sở, UBND xã',
      scope: 'province',
      lgspIntegrated: false,
      goLiveDate: '2021-08-01',
      investmentVnd: 6_400_000_000,
      securityLevel: 2,
    },
    {
      unitId: police?.id ?? office.id,
      name: 'Hệ thống camera giám sát an ninh, trật tự và giao thông',
      purpose: 'Giám sát an ninh trật tự, xử lý vi phạm giao thông qua hình ảnh.',
      purposeCategory: 'surveillance',
      users: 'Công an tỉnh, công an xã',
      scope: 'unit',
      hosting: 'provincial_dc',
      lgspIntegrated: false,
      startDate: '2022-02-01',
      goLiveDate: '2023-01-15',
      investmentVnd: 35_000_000_000,
      yearlyBudgetVnd: 3_000_000_000,
      ...approved(3, '77/QĐ-CAT', '2023-05-10'),
    },
    {
      unitId: health.id,
      name: 'Hệ thống hồ sơ sức khoẻ điện tử',
      purpose: 'Quản lý hồ sơ sức khoẻ người dân, liên thông khám chữa bệnh.',
      purposeCategory: 'sector',
      users: 'Cơ sở y tế, người dân',
      hosting: 'cloud',
      nationalDbs: ['population', 'insurance', 'health'],
      goLiveDate: '2023-06-01',
      ...approved(2, '812/QĐ-SYT', '2023-08-01'),
    },
    {
      unitId: education.id,
      name: 'Cơ sở dữ liệu ngành giáo dục và học bạ số',
      purpose: 'Quản lý trường, lớp, học sinh, học bạ số.',
      purposeCategory: 'sector',
      users: 'Nhà trường, phụ huynh',
      hosting: 'vendor',
      lgspIntegrated: false,
      nationalDbs: ['education', 'population'],
      goLiveDate: '2022-09-05',
    },
    {
      unitId: agriculture.id,
      name: 'Hệ thống thông tin đất đai tỉnh',
      purpose: 'Quản lý hồ sơ địa chính, biến động đất đai.',
      purposeCategory: 'gis',
      users: 'Văn phòng đăng ký đất đai, UBND xã',
      nationalDbs: ['land'],
      goLiveDate: '2024-03-01',
      investmentVnd: 21_000_000_000,
      ...approved(3, '366/QĐ-UBND', '2024-02-20'),
    },
    {
      unitId: home.id,
      name: 'Phần mềm quản lý hồ sơ cán bộ, công chức, viên chức',
      purpose: 'Quản lý hồ sơ, biên chế, vị trí việc làm.',
      purposeCategory: 'hr',
      users: 'Sở Nội vụ, tổ chức cán bộ các cơ quan',
      nationalDbs: ['officials'],
      goLiveDate: '2021-11-01',
      securityLevel: 2,
    },
    {
      unitId: finance.id,
      name: 'Phần mềm quản lý tài sản công',
      purpose: 'Quản lý, báo cáo tài sản công.',
      purposeCategory: 'finance',
      users: 'Kế toán các cơ quan, đơn vị',
      hosting: 'vendor',
      lgspIntegrated: false,
      goLiveDate: '2018-05-01',
    },
    // The overlap: a department still runs its own document system beside the province's.
    {
      unitId: construction.id,
      name: 'Phần mềm quản lý văn bản nội bộ Sở Xây dựng',
      purpose: 'Quản lý văn bản đi, đến trong nội bộ sở.',
      purposeCategory: 'document_management',
      users: 'Công chức Sở Xây dựng',
      hosting: 'on_premise',
      lgspIntegrated: false,
      goLiveDate: '2017-04-01',
      reviewFindings: 'Trùng chức năng với Hệ thống quản lý văn bản và điều hành tỉnh; đề xuất dừng sử dụng.',
    },
    {
      unitId: c0.id,
      name: `Hệ thống camera giám sát ${c0.name}`,
      purpose: 'Camera an ninh tại các nút giao thông trong phường.',
      purposeCategory: 'surveillance',
      users: `Công an ${c0.name}`,
      status: 'building',
      hosting: 'vendor',
      lgspIntegrated: false,
      startDate: `${year}-02-01`,
    },
    {
      unitId: c1.id,
      name: 'Trang thông tin điện tử và Zalo OA của xã',
      purpose: 'Công khai thông tin, tiếp nhận phản ánh.',
      purposeCategory: 'other',
      users: 'Người dân',
      hosting: 'cloud',
      lgspIntegrated: false,
      goLiveDate: '2025-09-01',
    },
    {
      unitId: agriculture.id,
      name: 'Dự án số hoá bản đồ nông hoá thổ nhưỡng',
      purpose: 'Xây dựng bản đồ số nông hoá phục vụ quy hoạch vùng trồng.',
      purposeCategory: 'sector',
      users: 'Sở Nông nghiệp và Môi trường, hợp tác xã',
      status: 'planned',
      lgspIntegrated: false,
      investmentVnd: 4_500_000_000,
    },
  ];
  const created = [];
  for (const s of list) created.push(await systems.create(ctx, { ...base, ...s } as SystemInput));

  // --- One open review campaign, due at the end of next month; some systems confirmed.
  const due = new Date(deps.clock.now().getTime() + 30 * 86_400_000);
  const campaign = await reviews.open(ctx, {
    name: `Rà soát hệ thống thông tin, dự án CNTT năm ${year}`,
    rootUnitId: province.id,
    dueDate: vietnamDate(due),
  });
  const items = campaign.items;
  for (const item of items.slice(0, Math.ceil(items.length / 2))) {
    await reviews.confirm(ctx, campaign.id, item.id, { note: 'Thông tin không thay đổi' });
  }

  const marked = made.map((p) => p.id);
  await db.updateTable('steerProducts').set({ isDemo: 1 }).where('id', 'in', marked).execute();
  await db
    .updateTable('steerSystems')
    .set({ isDemo: 1 })
    .where(
      'id',
      'in',
      created.map((s) => s.id),
    )
    .execute();
  await db.updateTable('steerReviewCampaigns').set({ isDemo: 1 }).where('id', '=', campaign.id).execute();
  return [
    `Steer registers: ${made.length} DX products, ${created.length} information systems, 1 review campaign (demo)`,
  ];
}
