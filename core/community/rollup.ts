// Monthly roll-ups and laggard communes: pure functions over the sums the database has already made.

export type MonthFigures = { month: number; sessions: number; people: number; households: number };
export type CommuneYear = {
  communeId: number;
  communeName: string;
  teams: number;
  /** Sessions, people and households per month (1–12) as the SQL grouped them; missing months are zero. */
  months: MonthFigures[];
};
export type CommuneTargets = { teams: number | null; sessions: number | null; people: number | null };

/** The twelve months, zeros filled in, with the running totals. */
export function fillMonths(rows: MonthFigures[]): (MonthFigures & {
  cumSessions: number;
  cumPeople: number;
})[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  let cumSessions = 0;
  let cumPeople = 0;
  return Array.from({ length: 12 }, (_, i) => {
    const r = byMonth.get(i + 1) ?? { month: i + 1, sessions: 0, people: 0, households: 0 };
    cumSessions += r.sessions;
    cumPeople += r.people;
    return { ...r, month: i + 1, cumSessions, cumPeople };
  });
}

/** The part of a yearly target due by the end of `throughMonth` (even months), rounded up. */
export function expectedByMonth(target: number, throughMonth: number): number {
  const m = Math.min(12, Math.max(0, throughMonth));
  return Math.ceil((target * m) / 12);
}

export type LaggardReason = 'teams' | 'sessions' | 'people' | 'no_activity';
export type Laggard = {
  communeId: number;
  communeName: string;
  reasons: LaggardReason[];
  sessions: number;
  expectedSessions: number | null;
  people: number;
  expectedPeople: number | null;
  teams: number;
  targetTeams: number | null;
  /** The lowest share of what was due (0–1); sorts the worst first. */
  attainment: number;
};

/**
 * A commune lags when, by the end of `throughMonth`, it has fewer teams than its target, or fewer sessions or
 * people reached than `threshold` × the pro-rata part of its yearly target; a commune with teams and no
 * target lags when it logged nothing at all. Worst first, then by name.
 */
export function findLaggards(
  communes: CommuneYear[],
  targets: Map<number, CommuneTargets>,
  throughMonth: number,
  threshold = 0.8,
): Laggard[] {
  const out: Laggard[] = [];
  for (const c of communes) {
    const upTo = c.months.filter((m) => m.month <= throughMonth);
    const sessions = upTo.reduce((s, m) => s + m.sessions, 0);
    const people = upTo.reduce((s, m) => s + m.people, 0);
    const t = targets.get(c.communeId) ?? { teams: null, sessions: null, people: null };
    const reasons: LaggardReason[] = [];
    const shares: number[] = [];
    if (t.teams !== null && t.teams > 0) {
      shares.push(Math.min(1, c.teams / t.teams));
      if (c.teams < t.teams) reasons.push('teams');
    }
    const expectedSessions = t.sessions === null ? null : expectedByMonth(t.sessions, throughMonth);
    if (expectedSessions !== null && expectedSessions > 0) {
      shares.push(Math.min(1, sessions / expectedSessions));
      if (sessions < threshold * expectedSessions) reasons.push('sessions');
    }
    const expectedPeople = t.people === null ? null : expectedByMonth(t.people, throughMonth);
    if (expectedPeople !== null && expectedPeople > 0) {
      shares.push(Math.min(1, people / expectedPeople));
      if (people < threshold * expectedPeople) reasons.push('people');
    }
    if (shares.length === 0 && c.teams > 0 && sessions === 0 && throughMonth > 0) {
      reasons.push('no_activity');
      shares.push(0);
    }
    if (reasons.length === 0) continue;
    out.push({
      communeId: c.communeId,
      communeName: c.communeName,
      reasons,
      sessions,
      expectedSessions,
      people,
      expectedPeople,
      teams: c.teams,
      targetTeams: t.teams,
      attainment: Math.min(...shares),
    });
  }
  return out.sort((a, b) => a.attainment - b.attainment || a.communeName.localeCompare(b.communeName, 'vi'));
}

/** An activity date must be a real calendar day, on or after the team's establishment, and not after today. */
export function activityDateProblem(
  date: string,
  teamEstablished: string,
  today: string,
): 'future' | 'before_team' | null {
  if (date > today) return 'future';
  if (date < teamEstablished) return 'before_team';
  return null;
}

/** Officials trained against headcount, as a ratio 0–1 (null without a headcount). */
export function trainedRate(trained: number, headcount: number | null): number | null {
  if (!headcount || headcount <= 0) return null;
  return Math.min(1, trained / headcount);
}

export type AreaCommune = { areaId: number; areaName: string; communeId: number };
export type AreaSum = {
  unitId: number;
  unitName: string;
  communes: number;
  communesWithTeams: number;
  teams: number;
  sessions: number;
  people: number;
  laggards: number;
};

/**
 * The unit's sub-areas (provinces under the country) summed from the per-commune figures: which area holds
 * which commune comes from the unit tree. Areas in the order given; a commune outside every area is left out.
 */
export function sumAreas(
  membership: readonly AreaCommune[],
  communes: readonly { communeId: number; teams: number; sessions: number; people: number }[],
  laggardIds: ReadonlySet<number>,
): AreaSum[] {
  const byCommune = new Map(communes.map((c) => [c.communeId, c]));
  const areas = new Map<number, AreaSum>();
  for (const m of membership) {
    let a = areas.get(m.areaId);
    if (!a) {
      a = {
        unitId: m.areaId,
        unitName: m.areaName,
        communes: 0,
        communesWithTeams: 0,
        teams: 0,
        sessions: 0,
        people: 0,
        laggards: 0,
      };
      areas.set(m.areaId, a);
    }
    const c = byCommune.get(m.communeId);
    if (!c) continue;
    a.communes += 1;
    if (c.teams > 0) a.communesWithTeams += 1;
    a.teams += c.teams;
    a.sessions += c.sessions;
    a.people += c.people;
    if (laggardIds.has(m.communeId)) a.laggards += 1;
  }
  return [...areas.values()];
}

/**
 * One page of a roll-up's two long lists (communes by name, laggards worst first): `offset` into each, at most
 * `limit` of each, with how many there are in all. Everything else is the whole unit's.
 */
export function pageOfRollup<R extends { communes: unknown[]; laggards: unknown[] }>(
  view: R,
  offset: number,
  limit: number,
): R & { page: { offset: number; limit: number; communes: number; laggards: number } } {
  return {
    ...view,
    communes: view.communes.slice(offset, offset + limit),
    laggards: view.laggards.slice(offset, offset + limit),
    page: { offset, limit, communes: view.communes.length, laggards: view.laggards.length },
  };
}
