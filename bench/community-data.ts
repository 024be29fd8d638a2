import { type Kysely, sql } from 'kysely';
import { ACTIVITY_KINDS, ORGANISATIONS, SKILLS } from '../core/community/community.js';
import { seededRandom } from '../core/measure/robustness.js';
import { type BulkColumn, bulkInsert } from '../server/db/bulk-insert.js';
import { isPostgres } from '../server/db/dialect.js';
import type { DB } from '../server/db/schema.js';

// Bulk loading for the Community benchmark: on the national tree of measure-data.ts (34 provinces, 3,321
// communes), villages below every commune (units of kind 'village' with their closure rows), one community
// digital technology team per village, its members (six on average, each a person of the registry) and the
// year's activities (with one skill row per skill taught, as the service writes them). Every table goes in
// through server/db/bulk-insert.ts with ids given here (the activities' ids are needed for their skill rows);
// PostgreSQL's identity sequences are moved past them afterwards.

export type CommunitySize = { villages: number; members: number; activities: number };
export const COMMUNITY_FULL: CommunitySize = { villages: 100_000, members: 600_000, activities: 2_000_000 };
export const COMMUNITY_QUICK: CommunitySize = { villages: 10_000, members: 60_000, activities: 200_000 };

const YEAR = 2026;
const KINDS = ACTIVITY_KINDS;
const ROLES = ['leader', 'deputy', 'member', 'member', 'member', 'member'] as const;
const ORGS = ORGANISATIONS;
const SLICE = 50_000;

const int4 = (name: string): BulkColumn => ({ name, pgType: 'int4' });
const text = (name: string): BulkColumn => ({ name, pgType: 'text' });

