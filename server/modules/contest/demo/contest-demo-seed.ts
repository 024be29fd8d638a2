import type { ContestConfigInput } from '../../../../core/contracts/contest.js';
import type { Deps } from '../../../deps.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { fixedClock } from '../../../lib/clock.js';
import { createContestOutputs } from '../contest-outputs.wiring.js';
import { createContestServices } from '../contest-services.js';
import { DEMO_QUESTIONS } from './demo-questions.js';

// Demo: a contest shaped like the seed article's (Bắc Kạn 2024: two groups — officials and citizens — with
// prize tables 1/3/5/10 and 1/5/10/15, and collective prizes: 72 in all), on the demo province, with a bank of
// sixty questions, a first round that ended two days ago with its results closed and published, and a second
// round open today. A hundred and fifty invented participants (kept small: every e2e server start loads the
// demo; marked as demo, no email, so nobody is mailed)
// register and take attempts through the services, on a demo clock that walks through the first round.
// Idempotent: nothing is done when a demo contest exists.

const SLUG = 'tim-hieu-chuyen-doi-so';
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh', 'Hữu', 'Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tú',
  'Yến',
];

/** A small deterministic generator, so every demo database looks the same. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const local = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);

export async function seedContestDemoOnStartup(deps: Deps): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  return seedDemoContest(deps);
}

/** `participants`: how many invented people take part (a smaller demo keeps the demo test fast). */
export async function seedDemoContest(deps: Deps, { participants = 150 } = {}): Promise<string[]> {
  const db = deps.db;
  if (await db.selectFrom('contests').select('id').where('isDemo', '=', 1).executeTakeFirst()) return [];
  const province = await db
    .selectFrom('units')
    .innerJoin('structures', 'structures.id', 'units.structureId')
    .select(['units.id', 'units.name'])
    .where('structures.name', '=', '2025-07-01')
    .where('units.code', '=', '19')
    .executeTakeFirst();
  const user = await db
    .selectFrom('users')
    .select(['id', 'fullName', 'email'])
    .where('email', '=', 'thamdinh@demo.dxboard.vn')
    .executeTakeFirst();
  if (!province || !user) return [];
  const units = await db
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('parentId', '=', province.id)
    .where('validTo', 'is', null)
    .where('kind', 'in', ['commune', 'agency'])
    .orderBy('code')
    .execute();
  const communes = units.filter((u) => u.kind === 'commune').slice(0, 40);
  const agencies = units.filter((u) => u.kind === 'agency');
  if (communes.length === 0 || agencies.length === 0) return [];

  const organiser: UserActor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    sessionId: 'demo-seed',
    grants: [{ role: 'secretariat', unitId: province.id }],
  };
  const ctx: AuditContext = { actor: organiser, requestId: 'seed-demo-contest' };
  const now = deps.clock.now();
  const day = 86_400_000;
  // Round 1: from 30 days ago to 2 days ago (midnight, Vietnam time); round 2: from yesterday for two weeks.
  const midnight = (offsetDays: number) => {
    const v = new Date(now.getTime() + 7 * 3600_000 + offsetDays * day);
    return new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()) - 7 * 3600_000);
  };
  const r1Start = midnight(-30);
  const r1End = midnight(-2);
  const r2Start = midnight(-1);
  const r2End = midnight(14);
  const clock = fixedClock(new Date(r1Start.getTime() + 3600_000).toISOString());
  const services = createContestServices({ ...deps, clock });

  const categories = new Map<string, number>();
  for (const [topic, level, text, options, correct] of DEMO_QUESTIONS) {
    const q = await services.bank.create(
      ctx,
      {
        unitId: province.id,
        category: topic,
        difficulty: level,
        kind: 'single',
        text,
        options: options.map((o, i) => ({ text: o, correct: i === correct })),
      },
      { isDemo: true },
    );
    categories.set(topic, q.categoryId);
  }
  const [gov, eco, soc] = ['Chính quyền số', 'Kinh tế số', 'Xã hội số và kỹ năng số'].map(
    (t) => categories.get(t) as number,
  );
  const config: ContestConfigInput = {
    rulesText:
      'Cuộc thi trực tuyến "Tìm hiểu về chuyển đổi số" (dữ liệu minh hoạ). Người dự thi trả lời 15 câu hỏi trắc nghiệm và 1 câu hỏi dự đoán trong 10 phút.',
    eligibility: {
      minAge: 15,
      residence: 'province',
      excluded: 'Thành viên Ban Tổ chức, Tổ biên soạn câu hỏi và Tổ thư ký',
    },
    groups: [
      {
        key: 'officials',
        name: 'Cán bộ, công chức, viên chức, người lao động, lực lượng vũ trang',
        prizes: [
          { tier: 'first', count: 1 },
          { tier: 'second', count: 3 },
          { tier: 'third', count: 5 },
          { tier: 'consolation', count: 10 },
        ],
      },
      {
        key: 'citizens',
        name: 'Nhân dân (học sinh, sinh viên, người lao động và công dân khác)',
        prizes: [
          { tier: 'first', count: 1 },
          { tier: 'second', count: 5 },
          { tier: 'third', count: 10 },
          { tier: 'consolation', count: 15 },
        ],
      },
    ],
    rounds: [
      { key: 'dot-1', name: 'Đợt 1', startsAt: local(r1Start), endsAt: local(r1End) },
      { key: 'dot-2', name: 'Đợt 2', startsAt: local(r2Start), endsAt: local(r2End) },
      {
        key: 'ca-cuoc-thi',
        name: 'Toàn cuộc thi',
        startsAt: local(r1Start),
        endsAt: local(r2End),
        boardOnly: true,
        awardsPrizes: false,
      },
    ],
    questionsPerAttempt: 15,
    selection: {
      mode: 'random',
      quotas: [
        { categoryId: gov, count: 6 },
        { categoryId: eco, count: 4 },
        { categoryId: soc, count: 5 },
      ],
    },
    shuffleQuestions: true,
    shuffleOptions: true,
    timeLimitSeconds: 600,
    graceSeconds: 15,
    attemptsPerRound: 3,
    counting: 'best',
    prediction: {
      question: 'Theo bạn, đợt thi này có bao nhiêu người trả lời đúng tất cả các câu hỏi?',
      target: 'perfect_scorers',
    },
    tieBreaks: ['prediction', 'duration', 'submitted_at'],
    onePrizePerPerson: true,
    participationCertificates: true,
    registration: [
      { field: 'fullName', required: true },
      { field: 'phone', required: true, unique: true },
      { field: 'cccd', required: false, unique: true },
      { field: 'email', required: false },
      { field: 'unit', required: true },
    ],
    verification: 'none',
    collective: {
      formula: 'rate_plus_points',
      points: { first: 10, second: 8, third: 6, consolation: 4 },
      prizes: [
        { label: 'Giải Nhất tập thể', count: 2 },
        { label: 'Giải Nhì tập thể', count: 4 },
        { label: 'Giải Ba tập thể', count: 6 },
        { label: 'Giải Khuyến khích tập thể', count: 10 },
      ],
    },
  };
  const contest = await services.contests.create(
    ctx,
    {
      unitId: province.id,
      title: 'Cuộc thi trực tuyến tìm hiểu về chuyển đổi số tỉnh Thái Nguyên',
      slug: SLUG,
      config,
    },
    { isDemo: true },
  );
  await services.contests.open(ctx, contest.id);
  const answerKey = new Map<number, number>();
  for (const q of (await services.bank.list(organiser, { unitId: province.id })).items)
    answerKey.set(
      q.id,
      q.options.findIndex((o) => o.correct),
    );

  const random = lcg(2024);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const people: { token: string; skill: number }[] = [];
  const TOTAL = participants;
  for (let i = 0; i < TOTAL; i++) {
    const official = i % 3 !== 2;
    const unit = official && i % 2 === 0 ? pick(agencies) : pick(communes);
    const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    clock.set(new Date(r1Start.getTime() + 3600_000 + Math.floor(random() * 20 * day)).toISOString());
    const reg = await services.play.register(
      SLUG,
      {
        groupKey: official ? 'officials' : 'citizens',
        fullName: name,
        phone: `09${String(10_000_000 + i * 7919).slice(-8)}`,
        unitId: unit.id,
        consent: true,
      },
      { ip: `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}` },
      { isDemo: true },
    );
    people.push({ token: reg.token, skill: 0.55 + random() * 0.45 });
  }

  // Round 1: everyone takes one or two attempts; the better prepared answer more questions right.
  const takeAttempt = async (person: { token: string; skill: number }, at: Date) => {
    clock.set(at.toISOString());
    const meta = { ip: '10.20.9.9', token: person.token };
    const attempt = await services.play.start(SLUG, meta, { isDemo: true });
    const answers: Record<string, number[]> = {};
    for (const q of attempt.questions) {
      const right = answerKey.get(q.id) ?? 0;
      answers[q.id] = [random() < person.skill ? right : (right + 1 + Math.floor(random() * 3)) % 4];
    }
    clock.set(new Date(at.getTime() + 90_000 + Math.floor(random() * 480_000)).toISOString());
    await services.play.submit(attempt.id, { answers, prediction: 20 + Math.floor(random() * 60) }, meta);
  };
  let attempts = 0;
  for (const person of people) {
    const n = random() < 0.35 ? 2 : 1;
    for (let k = 0; k < n; k++) {
      await takeAttempt(person, new Date(r1Start.getTime() + 2 * day + Math.floor(random() * 25 * day)));
      attempts++;
    }
  }
  // Round 1 has ended: close it (prediction truth, ranking, prizes, published).
  clock.set(now.toISOString());
  await services.contests.closeRound(ctx, contest.id, 'dot-1');
  // Three winners have downloaded their certificates, so the verify page has real codes to show.
  const certificates = createContestOutputs(deps, services.contests).certificates;
  let issued = 0;
  for (const person of people) {
    if (issued >= 3) break;
    const mine = await certificates.mine(SLUG, person.token);
    if (!mine.items.some((c) => c.prize)) continue;
    await certificates.pdf({ actor: null }, SLUG, person.token, 'dot-1', null);
    issued++;
  }
  // Round 2 is open today: some have already taken it.
  for (const person of people.slice(0, Math.ceil(TOTAL / 4))) {
    const at = new Date(
      Math.max(r2Start.getTime() + 3600_000, now.getTime() - 20 * 3600_000) +
        Math.floor(random() * 10 * 3600_000),
    );
    if (at.getTime() < now.getTime()) {
      await takeAttempt(person, at);
      attempts++;
    }
  }
  const code = await deps.db
    .selectFrom('contestCertificates')
    .select('code')
    .orderBy('id')
    .executeTakeFirst();
  return [
    `Contest: demo contest "${SLUG}" with ${DEMO_QUESTIONS.length} questions, ${TOTAL} participants, ${attempts} attempts${code ? `; a certificate verifies at /?contest-certificate=${code.code}` : ''}`,
  ];
}
