import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { FULL_VALUES, type MeasureScenario, measureScenario } from '../measure-test-fixtures.js';

// Publishing with units still unapproved: the preview names them; after publication a manager reopens a unit's
// submission (its officers edit and send it again, the appraiser approves it, the next publish is a new
// snapshot) or excludes a unit from the ranking with a reason the ranking shows.

describe.each(testDialects())('publication on %s', (dialect) => {
  let s: MeasureScenario;
  const period = () => `/api/measure/periods/${s.periodId}`;
  const entry = (unitId: number) => `${period()}/units/${unitId}/submission`;
  const auditActions = async () =>
    (await s.t.deps.db.selectFrom('auditLog').select(['action', 'entityId']).orderBy('id').execute()).map(
      (r) => r.action,
    );

  beforeEach(async () => {
    s = await measureScenario(dialect);
    await s.enterAndApprove(s.officerA, s.units.communeA, FULL_VALUES);
    // Commune B starts an entry and never sends it.
    const draft = await s.call(s.officerB, 'PUT', `${entry(s.units.communeB)}/values`, {
      values: { C4: { bool: true } },
    });
    expect(draft.statusCode).toBe(200);
  });
  afterEach(() => s.close());

  it('previews a publish: who is not approved, what is ranked, and whether it would be a new snapshot', async () => {
    const res = await s.call(s.secretariat, 'GET', `${period()}/publish-preview`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ periodId: s.periodId, status: 'open', publishedAt: null, snapshotCount: 0 });
    expect(p.rankedCount).toBe(1);
    expect(p.unitCount).toBeGreaterThanOrEqual(2);
    const b = p.notApproved.find((u: { unitId: number }) => u.unitId === s.units.communeB);
    expect(b).toMatchObject({ status: 'draft', reopened: false });
    expect(p.notApproved.some((u: { unitId: number }) => u.unitId === s.units.communeA)).toBe(false);
    // An officer may not preview (nor publish).
    expect((await s.call(s.officerA, 'GET', `${period()}/publish-preview`)).statusCode).toBe(403);

    await s.call(s.secretariat, 'POST', `${period()}/close`);
    expect((await s.call(s.secretariat, 'POST', `${period()}/publish`)).statusCode).toBe(201);
    const after = (await s.call(s.secretariat, 'GET', `${period()}/publish-preview`)).json();
    expect(after.status).toBe('published');
    expect(after.snapshotCount).toBe(1);
    expect(after.publishedAt).toBe(s.t.clock.now().toISOString());
  });

  it('reopens a unit’s draft after publication: edited, sent, approved, and ranked in the next snapshot', async () => {
    await s.call(s.secretariat, 'POST', `${period()}/close`);
    const first = (await s.call(s.secretariat, 'POST', `${period()}/publish`)).json();
    // Before: the draft is locked for good.
    const locked = await s.call(s.officerB, 'PUT', `${entry(s.units.communeB)}/values`, {
      values: FULL_VALUES,
    });
    expect(locked.statusCode).toBe(409);
    // Only a manager reopens, with a reason; an officer cannot.
    const url = `${period()}/units/${s.units.communeB}/reopen`;
    expect((await s.call(s.officerB, 'POST', url, { reason: 'Xin mở lại' })).statusCode).toBe(403);
    expect((await s.call(s.secretariat, 'POST', url, { reason: '  ' })).statusCode).toBe(400);
    const reopened = await s.call(s.secretariat, 'POST', url, { reason: 'Đơn vị nộp muộn có lý do' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ unitId: s.units.communeB, status: 'draft' });
    expect(await auditActions()).toContain('measure.submission.reopen');

    const view = (await s.call(s.officerB, 'GET', entry(s.units.communeB))).json();
    expect(view.reopenedAt).not.toBeNull();
    expect(view.actions.canEdit).toBe(true);
    await s.enterAndApprove(s.officerB, s.units.communeB, FULL_VALUES);

    const second = await s.call(s.secretariat, 'POST', `${period()}/publish`);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.id);
    expect(second.json().unitCount).toBe(first.unitCount + 1);
    // Approved again, it is locked again.
    const relocked = await s.call(s.officerB, 'PUT', `${entry(s.units.communeB)}/values`, {
      values: FULL_VALUES,
    });
    expect(relocked.statusCode).toBe(409);
    // The first snapshot keeps its numbers.
    const snaps = (await s.call(s.secretariat, 'GET', `${period()}/snapshots`)).json();
    expect(snaps.map((x: { unitCount: number }) => x.unitCount)).toEqual([
      first.unitCount + 1,
      first.unitCount,
    ]);
  });

  it('reopens an approved entry as returned, and refuses to reopen in an open period or a unit outside it', async () => {
    const url = (unitId: number) => `${period()}/units/${unitId}/reopen`;
    const open = await s.call(s.secretariat, 'POST', url(s.units.communeA), { reason: 'Sửa' });
    expect(open.statusCode).toBe(409);
    await s.call(s.secretariat, 'POST', `${period()}/close`);
    const outside = await s.call(s.secretariat, 'POST', url(s.units.province), { reason: 'Sửa' });
    expect(outside.statusCode).toBe(404);
    const res = await s.call(s.secretariat, 'POST', url(s.units.communeA), { reason: 'Số liệu C2 sai' });
    expect(res.json()).toMatchObject({ status: 'returned' });
    const view = (await s.call(s.officerA, 'GET', entry(s.units.communeA))).json();
    expect(view).toMatchObject({ status: 'returned', returnComment: 'Số liệu C2 sai' });
    expect(view.actions.canEdit).toBe(true);
  });

  it('excludes a unit from the ranking with its reason, in the live and the published ranking, and back', async () => {
    const url = `${period()}/units/${s.units.communeA}/exclusion`;
    expect((await s.call(s.officerA, 'PUT', url, { reason: 'x' })).statusCode).toBe(403);
    expect((await s.call(s.secretariat, 'PUT', url, {})).statusCode).toBe(400);
    const put = await s.call(s.secretariat, 'PUT', url, { reason: 'Đang sáp nhập, số liệu chưa đầy đủ' });
    expect(put.statusCode).toBe(200);
    const live = (await s.call(s.secretariat, 'GET', `${period()}/ranking?source=live`)).json();
    expect(live.units).toEqual([]);
    expect(live.excluded).toEqual([
      {
        unitId: s.units.communeA,
        unitName: expect.any(String),
        reason: 'Đang sáp nhập, số liệu chưa đầy đủ',
      },
    ]);
    const preview = (await s.call(s.secretariat, 'GET', `${period()}/publish-preview`)).json();
    expect(preview.rankedCount).toBe(0);
    expect(preview.excluded).toHaveLength(1);

    await s.call(s.secretariat, 'POST', `${period()}/close`);
    await s.call(s.secretariat, 'POST', `${period()}/publish`);
    const published = (
      await s.t.app.inject({ url: `/api/public/measure/periods/${s.periodId}/ranking` })
    ).json();
    expect(published.units).toEqual([]);
    expect(published.excluded[0].reason).toBe('Đang sáp nhập, số liệu chưa đầy đủ');

    expect((await s.call(s.secretariat, 'DELETE', url)).statusCode).toBe(200);
    const back = (await s.call(s.secretariat, 'GET', `${period()}/ranking?source=live`)).json();
    expect(back.units.map((u: { unitId: number }) => u.unitId)).toEqual([s.units.communeA]);
    expect(back.excluded).toEqual([]);
    const actions = await auditActions();
    expect(actions).toContain('measure.period.exclude_unit');
    expect(actions).toContain('measure.period.include_unit');
  });
});