async function nextId(db: Kysely<DB>, table: 'units' | 'community_teams'): Promise<number> {
  const r = await sql<{ m: number | null }>`select max(id) as m from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.m ?? 0) + 1;
}

/** Writes column-wise data in slices, so a 2M-row table never sits whole in one statement's parameters. */
async function insertColumns(db: Kysely<DB>, table: string, columns: BulkColumn[], data: unknown[][]) {
  const rows = data[0]?.length ?? 0;
  for (let start = 0; start < rows; start += SLICE)
    await db.transaction().execute((trx) =>
      bulkInsert(
        db,
        trx,
        table,
        columns,
        data.map((c) => c.slice(start, start + SLICE)),
      ),
    );
}

export type CommunityData = {
  villages: number;
  teams: number;
  people: number;
  members: number;
  activities: number;
  skills: number;
  /** Activities per commune for the year: the hand count the roll-up must equal. */
  perCommune: Map<number, number>;
};

export async function loadCommunityData(
  db: Kysely<DB>,
  { root, communes, size, now }: { root: number; communes: number[]; size: CommunitySize; now: string },
): Promise<CommunityData> {
  const random = seededRandom(14);
  const int = (n: number) => Math.floor(random() * n);
  const structure = await db.selectFrom('structures').select('id').executeTakeFirstOrThrow();
  const parents = await db
    .selectFrom('units')
    .select(['id', 'parentId', 'code'])
    .where('id', 'in', communes)
    .execute();
  const provinceOf = new Map(parents.map((p) => [p.id, p.parentId ?? root]));
  const codeOf = new Map(parents.map((p) => [p.id, p.code]));

  // Villages: spread over the communes (30 on average), each with its closure rows (self, commune, province,
  // country) like the units module writes them.
  let unitId = await nextId(db, 'units');
  const vCols = [
    int4('id'),
    int4('structure_id'),
    text('code'),
    text('name'),
    text('search_name'),
    text('type'),
    text('kind'),
    int4('level'),
    int4('parent_id'),
    text('path'),
    text('valid_from'),
    text('created_at'),
    text('updated_at'),
  ];
  const v: unknown[][] = vCols.map(() => []);
  const closure: unknown[][] = [[], [], []];
  const villageCommune: number[] = [];
  const villageIds: number[] = [];
  for (let i = 0; i < size.villages; i++) {
    const communeId = communes[i % communes.length];
    const id = unitId++;
    const name = `Thôn ${Math.floor(i / communes.length) + 1}`;
    const row = [
      id,
      structure.id,
      `${codeOf.get(communeId)}-T${i}`,
      name,
      name.toLowerCase(),
      'thôn',
      'village',
      3,
      communeId,
      '',
      '2025-07-01',
      now,
      now,
    ];
    for (let c = 0; c < row.length; c++) v[c].push(row[c]);
    for (const [ancestor, depth] of [
      [id, 0],
      [communeId, 1],
      [provinceOf.get(communeId) as number, 2],
      [root, 3],
    ])
      if (ancestor !== root || provinceOf.get(communeId) !== root) {
        closure[0].push(ancestor);
        closure[1].push(id);
        closure[2].push(depth);
      }
    villageCommune.push(communeId);
    villageIds.push(id);
  }
  const t0 = performance.now();
  await insertColumns(db, 'units', vCols, v);
  console.log(`  villages ${Math.round(performance.now() - t0)} ms`);
  await insertColumns(
    db,
    'unit_closure',
    [int4('ancestor_id'), int4('descendant_id'), int4('depth')],
    closure,
  );

  // One team per village, established in 2025.
  let teamId = await nextId(db, 'community_teams');
  const tCols = [
    int4('id'),
    int4('unit_id'),
    int4('commune_id'),
    text('name'),
    text('decision_number'),
    text('decision_date'),
    text('status'),
    text('created_at'),
    text('updated_at'),
  ];
  const t: unknown[][] = tCols.map(() => []);
  const teams: { id: number; communeId: number }[] = [];
  for (let i = 0; i < villageIds.length; i++) {
    const id = teamId++;
    const decided = `2025-${String(8 + int(4)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
    const row = [
      id,
      villageIds[i],
      villageCommune[i],
      `Tổ công nghệ số cộng đồng thôn ${i + 1}`,
      `${1 + int(200)}/QĐ-UBND`,
      decided,
      'active',
      now,
      now,
    ];
    for (let c = 0; c < row.length; c++) t[c].push(row[c]);
    teams.push({ id, communeId: villageCommune[i] });
  }
  await insertColumns(db, 'community_teams', tCols, t);
  console.log(`  closure + teams ${Math.round(performance.now() - t0)} ms`);

  // Members: one person each, six per team on average; one in twenty has left the team.
  const p: unknown[][] = [[], [], [], []];
  const m: unknown[][] = [[], [], [], [], [], [], [], [], []];
  for (let i = 0; i < size.members; i++) {
    const id = i + 1;
    const team = teams[i % teams.length];
    const phone = `09${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')}`;
    p[0].push(id);
    p[1].push(`Thành viên ${id}`);
    p[2].push(phone);
    p[3].push(now);
    const ended = random() < 0.05 ? '2026-03-31' : null;
    const row = [
      id,
      team.id,
      id,
      ROLES[Math.floor(i / teams.length) % 6],
      ORGS[int(ORGS.length)],
      '2025-09-01',
      ended,
      now,
      now,
    ];
    for (let c = 0; c < row.length; c++) m[c].push(row[c]);
  }
  await insertColumns(
    db,
    'community_people',
    [int4('id'), text('full_name'), text('phone'), text('created_at')],
    p,
  );
  await insertColumns(
    db,
    'community_members',
    [
      int4('id'),
      int4('team_id'),
      int4('person_id'),
      text('role'),
      text('organisation'),
      text('start_date'),
      text('end_date'),
      text('created_at'),
      text('updated_at'),
    ],
    m,
  );

  console.log(`  members ${Math.round(performance.now() - t0)} ms`);
  // Activities of 2026 up to the benchmark's day (15 October), one to three skills each.
  const days: string[] = [];
  for (
    let d = new Date(Date.UTC(YEAR, 0, 1));
    d < new Date(Date.UTC(YEAR, 9, 15));
    d.setUTCDate(d.getUTCDate() + 1)
  )
    days.push(d.toISOString().slice(0, 10));
  const aCols = [
    int4('id'),
    int4('team_id'),
    int4('commune_id'),
    text('activity_date'),
    text('place'),
    text('kind'),
    text('skills'),
    int4('people_reached'),
    int4('households_reached'),
    text('created_at'),
  ];
  const sCols = [
    int4('activity_id'),
    int4('commune_id'),
    text('activity_date'),
    text('skill'),
    int4('people_reached'),
  ];
  const perCommune = new Map<number, number>();
  let skillRows = 0;
  for (let start = 0; start < size.activities; start += SLICE * 4) {
    const a: unknown[][] = aCols.map(() => []);
    const s: unknown[][] = sCols.map(() => []);
    for (let i = start; i < Math.min(size.activities, start + SLICE * 4); i++) {
      const id = i + 1;
      const team = teams[i % teams.length];
      const date = days[int(days.length)];
      const kind = KINDS[int(4)];
      const people = kind === 'home' ? 1 + int(6) : 5 + int(60);
      const first = int(SKILLS.length);
      const skills = [SKILLS[first]];
      if (random() < 0.5) skills.push(SKILLS[(first + 1 + int(SKILLS.length - 1)) % SKILLS.length]);
      const row = [
        id,
        team.id,
        team.communeId,
        date,
        `Nơi ${i}`,
        kind,
        JSON.stringify(skills),
        people,
        Math.ceil(people * 0.6),
        `${date}T03:00:00.000Z`,
      ];
      for (let c = 0; c < row.length; c++) a[c].push(row[c]);
      for (const skill of skills) {
        const sr = [id, team.communeId, date, skill, people];
        for (let c = 0; c < sr.length; c++) s[c].push(sr[c]);
        skillRows++;
      }
      perCommune.set(team.communeId, (perCommune.get(team.communeId) ?? 0) + 1);
    }
    await insertColumns(db, 'community_activities', aCols, a);
    await insertColumns(db, 'community_activity_skills', sCols, s);
  }

  if (isPostgres(db)) {
    for (const table of [
      'units',
      'community_teams',
      'community_people',
      'community_members',
      'community_activities',
    ])
      await sql
        .raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`)
        .execute(db);
  }
  return {
    villages: villageIds.length,
    teams: teams.length,
    people: size.members,
    members: size.members,
    activities: size.activities,
    skills: skillRows,
    perCommune,
  };
}
