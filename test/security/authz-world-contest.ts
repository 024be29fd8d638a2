import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Contest in the authorisation matrix's world: for each target (sibling commune, province) a bank question and a
// draft contest whose names carry the target's marker ('$contestQuestion', '$contest'); and one open contest of
// the principals' own commune with neutral texts, whose slug the public rows use ('$contestSlug').

type Target = 'sibling' | 'province';
type World = { t: TestApp; control: LoggedIn; home: number; ids: Record<Target, { unit: number }> };

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

const config = (prefix: string) => ({
  groups: [{ key: 'all', name: `Mọi người ${prefix}`, prizes: [{ tier: 'first', count: 1 }] }],
  rounds: [{ key: 'r1', name: `Đợt 1 ${prefix}`, startsAt: '2026-03-01T00:00', endsAt: '2026-03-31T00:00' }],
  eligibility: {},
  questionsPerAttempt: 1,
  selection: { mode: 'random', quotas: [{ count: 1 }] },
  timeLimitSeconds: 600,
  attemptsPerRound: 1,
  tieBreaks: ['duration'],
  registration: [{ field: 'fullName', required: true }],
});

const question = (unitId: number, text: string) => ({
  unitId,
  category: 'Chung',
  text,
  options: [
    { text: 'Đúng', correct: true },
    { text: 'Sai', correct: false },
  ],
});

export async function seedContestWorld(world: World, markers: Record<Target, string>) {
  const { t, control } = world;
  for (const target of ['sibling', 'province'] as const) {
    const marker = markers[target];
    const unit = world.ids[target].unit;
    const q = await call<{ id: number }>(
      t,
      control,
      'POST',
      '/api/contest/questions',
      question(unit, `Câu hỏi ${marker}?`),
    );
    const c = await call<{ id: number }>(t, control, 'POST', '/api/contest/contests', {
      unitId: unit,
      title: `Cuộc thi ${marker}`,
      slug: `cuoc-thi-${target}`,
      config: config(marker),
    });
    // A suspicion flag on it, as the background scan would store it (the review rows address it).
    const flag = await t.deps.db
      .insertInto('contestFlags')
      .values({
        contestId: c.id,
        kind: 'impossible_speed',
        subject: `speed:${marker}`,
        participantIdsJson: '[]',
        evidenceJson: '{}',
        createdAt: '2026-03-02T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Round r1 closed with one prize winner, as a round close stores it, so the organiser's certificate print
    // has a page to make (and a name carrying the marker, which nobody outside the unit may see).
    const winner = await t.deps.db
      .insertInto('contestParticipants')
      .values({
        contestId: c.id,
        groupKey: 'all',
        fullName: `Người đoạt giải ${marker}`,
        tokenHash: `${target}-winner`.padEnd(64, '0'),
        verified: 1,
        createdAt: '2026-03-02T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attempt = await t.deps.db
      .insertInto('contestAttempts')
      .values({
        contestId: c.id,
        participantId: winner.id,
        roundKey: 'r1',
        seq: 1,
        seed: 'matrix',
        drawJson: '[]',
        status: 'submitted',
        startedAt: '2026-03-02T01:00:00.000Z',
        deadlineAt: '2026-03-02T01:10:00.000Z',
        submittedAt: '2026-03-02T01:05:00.000Z',
        score: 1,
        total: 1,
        durationMs: 300_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('contestResults')
      .values({
        contestId: c.id,
        roundKey: 'r1',
        groupKey: 'all',
        participantId: winner.id,
        attemptId: attempt.id,
        rank: 1,
        predictionDistance: null,
        prize: 'first',
      })
      .execute();
    await t.deps.db
      .updateTable('contests')
      .set({ closedRoundsJson: '["r1"]' })
      .where('id', '=', c.id)
      .execute();
    Object.assign(world.ids[target], {
      contest: c.id,
      contestFlag: flag.id,
      contestQuestion: q.id,
      contestSlug: 'cuoc-thi-xa-nha',
    });
  }
  await call(t, control, 'POST', '/api/contest/questions', question(world.home, 'Câu hỏi của xã?'));
  const home = await call<{ id: number }>(t, control, 'POST', '/api/contest/contests', {
    unitId: world.home,
    title: 'Cuộc thi của xã',
    slug: 'cuoc-thi-xa-nha',
    config: config('xã'),
  });
  await call(t, control, 'POST', `/api/contest/contests/${home.id}/open`);
}
