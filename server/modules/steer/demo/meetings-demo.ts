import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import type { Clock } from '../../../lib/clock.js';
import { createMeetingsServices } from '../meetings/meetings.feature.js';
import { createSteerTaskServices } from '../tasks/tasks.feature.js';

// Demo: one quarterly meeting of the demo province's steering committee (Ban Chỉ đạo chuyển đổi số tỉnh), held
// on the 10th of the latest quarter's first month that has passed, reviewing the quarter before: attendees by
// unit, agenda, its conclusion notice, and five conclusions, three of them turned into tasks (one already late,
// one within its quarter, one ongoing with monthly reports), two still waiting. Built through the services on a
// clock set to each event's day; marked as demo; idempotent (nothing is done when a demo meeting exists).

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The demo meeting's date: the 10th of Jan/Apr/Jul/Oct, the latest at least three days before today. */
export function demoMeetingDate(today: string): string {
  const year = Number(today.slice(0, 4));
  const candidates = [`${year - 1}-10-10`, ...[1, 4, 7, 10].map((m) => `${year}-${pad(m)}-10`)];
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() - 3);
  const bound = limit.toISOString().slice(0, 10);
  return candidates.filter((d) => d <= bound).at(-1) ?? candidates[0];
}

function fixedAt(real: Clock) {
  let at = real.now();
  return {
    now: () => new Date(at.getTime()),
    to(date: string, hour = 3) {
      const wanted = new Date(`${date}T${pad(hour)}:00:00.000Z`);
      at = wanted < real.now() ? wanted : real.now();
    },
  };
}

