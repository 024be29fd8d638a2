import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Community in the authorisation matrix's world: below the sibling commune, villages (one with a team carrying
// the sibling's marker, one without a team for creating one, one to merge), the team's member and activity.
// Adds '$village', '$teamVillage', '$mergeVillage', '$team', '$member' and '$activity' to the sibling's ids, and
// a training course of the sibling with one session, an official checked in and certified ('$course',
// '$registration', '$session', '$sessionCode', '$certificate'), and a course of the province ('$course' at the
// province) with a sibling official registered under the marker.
// Community's entity rows are tried on the sibling only (teams live in communes).

async function call<T>(
  t: TestApp,
  who: LoggedIn,
  method: string,
  url: string,
  payload?: unknown,
): Promise<T> {
  const res = await t.app.inject({
    method: method as 'POST',
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (res.statusCode >= 300)
    throw new Error(`seed ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json() as T;
}

type World = { t: TestApp; control: LoggedIn; ids: Record<'sibling' | 'province', { unit: number }> };

export async function seedCommunityWorld(world: World, markers: { sibling: string }) {
  const { t, control } = world;
  const communeId = world.ids.sibling.unit;
  const marker = markers.sibling;
  const village = async (code: string, name: string) =>
    (
      await call<{ id: number }>(t, control, 'POST', '/api/community/villages', {
        communeId,
        code,
        name: `${name} ${marker}`,
        type: 'thôn',
      })
    ).id;
  const teamVillage = await village('ZQV1', 'Thôn Một');
  const freeVillage = await village('ZQV2', 'Thôn Hai');
  const mergeVillage = await village('ZQV3', 'Thôn Ba');
  const team = await call<{ id: number }>(t, control, 'POST', '/api/community/teams', {
    unitId: teamVillage,
    name: `Tổ CNSCĐ ${marker}`,
    decisionNumber: '01/QĐ-UBND',
    decisionDate: '2025-08-01',
  });
  const member = await call<{ id: number }>(t, control, 'POST', `/api/community/teams/${team.id}/members`, {
    fullName: `Thành viên ${marker}`,
    phone: '0987654321',
    role: 'leader',
    organisation: 'village_head',
    startDate: '2025-08-01',
  });
  const activity = await call<{ id: number }>(t, control, 'POST', '/api/community/activities', {
    teamId: team.id,
    activityDate: '2026-01-15',
    place: `Nhà văn hoá ${marker}`,
    kind: 'village_hall',
    skills: ['vneid_level2'],
    peopleReached: 20,
    householdsReached: 12,
  });
  const course = await call<{ id: number; sessions: { checkinCode: string }[] }>(
    t,
    control,
    'POST',
    '/api/training/courses',
    {
      unitId: communeId,
      // No marker: a certificate shows its course title to anyone who checks it, by design.
      title: 'Khoá tập huấn kỹ năng số',
      organiser: 'UBND xã',
      audience: 'community_teams',
      mode: 'in_person',
      startsOn: '2026-01-05',
      endsOn: '2026-01-30',
      capacity: 30,
    },
  );
  const withSession = await call<{ sessions: { id: number; checkinCode: string }[] }>(
    t,
    control,
    'POST',
    `/api/training/courses/${course.id}/sessions`,
    { sessionDate: '2026-01-10', place: `Hội trường ${marker}` },
  );
  await call(t, control, 'POST', `/api/training/courses/${course.id}/registrations`, {
    unitId: communeId,
    officials: [{ fullName: 'Học viên Một' }],
  });
  const detail = await call<{ registrations: { id: number }[] }>(
    t,
    control,
    'GET',
    `/api/training/courses/${course.id}`,
  );
  const registration = detail.registrations[0].id;
  const sessionCode = withSession.sessions[0].checkinCode;
  const checked = await call<{ certificateCode: string }>(t, control, 'POST', '/api/training/attendance', {
    code: sessionCode,
    registrationId: registration,
  });
  // A course of the province is open to the communes below it (their readers open it, as they see it listed),
  // with an official of the sibling registered under the marker: a reader of another commune must not see them.
  const provinceCourse = await call<{ id: number }>(t, control, 'POST', '/api/training/courses', {
    unitId: world.ids.province.unit,
    title: 'Tập huấn chuyển đổi số cấp tỉnh',
    organiser: 'Sở Khoa học và Công nghệ',
    audience: 'commune',
    mode: 'both',
    startsOn: '2026-02-01',
    endsOn: '2026-02-28',
    capacity: 100,
  });
  await call(t, control, 'POST', `/api/training/courses/${provinceCourse.id}/registrations`, {
    unitId: communeId,
    officials: [{ fullName: `Học viên ${marker}` }],
  });
  // Public rows are built against the province's ids: the certificate is found there too.
  Object.assign(world.ids.province, { certificate: checked.certificateCode, course: provinceCourse.id });
  Object.assign(world.ids.sibling, {
    course: course.id,
    registration,
    sessionCode,
    session: withSession.sessions[0].id,
    certificate: checked.certificateCode,
    village: freeVillage,
    teamVillage,
    mergeVillage,
    team: team.id,
    member: member.id,
    activity: activity.id,
  });
}
