import { randomBytes } from 'node:crypto';
import { trainedRate } from '../../../../core/community/rollup.js';
import type { RowError } from '../../../../core/contracts/community.js';
import type {
  CourseInput,
  CourseView,
  RegistrationInput,
} from '../../../../core/contracts/community-training.js';
import { fieldMessage } from '../../../../core/i18n/errors.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import type { Executor } from '../../../db/executor.js';
import { type Actor, canOnUnit, hasPermissionAnywhere, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, validation } from '../../../lib/errors.js';
import { assertSafeXlsx } from '../../../lib/xlsx-guard.js';
import { canReadCommunity, canViewCourse } from '../community.policy.js';
import type { CommunityServiceDeps } from '../community.types.js';
import { readRows } from '../imports/imports.service.js';
import { isUniqueViolation } from '../teams/teams.service.js';
import { certificatePdf } from './certificate-pdf.js';
import '../community.messages.js';

// Training courses for officials and community teams: the secretariat (training.manage) organises courses and
// sessions; a unit's officer registers its officials; attendance is checked in with a session's code (the QR
// code on the day) or imported from the online platform's xlsx/csv (matched by email, else by name; a preview
// with row errors, then one transaction for the whole file); after every session attended a certificate with a verification code is issued, verifiable
// at a public URL. Each check-in rewrites the unit's TRAINING_OFFICIALS_TRAINED_RATE for the year.

