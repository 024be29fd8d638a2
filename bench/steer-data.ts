import type { Insertable, Kysely } from 'kysely';
import { seededRandom } from '../core/measure/robustness.js';
import { addDays } from '../core/steer/calendar.js';
import { resolveDeadline } from '../core/steer/deadline.js';
import type { LifecycleState, ResolvedDeadline } from '../core/steer/types.js';
import { type BulkColumn, bulkInsert } from '../server/db/bulk-insert.js';
import type { DB } from '../server/db/schema.js';
import type { SteerTasksTable } from '../server/db/schema-steer.js';

// Bulk loading for the Steer benchmark: on the national tree of measure-data.ts (34 provinces, 3,321 communes),
// each province's year of DX plans (three issued plans with task groups, plus tasks from conclusion notices),
// tasks led by the province or its communes with coordinating communes and every written deadline form, a
// lifecycle history consistent with each task's state, approved extensions and progress updates; one officer
// per unit and a secretariat per province (the reminders' recipients). Task rows go in through chunked
// multi-row inserts (their ids are needed), the large tables through server/db/bulk-insert.ts.

export type SteerSize = { tasks: number; progress: number };
export const STEER_FULL: SteerSize = { tasks: 10_000, progress: 100_000 };
export const STEER_QUICK: SteerSize = { tasks: 1_000, progress: 10_000 };

const CHUNK = 400;
const YEAR = 2026;
const PLANS = [
  { symbol: 'KH-UBND', title: `Kế hoạch chuyển đổi số năm ${YEAR}`, issuedOn: `${YEAR}-01-15` },
  {
    symbol: 'KH-BCĐ',
    title: `Kế hoạch thực hiện Nghị quyết số 57-NQ/TW năm ${YEAR}`,
    issuedOn: `${YEAR}-02-20`,
  },
  { symbol: 'KH-BĐHCĐS', title: `Kế hoạch phát triển chính quyền số năm ${YEAR}`, issuedOn: `${YEAR}-03-10` },
];
const GROUPS = ['I', 'II', 'III', 'IV'];
const GROUP_TITLES = ['Chính quyền số', 'Kinh tế số', 'Xã hội số', 'Hạ tầng và an toàn thông tin'];
/** Written deadlines as appendices write them, with their weights. */
const DEADLINES: [string, number][] = [
  [`31/03/${YEAR}`, 3],
  [`30/06/${YEAR}`, 5],
  [`15/11/${YEAR}`, 3],
  [`Tháng 5/${YEAR}`, 3],
  [`Tháng 9/${YEAR}`, 4],
  [`Tháng 10/${YEAR}`, 4],
  [`Tháng 12/${YEAR}`, 5],
  [`Quý I/${YEAR}`, 3],
  [`Quý II/${YEAR}`, 6],
  [`Quý III/${YEAR}`, 8],
  [`Quý IV/${YEAR}`, 10],
  [`6 tháng đầu năm ${YEAR}`, 5],
  [`6 tháng cuối năm ${YEAR}`, 6],
  [`Năm ${YEAR}`, 12],
  ['Thường xuyên', 6],
  ['Thường xuyên, báo cáo hằng tháng', 3],
];
const WORK = [
  'Triển khai nền tảng',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Tuyên truyền, phổ biến kỹ năng số',
  'Hoàn thiện cơ sở dữ liệu',
  'Nâng cấp hệ thống quản lý văn bản và điều hành',
  'Tổ chức đào tạo, bồi dưỡng',
  'Kết nối, chia sẻ dữ liệu với nền tảng tích hợp',
  'Bảo đảm an toàn thông tin cho hệ thống',
];

export type SteerData = {
  root: number;
  provinces: number[];
  /** Communes by province id. */
  communesOf: Map<number, number[]>;
  tasks: number;
  progress: number;
  history: number;
  extensions: number;
  users: number;
};

async function chunked<T, R>(rows: T[], insert: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(...(await insert(rows.slice(i, i + CHUNK))));
  return out;
}

type Plan = {
  state: LifecycleState;
  /** [state, on] in order, from not_started. */
  changes: [LifecycleState, string][];
  startedOn: string | null;
  /** Last day progress may be reported on (done day or the as-of date). */
  lastOn: string;
};

