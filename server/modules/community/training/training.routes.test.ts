import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type CommunityScenario, communityScenario } from '../community-test-fixtures.js';

// Training on both databases: the secretariat creates a course with two sessions (a session outside the course's
// dates is refused), a commune's officer registers its officials, attendance by the session's check-in code
// (twice refused), the certificate after both sessions (PDF, verified at the public URL), and the unit's
// officials trained against headcount as a KPI.

describe.each(testDialects())('Community training on %s', (dialect) => {
  let s: CommunityScenario;
  beforeAll(async () => {
    s = await communityScenario(dialect);
    await s.t.deps.db
      .insertInto('unitHeadcounts')
      .values({
        unitId: s.tree.communeA,
        metric: 'officials',
        asOf: '2026-01-01',
        value: 20,
        source: 'manual',
      })
      .execute();
  }, 60_000);
  afterAll(async () => s?.t.close());

  it('runs a course from sessions to a verified certificate, and writes the trained rate', async () => {
    const course = {
      unitId: s.tree.province,
      title: 'Kỹ năng số cho cán bộ cấp xã',
      organiser: 'Sở Khoa học và Công nghệ',
      audience: 'commune',
      mode: 'both',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      capacity: 3,
      materials: [{ name: 'Bài giảng', url: 'https://onetouch.mic.gov.vn/bai-1' }],
    };
    expect((await s.call(s.officerA, 'POST', '/api/training/courses', course)).status).toBe(403);
    const created = await s.call(s.secretariat, 'POST', '/api/training/courses', course);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const outside = await s.call(s.secretariat, 'POST', `/api/training/courses/${id}/sessions`, {
      sessionDate: '2026-06-02',
      place: 'Hội trường',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0]).toMatchObject({
      field: 'body.sessionDate',
      code: 'community.session_outside_course',
    });
    await s.call(s.secretariat, 'POST', `/api/training/courses/${id}/sessions`, {
      sessionDate: '2026-05-10',
      place: 'Hội trường tỉnh',
    });
    const two = await s.call(s.secretariat, 'POST', `/api/training/courses/${id}/sessions`, {
      sessionDate: '2026-05-20',
      place: 'Trực tuyến',
    });
    expect(two.body.sessions).toHaveLength(2);
    const [first, second] = two.body.sessions as { id: number; checkinCode: string }[];

    expect(
      (
        await s.call(s.officerB, 'POST', `/api/training/courses/${id}/registrations`, {
          unitId: s.tree.communeA,
          officials: [{ fullName: 'X' }],
        })
      ).status,
    ).toBe(403);
    const reg = await s.call(s.officerA, 'POST', `/api/training/courses/${id}/registrations`, {
      unitId: s.tree.communeA,
      officials: [
        { fullName: 'Nguyễn Thị Hoa', position: 'Công chức văn phòng' },
        { fullName: 'Lê Văn Minh' },
      ],
    });
    expect(reg.status).toBe(201);
    const full = await s.call(s.officerA, 'POST', `/api/training/courses/${id}/registrations`, {
      unitId: s.tree.communeA,
      officials: [{ fullName: 'A' }, { fullName: 'B' }],
    });
    expect(full.status).toBe(409);
    // A commune's officer sees the province's course in the list and opens it: its sessions without the check-in
    // codes (the organiser's), and only the commune's own registrations; another commune's officer none of them.
    const listed = await s.call(s.officerA, 'GET', `/api/training/courses?unitId=${s.tree.communeA}`);
    expect(listed.body.items.map((c: { id: number }) => c.id)).toContain(id);
    const asOfficer = await s.call(s.officerA, 'GET', `/api/training/courses/${id}`);
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.body.can.manage).toBe(false);
    expect(asOfficer.body.sessions.map((x: { checkinCode: string | null }) => x.checkinCode)).toEqual([
      null,
      null,
    ]);
    expect(asOfficer.body.registrations.map((r: { fullName: string }) => r.fullName).sort()).toEqual([
      'Lê Văn Minh',
      'Nguyễn Thị Hoa',
    ]);
    const asOther = await s.call(s.officerB, 'GET', `/api/training/courses/${id}`);
    expect(asOther.status).toBe(200);
    expect(asOther.body.registrations).toEqual([]);
    const detail = await s.call(s.secretariat, 'GET', `/api/training/courses/${id}`);
    const hoa = detail.body.registrations.find(
      (r: { fullName: string }) => r.fullName === 'Nguyễn Thị Hoa',
    ).id;

    const check = (code: string) =>
      s.call(s.officerA, 'POST', '/api/training/attendance', { code, registrationId: hoa });
    const one = await check(first.checkinCode);
    expect(one.status).toBe(201);
    expect(one.body.certificateCode).toBeNull();
    const again = await check(first.checkinCode);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('đã được điểm danh');
    expect((await check('WRONGCODE')).status).toBe(400);
    const last = await check(second.checkinCode);
    expect(last.status).toBe(201);
    const certificate = last.body.certificateCode as string;
    expect(certificate).toMatch(/^[A-Z0-9]{10}$/);
    expect(await s.count('communityPeople')).toBe(0);

    const pdf = await s.t.app.inject({
      url: `/api/training/registrations/${hoa}/certificate.pdf`,
      headers: s.officerA.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const verified = await s.call(null, 'GET', `/api/public/community/certificates/${certificate}`);
    expect(verified.body).toMatchObject({
      valid: true,
      fullName: 'Nguyễn Thị Hoa',
      courseTitle: course.title,
    });
    expect((await s.call(null, 'GET', '/api/public/community/certificates/NOTAREALCODE')).status).toBe(404);

    // One official of 20 trained this year.
    expect(await s.kpi(s.tree.communeA, 'TRAINING_OFFICIALS_TRAINED_RATE', '2026')).toBeCloseTo(5); // a ratio in %
    const rates = await s.call(
      s.leader,
      'GET',
      `/api/training/trained-rate?unitId=${s.tree.province}&year=2026`,
    );
    expect(rates.body.items).toEqual([
      { unitId: s.tree.communeA, unitName: 'Phường Phan Đình Phùng', trained: 1, headcount: 20, rate: 0.05 },
    ]);
  });
});
