import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Steer meetings in the authorisation matrix's world: one meeting of the sibling commune's committee and one of
// the province's, each with a document, a notice and two conclusions, their names carrying the target's marker.
// Adds '$meeting', '$meetingFile', '$meetingDocument', '$conclusion' and '$spareConclusion' to each target's ids.

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

async function uploadPng(t: TestApp, who: LoggedIn, name: string): Promise<string> {
  const body = multipartBody({ name, data: PNG_1X1, contentType: 'image/png' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files?purpose=evidence',
    headers: { ...who.headers, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode >= 300) throw new Error(`seed upload: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json().id;
}

type Target = 'sibling' | 'province';
/** The part of the matrix's world this seed needs (structural: authz-world.ts imports this file). */
type World = {
  t: TestApp;
  control: LoggedIn;
  ids: Record<Target, { unit: number }>;
};

type MeetingView = { id: number; documents: { id: number }[]; conclusions: { id: number }[] };

async function seedFor(world: World, markers: Record<Target, string>, target: Target) {
  const { t, control } = world;
  const marker = markers[target];
  const unit = world.ids[target].unit;
  const base = '/api/steer/meetings';
  const meeting = await call<MeetingView>(t, control, 'POST', base, {
    unitId: unit,
    title: `Họp Ban Chỉ đạo ${marker}`,
    kind: 'regular_quarterly',
    date: '2026-03-10',
    time: '08:30',
    chairName: `Chủ tịch ${marker}`,
    attendees: [{ unitId: unit, representative: `Đại diện ${marker}` }],
    agenda: [{ title: `Nội dung ${marker}` }],
  });
  const url = `${base}/${meeting.id}`;
  const doc = await call<MeetingView>(t, control, 'POST', `${url}/documents`, {
    fileId: await uploadPng(t, control, `tai-lieu-${marker}.png`),
    title: `Tài liệu ${marker}`,
  });
  await call(t, control, 'PUT', `${url}/notice`, { numberSymbol: `5/TB-${marker}`, issuedOn: '2026-03-12' });
  await call(t, control, 'POST', `${url}/conclusions`, { text: `Kết luận ${marker} một` });
  const last = await call<MeetingView>(t, control, 'POST', `${url}/conclusions`, {
    text: `Kết luận ${marker} hai`,
  });
  Object.assign(world.ids[target], {
    meeting: meeting.id,
    meetingFile: await uploadPng(t, control, `tep-${marker}.png`),
    meetingDocument: doc.documents[0].id,
    conclusion: last.conclusions[0].id,
    spareConclusion: last.conclusions[1].id,
  });
}

export async function seedSteerMeetingsWorld(world: World, markers: Record<Target, string>): Promise<void> {
  await seedFor(world, markers, 'sibling');
  await seedFor(world, markers, 'province');
}