export const TRAINED_RATE_KPI = 'TRAINING_OFFICIALS_TRAINED_RATE';
const code = (n: number) =>
  Array.from(randomBytes(n), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');
const parseMaterials = (text: string) => {
  try {
    return JSON.parse(text) as { name: string; url: string }[];
  } catch {
    return [];
  }
};
/** Names as the online platform writes them: no marks, one space, lower case. */
const nameKey = (name: string) => foldVietnamese(name).trim().replace(/\s+/g, ' ').toLowerCase();
export type AttendanceImportQuery = { sessionId: number; commit: boolean; locale?: 'vi' | 'en' };
const canRegister = (a: Actor, anc: readonly number[]) =>
  canOnUnit(a, 'community.manage', anc) || canOnUnit(a, 'training.manage', anc);

export function createTrainingService(deps: CommunityServiceDeps) {
  const { db, guard, audit, clock, kpis } = deps;
  const course = (id: number, exec: Executor = db) =>
    exec.selectFrom('trainingCourses').selectAll().where('id', '=', id).executeTakeFirst();

  /** The units of `roots` inside `unitId`'s subtree (itself included). */
  async function unitsWithin(unitId: number, roots: number[]): Promise<number[]> {
    if (roots.length === 0) return [];
    const rows = await db
      .selectFrom('unitClosure')
      .select('descendantId')
      .where('ancestorId', '=', unitId)
      .where('descendantId', 'in', roots)
      .where('viaLineage', '=', 0)
      .execute();
    return rows.map((r) => r.descendantId);
  }

  /**
   * The course as the actor sees it; `onlyUnder` (scope roots) keeps the registrations of units in those
   * subtrees (a reader below the organiser), null keeps them all.
   */
  async function view(
    actor: Actor,
    id: number,
    manage: boolean,
    exec: Executor = db,
    onlyUnder: number[] | null = null,
  ): Promise<CourseView> {
    const c = (await course(id, exec))!;
    const sessions = await exec
      .selectFrom('trainingSessions as s')
      .select((e) => [
        's.id',
        's.sessionDate',
        's.place',
        's.checkinCode',
        e
          .selectFrom('trainingAttendance as a')
          .select((x) => x.fn.countAll().as('n'))
          .whereRef('a.sessionId', '=', 's.id')
          .as('attended'),
      ])
      .where('s.courseId', '=', id)
      .orderBy('s.sessionDate')
      .execute();
    const regs = await exec
      .selectFrom('trainingRegistrations as r')
      .innerJoin('units as u', 'u.id', 'r.unitId')
      .select((e) => [
        'r.id',
        'r.unitId',
        'u.name as unitName',
        'r.fullName',
        'r.position',
        'r.certificateCode',
        e
          .selectFrom('trainingAttendance as a')
          .select((x) => x.fn.countAll().as('n'))
          .whereRef('a.registrationId', '=', 'r.id')
          .as('attended'),
      ])
      .where('r.courseId', '=', id)
      .$if(onlyUnder !== null, (q) =>
        q.where((e) =>
          e.exists(
            e
              .selectFrom('unitClosure as uc')
              .select('uc.descendantId')
              .whereRef('uc.descendantId', '=', 'r.unitId')
              .where('uc.ancestorId', 'in', onlyUnder?.length ? onlyUnder : [0])
              .where('uc.viaLineage', '=', 0),
          ),
        ),
      )
      .orderBy('u.name')
      .orderBy('r.fullName')
      .execute();
    return {
      id: c.id,
      unitId: c.unitId,
      title: c.title,
      organiser: c.organiser,
      audience: c.audience as CourseView['audience'],
      mode: c.mode as CourseView['mode'],
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      capacity: c.capacity,
      materials: parseMaterials(c.materials),
      sessions: sessions.map((s) => ({
        ...s,
        checkinCode: manage ? s.checkinCode : null,
        attended: Number(s.attended ?? 0),
      })),
      registrations: regs.map((r) => ({ ...r, attended: Number(r.attended ?? 0) })),
      can: { manage },
    };
  }

  async function writeRate(trx: Executor, ctx: AuditContext, unitId: number, year: number) {
    const trained = Number(
      (
        await trx
          .selectFrom('trainingRegistrations as r')
          .innerJoin('trainingAttendance as a', 'a.registrationId', 'r.id')
          .innerJoin('trainingSessions as s', 's.id', 'a.sessionId')
          .select((e) => e.fn.count<number>('r.fullName').distinct().as('n'))
          .where('r.unitId', '=', unitId)
          .where('s.sessionDate', '>=', `${year}-01-01`)
          .where('s.sessionDate', '<=', `${year}-12-31`)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const head = await trx
      .selectFrom('unitHeadcounts')
      .select('value')
      .where('unitId', '=', unitId)
      .where('metric', '=', 'officials')
      .orderBy('asOf', 'desc')
      .executeTakeFirst();
    if (!head?.value) return;
    await kpis.write(trx, ctx, [
      {
        kpiCode: TRAINED_RATE_KPI,
        unitId,
        period: String(year),
        numerator: Math.min(trained, head.value),
        denominator: head.value,
        note: 'Tập huấn chuyển đổi số',
      },
    ]);
  }

  /** One attendance in the caller's transaction: the row, its audit, the certificate once every session is
   * attended, and (unless the caller does it once for many) the unit's trained rate. */
  async function attend(
    trx: Executor,
    ctx: AuditContext,
    reg: { id: number; courseId: number; unitId: number; certificateCode: string | null },
    session: { id: number; sessionDate: string },
    method: 'qr' | 'import',
    now: string,
    rate = true,
  ) {
    await trx
      .insertInto('trainingAttendance')
      .values({ sessionId: session.id, registrationId: reg.id, method, checkedAt: now })
      .execute();
    await audit.record(trx, ctx, {
      action: method === 'qr' ? 'training.attendance.checkin' : 'training.attendance.import',
      entity: 'training_registration',
      entityId: reg.id,
      unitId: reg.unitId,
      after: { sessionId: session.id, sessionDate: session.sessionDate, method },
    });
    const total = Number(
      (
        await trx
          .selectFrom('trainingSessions')
          .select((e) => e.fn.countAll().as('n'))
          .where('courseId', '=', reg.courseId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const attended = Number(
      (
        await trx
          .selectFrom('trainingAttendance')
          .select((e) => e.fn.countAll().as('n'))
          .where('registrationId', '=', reg.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    let certificateCode = reg.certificateCode;
    if (!certificateCode && attended >= total) {
      certificateCode = code(10);
      await trx
        .updateTable('trainingRegistrations')
        .set({ certificateCode, certificateIssuedAt: now })
        .where('id', '=', reg.id)
        .execute();
      await audit.record(trx, ctx, {
        action: 'training.certificate.issue',
        entity: 'training_registration',
        entityId: reg.id,
        unitId: reg.unitId,
        after: { certificateCode },
      });
    }
    if (rate) await writeRate(trx, ctx, reg.unitId, Number(session.sessionDate.slice(0, 4)));
    return { sessionId: session.id, registrationId: reg.id, checkedAt: now, certificateCode };
  }

  return {
    async list(actor: Actor | null, unitId: number) {
      await guard.forUnit(actor, 'community.read', unitId);
      const rows = await db
        .selectFrom('trainingCourses as c')
        .innerJoin('unitClosure as uc', 'uc.ancestorId', 'c.unitId')
        .select([
          'c.id',
          'c.title',
          'c.organiser',
          'c.startsOn',
          'c.endsOn',
          'c.mode',
          'c.audience',
          'c.capacity',
        ])
        .where('uc.descendantId', '=', unitId)
        .where('uc.viaLineage', '=', 0)
        .orderBy('c.startsOn', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          ...r,
          mode: r.mode as CourseView['mode'],
          audience: r.audience as CourseView['audience'],
        })),
      };
    },

    async get(actorIn: Actor | null, id: number) {
      const roots = actorIn ? scopeRootsFor(actorIn, 'community.read') : [];
      const { actor, ancestors, entity } = await guard.forEntity(
        actorIn,
        canViewCourse,
        async () => {
          const c = await course(id);
          return c && { ...c, readersBelow: await unitsWithin(c.unitId, roots) };
        },
        (c) => c.unitId,
      );
      // A reader below the organiser (a commune officer on the province's course) sees its own units' officials.
      const whole = canReadCommunity(actor, ancestors);
      return view(
        actor,
        id,
        canOnUnit(actor, 'training.manage', ancestors),
        db,
        whole ? null : entity.readersBelow,
      );
    },

    async create(ctx: AuditContext, input: CourseInput) {
      const { actor } = await guard.forUnit(ctx.actor, 'training.manage', input.unitId);
      const id = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const { id } = await trx
          .insertInto('trainingCourses')
          .values({ ...input, materials: JSON.stringify(input.materials), createdAt: now, updatedAt: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'training.course.create',
          entity: 'training_course',
          entityId: id,
          unitId: input.unitId,
          after: input,
        });
        return id;
      });
      return view(actor, id, true);
    },

    async addSession(ctx: AuditContext, courseId: number, input: { sessionDate: string; place: string }) {
      const { actor, entity: c } = await guard.forEntity(
        ctx.actor,
        'training.manage',
        () => course(courseId),
        (x) => x.unitId,
      );
      if (input.sessionDate < c.startsOn || input.sessionDate > c.endsOn)
        throw validation([{ field: 'body.sessionDate', code: 'community.session_outside_course' }]);
      await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('trainingSessions')
          .values({ courseId, ...input, checkinCode: code(8), createdAt: clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'training.session.create',
          entity: 'training_session',
          entityId: id,
          unitId: c.unitId,
          after: { courseId, ...input },
        });
      });
      return view(actor, courseId, true);
    },

    async register(ctx: AuditContext, courseId: number, input: RegistrationInput) {
      const { actor } = await guard.forUnit(ctx.actor, canRegister, input.unitId);
      const c = await course(courseId);
      if (!c || !hasPermissionAnywhere(actor, 'community.read')) throw new AppError('NOT_FOUND');
      await db
        .transaction()
        .execute(async (trx) => {
          const taken = Number(
            (
              await trx
                .selectFrom('trainingRegistrations')
                .select((e) => e.fn.countAll().as('n'))
                .where('courseId', '=', courseId)
                .executeTakeFirstOrThrow()
            ).n,
          );
          if (taken + input.officials.length > c.capacity)
            throw new AppError('CONFLICT', { detailKey: 'community.course_full' });
          const now = clock.now().toISOString();
          for (const o of input.officials) {
            const { id } = await trx
              .insertInto('trainingRegistrations')
              .values({
                courseId,
                unitId: input.unitId,
                fullName: o.fullName,
                position: o.position,
                email: o.email,
                createdBy: actor.userId,
                createdAt: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await audit.record(trx, ctx, {
              action: 'training.registration.create',
              entity: 'training_registration',
              entityId: id,
              unitId: input.unitId,
              after: { courseId, fullName: o.fullName, position: o.position },
            });
          }
        })
        .catch((err) => {
          if (isUniqueViolation(err))
            throw new AppError('CONFLICT', { detailKey: 'community.registration_duplicate' });
          throw err;
        });
      return { registered: input.officials.length };
    },

    async checkIn(ctx: AuditContext, input: { code: string; registrationId: number }) {
      const reg = await db
        .selectFrom('trainingRegistrations')
        .selectAll()
        .where('id', '=', input.registrationId)
        .executeTakeFirst();
      const { actor } = await guard.forEntity(
        ctx.actor,
        canRegister,
        async () => reg,
        (r) => r.unitId,
      );
      const session = await db
        .selectFrom('trainingSessions')
        .selectAll()
        .where('checkinCode', '=', input.code.toUpperCase())
        .executeTakeFirst();
      if (!session || session.courseId !== reg!.courseId)
        throw validation([{ field: 'body.code', code: 'community.checkin_unknown' }]);
      const now = clock.now().toISOString();
      return db
        .transaction()
        .execute((trx) => attend(trx, ctx, reg!, session, 'qr', now))
        .catch((err) => {
          if (isUniqueViolation(err))
            throw new AppError('CONFLICT', { detailKey: 'community.attendance_duplicate' });
          throw err;
        });
    },

    async importAttendance(
      ctx: AuditContext,
      courseId: number,
      query: AttendanceImportQuery,
      file: { name: string; data: Buffer },
    ) {
      await guard.forEntity(
        ctx.actor,
        'training.manage',
        () => course(courseId),
        (x) => x.unitId,
      );
      const session = await db
        .selectFrom('trainingSessions')
        .selectAll()
        .where('id', '=', query.sessionId)
        .where('courseId', '=', courseId)
        .executeTakeFirst();
      if (!session) throw validation([{ field: 'querystring.sessionId', code: 'community.session_unknown' }]);
      // Before anything parses it: a decompression bomb is refused with a 4xx in milliseconds.
      if (!/\.csv$/i.test(file.name)) await assertSafeXlsx(file.data);
      const rows = await readRows(file);
      const regs = await db
        .selectFrom('trainingRegistrations as r')
        .leftJoin('trainingAttendance as a', (j) =>
          j.onRef('a.registrationId', '=', 'r.id').on('a.sessionId', '=', session.id),
        )
        .select([
          'r.id',
          'r.courseId',
          'r.unitId',
          'r.fullName',
          'r.email',
          'r.certificateCode',
          'a.checkedAt',
        ])
        .where('r.courseId', '=', courseId)
        .execute();
      const byEmail = new Map<string, typeof regs>();
      const byName = new Map<string, typeof regs>();
      const add = (m: Map<string, typeof regs>, k: string, r: (typeof regs)[number]) =>
        m.set(k, [...(m.get(k) ?? []), r]);
      for (const r of regs) {
        if (r.email) add(byEmail, r.email.toLowerCase(), r);
        add(byName, nameKey(r.fullName), r);
      }
      const errors: RowError[] = [];
      const err = (row: number, field: string, code: string) =>
        errors.push({ row, field, message: fieldMessage(code, query.locale ?? 'vi') });
      const plan: (typeof regs)[number][] = [];
      const seen = new Set<number>();
      for (const [i, r] of rows.entries()) {
        const row = i + 2;
        const email = (r.email ?? '').toLowerCase();
        const name = r.fullName ?? '';
        if (!email && !name.trim()) {
          err(row, 'fullName', 'required');
          continue;
        }
        const found = (email && byEmail.get(email)) || byName.get(nameKey(name)) || [];
        if (found.length === 0) err(row, email ? 'email' : 'fullName', 'community.attendance_unknown');
        else if (found.length > 1) err(row, 'fullName', 'community.attendance_ambiguous');
        else if (found[0].checkedAt || seen.has(found[0].id))
          err(row, 'fullName', 'community.attendance_duplicate');
        else {
          seen.add(found[0].id);
          plan.push(found[0]);
        }
      }
      const commit = query.commit && errors.length === 0 && plan.length > 0;
      let certificates = 0;
      if (commit) {
        const now = clock.now().toISOString();
        await db
          .transaction()
          .execute(async (trx) => {
            for (const reg of plan) {
              const before = reg.certificateCode;
              const done = await attend(trx, ctx, reg, session, 'import', now, false);
              if (!before && done.certificateCode) certificates++;
            }
            for (const unitId of new Set(plan.map((p) => p.unitId)))
              await writeRate(trx, ctx, unitId, Number(session.sessionDate.slice(0, 4)));
          })
          .catch((e) => {
            // Checked in by QR between the preview and this commit: nothing of the file is written.
            if (isUniqueViolation(e))
              throw new AppError('CONFLICT', { detailKey: 'community.attendance_duplicate' });
            throw e;
          });
      }
      return {
        rows: rows.length,
        valid: plan.length,
        errors: errors.sort((a, b) => a.row - b.row),
        committed: commit,
        created: commit ? plan.length : 0,
        certificates,
      };
    },

    async certificate(actor: Actor | null, registrationId: number, baseUrl: string | null = null) {
      const { entity: reg } = await guard.forEntity(
        actor,
        'community.read',
        () =>
          db
            .selectFrom('trainingRegistrations')
            .selectAll()
            .where('id', '=', registrationId)
            .executeTakeFirst(),
        (r) => r.unitId,
      );
      if (!reg.certificateCode) throw new AppError('NOT_FOUND', { detailKey: 'community.no_certificate' });
      return {
        code: reg.certificateCode,
        pdf: await certificatePdf({ ...(await this.verify(reg.certificateCode))!, baseUrl }),
      };
    },

    async verify(certificateCode: string) {
      const row = await db
        .selectFrom('trainingRegistrations as r')
        .innerJoin('trainingCourses as c', 'c.id', 'r.courseId')
        .innerJoin('units as u', 'u.id', 'r.unitId')
        .select([
          'r.certificateCode',
          'r.fullName',
          'u.name as unitName',
          'c.title',
          'c.organiser',
          'c.startsOn',
          'c.endsOn',
          'r.certificateIssuedAt',
        ])
        .where('r.certificateCode', '=', certificateCode)
        .executeTakeFirst();
      if (!row?.certificateCode) return null;
      return {
        code: row.certificateCode,
        valid: true as const,
        fullName: row.fullName,
        unitName: row.unitName,
        courseTitle: row.title,
        organiser: row.organiser,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        issuedAt: row.certificateIssuedAt ?? '',
      };
    },

    async trainedRates(actor: Actor | null, unitId: number, year: number) {
      await guard.forUnit(actor, 'community.read', unitId);
      const rows = await db
        .selectFrom('trainingRegistrations as r')
        .innerJoin('trainingAttendance as a', 'a.registrationId', 'r.id')
        .innerJoin('trainingSessions as s', 's.id', 'a.sessionId')
        .innerJoin('unitClosure as uc', 'uc.descendantId', 'r.unitId')
        .innerJoin('units as u', 'u.id', 'r.unitId')
        .select([
          'r.unitId',
          'u.name as unitName',
          (e) => e.fn.count<number>('r.fullName').distinct().as('trained'),
        ])
        .where('uc.ancestorId', '=', unitId)
        .where('uc.viaLineage', '=', 0)
        .where('s.sessionDate', '>=', `${year}-01-01`)
        .where('s.sessionDate', '<=', `${year}-12-31`)
        .groupBy(['r.unitId', 'u.name'])
        .execute();
      const items = [];
      for (const r of rows) {
        const head = await db
          .selectFrom('unitHeadcounts')
          .select('value')
          .where('unitId', '=', r.unitId)
          .where('metric', '=', 'officials')
          .orderBy('asOf', 'desc')
          .executeTakeFirst();
        const trained = Number(r.trained);
        items.push({
          unitId: r.unitId,
          unitName: r.unitName,
          trained,
          headcount: head?.value ?? null,
          rate: trainedRate(trained, head?.value ?? null),
        });
      }
      return { items };
    },
  };
}
export type TrainingService = ReturnType<typeof createTrainingService>;