const clampDate = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);

/** A lifecycle consistent with the deadline: past deadlines mostly done (some late), future mostly running. */
function lifecycle(
  random: () => number,
  d: ResolvedDeadline,
  assignedOn: string,
  asOf: string,
): Plan & { extendTo: string | null; extendOn: string | null } {
  const day = (from: string, span: number) => addDays(from, 1 + Math.floor(random() * span));
  const latest = addDays(asOf, -1);
  const startedOn = clampDate(day(assignedOn, 40), assignedOn, latest);
  const r = random();
  const past = d.due !== null && d.due < asOf;
  let extendTo: string | null = null;
  let extendOn: string | null = null;
  if (d.kind === 'ongoing') {
    const state: LifecycleState = r < 0.85 ? 'in_progress' : r < 0.95 ? 'not_started' : 'paused';
    const changes: [LifecycleState, string][] = [];
    if (state !== 'not_started') changes.push(['in_progress', startedOn]);
    if (state === 'paused') changes.push(['paused', clampDate(day(startedOn, 120), startedOn, latest)]);
    return {
      state,
      changes,
      startedOn: state === 'not_started' ? null : startedOn,
      lastOn: asOf,
      extendTo,
      extendOn,
    };
  }
  const due = d.due as string;
  // Extensions: about one task in twenty-five, approved before the original deadline.
  if (random() < 0.04 && startedOn < due) {
    extendTo = addDays(due, 30 + Math.floor(random() * 60));
    extendOn = clampDate(addDays(due, -Math.floor(random() * 20)), startedOn, latest);
  }
  const inForce = extendTo ?? due;
  const doneBy = (late: boolean) =>
    clampDate(late ? day(inForce, 45) : addDays(inForce, -Math.floor(random() * 30)), startedOn, latest);
  const weights = past
    ? { verified: 0.55, reported: 0.15, running: 0.2, idle: 0.05, returned: 0.03 }
    : { verified: 0.18, reported: 0.1, running: 0.5, idle: 0.17, returned: 0.02 };
  let acc = 0;
  const pick = (w: number) => {
    acc += w;
    return r < acc;
  };
  const changes: [LifecycleState, string][] = [];
  if (pick(weights.verified) || pick(weights.reported)) {
    const verified = r < weights.verified;
    const doneOn = doneBy(past && random() < 0.25);
    changes.push(['in_progress', startedOn], ['reported_done', doneOn]);
    if (verified) changes.push(['verified_done', clampDate(addDays(doneOn, 3), doneOn, latest)]);
    return {
      state: verified ? 'verified_done' : 'reported_done',
      changes,
      startedOn,
      lastOn: doneOn,
      extendTo,
      extendOn,
    };
  }
  if (pick(weights.running)) {
    changes.push(['in_progress', startedOn]);
    return { state: 'in_progress', changes, startedOn, lastOn: asOf, extendTo, extendOn };
  }
  if (pick(weights.idle))
    return { state: 'not_started', changes, startedOn: null, lastOn: asOf, extendTo: null, extendOn: null };
  if (pick(weights.returned)) {
    const doneOn = doneBy(false);
    changes.push(
      ['in_progress', startedOn],
      ['reported_done', doneOn],
      ['returned', clampDate(addDays(doneOn, 5), doneOn, latest)],
    );
    return { state: 'returned', changes, startedOn, lastOn: asOf, extendTo, extendOn };
  }
  const end: LifecycleState = random() < 0.5 ? 'paused' : 'cancelled';
  changes.push(['in_progress', startedOn], [end, clampDate(day(startedOn, 60), startedOn, latest)]);
  return { state: end, changes, startedOn, lastOn: asOf, extendTo, extendOn };
}

/**
 * Loads the plans, tasks and their trail for every province under `root` (units already loaded by
 * measure-data.ts's loadUnits). `asOf` is the Vietnam date the bench judges statuses on.
 */
