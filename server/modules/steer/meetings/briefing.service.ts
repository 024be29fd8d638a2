import { TASK_STATUSES } from '../../../../core/steer/types.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import { type Actor, canOnUnit } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import { type BriefingData, type BriefingTask, buildBriefingDocx } from './briefing-docx.js';
import type { BriefingService, BriefingServiceDeps } from './meetings.types.js';

// Gathers the briefing pack of a meeting: the committee's tasks due since the last meeting (status as of the
// meeting, or today if it is still ahead), its overdue tasks, the progress its units reported since the last
// meeting, DX-index results published since then (measure) and its KPI figures this quarter against the
// quarter of the last meeting (kpis). Reads only what the caller may read.

const PAGE = 1000;

/** 'YYYY-Qn' of a Vietnam date. */
export function quarterCode(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter before 'YYYY-Qn'. */
export function previousQuarter(code: string): string {
  const year = Number(code.slice(0, 4));
  const q = Number(code.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export function createBriefingService(deps: BriefingServiceDeps): BriefingService {
  const { clock, meetings, briefing, guard, tasks, measure, kpis } = deps;

  async function allTasks(actor: Actor, query: Parameters<typeof tasks.listTasks>[1]) {
    const items = [];
    for (let page = 1; page <= 20; page++) {
      const res = await tasks.listTasks(actor, { ...query, page, pageSize: PAGE });
      items.push(...res.items);
      if (items.length >= res.total || !res.items.length) break;
    }
    return items;
  }

  const toBriefingTask = (t: Awaited<ReturnType<typeof allTasks>>[number]): BriefingTask => ({
    title: t.title,
    leadUnitName: t.leadUnit.name,
    deadlineWritten: t.deadline.written,
    due: t.currentDue,
    status: t.status?.status ?? 'not_due',
    daysOverdue: t.status?.daysOverdue ?? null,
  });

  return {
    async briefingDocx(actor, id) {
      const g = await guard.forEntity(
        actor,
        'steer.read',
        () => meetings.findMeeting(id),
        (m) => m.unitId,
        {
          notFoundKey: 'steer.meeting.not_found',
        },
      );
      const meeting = g.entity;
      const now = clock.now();
      const today = vietnamDate(now);
      // Statuses as of the meeting, or today while it is still ahead.
      const [asOf] = [meeting.meetingDate, today].sort();
      const previous = await meetings.previousMeeting(meeting);
      const since = previous ? nextDay(previous.meetingDate) : `${meeting.meetingDate.slice(0, 4)}-01-01`;

      // The committee's tasks: those it assigned, and those led inside the area it steers.
      const scopeUnitId = await meetings.scopeUnitOf(meeting.unitId);
      // The area's unit heads the document ("UBND TỈNH …"), also for a committee recorded as a unit of its own.
      const committee = (await meetings.unitRow(scopeUnitId)) ?? { name: '', type: '', level: 1 };
      const relevant = async (items: Awaited<ReturnType<typeof allTasks>>) => {
        const inside = await briefing.inSubtree(
          scopeUnitId,
          items.map((t) => t.leadUnitId),
        );
        return items.filter((t) => t.ownerUnitId === meeting.unitId || inside.has(t.leadUnitId));
      };
      const due = await relevant(
        await allTasks(g.actor, { unitId: scopeUnitId, dueFrom: since, dueTo: meeting.meetingDate, asOf }),
      );
      const overdue = await relevant(
        await allTasks(g.actor, { unitId: scopeUnitId, status: 'overdue', asOf }),
      );
      const order = (a: BriefingTask, b: BriefingTask) =>
        TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status) ||
        (a.due ?? '').localeCompare(b.due ?? '');

      const lines = await briefing.progressBetween({
        committeeUnitId: meeting.unitId,
        scopeUnitId,
        from: previous?.meetingDate ?? null,
        to: asOf,
        confidential: canOnUnit(g.actor, 'steer.manage', g.ancestors),
      });
      const byUnit = new Map<string, BriefingData['progress'][number]>();
      for (const l of lines) {
        const entry = byUnit.get(l.unitName) ?? { unitName: l.unitName, items: [] };
        entry.items.push(l);
        byUnit.set(l.unitName, entry);
      }

      // DX index: results published after the last meeting up to now, the committee's units only.
      const fromInstant = previous?.startsAt ?? null;
      const dxIndex: BriefingData['dxIndex'] = [];
      for (const p of await measure.publishedBetween(g.actor, fromInstant, now.toISOString())) {
        const ranking = await measure.ranking(g.actor, p.id).catch((error: unknown) => {
          if (error instanceof AppError && (error.status === 403 || error.status === 404)) return null;
          throw error;
        });
        if (!ranking) continue;
        const inside = await briefing.inSubtree(
          scopeUnitId,
          ranking.units.map((u) => u.unitId),
        );
        const units = ranking.units.filter((u) => inside.has(u.unitId));
        if (units.length) {
          dxIndex.push({
            periodName: ranking.periodName,
            publishedAt: vietnamDate(new Date(p.publishedAt)),
            units: units.map((u) => ({
              unitName: u.unitName,
              value: u.total,
              rank: u.rank,
              valueDelta: u.valueDelta,
              rankDelta: u.rankDelta,
            })),
          });
        }
      }

      // KPIs: the committee's subtree figures, this quarter against the last meeting's quarter.
      const currentPeriod = quarterCode(asOf);
      const lastQuarter = previous ? quarterCode(previous.meetingDate) : previousQuarter(currentPeriod);
      const previousPeriod = lastQuarter === currentPeriod ? previousQuarter(currentPeriod) : lastQuarter;
      const [before, after] = await Promise.all([
        kpis.summary(g.actor, scopeUnitId, previousPeriod),
        kpis.summary(g.actor, scopeUnitId, currentPeriod),
      ]);
      const beforeByCode = new Map(before.items.map((i) => [i.kpi.code, i]));
      const kpiItems = after.items
        .map((i) => ({
          name: i.kpi.nameVi,
          unit: i.kpi.unitOfMeasure,
          previous: beforeByCode.get(i.kpi.code)?.subtreeValue ?? null,
          current: i.subtreeValue,
        }))
        .filter((k) => k.previous !== null || k.current !== null);

      const data: BriefingData = {
        committee,
        meeting: {
          title: meeting.title,
          kind: meeting.kind,
          date: meeting.meetingDate,
          time: new Date(new Date(meeting.startsAt).getTime() + 7 * 3600_000).toISOString().slice(11, 16),
          location: meeting.location,
          chairName: meeting.chairName,
        },
        previousMeeting: previous ? { title: previous.title, date: previous.meetingDate } : null,
        since,
        asOf,
        dueTasks: due.map(toBriefingTask).sort(order),
        overdueTasks: overdue.map(toBriefingTask).sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0)),
        progress: [...byUnit.values()],
        dxIndex,
        kpis: { previousPeriod, currentPeriod, items: kpiItems },
      };
      return {
        fileName: `Bao-cao-phuc-vu-hop-${meeting.meetingDate}.docx`,
        body: await buildBriefingDocx(data, now),
      };
    },
  };
}
