import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PNG_1X1 } from '../../../../test/helpers/file-fixtures.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type RegistersScenario, registersScenario } from './registers-test-fixtures.js';

// The DX products register on both databases: declare with evidence → return with a reason → correct →
// accept → the KPI appears in the kpis module; units with none by type; bad input in Vietnamese, nothing saved.

describe.each(testDialects())('DX products register on %s', (dialect) => {
  let s: RegistersScenario;
  beforeAll(async () => {
    s = await registersScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  const product = (unitId: number, extra: Record<string, unknown> = {}) => ({
    unitId,
    year: 2026,
    name: 'Bản đồ số các điểm du lịch',
    description: 'Số hoá 42 điểm du lịch của xã lên bản đồ số, tích hợp Cổng thông tin.',
    kind: 'data',
    link: 'https://dulich.example.vn/ban-do',
    ...extra,
  });
  const count = async () =>
    Number(
      (
        await s.t.deps.db
          .selectFrom('steerProducts')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function upload(who: RegistersScenario['officerA']) {
    const body = multipartBody({ name: 'bien-ban-nghiem-thu.png', data: PNG_1X1, contentType: 'image/png' });
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=evidence',
      headers: { ...who.headers, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: string }).id;
  }

  it('runs declare → return with a reason → correct → accept, and writes the count as a KPI', async () => {
    const fileId = await upload(s.officerA);
    const declared = await s.call(s.officerA, 'POST', '/api/steer/products', {
      ...product(s.tree.communeA),
      fileIds: [fileId],
    });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({
      status: 'submitted',
      unitId: s.tree.communeA,
      files: [{ id: fileId, name: 'bien-ban-nghiem-thu.png' }],
      can: { edit: true, decide: false },
    });
    const id = declared.body.id;

    // The officer cannot decide; a return needs a reason (Vietnamese problem+json).
    expect(
      (await s.call(s.officerA, 'POST', `/api/steer/products/${id}/decision`, { decision: 'accept' })).status,
    ).toBe(403);
    const noReason = await s.call(s.secretariat, 'POST', `/api/steer/products/${id}/decision`, {
      decision: 'return',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.type).toContain('application/problem+json');
    expect(noReason.body.errors[0]).toMatchObject({
      field: 'body.reason',
      code: 'steer.product_reason_required',
    });
    expect(noReason.body.errors[0].message).toContain('lý do');

    const returned = await s.call(s.secretariat, 'POST', `/api/steer/products/${id}/decision`, {
      decision: 'return',
      reason: 'Chưa có biên bản nghiệm thu',
    });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: 'Chưa có biên bản nghiệm thu' });
    const corrected = await s.call(s.officerA, 'PUT', `/api/steer/products/${id}`, {
      ...product(s.tree.communeA),
      unitId: undefined,
      fileIds: [fileId],
      description: 'Kèm biên bản nghiệm thu ngày 20/02/2026.',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.status).toBe('submitted');

    const accepted = await s.call(s.secretariat, 'POST', `/api/steer/products/${id}/decision`, {
      decision: 'accept',
    });
    expect(accepted.body).toMatchObject({ status: 'accepted', can: { edit: false, decide: false } });
    expect(await s.kpi(s.tree.communeA, 'STEER_DX_PRODUCTS_ACCEPTED', '2026')).toBe(1);

    // Accepted: no more edits, no second decision, no withdrawal.
    expect(
      (await s.call(s.officerA, 'PUT', `/api/steer/products/${id}`, { ...product(0), unitId: undefined }))
        .status,
    ).toBe(409);
    expect(
      (await s.call(s.secretariat, 'POST', `/api/steer/products/${id}/decision`, { decision: 'accept' }))
        .status,
    ).toBe(409);
    expect((await s.call(s.officerA, 'DELETE', `/api/steer/products/${id}`)).status).toBe(409);

    // The evidence file now belongs to the commune: its readers download it.
    const dl = await s.t.app.inject({ url: `/api/files/${fileId}`, headers: s.leader.headers });
    expect(dl.statusCode).toBe(200);

    const audit = await s.t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'steer_product')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'steer.product.declare',
      'steer.product.return',
      'steer.product.update',
      'steer.product.accept',
    ]);
  });

  it('lists units with no accepted product by unit type', async () => {
    const res = await s.call(
      s.leader,
      'GET',
      `/api/steer/products/units-without?unitId=${s.tree.province}&year=2026`,
    );
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      department: { units: 1, withProduct: 0, without: 1 },
      commune: { units: 2, withProduct: 1, without: 1 },
    });
    expect(res.body.items.map((i: { unitId: number }) => i.unitId)).toEqual([
      s.tree.department,
      s.tree.communeB,
    ]);
    const communes = await s.call(
      s.leader,
      'GET',
      `/api/steer/products/units-without?unitId=${s.tree.province}&year=2026&group=commune`,
    );
    expect(communes.body.items).toEqual([
      { unitId: s.tree.communeB, unitName: 'Xã Đại Phúc', group: 'commune', submitted: 0, returned: 0 },
    ]);
    // Another year: everyone is missing.
    const other = await s.call(
      s.leader,
      'GET',
      `/api/steer/products/units-without?unitId=${s.tree.province}&year=2025`,
    );
    expect(other.body.items).toHaveLength(3);
  });

  it('keeps each unit to its own products: another commune’s officer cannot see, declare for or edit them', async () => {
    const mine = await s.call(
      s.officerB,
      'POST',
      '/api/steer/products',
      product(s.tree.communeB, { kind: 'service' }),
    );
    expect(mine.status).toBe(201);
    expect((await s.call(s.officerB, 'POST', '/api/steer/products', product(s.tree.communeA))).status).toBe(
      403,
    );
    expect((await s.call(s.officerA, 'GET', `/api/steer/products/${mine.body.id}`)).status).toBe(403);
    expect((await s.call(s.officerA, 'GET', `/api/steer/products?unitId=${s.tree.communeB}`)).status).toBe(
      403,
    );
    const listA = await s.call(s.officerA, 'GET', `/api/steer/products?unitId=${s.tree.communeA}&year=2026`);
    expect(listA.body.items.every((p: { unitId: number }) => p.unitId === s.tree.communeA)).toBe(true);
    const all = await s.call(
      s.secretariat,
      'GET',
      `/api/steer/products?unitId=${s.tree.province}&status=submitted`,
    );
    expect(all.body.items.map((p: { id: number }) => p.id)).toEqual([mine.body.id]);
    // Withdrawn before a decision: gone, audited.
    expect((await s.call(s.officerB, 'DELETE', `/api/steer/products/${mine.body.id}`)).status).toBe(204);
    expect((await s.call(s.secretariat, 'GET', `/api/steer/products/${mine.body.id}`)).status).toBe(404);
  });

  it('refuses bad input in Vietnamese (English on request) and saves nothing', async () => {
    const before = await count();
    const bad = await s.call(s.officerA, 'POST', '/api/steer/products', {
      ...product(s.tree.communeA),
      kind: 'robot',
      year: 1999,
      name: '',
      link: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['body.kind', 'body.link', 'body.name', 'body.year']);
    expect(bad.body.title).toBe('Dữ liệu không hợp lệ');
    // Someone else's upload and an unknown task are refused as field errors; nothing half-saved.
    const othersFile = await upload(s.officerB);
    const links = await s.call(
      s.officerA,
      'POST',
      '/api/steer/products',
      { ...product(s.tree.communeA), fileIds: [othersFile], taskIds: [987654] },
      { 'accept-language': 'en' },
    );
    expect(links.status).toBe(400);
    expect(links.body.errors).toEqual([
      expect.objectContaining({ field: 'body.fileIds.0', code: 'steer.product_unknown_file' }),
      expect.objectContaining({
        field: 'body.taskIds.0',
        code: 'steer.product_unknown_task',
        message: 'The task does not exist or you cannot see it',
      }),
    ]);
    expect(await count()).toBe(before);
  });
});
