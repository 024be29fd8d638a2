import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { validation } from '../../../lib/errors.js';
import { createFeedbackServices } from '../feedback.module.js';
import { type FeedbackScenario, feedbackScenario } from '../feedback-test-fixtures.js';

// New reports that arrive together are written in one transaction (one INSERT each for reports, events and audit
// rows). What a caller sees must not depend on its neighbours: each gets its own report and code, a routed one is
// assigned, and one that fails inside the write (a bad one-time code) fails alone while the others are stored.

describe.each(testDialects())('reports created together on %s', (dialect) => {
  let s: FeedbackScenario;
  beforeAll(async () => {
    s = await feedbackScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  it('stores every report of a batch but the one whose write fails, each with its own code, event and audit row', async () => {
    const routed = await s.category({
      code: 'ROUTED',
      nameVi: 'Chiếu sáng',
      nameEn: 'Lighting',
      defaultUnitId: s.tree.communeA,
    });
    const triaged = await s.category({ code: 'TRIAGED', nameVi: 'Khác', nameEn: 'Other' });
    const services = createFeedbackServices(s.t.deps);
    const auditBefore = await s.t.deps.db
      .selectFrom('auditLog')
      .select((e) => e.fn.countAll().as('n'))
      .where('action', '=', 'feedback.report.submit')
      .executeTakeFirstOrThrow();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        services.reports.create(
          { actor: null, ip: '203.0.113.9' },
          {
            categoryId: i % 2 ? routed.id : triaged.id,
            title: `Phản ánh ${i}`,
            description: 'Đèn đường không sáng',
            areaUnitId: s.tree.communeB,
            contact: { kind: 'phone', value: '0912345678' },
            showName: false,
            photoFileIds: [],
            source: 'web',
          },
          i === 7
            ? async () => {
                throw validation([{ field: 'body.otp', code: 'feedback.otp_invalid' }]);
              }
            : undefined,
        ),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([7]);
    const created = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(new Set(created.map((c) => c.code)).size).toBe(19);
    expect(created.map((c) => c.status)).toEqual(
      results.flatMap((r, i) => (r.status === 'fulfilled' ? [i % 2 ? 'assigned' : 'received'] : [])),
    );

    const rows = await s.t.deps.db
      .selectFrom('feedbackReports')
      .select(['id', 'code', 'title', 'status', 'unitId'])
      .where(
        'id',
        'in',
        created.map((c) => c.id),
      )
      .execute();
    expect(rows).toHaveLength(19);
    for (const c of created) {
      const row = rows.find((r) => r.id === c.id);
      expect(row?.code).toBe(c.code);
      expect(row?.status).toBe(c.status);
      if (c.status === 'assigned') expect(row?.unitId).toBe(s.tree.communeA);
    }
    expect(rows.map((r) => r.title)).not.toContain('Phản ánh 7');
    const received = await s.t.deps.db
      .selectFrom('feedbackEvents')
      .select('reportId')
      .where('kind', '=', 'received')
      .where(
        'reportId',
        'in',
        created.map((c) => c.id),
      )
      .execute();
    expect(received).toHaveLength(19);
    const auditAfter = await s.t.deps.db
      .selectFrom('auditLog')
      .select((e) => e.fn.countAll().as('n'))
      .where('action', '=', 'feedback.report.submit')
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n) - Number(auditBefore.n)).toBe(19);

    // The routed ones were assigned in the same write as a member of staff would: a deadline, a public
    // 'assigned' event after 'received', an audit row with before and after, one notice to the unit's officers.
    const assigned = created.filter((c) => c.status === 'assigned');
    // 10 odd ones routed, but number 7 failed.
    expect(assigned).toHaveLength(9);
    const ids = assigned.map((c) => c.id);
    const full = await s.t.deps.db
      .selectFrom('feedbackReports')
      .select(['id', 'deadline', 'assignedAt'])
      .where('id', 'in', ids)
      .execute();
    for (const r of full) {
      expect(r.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.assignedAt).not.toBeNull();
    }
    const events = await s.t.deps.db
      .selectFrom('feedbackEvents')
      .select(['id', 'reportId', 'kind', 'status', 'unitId', 'isPublic'])
      .where('reportId', 'in', ids)
      .orderBy('id')
      .execute();
    for (const id of ids) {
      const mine = events.filter((e) => e.reportId === id);
      expect(mine.map((e) => [e.kind, e.status, e.isPublic])).toEqual([
        ['received', 'received', 1],
        ['assigned', 'assigned', 1],
      ]);
      expect(mine[1].unitId).toBe(s.tree.communeA);
    }
    const assignAudit = await s.t.deps.db
      .selectFrom('auditLog')
      .select(['entityId', 'unitId', 'beforeJson', 'afterJson'])
      .where('action', '=', 'feedback.report.assign')
      .where('entityId', 'in', ids.map(String))
      .execute();
    expect(assignAudit).toHaveLength(9);
    for (const a of assignAudit) {
      expect(a.unitId).toBe(s.tree.communeA);
      const before = JSON.parse(a.beforeJson ?? 'null');
      const after = JSON.parse(a.afterJson ?? 'null');
      expect(before).toMatchObject({ status: 'received', deadline: null });
      expect(after).toMatchObject({ status: 'assigned', unitId: s.tree.communeA });
    }
    const notices = await s.t.deps.db
      .selectFrom('notifications')
      .select('idempotencyKey')
      .where('kind', '=', 'feedback.report_assigned')
      .execute();
    for (const id of ids) {
      const eventId = events.find((e) => e.reportId === id && e.kind === 'assigned')?.id;
      expect(
        notices.filter((n) => n.idempotencyKey?.startsWith(`feedback:report:${id}:assigned:${eventId}`)),
      ).toHaveLength(1);
    }
  });
});
