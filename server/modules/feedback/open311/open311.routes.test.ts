import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PNG_1X1 } from '../../../../test/helpers/file-fixtures.js';
import { createApiToken } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type FeedbackScenario, feedbackScenario } from '../feedback-test-fixtures.js';

// Open311 GeoReport v2, written from the spec (research/feedback.md §2): discovery, services, a service
// definition, POST requests (form-encoded, api_key), GET requests with filters, one request; XML and JSON; errors
// in the spec's format with 400/403/404. Requests are built by hand, as a client library would send them.

describe.each(testDialects())('Open311 GeoReport v2 on %s', (dialect) => {
  let s: FeedbackScenario;
  let apiKey: string;
  beforeAll(async () => {
    s = await feedbackScenario(dialect);
    await s.category({
      code: 'POTHOLE',
      nameVi: 'Ổ gà, hư hỏng mặt đường',
      nameEn: 'Pothole',
      defaultUnitId: s.tree.communeA,
    });
    apiKey = (await createApiToken(s.t, { unitId: s.tree.province, permissions: ['feedback.read'] })).token;
  }, 60_000);
  afterAll(async () => s?.t.close());

  const get = (url: string) => s.t.app.inject({ url: `/api/open311/v2/${url}` });
  const post = (file: string, form: Record<string, string>) =>
    s.t.app.inject({
      method: 'POST',
      url: `/api/open311/v2/${file}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams(form).toString(),
    });

  it('lists services and their definition in JSON and XML', async () => {
    const json = await get('services.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toEqual([
      expect.objectContaining({
        service_code: 'POTHOLE',
        service_name: 'Ổ gà, hư hỏng mặt đường',
        metadata: false,
        type: 'realtime',
      }),
    ]);
    const xml = await get('services.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>POTHOLE<\/service_code>/,
    );
    const def = await get('services/POTHOLE.json');
    expect(def.json()).toEqual({ service_code: 'POTHOLE', attributes: [] });
    const missing = await get('services/NOPE.xml');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<errors><error><code>404</code><description>');
    const discovery = await get('discovery.json');
    expect(discovery.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
    });
    expect(discovery.json().endpoints[0].formats).toEqual(['text/xml', 'application/json']);
    const discoveryXml = await get('discovery.xml');
    expect(discoveryXml.body).toContain(
      '<formats><format>text/xml</format><format>application/json</format></formats>',
    );
  });

  it('creates a request with an api_key, refuses one without, and reads it back', async () => {
    const noKey = await post('requests.json', {
      service_code: 'POTHOLE',
      lat: '21.3',
      long: '105.6',
      description: 'x',
    });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: 'api_key is missing' }]);
    const badKey = await post('requests.xml', {
      api_key: 'dxb_wrong',
      service_code: 'POTHOLE',
      lat: '21.3',
      long: '105.6',
      description: 'x',
    });
    expect(badKey.statusCode).toBe(403);
    expect(badKey.body).toContain('<errors><error><code>403</code>');
    const unknown = await post('requests.json', {
      api_key: apiKey,
      service_code: 'NOPE',
      lat: '21.3',
      long: '105.6',
      description: 'x',
      email: 'a@example.vn',
    });
    expect(unknown.statusCode).toBe(404);
    const noLocation = await post('requests.json', {
      api_key: apiKey,
      service_code: 'POTHOLE',
      description: 'x',
      email: 'a@example.vn',
      lat: '',
    });
    expect(noLocation.statusCode).toBe(400);
    expect(noLocation.json()[0].description).toContain('location');

    const created = await post('requests.json', {
      api_key: apiKey,
      service_code: 'POTHOLE',
      lat: '21.3012',
      long: '105.6034',
      description: 'Ổ gà lớn trước chợ, gọi 0912345678',
      email: 'cong.dan@example.vn',
      first_name: 'An',
      device_id: '',
    });
    expect(created.statusCode).toBe(200);
    const [{ service_request_id: id, token }] = created.json();
    expect(id).toMatch(/^PA-2026-/);
    expect(token).toBe(id);
    // tokens/{token}: the id, as the report was routed (published) at once; JSON and XML; unknown → 404.
    expect((await get(`tokens/${token}.json`)).json()).toEqual([{ service_request_id: id, token }]);
    const tokenXml = await get(`tokens/${token}.xml`);
    expect(tokenXml.body).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id><token>${token}</token></request></service_requests>`,
    );
    const noToken = await get('tokens/PA-2026-ZZZZZZZZ.json');
    expect(noToken.statusCode).toBe(404);
    expect(noToken.json()).toEqual([{ code: 404, description: 'Unknown token PA-2026-ZZZZZZZZ' }]);
    // While a report waits for moderation, requests/{id} does not serve it and tokens/{token} gives no id yet.
    const { status } = await s.t.deps.db
      .selectFrom('feedbackReports')
      .select('status')
      .where('code', '=', id)
      .executeTakeFirstOrThrow();
    await s.t.deps.db
      .updateTable('feedbackReports')
      .set({ status: 'received' })
      .where('code', '=', id)
      .execute();
    expect((await get(`tokens/${token}.json`)).json()).toEqual([{ service_request_id: '', token }]);
    expect((await get(`requests/${id}.json`)).statusCode).toBe(404);
    await s.t.deps.db.updateTable('feedbackReports').set({ status }).where('code', '=', id).execute();

    const one = await get(`requests/${id}.json`);
    const [req] = one.json();
    expect(req).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: 'Đã chuyển đơn vị xử lý',
      service_code: 'POTHOLE',
      lat: 21.3012,
      long: 105.6034,
      expected_datetime: '2026-03-05T23:59:59+07:00',
      requested_datetime: '2026-03-02T09:00:00+07:00',
      dxboard_status: 'assigned',
    });
    expect(req.agency_responsible).toBeTruthy();
    expect(one.body).not.toContain('cong.dan@example.vn');
    expect(req.description).not.toContain('0912345678');
    const oneXml = await get(`requests/${id}.xml`);
    expect(oneXml.body).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`,
    );
    expect((await get('requests/PA-2026-ZZZZZZZZ.json')).statusCode).toBe(404);

    // Filters: by id, by service, by status, by dates (≤ 90 days), and errors for bad values.
    expect((await get(`requests.json?service_request_id=${id}`)).json()).toHaveLength(1);
    expect(
      (await get('requests.json?service_code=POTHOLE&status=open'))
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id),
    ).toContain(id);
    expect((await get('requests.json?status=closed')).json()).toEqual([]);
    expect(
      (await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-03-03T00:00:00Z')).json(),
    ).toHaveLength(1);
    expect(
      (await get('requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-03-03T00:00:00Z')).statusCode,
    ).toBe(400);
    expect((await get('requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('requests.json?start_date=yesterday')).statusCode).toBe(400);

    // The report is the same one the staff queue and the citizen's page show.
    const queue = await s.call(s.officerA, 'GET', '/api/feedback/reports');
    expect(queue.body.items.map((i: { code: string }) => i.code)).toContain(id);
    expect((await s.call(null, 'GET', `/api/public/feedback/reports/${id}`)).status).toBe(200);
  });

  it('lists requests with the default window at any moment, not only on a minute boundary', async () => {
    // The default window counts 90 days back from the minute (the cache key's); a clock mid-minute once made
    // every request without dates a "longer than 90 days" error.
    const before = s.t.clock.now().toISOString();
    s.t.clock.set(new Date(s.t.clock.now().getTime() + 30_500).toISOString());
    try {
      for (const url of ['requests.json', 'requests.xml?status=open', 'requests.json?service_code=POTHOLE'])
        expect((await get(url)).statusCode, url).toBe(200);
      expect((await get('requests.json?status=pending')).json()).toEqual([
        { code: 400, description: 'status is open or closed' },
      ]);
    } finally {
      s.t.clock.set(before);
    }
  });

  it('answers public lists from a cache that the next write refreshes', async () => {
    // Public answers are cached under the feedback tables' revisions (bumped by triggers in each write's
    // transaction): the same question twice is the same answer, and the first one after a write sees it.
    const listed = async () => {
      const open311 = await get('requests.json?service_code=POTHOLE');
      const xml = await get('requests.xml?service_code=POTHOLE');
      const list = await s.call(null, 'GET', '/api/public/feedback/reports');
      expect(open311.statusCode).toBe(200);
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(list.status).toBe(200);
      return {
        open311: (open311.json() as { service_request_id: string }[]).map((r) => r.service_request_id),
        xml: xml.body,
        list: list.body as { total: number; items: { code: string }[] },
      };
    };
    const before = await listed();
    expect(await listed()).toEqual(before);
    const created = await post('requests.json', {
      api_key: apiKey,
      service_code: 'POTHOLE',
      lat: '21.3',
      long: '105.6',
      description: 'Cống thoát nước bị tắc',
      email: 'ung.dung@example.vn',
    });
    expect(created.statusCode).toBe(200);
    const code = created.json()[0].service_request_id as string;
    const after = await listed();
    expect(after.open311).toEqual([code, ...before.open311]);
    expect(after.xml).toContain(`<service_request_id>${code}</service_request_id>`);
    expect(after.list.total).toBe(before.list.total + 1);
    expect(after.list.items[0].code).toBe(code);
  });

  it('syncs public timeline steps through servicerequestupdates (the updates extension), JSON and XML', async () => {
    const created = await post('requests.json', {
      api_key: apiKey,
      service_code: 'POTHOLE',
      lat: '21.3',
      long: '105.6',
      description: 'Ổ gà sâu trước cổng chợ',
      email: 'ung.dung@example.vn',
    });
    expect(created.statusCode).toBe(200);
    const code = created.json()[0].service_request_id as string;
    const row = await s.t.deps.db
      .selectFrom('feedbackReports')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await s.call(s.officerA, 'POST', `/api/feedback/reports/${row.id}/notes`, { text: 'Ghi chú nội bộ XYZ' });
    const upload = multipartBody({ name: 'sau-khi-va.png', data: PNG_1X1, contentType: 'image/png' });
    const evidence = await s.t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=evidence',
      headers: { ...s.officerA.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(evidence.statusCode).toBe(201);
    const answered = await s.call(s.officerA, 'POST', `/api/feedback/reports/${row.id}/answer`, {
      answer: 'Đã vá ổ gà, gọi 0912345678 nếu còn',
      fileIds: [evidence.json().id],
    });
    expect(answered.status, answered.raw).toBe(200);

    const json = await get('servicerequestupdates.json');
    expect(json.statusCode).toBe(200);
    const mine = (json.json() as Record<string, unknown>[]).filter((u) => u.service_request_id === code);
    // received → assigned (by its category) → answered; the internal note is not an update.
    expect(mine.map((u) => u.dxboard_status)).toEqual(['received', 'assigned', 'answered']);
    expect(mine.map((u) => u.status)).toEqual(['open', 'open', 'closed']);
    expect(String(mine[2].description)).toContain('Đã vá ổ gà');
    // The answer carries its evidence photo; steps without files carry none.
    const mediaUrl = `/api/public/feedback/reports/${code}/files/${evidence.json().id}`;
    expect(mine.map((u) => u.media_url)).toEqual([null, null, mediaUrl]);
    const media = await s.t.app.inject({ method: 'GET', url: mediaUrl });
    expect(media.statusCode).toBe(200);
    expect(String(mine[2].description)).not.toContain('0912345678');
    expect(JSON.stringify(mine)).not.toContain('XYZ');
    expect(String(mine[0].updated_datetime)).toMatch(/\+07:00$/);
    const ids = mine.map((u) => Number(u.update_id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    const xml = await get('servicerequestupdates.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><service_request_updates><request_update>/,
    );
    // A window in the future has nothing; a bad date or reversed range is the spec's 400.
    const future = await get(
      'servicerequestupdates.json?start_date=2030-01-01T00:00:00Z&end_date=2030-01-02T00:00:00Z',
    );
    expect(future.json()).toEqual([]);
    const bad = await get('servicerequestupdates.xml?start_date=hôm-qua');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<errors><error><code>400</code>');
    const reversed = await get(
      'servicerequestupdates.json?start_date=2026-03-02T00:00:00Z&end_date=2026-03-01T00:00:00Z',
    );
    expect(reversed.statusCode).toBe(400);
  });
});