export async function loadSteerData(
  db: Kysely<DB>,
  opts: { root: number; size: SteerSize; asOf: string; now: string; seed?: number },
): Promise<SteerData> {
  const random = seededRandom(opts.seed ?? 2026);
  const { now, asOf } = opts;
  const int = (n: number) => Math.floor(random() * n);
  const units = await db
    .selectFrom('units')
    .select(['id', 'parentId', 'level'])
    .where('level', 'in', [1, 2])
    .execute();
  const provinces = units
    .filter((u) => u.level === 1)
    .map((u) => u.id)
    .sort((a, b) => a - b);
  const communesOf = new Map<number, number[]>(provinces.map((p) => [p, []]));
  for (const u of units) if (u.level === 2 && u.parentId !== null) communesOf.get(u.parentId)?.push(u.id);

  // People: a secretariat per province (who assigns the tasks) and one officer per unit (who is reminded).
  const people = [
    ...provinces.map((unitId) => ({ unitId, role: 'secretariat' })),
    ...provinces.map((unitId) => ({ unitId, role: 'officer' })),
    ...[...communesOf.values()].flat().map((unitId) => ({ unitId, role: 'officer' })),
  ];
  const userIds = await chunked(people, (part) =>
    db
      .insertInto('users')
      .values(
        part.map((p) => ({
          email: `${p.role}.${p.unitId}@bench.dxboard.vn`,
          fullName: `${p.role === 'officer' ? 'Cán bộ' : 'Thư ký'} đơn vị ${p.unitId}`,
          passwordHash: null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning('id')
      .execute(),
  );
  await chunked(
    people.map((p, i) => ({ userId: userIds[i].id, role: p.role, unitId: p.unitId, createdAt: now })),
    (part) => db.insertInto('roleAssignments').values(part).returning('id').execute(),
  );
  const secretariatOf = new Map(provinces.map((p, i) => [p, userIds[i].id]));
  const officerOf = new Map(people.map((p, i) => [`${p.role}:${p.unitId}`, userIds[i].id]));

  const plans = await db
    .insertInto('steerPlans')
    .values(
      provinces.flatMap((unitId, n) =>
        PLANS.map((p, k) => ({
          numberSymbol: `${100 + n * 7 + k}/${p.symbol}`,
          issuingBody: 'Ủy ban nhân dân tỉnh',
          issuingUnitId: unitId,
          issuedOn: p.issuedOn,
          title: p.title,
          periodFrom: `${YEAR}-01-01`,
          periodTo: `${YEAR}-12-31`,
          status: 'issued' as const,
          supersededById: null,
          signedFileId: null,
          createdBy: secretariatOf.get(unitId) ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    )
    .returning(['id', 'issuingUnitId', 'issuedOn', 'numberSymbol'])
    .execute();
  const groups = await chunked(
    plans.flatMap((p) =>
      GROUPS.map((code, position) => ({
        planId: p.id,
        code,
        title: GROUP_TITLES[position],
        position,
        createdAt: now,
        updatedAt: now,
      })),
    ),
    (part) => db.insertInto('steerTaskGroups').values(part).returning(['id', 'planId']).execute(),
  );
  const groupsOf = new Map<number, number[]>();
  for (const g of groups) groupsOf.set(g.planId, [...(groupsOf.get(g.planId) ?? []), g.id]);

  const resolved = new Map(
    DEADLINES.map(([written]) => {
      const r = resolveDeadline(written, { year: YEAR });
      if (!r.ok) throw new Error(`bench deadline "${written}" does not resolve`);
      return [written, r.deadline];
    }),
  );
  const totalWeight = DEADLINES.reduce((s, [, w]) => s + w, 0);
  const pickDeadline = () => {
    let x = random() * totalWeight;
    for (const [written, w] of DEADLINES) {
      x -= w;
      if (x < 0) return resolved.get(written) as ResolvedDeadline;
    }
    return resolved.get(DEADLINES[0][0]) as ResolvedDeadline;
  };

  type Draft = {
    row: Insertable<SteerTasksTable>;
    life: ReturnType<typeof lifecycle>;
    coordinators: number[];
  };
  const drafts: Draft[] = [];
  provinces.forEach((province, n) => {
    const count =
      Math.floor((opts.size.tasks * (n + 1)) / provinces.length) -
      Math.floor((opts.size.tasks * n) / provinces.length);
    const communes = communesOf.get(province) ?? [];
    const ownPlans = plans.filter((p) => p.issuingUnitId === province);
    const positions = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      // About one task in twelve comes from a committee's conclusion notice, the rest from the plans.
      const plan = random() < 0.08 ? null : ownPlans[int(ownPlans.length)];
      const lead = random() < 0.25 || !communes.length ? province : communes[int(communes.length)];
      const coordinators = new Set<number>();
      for (let k = int(3); k > 0 && communes.length; k--) coordinators.add(communes[int(communes.length)]);
      coordinators.delete(lead);
      const deadline = pickDeadline();
      const assignedOn = plan?.issuedOn ?? addDays(`${YEAR}-04-01`, int(150));
      const life = lifecycle(random, deadline, assignedOn, asOf);
      const planKey = plan?.id ?? 0;
      const position = positions.get(planKey) ?? 0;
      positions.set(planKey, position + 1);
      const stateOn = life.changes.length ? life.changes[life.changes.length - 1][1] : assignedOn;
      drafts.push({
        coordinators: [...coordinators],
        life,
        row: {
          planId: plan?.id ?? null,
          groupId: plan ? (groupsOf.get(plan.id) ?? [])[int(GROUPS.length)] : null,
          parentId: null,
          ownerUnitId: province,
          code: plan ? String(position + 1) : null,
          position,
          title: `${WORK[int(WORK.length)]} (${i + 1})`,
          description: null,
          isKey: random() < 0.2 ? 1 : 0,
          leadUnitId: lead,
          expectedProduct: 'Báo cáo kết quả',
          kpiCode: null,
          deadlineWritten: deadline.written,
          deadlineKind: deadline.kind,
          deadlineDue: deadline.due,
          deadlineStart: deadline.start ?? null,
          deadlineCycle: deadline.kind === 'ongoing' ? deadline.cycle : null,
          currentDue: life.extendTo ?? deadline.due,
          state: life.state,
          stateOn,
          progressPercent:
            life.state === 'reported_done' || life.state === 'verified_done'
              ? 100
              : life.startedOn
                ? 10 + int(80)
                : 0,
          confidential: 0,
          assignedOn,
          sourceKind: plan ? 'plan' : 'conclusion',
          sourceRef: plan ? null : `TB-${province}-${1 + int(4)}`,
          sourceLabel: plan ? `Kế hoạch số ${plan.numberSymbol}` : 'Thông báo kết luận của Ban Chỉ đạo',
          isDemo: 0,
          createdBy: secretariatOf.get(province) ?? null,
          createdAt: now,
          updatedAt: now,
        },
      });
    }
  });

  return db.transaction().execute(async (trx) => {
    const ids = await chunked(drafts, (part) =>
      trx
        .insertInto('steerTasks')
        .values(part.map((d) => d.row))
        .returning(['id', 'title', 'leadUnitId'])
        .execute(),
    );
    // Rows come back in the order of the VALUES list (checked, as the ids pair with the drafts by position).
    ids.forEach((r, i) => {
      if (r.title !== drafts[i].row.title || r.leadUnitId !== drafts[i].row.leadUnitId)
        throw new Error('inserted task rows came back out of order');
    });
    // Column-wise buffers for bulkInsert.
    const coord: [number[], number[]] = [[], []];
    const hist: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
    const ext: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
    const addHistory = (
      taskId: number,
      on: string,
      actor: number | null,
      kind: string,
      field: string | null,
      oldValue: string | null,
      newValue: string | null,
      note: string | null,
    ) => {
      const values = [
        taskId,
        `${on}T03:00:00.000Z`,
        on,
        actor,
        'Bench',
        kind,
        field,
        oldValue,
        newValue,
        note,
      ];
      for (let k = 0; k < values.length; k++) hist[k].push(values[k]);
    };
    drafts.forEach((d, i) => {
      const taskId = ids[i].id;
      const row = d.row;
      for (const c of d.coordinators) {
        coord[0].push(taskId);
        coord[1].push(c);
      }
      const secretariat = row.createdBy ?? null;
      const officer = officerOf.get(`officer:${row.leadUnitId}`) ?? null;
      addHistory(taskId, row.assignedOn, secretariat, 'created', null, null, row.title, null);
      let previous: LifecycleState = 'not_started';
      for (const [state, on] of d.life.changes) {
        const byLead = state === 'in_progress' || state === 'reported_done';
        addHistory(taskId, on, byLead ? officer : secretariat, 'state', 'state', previous, state, null);
        previous = state;
      }
      if (d.life.extendTo && d.life.extendOn) {
        const requestedOn =
          addDays(d.life.extendOn, -3) < row.assignedOn ? d.life.extendOn : addDays(d.life.extendOn, -3);
        const values = [
          taskId,
          d.life.extendTo,
          row.deadlineDue,
          'Chờ kinh phí',
          'approved',
          officer,
          `${requestedOn}T03:00:00.000Z`,
          secretariat,
          `${d.life.extendOn}T03:00:00.000Z`,
          d.life.extendOn,
        ];
        for (let k = 0; k < values.length; k++) ext[k].push(values[k]);
        addHistory(
          taskId,
          requestedOn,
          officer,
          'extension_requested',
          'currentDue',
          row.deadlineDue ?? null,
          d.life.extendTo,
          'Chờ kinh phí',
        );
        addHistory(
          taskId,
          d.life.extendOn,
          secretariat,
          'extension_decided',
          'currentDue',
          row.deadlineDue ?? null,
          d.life.extendTo,
          'Đồng ý gia hạn',
        );
      }
    });

    // Progress: spread over the tasks that have started, dated between their start and their end.
    const started = drafts.map((d, i) => ({ d, id: ids[i].id })).filter((x) => x.d.life.startedOn !== null);
    const prog: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
    for (let k = 0; k < opts.size.progress && started.length; k++) {
      const { d, id } = started[k < started.length ? k : int(started.length)];
      const from = d.life.startedOn as string;
      const to = d.life.lastOn < from ? from : d.life.lastOn; // ISO dates: string order
      const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
      const on = addDays(from, int(span + 1));
      const byLead = d.coordinators.length === 0 || random() < 0.8;
      const unitId = byLead ? d.row.leadUnitId : d.coordinators[int(d.coordinators.length)];
      const percent = byLead ? 10 + int(85) : null;
      const proposals = random() < 0.1 ? 'Đề nghị bổ sung kinh phí' : null;
      const values = [
        id,
        unitId,
        'progress',
        percent,
        'Đã triển khai theo kế hoạch',
        null,
        proposals,
        on,
        officerOf.get(`officer:${unitId}`) ?? null,
        `${on}T03:00:00.000Z`,
        0,
      ];
      for (let c = 0; c < values.length; c++) prog[c].push(values[c]);
      addHistory(
        id,
        on,
        officerOf.get(`officer:${unitId}`) ?? null,
        'progress',
        null,
        null,
        null,
        'Đã triển khai theo kế hoạch',
      );
    }

    const int4 = (name: string): BulkColumn => ({ name, pgType: 'int4' });
    const text = (name: string): BulkColumn => ({ name, pgType: 'text' });
    await bulkInsert(db, trx, 'steer_task_coordinators', [int4('task_id'), int4('unit_id')], coord);
    await bulkInsert(
      db,
      trx,
      'steer_task_history',
      [
        int4('task_id'),
        text('at'),
        text('on_date'),
        int4('actor_user_id'),
        text('actor_label'),
        text('kind'),
        text('field'),
        text('old_value'),
        text('new_value'),
        text('note'),
      ],
      hist,
    );
    await bulkInsert(
      db,
      trx,
      'steer_task_extensions',
      [
        int4('task_id'),
        text('requested_due'),
        text('previous_due'),
        text('reason'),
        text('status'),
        int4('requested_by'),
        text('requested_at'),
        int4('decided_by'),
        text('decided_at'),
        text('decided_on'),
      ],
      ext,
    );
    await bulkInsert(
      db,
      trx,
      'steer_progress_updates',
      [
        int4('task_id'),
        int4('unit_id'),
        text('kind'),
        int4('percent'),
        text('text'),
        text('difficulties'),
        text('proposals'),
        text('reported_on'),
        int4('created_by'),
        text('created_at'),
        int4('is_demo'),
      ],
      prog,
    );
    return {
      root: opts.root,
      provinces,
      communesOf,
      tasks: ids.length,
      progress: prog[0].length,
      history: hist[0].length,
      extensions: ext[0].length,
      users: userIds.length,
    };
  });
}
