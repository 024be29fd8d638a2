import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_MINIMAL, PNG_1X1 } from '../../../../test/helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { EVIDENCE_KINDS } from '../../../lib/uploads.js';
import { type caller, createOpenPeriod, FULL_VALUES, measureScenario } from '../measure-test-fixtures.js';

// 401 → 400 → 403 → happy path for the submission and appraisal routes.
describe.each(testDialects())('measure submission and appraisal routes on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let leader: LoggedIn;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const sub = (unitId: number, rest = '') =>
    `/api/measure/periods/${periodId}/units/${unitId}/submission${rest}`;
  const appr = (unitId: number, rest = '') =>
    `/api/measure/periods/${periodId}/units/${unitId}/appraisal${rest}`;

  beforeAll(async () => {
    ({ t, call, units, secretariat, officerA, officerB, periodId } = await measureScenario(dialect));
    leader = await loginAs(t, { role: 'leader', unitId: units.province });
  });
  afterAll(async () => t.close());

  it('answers 401 to anonymous callers on every route', async () => {
    const a = units.communeA;
    for (const [method, url] of [
      ['GET', sub(a)],
      ['PUT', sub(a, '/values')],
      ['POST', sub(a, '/preview')],
      ['POST', sub(a, '/evidence')],
      ['DELETE', sub(a, '/evidence/1')],
      ['POST', sub(a, '/submit')],
      ['GET', sub(a, '/history')],
      ['GET', appr(a)],
      ['PUT', appr(a)],
      ['POST', appr(a, '/return')],
      ['POST', appr(a, '/approve')],
    ] as const) {
      const res = await call(null, method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('rejects malformed input with field errors (400) and saves nothing', async () => {
    const a = units.communeA;
    const cases: [unknown, string][] = [
      [{ values: { C1: { number: 'three' } } }, 'body.values.C1'],
      [{ values: { C1: { number: 3, extra: 1 } } }, 'body.values.C1'],
      [{ values: { NOPE: { number: 1 } } }, 'body.values.NOPE'],
      [{ values: { C2: { number: 5 } } }, 'body.values.C2'],
      [{ values: { C3: { choice: 'mayor' } } }, 'body.values.C3.choice'],
      [{ values: { C2: { numerator: 5, denominator: 0 } } }, 'body.values.C2.numerator'],
      [{}, 'body.values'],
    ];
    for (const [payload, field] of cases) {
      const res = await call(officerA, 'PUT', sub(a, '/values'), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .some((f: string) => f.startsWith(field)),
      ).toBe(true);
    }
    expect(
      (await call(officerA, 'GET', `/api/measure/periods/${periodId}/units/x/submission`)).statusCode,
    ).toBe(400);
    const badEvidence = await call(officerA, 'POST', sub(a, '/evidence'), { componentCode: 'C1' });
    expect(badEvidence.json().errors[0]).toMatchObject({ code: 'measure.evidence_file_or_document' });
    const noFile = await call(officerA, 'POST', sub(a, '/evidence'), {
      componentCode: 'C1',
      fileId: 'AAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(noFile.json().errors[0]).toMatchObject({ field: 'body.fileId', code: 'measure.unknown_file' });
    // Files are cited by their random public id only: a sequential id is not even accepted (issue 8 #2).
    const numeric = await call(officerA, 'POST', sub(a, '/evidence'), { componentCode: 'C1', fileId: 1 });
    expect(numeric.statusCode).toBe(400);
    expect(numeric.json().errors[0]).toMatchObject({ field: 'body.fileId' });
    const rows = await t.deps.db.selectFrom('measureValues').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('forbids an officer of another unit (403) on every route and tells them nothing', async () => {
    const a = units.communeA;
    for (const [method, url, payload] of [
      ['GET', sub(a), undefined],
      ['PUT', sub(a, '/values'), { values: { C1: { number: 1 } } }],
      ['POST', sub(a, '/preview'), { values: { C1: { number: 1 } } }],
      [
        'POST',
        sub(a, '/evidence'),
        { componentCode: 'C1', document: { number: '1', date: '2025-01-01', title: 'x' } },
      ],
      ['DELETE', sub(a, '/evidence/1'), undefined],
      ['POST', sub(a, '/submit'), undefined],
      ['GET', sub(a, '/history'), undefined],
      ['GET', appr(a), undefined],
      ['PUT', appr(a), { components: { C1: { points: 1 } } }],
      ['POST', appr(a, '/return'), { comment: 'x', components: [{ code: 'C1', comment: 'x' }] }],
      ['POST', appr(a, '/approve'), undefined],
    ] as const) {
      const res = await call(officerB, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.body).not.toMatch(/C1|Phan Đình Phùng/);
    }
    // A leader reads but neither enters nor appraises.
    expect((await call(leader, 'GET', sub(a))).statusCode).toBe(200);
    expect((await call(leader, 'PUT', sub(a, '/values'), { values: { C1: { number: 1 } } })).statusCode).toBe(
      403,
    );
    expect((await call(officerA, 'GET', appr(a))).statusCode).toBe(403);
  });

  it('saves, previews, attaches and removes evidence, submits and shows history for the unit', async () => {
    const a = units.communeA;
    const empty = await call(officerA, 'GET', sub(a));
    expect(empty.json()).toMatchObject({
      id: null,
      status: 'draft',
      actions: { canEdit: true, canAppraise: false },
    });
    const partial = await call(officerA, 'PUT', sub(a, '/values'), { values: { C1: { number: 2 } } });
    expect(partial.json().components[0]).toMatchObject({ code: 'C1', value: { number: 2 }, selfPoints: 10 });
    // Preview merges over saved values: C1 = 2 (saved, 10) + C4 yes (20).
    const preview = await call(officerA, 'POST', sub(a, '/preview'), { values: { C4: { bool: true } } });
    expect(preview.json().total.points).toBeCloseTo(30, 9);
    const saved = await call(officerA, 'PUT', sub(a, '/values'), { values: FULL_VALUES });
    expect(saved.json().selfScore.total).toMatchObject({ points: 81, applicableMax: 100, value: 0.81 });
    expect(saved.json().selfScore.band.code).toBe('B3');
    const file = await t.deps.files.store(
      PDF_MINIMAL,
      { originalName: 'bien-ban.pdf', allow: EVIDENCE_KINDS, uploadedBy: officerA.userId },
      { actor: null },
    );
    const foreign = await t.deps.files.store(
      PNG_1X1,
      { originalName: 'khac.png', allow: EVIDENCE_KINDS, uploadedBy: officerB.userId },
      { actor: null },
    );
    const stolen = await call(officerA, 'POST', sub(a, '/evidence'), {
      componentCode: 'C1',
      fileId: foreign.publicId,
    });
    expect(stolen.json().errors[0]).toMatchObject({ field: 'body.fileId', code: 'measure.unknown_file' });
    const withFile = await call(officerA, 'POST', sub(a, '/evidence'), {
      componentCode: 'C1',
      fileId: file.publicId,
    });
    expect(withFile.statusCode, withFile.body).toBe(201);
    const cited = await call(officerA, 'POST', sub(a, '/evidence'), {
      componentCode: 'C1',
      document: { number: '5/BB', date: '2025-06-01', title: 'Biên bản' },
    });
    expect((await call(officerA, 'DELETE', sub(a, `/evidence/${cited.json().id}`))).statusCode).toBe(204);
    const view = await call(officerA, 'GET', sub(a));
    expect(view.json().components[0].evidence).toEqual([
      expect.objectContaining({ fileId: file.publicId, fileName: 'bien-ban.pdf', document: null }),
    ]);
    const submitted = await call(officerA, 'POST', sub(a, '/submit'));
    expect(submitted.json()).toMatchObject({ status: 'submitted', round: 1, actions: { canEdit: false } });
    const evidenceId = withFile.json().id;
    const download = await call(secretariat, 'GET', sub(a, `/evidence/${evidenceId}/file`));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF_MINIMAL)).toBe(true);
    // The shared download helper's checks: length, a strong ETag from the stored digest, no sniffing.
    expect(download.headers['content-length']).toBe(String(PDF_MINIMAL.length));
    expect(download.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toContain('bien-ban.pdf');
    expect((await call(officerB, 'GET', sub(a, `/evidence/${evidenceId}/file`))).statusCode).toBe(403);
    expect((await call(null, 'GET', sub(a, `/evidence/${evidenceId}/file`))).statusCode).toBe(401);
    const history = await call(officerA, 'GET', sub(a, '/history'));
    expect(
      history.json().map((h: { componentCode: string; points: number }) => [h.componentCode, h.points]),
    ).toEqual([
      ['C1', 10],
      ['C1', 15],
      ['C2', 36],
      ['C3', 10],
      ['C4', 20],
    ]);
  });

  it('lets the appraiser set values and points (400 above max), return and approve', async () => {
    const a = units.communeA;
    const side = await call(secretariat, 'GET', appr(a));
    expect(side.json().actions).toMatchObject({ canAppraise: true, canEdit: false });
    const tooMany = await call(secretariat, 'PUT', appr(a), { components: { C1: { points: 25 } } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0]).toMatchObject({ field: 'body.components.C1.points', code: 'too_big' });
    const set = await call(secretariat, 'PUT', appr(a), {
      components: { C2: { value: { numerator: 30, denominator: 50 }, comment: 'Theo hệ thống' } },
    });
    expect(set.statusCode, set.body).toBe(200);
    const c2 = set.json().components.find((c: { code: string }) => c.code === 'C2');
    expect(c2).toMatchObject({ selfPoints: 36, appraisedPoints: 24, appraisalComment: 'Theo hệ thống' });
    expect(set.json().appraisedScore.total.points).toBeCloseTo(15 + 24 + 10 + 20, 9);
    expect(
      (await call(secretariat, 'POST', appr(a, '/return'), { comment: 'x', components: [] })).statusCode,
    ).toBe(400);
    expect(
      (
        await call(secretariat, 'POST', appr(a, '/return'), {
          comment: 'x',
          components: [{ code: 'ZZ', comment: 'y' }],
        })
      ).statusCode,
    ).toBe(400);
    const returned = await call(secretariat, 'POST', appr(a, '/return'), {
      comment: 'Bổ sung',
      components: [{ code: 'C3', comment: 'Cần quyết định thành lập' }],
    });
    expect(returned.json().status).toBe('returned');
    expect((await call(secretariat, 'POST', appr(a, '/approve'))).statusCode).toBe(409);
    await call(officerA, 'POST', sub(a, '/submit'));
    const approved = await call(secretariat, 'POST', appr(a, '/approve'));
    expect(approved.json()).toMatchObject({
      status: 'approved',
      actions: { canEdit: false, canAppraise: false },
    });
    expect((await call(secretariat, 'PUT', appr(a), { components: { C1: { points: 1 } } })).statusCode).toBe(
      409,
    );
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'measure_submission')
      .orderBy('id')
      .execute();
    expect(audit.map((x) => x.action)).toEqual([
      'measure.values.save',
      'measure.values.save',
      'measure.submission.submit',
      'measure.appraisal.save',
      'measure.submission.return',
      'measure.submission.submit',
      'measure.submission.approve',
    ]);
  });

  it('refuses entry when the period is not open (409)', async () => {
    await call(secretariat, 'POST', `/api/measure/periods/${periodId}/close`);
    const res = await call(officerB, 'PUT', sub(units.communeB, '/values'), {
      values: { C1: { number: 1 } },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_STATE');
  });
  it('keeps the reason a unit gives for "not applicable" and shows it back, in the history too', async () => {
    // A period of its own: the other tests count this unit's audit rows and lock its submission.
    const { periodId: own } = await createOpenPeriod(t, secretariat, units.province, { year: 2031 });
    const sub = (unitId: number, rest = '') =>
      `/api/measure/periods/${own}/units/${unitId}/submission${rest}`;
    const b = units.communeB;
    const reason = 'Xã không có trường trung học phổ thông';
    const saved = await call(officerB, 'PUT', sub(b, '/values'), {
      values: { C4: { notApplicable: true, reason: `  ${reason} ` } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const c4 = () =>
      (saved.json().components as { code: string; value: unknown }[]).find((c) => c.code === 'C4');
    expect(c4()?.value).toEqual({ notApplicable: true, reason });
    const read = await call(officerB, 'GET', sub(b));
    expect(read.json().components.find((c: { code: string }) => c.code === 'C4').value).toEqual({
      notApplicable: true,
      reason,
    });
    const history = await call(officerB, 'GET', sub(b, '/history'));
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().some((h: { value: unknown }) => JSON.stringify(h.value).includes(reason))).toBe(
      true,
    );
    // Without a reason it stays a plain "not applicable".
    const plain = await call(officerB, 'PUT', sub(b, '/values'), { values: { C4: { notApplicable: true } } });
    expect(plain.json().components.find((c: { code: string }) => c.code === 'C4').value).toEqual({
      notApplicable: true,
    });
  });
});
