import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNE_SET } from '../../../core/measure/templates/index.js';
import { multipartBody } from '../../../test/helpers/file-fixtures.js';
import type { LoggedIn } from '../../../test/helpers/login.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { buildZip, deflatePart, partsOf } from '../../../test/helpers/zip-builder.js';
import { type CommunityScenario, communityScenario } from './community-test-fixtures.js';
import { certificateUrl, qrModules } from './training/certificate-pdf.js';

// Issue 14's journeys on both databases, through the HTTP API as the phone and the staff app call it.
// 1. A commune imports its villages, teams and members (xlsx; a malformed phone is a row error and nothing is
//    written), logs activities (one queued offline and sent days later with its original date; its resend is
//    harmless; a future date, a date before the team existed and people below zero are each a 400 with nothing
//    saved), the monthly roll-up equals a table computed by hand, and the KPI community.activities fills
//    component X.NL.4 of the commune template through Measure's prefill.
// 2. A course with two sessions: attendance by QR check-in and by the online platform's xlsx (preview with row
//    errors, then one transaction), a duplicate refused either way, certificates verified at the public URL.

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testDialects())('Community journeys on %s', (dialect) => {
  let s: CommunityScenario;
  let teams: Record<string, number> = {};
  beforeAll(async () => {
    // 15 June 2026, 09:00 in Vietnam.
    s = await communityScenario(dialect, '2026-06-15T02:00:00.000Z');
  }, 60_000);
  afterAll(async () => s?.t.close());

  async function upload(who: LoggedIn, url: string, name: string, data: Buffer) {
    const body = multipartBody({ name, data });
    const res = await s.t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.headers, ...body.headers },
      payload: body.payload,
    });
    return { status: res.statusCode, body: res.json(), type: String(res.headers['content-type']) };
  }
  const importUrl = (kind: string, commit: boolean) =>
    `/api/community/imports?communeId=${s.tree.communeA}&kind=${kind}&commit=${commit}`;

  it('imports a commune’s villages, teams and members from xlsx; a malformed phone writes nothing', async () => {
    const villages = await xlsx([
      ['Mã', 'Tên', 'Loại'],
      ['T01', 'Thôn Đồng Tâm', 'thôn'],
      ['T02', 'Thôn Bình Minh', 'thôn'],
      ['T03', 'Tổ dân phố 3', 'tổ dân phố'],
    ]);
    expect((await upload(s.officerA, importUrl('villages', true), 'thon.xlsx', villages)).body).toMatchObject(
      {
        committed: true,
        created: 3,
      },
    );
    const teamRows = await xlsx([
      ['Mã thôn', 'Tên tổ', 'Số quyết định', 'Ngày quyết định', 'Người ký'],
      ['T01', 'Tổ CNSCĐ thôn Đồng Tâm', '12/QĐ-UBND', '01/09/2025', 'Chủ tịch UBND xã'],
      ['T02', 'Tổ CNSCĐ thôn Bình Minh', '13/QĐ-UBND', '01/10/2025', 'Chủ tịch UBND xã'],
      ['T03', 'Tổ CNSCĐ tổ dân phố 3', '02/QĐ-UBND', '01/02/2026', 'Chủ tịch UBND xã'],
    ]);
    const imported = await upload(s.officerA, importUrl('teams', true), 'to.xlsx', teamRows);
    expect(imported.body).toMatchObject({ committed: true, created: 3, errors: [] });
    const list = await s.call(s.officerA, 'GET', `/api/community/teams?unitId=${s.tree.communeA}`);
    const short: Record<string, string> = {
      'Tổ CNSCĐ thôn Đồng Tâm': 'Tâm',
      'Tổ CNSCĐ thôn Bình Minh': 'Minh',
      'Tổ CNSCĐ tổ dân phố 3': 'phố 3',
    };
    teams = Object.fromEntries(
      list.body.items.map((t: { name: string; id: number }) => [short[t.name] ?? t.name, t.id]),
    );
    expect(Object.keys(teams).sort()).toEqual(['Minh', 'Tâm', 'phố 3'].sort());

    const members = [
      ['Thôn', 'Họ và tên', 'Số điện thoại', 'Vai trò', 'Đơn vị, đoàn thể', 'Từ ngày'],
      ['T01', 'Nguyễn Văn An', '0912 111 222', 'Tổ trưởng', 'Trưởng thôn', '01/09/2025'],
      ['T01', 'Lò Thị Bích', '0987 222 333', 'Thành viên', 'Đoàn Thanh niên', '01/09/2025'],
      ['T02', 'Hà Văn Cường', '0905 333 444', 'Tổ trưởng', 'Công an', '01/10/2025'],
      ['T02', 'Nông Thị Dung', '0912 34', 'Thành viên', 'Hội Phụ nữ', '01/10/2025'],
      ['T03', 'Đinh Văn Em', '0388 555 666', 'Tổ trưởng', 'Trưởng thôn', '01/02/2026'],
    ];
    const bad = await upload(s.officerA, importUrl('members', true), 'tv.xlsx', await xlsx(members));
    expect(bad.status).toBe(200);
    expect(bad.body.committed).toBe(false);
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 5, field: 'phone' })]);
    expect(bad.body.errors[0].message).toContain('Số điện thoại không hợp lệ');
    expect(await s.count('communityMembers')).toBe(0);
    members[4][2] = '0912 345 678';
    const good = await upload(s.officerA, importUrl('members', true), 'tv.xlsx', await xlsx(members));
    expect(good.body).toMatchObject({ committed: true, created: 5, errors: [] });
    expect(await s.count('communityMembers')).toBe(5);
    expect(await s.kpi(s.tree.communeA, 'COMMUNITY_TEAMS', '2026-Q2')).toBe(3);

    // A member with a malformed phone added by hand: a 400 problem+json, nothing saved.
    const byHand = await s.call(s.officerA, 'POST', `/api/community/teams/${teams.Minh}/members`, {
      fullName: 'Nông Thị Dung',
      phone: '09-12',
      role: 'member',
      organisation: 'womens_union',
      startDate: '2025-10-01',
    });
    expect(byHand.status).toBe(400);
    expect(byHand.type).toContain('application/problem+json');
    expect(byHand.body.errors[0]).toMatchObject({ field: 'body.phone', code: 'community.phone_invalid' });
    expect(await s.count('communityMembers')).toBe(5);
  });

  it('logs activities (one queued offline, sent late with its original date) and refuses bad ones whole', async () => {
    const log = (body: Record<string, unknown>) =>
      s.call(s.officerA, 'POST', '/api/community/activities', body);
    const base = { kind: 'home', skills: ['vneid_level2'], householdsReached: 0 };
    const rows = [
      {
        teamId: teams.Tâm,
        activityDate: '2026-01-10',
        place: 'Nhà văn hoá thôn Đồng Tâm',
        kind: 'village_hall',
        skills: ['vneid_level2', 'online_public_services'],
        peopleReached: 40,
        householdsReached: 25,
      },
      {
        teamId: teams.Tâm,
        activityDate: '2026-03-05',
        place: 'Nhà ông Sáu',
        kind: 'home',
        skills: ['cashless_payment'],
        peopleReached: 5,
        householdsReached: 2,
      },
      {
        teamId: teams.Minh,
        activityDate: '2026-03-18',
        place: 'Bộ phận một cửa xã',
        kind: 'one_stop',
        skills: ['online_public_services'],
        peopleReached: 12,
        householdsReached: 10,
      },
      {
        teamId: teams['phố 3'],
        activityDate: '2026-04-07',
        place: 'Nhóm Zalo tổ dân phố 3',
        kind: 'online',
        skills: ['online_safety'],
        peopleReached: 30,
        householdsReached: 0,
      },
    ];
    for (const r of rows) expect((await log(r)).status).toBe(201);

    // Bad input: each a 400 problem+json naming the field, and nothing stored.
    const cases: [Record<string, unknown>, string, string][] = [
      [{ teamId: teams.Tâm, activityDate: '2026-06-16' }, 'body.activityDate', 'community.activity_future'],
      [
        { teamId: teams['phố 3'], activityDate: '2026-01-31' },
        'body.activityDate',
        'community.activity_before_team',
      ],
      [{ teamId: teams.Tâm, activityDate: '2026-06-01', peopleReached: -3 }, 'body.peopleReached', ''],
    ];
    for (const [patch, field, code] of cases) {
      const res = await log({ ...base, place: 'Chợ xã', peopleReached: 4, ...patch });
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors[0].field).toBe(field);
      if (code) expect(res.body.errors[0].code).toBe(code);
    }
    expect(await s.count('communityActivities')).toBe(4);

    // Logged on the phone without a connection on 28 May, sent when the phone came back online on 15 June:
    // it keeps its own date (May) and its client key makes the resend (a retry after a lost answer) harmless.
    const queued = {
      teamId: teams.Minh,
      activityDate: '2026-05-28',
      place: 'Nhà văn hoá thôn Bình Minh',
      kind: 'village_hall',
      skills: ['vneid_level2', 'ecommerce'],
      peopleReached: 25,
      householdsReached: 15,
      clientKey: 'phone-7f3a-20260528-01',
    };
    const sent = await log(queued);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ activityDate: '2026-05-28', replayed: false });
    const again = await log(queued);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: sent.body.id, replayed: true });
    expect(await s.count('communityActivities')).toBe(5);
  });

  it('rolls the month up to the hand-computed table and writes the KPI', async () => {
    const r = await s.call(s.leader, 'GET', `/api/community/rollup?unitId=${s.tree.province}&year=2026`);
    expect(r.status).toBe(200);
    const table = r.body.months
      .slice(0, 6)
      .map((m: { month: number; sessions: number; people: number; households: number }) => [
        m.month,
        m.sessions,
        m.people,
        m.households,
      ]);
    // month, sessions, people, households — by hand from the five activities above.
    expect(table).toEqual([
      [1, 1, 40, 25],
      [2, 0, 0, 0],
      [3, 2, 17, 12],
      [4, 1, 30, 0],
      [5, 1, 25, 15],
      [6, 0, 0, 0],
    ]);
    expect(r.body.months[4]).toMatchObject({ cumSessions: 5, cumPeople: 112 });
    expect(r.body.totals).toMatchObject({ teams: 3, members: 5, sessions: 5, people: 112 });
    const skills = Object.fromEntries(
      r.body.perSkill.map((p: { skill: string; people: number }) => [p.skill, p.people]),
    );
    expect(skills).toEqual({
      vneid_level2: 65,
      online_public_services: 52,
      cashless_payment: 5,
      online_safety: 30,
      ecommerce: 25,
    });
    const own = await s.call(s.officerA, 'GET', `/api/community/rollup?unitId=${s.tree.communeA}&year=2026`);
    expect(own.body.totals.sessions).toBe(5);
    expect(await s.kpi(s.tree.communeA, 'COMMUNITY_ACTIVITIES', '2026')).toBe(5);
  });

  it('fills component X.NL.4 of the commune template from the KPI community.activities', async () => {
    const component = COMMUNE_SET.groups
      .flatMap((g) => g.mainIndices)
      .flatMap((m) => m.components)
      .find((c) => c.code === 'X.NL.4');
    expect(component?.kpiCode).toBe('community.activities');
    const fw = await s.call(s.secretariat, 'POST', '/api/measure/frameworks', {
      templateKey: COMMUNE_SET.code,
      ownerUnitId: s.tree.province,
    });
    expect(fw.status).toBe(201);
    const period = await s.call(s.secretariat, 'POST', '/api/measure/periods', {
      name: 'Đánh giá chuyển đổi số cấp xã 2026',
      year: 2026,
      frameworkId: fw.body.id ?? fw.body.framework?.id,
      rootUnitId: s.tree.province,
      // The test tree's commune A is a ward (Phường Phan Đình Phùng); the commune set covers both.
      unitKinds: ['commune', 'ward'],
      opensOn: '2026-06-01',
      dueOn: '2026-12-31',
    });
    expect(period.status, JSON.stringify(period.body)).toBe(201);
    expect((await s.call(s.secretariat, 'POST', `/api/measure/periods/${period.body.id}/open`)).status).toBe(
      200,
    );
    const sub = `/api/measure/periods/${period.body.id}/units/${s.tree.communeA}/submission`;
    const filled = await s.call(s.officerA, 'POST', `${sub}/prefill-from-kpis`);
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    expect(filled.body.prefilled).toContainEqual({
      code: 'X.NL.4',
      kpiCode: 'community.activities',
      value: { number: 5 },
    });
    const entry = (await s.call(s.officerA, 'GET', sub)).body.components.find(
      (c: { code: string }) => c.code === 'X.NL.4',
    );
    expect(entry.value).toEqual({ number: 5 });
  });

  it('runs a course: two sessions, attendance by QR and by xlsx import, certificates verified', async () => {
    await s.t.deps.db
      .insertInto('unitHeadcounts')
      .values({
        unitId: s.tree.communeA,
        metric: 'officials',
        asOf: '2026-01-01',
        value: 25,
        source: 'manual',
      })
      .execute();
    const created = await s.call(s.secretariat, 'POST', '/api/training/courses', {
      unitId: s.tree.province,
      title: 'Kỹ năng số cho cán bộ cấp xã 2026',
      organiser: 'Sở Khoa học và Công nghệ',
      audience: 'commune',
      mode: 'both',
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
      capacity: 10,
    });
    const id = created.body.id as number;
    const outside = await s.call(s.secretariat, 'POST', `/api/training/courses/${id}/sessions`, {
      sessionDate: '2026-07-01',
      place: 'Hội trường tỉnh',
    });
    expect(outside.status).toBe(400);
    expect(outside.type).toContain('application/problem+json');
    expect(outside.body.errors[0].code).toBe('community.session_outside_course');
    await s.call(s.secretariat, 'POST', `/api/training/courses/${id}/sessions`, {
      sessionDate: '2026-06-05',
      place: 'Hội trường tỉnh',
    });
    const withTwo = await s.call(s.secretariat, 'POST', `/api/training/courses/${id}/sessions`, {
      sessionDate: '2026-06-12',
      place: 'Trực tuyến (Zoom)',
    });
    const [first, second] = withTwo.body.sessions as { id: number; checkinCode: string }[];
    expect(withTwo.body.sessions).toHaveLength(2);
    await s.call(s.officerA, 'POST', `/api/training/courses/${id}/registrations`, {
      unitId: s.tree.communeA,
      officials: [
        { fullName: 'Nguyễn Thị Hoa', email: 'hoa.nt@phanđinhphung.gov.vn'.replace('đ', 'd') },
        { fullName: 'Lê Văn Minh' },
        { fullName: 'Trần Văn Nam' },
      ],
    });
    const regs = Object.fromEntries(
      (await s.call(s.secretariat, 'GET', `/api/training/courses/${id}`)).body.registrations.map(
        (r: { fullName: string; id: number }) => [r.fullName.split(' ').pop(), r.id],
      ),
    ) as Record<string, number>;
    const attendance = async () =>
      Number(
        (
          await s.t.deps.db
            .selectFrom('trainingAttendance')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const qr = (code: string, registrationId: number) =>
      s.call(s.officerA, 'POST', '/api/training/attendance', { code, registrationId });
    const importAtt = (who: LoggedIn, sessionId: number, rows: string[][], commit = true) =>
      xlsx(rows).then((data) =>
        upload(
          who,
          `/api/training/courses/${id}/attendance-import?sessionId=${sessionId}&commit=${commit}`,
          'zoom-diem-danh.xlsx',
          data,
        ),
      );

    // Session 1 in the hall: two check in by QR, the third joined online (the platform's list).
    expect((await qr(first.checkinCode, regs.Hoa)).status).toBe(201);
    expect((await qr(first.checkinCode, regs.Minh)).status).toBe(201);
    const dupQr = await qr(first.checkinCode, regs.Minh);
    expect(dupQr.status).toBe(409);
    expect(dupQr.type).toContain('application/problem+json');
    expect(await attendance()).toBe(2);
    const header = ['STT', 'Họ và tên', 'Email', 'Thời gian tham gia'];
    const online1 = [header, ['1', 'Tran Van Nam', '', '2026-06-05 08:02']];
    expect((await importAtt(s.officerA, first.id, online1)).status).toBe(403);
    const preview = await importAtt(s.secretariat, first.id, online1, false);
    expect(preview.body).toMatchObject({ rows: 1, valid: 1, committed: false, created: 0, errors: [] });
    expect(await attendance()).toBe(2);
    expect((await importAtt(s.secretariat, first.id, online1)).body).toMatchObject({
      committed: true,
      created: 1,
      certificates: 0,
    });
    expect(await attendance()).toBe(3);

    // Session 2 online: the platform's list has a stranger and a repeat; nothing is written until it is clean.
    const online2 = [
      header,
      ['1', 'Hoa Nguyen', 'HOA.NT@phandinhphung.gov.vn', '2026-06-12 08:00'],
      ['2', 'Lê Văn  Minh', '', '2026-06-12 08:01'],
      ['3', 'Người Lạ', '', '2026-06-12 08:03'],
      ['4', 'Trần Văn Nam', '', '2026-06-12 08:05'],
      ['5', 'Trần Văn Nam', '', '2026-06-12 09:30'],
    ];
    const dirty = await importAtt(s.secretariat, second.id, online2);
    expect(dirty.status).toBe(200);
    expect(dirty.body.committed).toBe(false);
    expect(dirty.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, 'fullName'],
      [6, 'fullName'],
    ]);
    expect(dirty.body.errors[0].message).toContain('Không tìm thấy học viên');
    expect(dirty.body.errors[1].message).toContain('đã được điểm danh');
    expect(await attendance()).toBe(3);
    // A session of another course, or an unknown one: a 400 naming the query parameter.
    const wrongSession = await importAtt(s.secretariat, 2_000_000, online2);
    expect(wrongSession.status).toBe(400);
    expect(wrongSession.body.errors[0].field).toBe('querystring.sessionId');
    const clean = await importAtt(s.secretariat, second.id, [online2[0], online2[1], online2[2], online2[4]]);
    expect(clean.body).toMatchObject({ committed: true, created: 3, certificates: 3, errors: [] });
    expect(await attendance()).toBe(6);
    // Imported first, then scanned at the door: still one attendance.
    expect((await qr(second.checkinCode, regs.Hoa)).status).toBe(409);
    // The same list imported again: each row is a duplicate, nothing written.
    const repeat = await importAtt(s.secretariat, second.id, [online2[0], online2[1]]);
    expect(repeat.body).toMatchObject({ committed: false, created: 0 });
    expect(repeat.body.errors[0].message).toContain('đã được điểm danh');
    expect(await attendance()).toBe(6);

    // Certificates: each verifies at the public URL; the PDF carries the QR code of that URL.
    const detail = await s.call(s.secretariat, 'GET', `/api/training/courses/${id}`);
    for (const r of detail.body.registrations as {
      id: number;
      fullName: string;
      attended: number;
      certificateCode: string;
    }[]) {
      expect(r.attended).toBe(2);
      expect(r.certificateCode).toMatch(/^[A-Z0-9]{10}$/);
      const verified = await s.call(null, 'GET', `/api/public/community/certificates/${r.certificateCode}`);
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({
        valid: true,
        fullName: r.fullName,
        unitName: 'Phường Phan Đình Phùng',
        courseTitle: 'Kỹ năng số cho cán bộ cấp xã 2026',
      });
    }
    const pdf = await s.t.app.inject({
      url: `/api/training/registrations/${regs.Nam}/certificate.pdf`,
      headers: s.officerA.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Three officials of 25 trained this year.
    expect(await s.kpi(s.tree.communeA, 'TRAINING_OFFICIALS_TRAINED_RATE', '2026')).toBeCloseTo(12);
  });

  it('refuses a decompression bomb as an attendance list before parsing it', async () => {
    const course = await s.call(s.secretariat, 'GET', `/api/training/courses?unitId=${s.tree.province}`);
    const id = course.body.items[0].id;
    const session = (await s.call(s.secretariat, 'GET', `/api/training/courses/${id}`)).body.sessions[0].id;
    const normal = partsOf(await xlsx([['Họ và tên'], ['Nguyễn Thị Hoa']]));
    const entry = Buffer.from('<si><t>a</t></si>');
    const block = Buffer.concat(Array.from({ length: 65_536 }, () => entry));
    const bomb = await buildZip(
      await Promise.all(
        normal.map(async (p) =>
          p.name === 'xl/sharedStrings.xml'
            ? deflatePart(
                p.name,
                (function* () {
                  yield Buffer.from('<sst count="2000000">');
                  for (let i = 0; i < 31; i++) yield block;
                  yield Buffer.from('</sst>');
                })(),
              )
            : p,
        ),
      ),
    );
    const started = Date.now();
    const res = await upload(
      s.secretariat,
      `/api/training/courses/${id}/attendance-import?sessionId=${session}&commit=true`,
      'bom.xlsx',
      bomb,
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('draws a readable QR code of the verification URL (three finder patterns)', () => {
    const url = certificateUrl('ABCDEF2345', 'https://dx.thainguyen.gov.vn');
    expect(url).toBe('https://dx.thainguyen.gov.vn/api/public/community/certificates/ABCDEF2345');
    const { size, dark } = qrModules(url);
    const on = new Set(dark.map(([r, c]) => `${r},${c}`));
    expect(size).toBeGreaterThanOrEqual(21);
    // A finder pattern: a dark 7×7 ring, a light ring inside it, a dark 3×3 centre.
    const finder = (r0: number, c0: number) => {
      for (let r = 0; r < 7; r++)
        for (let c = 0; c < 7; c++) {
          const ring = r === 0 || r === 6 || c === 0 || c === 6;
          const centre = r >= 2 && r <= 4 && c >= 2 && c <= 4;
          expect(on.has(`${r0 + r},${c0 + c}`)).toBe(ring || centre);
        }
    };
    finder(0, 0);
    finder(0, size - 7);
    finder(size - 7, 0);
    expect(qrModules(certificateUrl('ZZZZZZ2345', null)).dark).not.toEqual(dark);
  });
});
