import { allocatePrizes, type Board, collectivePrizes } from '../../../../core/contest/prizes.js';
import { type Entry, predictionTruth, rankBoard } from '../../../../core/contest/ranking.js';
import { vietnamLocalToUtc } from '../../../../core/contest/rounds.js';
import { scoreAttempt } from '../../../../core/contest/scoring.js';
import type { ContestRound, PrizeTier } from '../../../../core/contracts/contest.js';
import { measureUnitKind, peerGroupOf } from '../../../../core/units/kind.js';
import type { Executor } from '../../../db/executor.js';
import type { AttemptRow, ContestRepository, ContestRow } from '../contest.repository.js';
import { createReviewRepository } from '../review/review.repository.js';
import { type ContestSnapshot, correctOf } from './snapshot.js';

// Round close: attempts left open past their deadline are finished with their saved answers (at the deadline,
// as Moodle records the expiry time), then every closed round is ranked again from the stored attempts in the
// order the rounds end, so one prize per person across rounds holds and the same attempts give the same
// results. The collective table follows from the participants' units, headcounts and the individual prizes.

/** Scores an attempt's stored answers against the frozen questions. */
export function scoreStored(
  snapshot: ContestSnapshot,
  attempt: Pick<AttemptRow, 'drawJson' | 'answersJson'>,
) {
  const drawn: { questionId: number }[] = JSON.parse(attempt.drawJson);
  const answers: Record<number, number[]> = JSON.parse(attempt.answersJson);
  const keyed = drawn.map((d) => {
    const q = snapshot.questions.get(d.questionId);
    return { questionId: d.questionId, correct: q ? correctOf(q) : [] };
  });
  return scoreAttempt(keyed, answers);
}

export async function finishExpired(
  repo: ContestRepository,
  snapshot: ContestSnapshot,
  contestId: number,
  now: string,
  graceMs: number,
  exec: Executor,
) {
  const cutoff = new Date(new Date(now).getTime() - graceMs).toISOString();
  let finished = 0;
  for (const a of await repo.expiredOpenAttempts(contestId, cutoff, exec)) {
    const s = scoreStored(snapshot, a);
    const durationMs = new Date(a.deadlineAt).getTime() - new Date(a.startedAt).getTime();
    if (await repo.submit(a.id, { score: s.correct, submittedAt: a.deadlineAt, durationMs, late: 1 }, exec))
      finished++;
  }
  return finished;
}

const byEnd = (a: ContestRound, b: ContestRound) =>
  a.endsAt.localeCompare(b.endsAt) || a.key.localeCompare(b.key);

export async function rankClosedRounds(
  repo: ContestRepository,
  contest: ContestRow,
  snapshot: ContestSnapshot,
  closed: string[],
  now: string,
  exec: Executor,
) {
  const { config } = snapshot;
  const rounds = config.rounds.filter((r) => closed.includes(r.key)).sort(byEnd);
  const boards: Board[] = [];
  // People an organiser excluded from prizes by confirming a suspicion flag: still ranked, no prize (the next
  // person gets it). Never automatic: only the organiser's explicit tick on a confirmed flag (review/).
  const excluded = await createReviewRepository(exec).excludedFromPrizes(contest.id, exec);
  const rowsByRound = new Map<
    string,
    { truth: number | null; entries: Map<number, { e: Entry; rank: number; distance: number | null }> }
  >();
  for (const round of rounds) {
    const attempts = await repo.submittedBetween(
      contest.id,
      vietnamLocalToUtc(round.startsAt),
      vietnamLocalToUtc(round.endsAt),
      exec,
    );
    const entries: Entry[] = attempts.map((a) => ({
      attemptId: a.id,
      participantId: a.participantId,
      groupKey: a.groupKey,
      unitId: a.unitId,
      score: a.score ?? 0,
      prediction: a.prediction,
      durationMs: a.durationMs ?? 0,
      startedAt: a.startedAt,
      submittedAt: a.submittedAt ?? a.startedAt,
    }));
    const truth = config.prediction
      ? predictionTruth(config.prediction.target, entries, config.questionsPerAttempt)
      : null;
    const ranked = new Map<number, { e: Entry; rank: number; distance: number | null }>();
    for (const group of config.groups) {
      const board = rankBoard(
        entries.filter((e) => e.groupKey === group.key),
        { counting: config.counting, tieBreaks: config.tieBreaks, truth },
      );
      for (const r of board)
        ranked.set(r.participantId, { e: r, rank: r.rank, distance: r.predictionDistance });
      if (round.awardsPrizes)
        boards.push({
          roundKey: round.key,
          groupKey: group.key,
          ranked: board.filter((r) => !excluded.has(r.participantId)),
        });
    }
    rowsByRound.set(round.key, { truth, entries: ranked });
  }
  const tables = Object.fromEntries(config.groups.map((g) => [g.key, g.prizes]));
  const awards = allocatePrizes(boards, tables, { onePrizePerPerson: config.onePrizePerPerson });
  const prizeOf = new Map(awards.map((a) => [`${a.roundKey}:${a.participantId}`, a.tier]));
  for (const [roundKey, { truth, entries }] of rowsByRound) {
    const rows = [...entries.values()].map(({ e, rank, distance }) => ({
      groupKey: e.groupKey,
      participantId: e.participantId,
      attemptId: e.attemptId,
      rank,
      predictionDistance: distance,
      prize: prizeOf.get(`${roundKey}:${e.participantId}`) ?? null,
    }));
    await repo.replaceRoundResults(contest.id, roundKey, truth, rows, now, exec);
  }
  return awards;
}

/** The participant's registered unit counted against its headcount (population for communes, else officials). */
export async function participationRows(repo: ContestRepository, contest: ContestRow, exec: Executor) {
  const units = await repo.unitsWithHeadcount(contest.unitId, exec);
  const counts = new Map(
    (await repo.participationByUnit(contest.id, exec)).map((r) => [r.unitId as number, r]),
  );
  return units
    .map((u) => {
      const latest = (metric: string) => u.heads.find((h) => h.metric === metric)?.value ?? null;
      const headcount =
        u.kind === 'commune'
          ? (latest('population') ?? latest('officials'))
          : (latest('officials') ?? latest('population'));
      const c = counts.get(u.id);
      return {
        unitId: u.id,
        unitName: u.name,
        /** The unit's block (khối): its peer group, as the province ranks units. */
        block: peerGroupOf(measureUnitKind(u)),
        participants: Number(c?.participants ?? 0),
        attempts: Number(c?.attempts ?? 0),
        headcount: headcount === null ? null : Number(headcount),
      };
    })
    .filter((u) => u.participants > 0 || u.headcount !== null);
}

export async function writeCollective(
  repo: ContestRepository,
  contest: ContestRow,
  snapshot: ContestSnapshot,
  exec: Executor,
  read?: Awaited<ReturnType<typeof participationRows>>,
) {
  const { collective } = snapshot.config;
  if (!collective) return [];
  const units = read ?? (await participationRows(repo, contest, exec));
  const awards = (await repo.awardsOf(contest.id, exec)).map((a) => ({
    tier: a.prize as PrizeTier,
    unitId: a.unitId,
  }));
  const rows = collectivePrizes(units, awards, collective);
  await repo.replaceCollective(
    contest.id,
    rows.map((r) => ({
      unitId: r.unitId,
      participants: r.participants,
      headcount: r.headcount,
      prizePoints: r.prizePoints,
      score: r.score,
      rank: r.rank,
      prize: r.prize,
    })),
    exec,
  );
  return rows;
}