export async function seedDemoMeetings(deps: Deps): Promise<string[]> {
  const db = deps.db;
  if (await db.selectFrom('steerMeetings').select('id').where('isDemo', '=', 1).executeTakeFirst()) return [];
  const byCode = (code: string) =>
    db
      .selectFrom('units')
      .innerJoin('structures', 'structures.id', 'units.structureId')
      .select(['units.id', 'units.name'])
      .where('structures.name', '=', '2025-07-01')
      .where('units.code', '=', code)
      .executeTakeFirst();
  const province = await byCode('19');
  const committee = await byCode('19-BCDCDS');
  const secretariatUser = await db
    .selectFrom('users')
    .select(['id', 'fullName', 'email'])
    .where('email', '=', 'thamdinh@demo.dxboard.vn')
    .executeTakeFirst();
  if (!province || !committee || !secretariatUser) return [];
  const [science, office, home, finance, police] = await Promise.all(
    ['SKHCN', 'VP', 'SNV', 'STC', 'CA'].map((s) => byCode(`19-${s}`)),
  );
  if (!science || !office || !home || !finance || !police) return [];
  const communes = await db
    .selectFrom('units')
    .select(['id', 'name', 'type'])
    .where('parentId', '=', province.id)
    .where('kind', '=', 'commune')
    .orderBy('code')
    .limit(3)
    .execute();

  const secretariat: UserActor = {
    kind: 'user',
    userId: secretariatUser.id,
    email: secretariatUser.email,
    fullName: secretariatUser.fullName,
    sessionId: 'demo-seed',
    grants: [{ role: 'secretariat', unitId: province.id }],
  };
  const ctx: AuditContext = { actor: secretariat, requestId: 'seed-demo-steer-meetings' };
  const clock = fixedAt(deps.clock);
  const steer = createSteerTaskServices({ ...deps, clock });
  const { meetings } = createMeetingsServices({ ...deps, clock }, steer.tasks);

  const date = demoMeetingDate(vietnamDate(deps.clock.now()));
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const quarter = Math.floor((month - 1) / 3) + 1;
  const reviewed = quarter === 1 ? `quý IV/${year - 1}` : `quý ${ROMAN[quarter - 2]}/${year}`;
  const noticeOn = `${date.slice(0, 8)}13`;
  const nextMonthEnd = (() => {
    const d = new Date(Date.UTC(year, month + 1, 0));
    return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
  })();

  clock.to(`${date.slice(0, 8)}03`);
  const meeting = await meetings.create(
    ctx,
    {
      unitId: committee.id,
      title: `Hội nghị Ban Chỉ đạo chuyển đổi số tỉnh đánh giá kết quả ${reviewed}, triển khai nhiệm vụ quý ${ROMAN[quarter - 1]}/${year}`,
      kind: 'regular_quarterly',
      date,
      time: '08:00',
      location: 'Hội trường tầng 3, trụ sở UBND tỉnh (kết nối trực tuyến đến các xã, phường)',
      chairName: 'Trưởng Ban Chỉ đạo (dữ liệu mẫu)',
      chairTitle: 'Chủ tịch UBND tỉnh',
      attendees: [
        { unitId: science.id, representative: 'Giám đốc Sở, Phó Trưởng ban thường trực' },
        { unitId: office.id, representative: 'Chánh Văn phòng' },
        { unitId: home.id, representative: 'Phó Giám đốc Sở' },
        { unitId: finance.id, representative: 'Phó Giám đốc Sở' },
        { unitId: police.id, representative: 'Phó Giám đốc Công an tỉnh' },
        ...communes.map((c) => ({ unitId: c.id, representative: 'Chủ tịch UBND' })),
      ],
      agenda: [
        {
          title: `Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số ${reviewed}`,
          presenterUnitId: science.id,
        },
        { title: 'Kết quả chỉ số chuyển đổi số và các chỉ tiêu chính', presenterUnitId: science.id },
        { title: 'Ý kiến của các sở, ngành, địa phương về khó khăn, vướng mắc', presenterUnitId: null },
        { title: 'Kết luận của Trưởng Ban Chỉ đạo', presenterUnitId: null },
      ],
    },
    { isDemo: true },
  );
  const conclusions = [
    'Sở Khoa học và Công nghệ hoàn thành kết nối Hệ thống thông tin giải quyết thủ tục hành chính với Cơ sở dữ liệu quốc gia về dân cư cho các thủ tục còn lại.',
    'Văn phòng UBND tỉnh đôn đốc các sở, ngành số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực, đạt tối thiểu 80%.',
    `UBND ${communes[0] ? `${communes[0].type.toLowerCase()} ${communes[0].name}` : 'các xã, phường'} duy trì hoạt động Tổ công nghệ số cộng đồng, báo cáo kết quả hằng tháng.`,
    'Sở Tài chính tham mưu bố trí kinh phí thực hiện các nhiệm vụ chuyển đổi số năm sau.',
    'Công an tỉnh phối hợp triển khai các tiện ích của ứng dụng VNeID trong giải quyết thủ tục hành chính.',
  ];
  clock.to(date, 4);
  for (const text of conclusions) await meetings.addConclusion(ctx, meeting.id, { text });
  clock.to(noticeOn);
  await meetings.setNotice(ctx, meeting.id, {
    numberSymbol: `${20 + quarter}/TB-BCĐCĐS`,
    issuedOn: noticeOn,
    signer: 'Trưởng Ban Chỉ đạo (dữ liệu mẫu)',
  });
  const detail = await meetings.get(secretariat, meeting.id);
  const [c1, c2, c3] = detail.conclusions;
  const assign = async (
    conclusionId: number,
    leadUnitId: number,
    coordinatingUnitIds: number[],
    deadline: string,
  ) =>
    meetings.convertConclusion(ctx, meeting.id, conclusionId, { leadUnitId, coordinatingUnitIds, deadline });
  clock.to(noticeOn, 5);
  const first = await assign(c1.id, science.id, [police.id, office.id], nextMonthEnd);
  await assign(c2.id, office.id, [science.id], `Quý ${ROMAN[quarter - 1]}/${year}`);
  await assign(c3.id, communes[0]?.id ?? science.id, [], 'Thường xuyên, báo cáo hằng tháng');
  // The lead unit reports on the first task a few weeks later (if that day has come).
  const reportOn = new Date(`${noticeOn}T00:00:00Z`);
  reportOn.setUTCDate(reportOn.getUTCDate() + 20);
  const reportDay = reportOn.toISOString().slice(0, 10);
  if (reportDay <= vietnamDate(deps.clock.now())) {
    clock.to(reportDay);
    await steer.progress.report(
      { ...ctx, actor: { ...secretariat, grants: [{ role: 'officer', unitId: science.id }] } },
      first.taskId,
      {
        unitId: science.id,
        percent: 70,
        text: 'Đã kết nối 45/60 thủ tục với Cơ sở dữ liệu quốc gia về dân cư',
        difficulties: 'Một số thủ tục chưa chuẩn hóa dữ liệu đầu vào',
        proposals: 'Đề nghị Công an tỉnh hỗ trợ đối soát dữ liệu',
      },
    );
  }
  return [
    `Steer demo: meeting "${meeting.title}" with ${conclusions.length} conclusions, 3 turned into tasks (demo data).`,
  ];
}
