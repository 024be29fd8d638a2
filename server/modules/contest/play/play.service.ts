import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Insertable } from 'kysely';
import { drawQuestions } from '../../../../core/contest/draw.js';
import { type Entry, rankBoard } from '../../../../core/contest/ranking.js';
import { ageOn, checkCccd, maskName, normalisePhone } from '../../../../core/contest/registration.js';
import { attemptRoundAt, vietnamLocalToUtc } from '../../../../core/contest/rounds.js';
import { rulesSummary } from '../../../../core/contest/summary.js';
import type { RegistrationField } from '../../../../core/contracts/contest.js';
import type { AttemptView, Me, PublicContest } from '../../../../core/contracts/contest-public.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import { nativeHandleOf } from '../../../db/database.js';
import type { Executor } from '../../../db/executor.js';
import type { ContestAttemptsTable } from '../../../db/schema-contest.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, type FieldError, validation } from '../../../lib/errors.js';
import { dataCipher } from '../../../lib/field-crypto.js';
import { type BatchWriter, createGroupCommit } from '../../../lib/group-commit.js';
import { createLru } from '../../../lib/lru.js';
import { maskCccd, maskPhone } from '../../../lib/mask.js';
import type { AttemptRow, ContestRow, ParticipantRow } from '../contest.repository.js';
import type { ContestServiceDeps, ParticipantMeta, PlayService } from '../contest.types.js';
import { scoreStored } from '../contests/results.js';
import { type ContestSnapshot, snapshotOf } from '../contests/snapshot.js';
import {
  CCCD_PURPOSE,
  PHONE_PURPOSE,
  registrationIndexes,
  registrationKeyText,
  SSO_KEY_FIELD,
  ssoKeyText,
} from '../privacy/personal-data.js';
import {
  attemptsWithOwner,
  insertAttempts,
  type SaveWrite,
  type SubmitWrite,
  saveMany,
  startContext,
  submitMany,
} from './play.repository.js';
import { createContestSsoGate } from './sso-verification.js';
import '../contest.messages.js';

// The participant's side, public and without accounts: register with the configured fields (unique ones
// enforced by the database), verify by a one-time code mailed through the notification service, start an
// attempt (the server draws the questions with a seeded draw and owns the clock), autosave, submit once
// (a conditional update; a second submit returns the first result), and the boards (provisional while the
// round runs: score and time only; final after close). A participant holds a bearer token, kept as a hash.

const OTP_TTL_MS = 10 * 60 * 1000;
const OTP_MAX_TRIES = 5;
const PROVISIONAL_TTL_MS = 10_000;
const BOARD_SIZE = 50;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
type AttemptWithOwner = AttemptRow & { ownerTokenHash: string };
const isUniqueViolation = (e: unknown) => {
  const x = e as { code?: string; message?: string };
  return x?.code === '23505' || /UNIQUE constraint failed/i.test(x?.message ?? '');
};

export function createPlayService(deps: ContestServiceDeps): PlayService {
  const { db, repo, audit, clock, notifier, rateLimiter, pow } = deps;
  const ssoGate = createContestSsoGate(deps);
  const boards = createLru<{ at: number; value: Awaited<ReturnType<PlayService['leaderboard']>> }>(500);
  const nowIso = () => clock.now().toISOString();
  // CCCD and phone are sealed at rest (server/lib/field-crypto.ts) and only ever leave masked from here.
  const cipher = dataCipher(deps.config);
  const openSealed = (stored: string, purpose: string) => {
    try {
      return cipher.decrypt(stored, purpose);
    } catch {
      return ''; // sealed by a key no longer in the ring: shown as nothing rather than failing the page
    }
  };
  const ctxOf = (meta: ParticipantMeta): AuditContext => ({ actor: null, ip: meta.ip });
  // The hot path's writes (start, autosave, submit) share commits: each caller still waits for its own commit.
  const handle = nativeHandleOf(db);
  const commit = createGroupCommit(db, { lanes: handle && 'pool' in handle ? 2 : 1 });
  // A submission's write and its audit entry, batched: one UPDATE for every submission of a group commit, then
  // the winners' audit rows (a repeated id in one batch: only its first item can win, as one after the other).
  type SubmitItem = { write: SubmitWrite; meta: ParticipantMeta; after: Record<string, unknown> };
  const submitWriter: BatchWriter<SubmitItem, boolean> = async (trx, items) => {
    const first = new Map<number, number>();
    for (const [i, it] of items.entries()) if (!first.has(it.write.id)) first.set(it.write.id, i);
    const won = await submitMany(
      [...first.values()].map((i) => items[i].write),
      trx,
    );
    const out = items.map((it, i) => first.get(it.write.id) === i && won.has(it.write.id));
    await audit.recordMany(
      trx,
      items
        .filter((_, i) => out[i])
        .map((it) => ({
          ctx: ctxOf(it.meta),
          entry: {
            action: 'contest.attempt.submit',
            entity: 'contest_attempt',
            entityId: it.write.id,
            after: it.after,
          },
        })),
    );
    return out;
  };
  // Starts, batched: one INSERT for the attempts of a group commit, one for their audit rows. Two starts of one
  // person in a batch break the unique key: the batch is retried one by one and the second finds the first's.
  type StartItem = { values: Insertable<ContestAttemptsTable>; meta: ParticipantMeta; unitId: number };
  const startWriter: BatchWriter<StartItem, number> = async (trx, items) => {
    const ids = await insertAttempts(
      items.map((it) => it.values),
      trx,
    );
    await audit.recordMany(
      trx,
      items.map((it, k) => ({
        ctx: ctxOf(it.meta),
        entry: {
          action: 'contest.attempt.start',
          entity: 'contest_attempt',
          entityId: ids[k],
          unitId: it.unitId,
          after: {
            contestId: it.values.contestId,
            participantId: it.values.participantId,
            roundKey: it.values.roundKey,
            seq: it.values.seq,
          },
        },
      })),
    );
    return ids;
  };
  // Autosaves, batched: a repeated id in one batch keeps its last answers (as one after the other would).
  const saveWriter: BatchWriter<SaveWrite, boolean> = async (trx, items) => {
    const last = new Map<number, SaveWrite>();
    for (const it of items) last.set(it.id, it);
    const saved = await saveMany([...last.values()], trx);
    return items.map((it) => saved.has(it.id));
  };
  // The attempts asked for by the requests handled in one turn of the event loop: one SELECT for all of them.
  let wanted: {
    id: number;
    resolve: (a: AttemptWithOwner | undefined) => void;
    reject: (e: unknown) => void;
  }[] = [];
  function flushAttemptReads() {
    const batch = wanted;
    wanted = [];
    attemptsWithOwner([...new Set(batch.map((w) => w.id))], db).then(
      (rows) => {
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const w of batch) w.resolve(byId.get(w.id));
      },
      (e) => {
        for (const w of batch) w.reject(e);
      },
    );
  }
  const attemptWithOwner = (id: number) =>
    new Promise<AttemptWithOwner | undefined>((resolve, reject) => {
      wanted.push({ id, resolve, reject });
      if (wanted.length === 1) setImmediate(flushAttemptReads);
    });
  // A contest's configuration and questions, per id: frozen once it opens (editing needs a draft), so starts,
  // autosaves and submissions read neither. Its closed rounds move on: those are read with the contest's head.
  const frozen = createLru<ContestSnapshot>(200);
  async function frozenSnapshot(contestId: number): Promise<ContestSnapshot> {
    const hit = frozen.get(String(contestId));
    if (hit) return hit;
    const row = await repo.contest(contestId);
    if (!row) throw new AppError('NOT_FOUND');
    const snap = snapshotOf(row);
    if (row.status !== 'draft') frozen.set(String(contestId), snap);
    return snap;
  }

  async function contestBySlug(slug: string): Promise<{ row: ContestRow; snap: ContestSnapshot }> {
    const row = await repo.contestBySlug(slug);
    if (!row || row.status === 'draft') throw new AppError('NOT_FOUND', { detailKey: 'contest.not_found' });
    return { row, snap: snapshotOf(row) };
  }

  async function limit(key: string, max: number, windowSeconds: number) {
    const r = await rateLimiter.hit(key, max, windowSeconds);
    if (!r.allowed)
      throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(r.retryAfterSeconds) } });
  }

  async function participant(contestId: number, meta: ParticipantMeta): Promise<ParticipantRow> {
    const p = meta.token ? await repo.participantByToken(contestId, sha256(meta.token)) : undefined;
    if (!p) throw new AppError('UNAUTHENTICATED', { detailKey: 'contest.bad_token' });
    return p;
  }

  async function meOf(p: ParticipantRow, exec: Executor = db): Promise<Me> {
    const attempts = await repo.attemptsOfParticipant(p.id, exec);
    return {
      participantId: p.id,
      fullName: p.fullName,
      groupKey: p.groupKey,
      unitName: p.unitId ? await repo.unitName(p.unitId, exec) : null,
      phone: p.phone ? maskPhone(openSealed(p.phone, PHONE_PURPOSE)) : null,
      cccd: p.cccd ? maskCccd(openSealed(p.cccd, CCCD_PURPOSE)) : null,
      verified: p.verified === 1,
      attempts: attempts.map((a) => ({
        id: a.id,
        roundKey: a.roundKey,
        status: a.status,
        score: a.score,
        total: a.total,
        startedAt: a.startedAt,
        submittedAt: a.submittedAt,
        durationMs: a.durationMs,
      })),
      results: (await repo.resultsOfParticipant(p.id, exec)).map((r) => ({
        roundKey: r.roundKey,
        rank: r.rank,
        prize: r.prize,
      })),
    };
  }

  function attemptView(a: AttemptRow, snap: ContestSnapshot): AttemptView {
    const drawn: { questionId: number; optionOrder: number[] }[] = JSON.parse(a.drawJson);
    return {
      id: a.id,
      roundKey: a.roundKey,
      status: a.status,
      startedAt: a.startedAt,
      deadlineAt: a.deadlineAt,
      serverNow: nowIso(),
      questions: drawn.map((d) => {
        const q = snap.questions.get(d.questionId);
        return {
          id: d.questionId,
          text: q?.text ?? '',
          kind: q?.kind ?? 'single',
          difficulty: q?.difficulty ?? 'medium',
          options: d.optionOrder.map((i) => ({ key: i, text: q?.options[i]?.text ?? '' })),
        };
      }),
      answers: JSON.parse(a.answersJson),
      prediction: a.prediction,
      predictionQuestion: snap.config.prediction?.question ?? null,
      score: a.status === 'submitted' ? a.score : null,
      total: a.total,
      durationMs: a.durationMs,
      submittedAt: a.submittedAt,
      late: a.late === 1,
    };
  }

  /** The caller's own attempt (another person's is a 404, as if it did not exist). */
  async function ownAttempt(id: number, meta: ParticipantMeta) {
    if (!meta.token) throw new AppError('UNAUTHENTICATED', { detailKey: 'contest.bad_token' });
    const hash = sha256(meta.token);
    const found = await attemptWithOwner(id);
    if (!found || found.ownerTokenHash !== hash) {
      // Off the hot path: an unknown token is a 401, another person's attempt a 404.
      if (!(await repo.participantByTokenAnyContest(hash)))
        throw new AppError('UNAUTHENTICATED', { detailKey: 'contest.bad_token' });
      throw new AppError('NOT_FOUND');
    }
    const { ownerTokenHash: _, ...a } = found;
    return { a: a as AttemptRow, snap: await frozenSnapshot(a.contestId) };
  }

  /** Checks answers against the attempt's questions; merges them over the saved ones. */
  function mergeAnswers(a: AttemptRow, snap: ContestSnapshot, answers: Record<string, number[]>) {
    const drawn = new Set((JSON.parse(a.drawJson) as { questionId: number }[]).map((d) => d.questionId));
    const errors: FieldError[] = [];
    for (const [key, chosen] of Object.entries(answers)) {
      const q = snap.questions.get(Number(key));
      if (!drawn.has(Number(key)) || !q) {
        errors.push({ field: `body.answers.${key}`, code: 'contest.question_not_in_attempt' });
        continue;
      }
      if (chosen.some((c) => c >= q.options.length) || new Set(chosen).size !== chosen.length)
        errors.push({ field: `body.answers.${key}`, code: 'contest.option_invalid' });
      else if (q.kind === 'single' && chosen.length > 1)
        errors.push({ field: `body.answers.${key}`, code: 'contest.one_option_only' });
    }
    if (errors.length) throw validation(errors);
    return { ...JSON.parse(a.answersJson), ...answers } as Record<string, number[]>;
  }

  const expired = (a: AttemptRow, snap: ContestSnapshot, at: string) =>
    new Date(at).getTime() > new Date(a.deadlineAt).getTime() + snap.config.graceSeconds * 1000;

  /**
   * Finishes an attempt with what is stored (expired) or with its final answers; only one request wins, and
   * the winner gets the row as stored (no second read).
   */
  async function finish(
    a: AttemptRow,
    snap: ContestSnapshot,
    answers: Record<string, number[]> | null,
    prediction: number | null | undefined,
    meta: ParticipantMeta,
  ) {
    const at = nowIso();
    const late = answers === null;
    const stored = late ? a : { ...a, answersJson: JSON.stringify(answers) };
    const s = scoreStored(snap, stored);
    const submittedAt = late ? a.deadlineAt : at;
    const durationMs = Math.max(0, new Date(submittedAt).getTime() - new Date(a.startedAt).getTime());
    const set = {
      score: s.correct,
      submittedAt,
      durationMs,
      late: late ? 1 : 0,
      ...(late ? {} : { answersJson: stored.answersJson }),
      ...(prediction === undefined || late ? {} : { prediction }),
    };
    const won = await commit.each(submitWriter, {
      write: {
        id: a.id,
        score: s.correct,
        submittedAt,
        durationMs,
        late: late ? 1 : 0,
        answersJson: late ? null : stored.answersJson,
        prediction: late ? undefined : prediction,
      },
      meta,
      after: {
        contestId: a.contestId,
        participantId: a.participantId,
        roundKey: a.roundKey,
        score: s.correct,
        total: a.total,
        late,
      },
    });
    return { won, row: { ...a, ...set, status: 'submitted' } as AttemptRow };
  }

  return {
    async contest(slug) {
      const { row, snap } = await contestBySlug(slug);
      const c = snap.config;
      const at = nowIso();
      const current = row.status === 'open' ? attemptRoundAt(c.rounds, at) : undefined;
      const names = new Map((await repo.categories(row.unitId)).map((x) => [x.id, x.name]));
      const view: PublicContest = {
        slug: row.slug,
        title: row.title,
        status: row.status,
        rulesText: c.rulesText,
        summary: rulesSummary(row.title, c, names),
        groups: c.groups.map((g) => ({ key: g.key, name: g.name })),
        rounds: c.rounds.map((r) => ({
          key: r.key,
          name: r.name,
          startsAt: vietnamLocalToUtc(r.startsAt),
          endsAt: vietnamLocalToUtc(r.endsAt),
          boardOnly: r.boardOnly,
          final: snap.closedRounds.includes(r.key),
        })),
        currentRoundKey: current && !snap.closedRounds.includes(current.key) ? current.key : null,
        registration: c.registration.map((f) => ({ field: f.field, required: f.required })),
        verification: c.verification,
        questionsPerAttempt: c.questionsPerAttempt,
        timeLimitSeconds: c.timeLimitSeconds,
        attemptsPerRound: c.attemptsPerRound,
        prediction: c.prediction,
        serverNow: at,
      };
      return view;
    },

    async searchUnits(slug, q) {
      const { row } = await contestBySlug(slug);
      return { items: await repo.searchUnits(row.unitId, foldVietnamese(q)) };
    },

    async challenge(slug, ip) {
      const { row } = await contestBySlug(slug);
      if (row.status !== 'open') throw new AppError('CONFLICT', { detailKey: 'contest.not_open' });
      await limit(`contest:challenge:ip:${ip}`, 60, 600);
      return pow.issue();
    },

    async register(slug, body, meta, opts = {}) {
      const { row, snap } = await contestBySlug(slug);
      if (row.status !== 'open') throw new AppError('CONFLICT', { detailKey: 'contest.not_open' });
      if (!opts.isDemo) await limit(`contest:register:ip:${meta.ip}`, 30, 600);
      const c = snap.config;
      const errors: FieldError[] = [];
      if (!c.groups.some((g) => g.key === body.groupKey))
        errors.push({ field: 'body.groupKey', code: 'contest.unknown_group' });
      const values: Partial<Record<RegistrationField, string | number | undefined>> = {
        fullName: body.fullName,
        phone: body.phone,
        cccd: body.cccd?.replace(/[\s.]/g, ''),
        email: body.email?.toLowerCase(),
        birthDate: body.birthDate,
        gender: body.gender,
        unit: body.unitId,
        address: body.address,
      };
      const bodyField = (f: RegistrationField) => `body.${f === 'unit' ? 'unitId' : f}`;
      for (const rule of c.registration) {
        if (rule.required && (values[rule.field] === undefined || values[rule.field] === ''))
          errors.push({ field: bodyField(rule.field), code: 'contest.field_required' });
      }
      const allowed = new Set(c.registration.map((f) => f.field));
      for (const f of Object.keys(values) as RegistrationField[])
        if (!allowed.has(f) && f !== 'fullName') values[f] = undefined;
      if (values.phone !== undefined) {
        const phone = normalisePhone(String(values.phone));
        if (!phone) errors.push({ field: 'body.phone', code: 'contest.phone_format' });
        else values.phone = phone;
      }
      if (values.cccd !== undefined) {
        const problem = checkCccd(String(values.cccd), { birthDate: body.birthDate, gender: body.gender });
        if (problem) errors.push({ field: 'body.cccd', code: `contest.cccd_${problem}` });
      }
      if (
        values.birthDate &&
        c.eligibility.minAge !== null &&
        ageOn(String(values.birthDate), vietnamDate(clock.now())) < c.eligibility.minAge
      )
        errors.push({
          field: 'body.birthDate',
          code: 'contest.too_young',
          params: { minAge: c.eligibility.minAge },
        });
      if (values.unit !== undefined && !(await repo.isInSubtree(row.unitId, Number(values.unit))))
        errors.push({ field: 'body.unitId', code: 'contest.unit_outside' });
      if (errors.length) throw validation(errors);
      // The proof of work is spent only by a registration whose fields are right (a typo costs no new puzzle).
      if (!opts.isDemo && !(await pow.verify(body.pow)))
        throw validation([{ field: 'body.pow', code: 'contest.pow_invalid' }]);
      if (!opts.isDemo) {
        // Rate-limit keys (kept in Redis when shared) carry a keyed index, never a phone or CCCD or its bare hash.
        if (values.phone)
          await limit(
            `contest:register:phone:${row.id}:${cipher.blindIndex(String(values.phone), 'limit')}`,
            5,
            3600,
          );
        if (values.cccd)
          await limit(
            `contest:register:cccd:${row.id}:${cipher.blindIndex(String(values.cccd), 'limit')}`,
            5,
            3600,
          );
      }
      const ssoIdentity = await ssoGate.identityAtRegistration(c.verification, meta);
      const keys = [
        ...c.registration
          .filter((f) => f.unique && values[f.field] !== undefined && values[f.field] !== '')
          .map((f) => ({ field: f.field as string, text: registrationKeyText(values[f.field]) })),
        ...(ssoIdentity ? [{ field: SSO_KEY_FIELD, text: ssoKeyText(ssoIdentity) }] : []),
      ].map((k) => ({ field: k.field, ...registrationIndexes(cipher, row.id, k.field, k.text) }));
      // Which values are taken, under any form of their index, so the answer names the field; the unique
      // constraint on the current index still decides a race between two registrations of the same value.
      const duplicate = (fields: string[]) =>
        new AppError('CONFLICT', {
          detailKey: fields.includes(SSO_KEY_FIELD)
            ? 'contest.sso_already_registered'
            : 'contest.duplicate_registration',
          fieldErrors: fields
            .filter((f) => f !== SSO_KEY_FIELD)
            .map((f) => ({
              field: bodyField(f as RegistrationField),
              code: 'contest.duplicate_registration',
            })),
        });
      const taken = await repo.takenRegistrationKeys(
        row.id,
        keys.map((k) => ({ field: k.field, hashes: [k.current, ...k.older] })),
      );
      if (taken.length) throw duplicate(taken);
      const token = randomBytes(32).toString('base64url');
      const at = nowIso();
      try {
        return await db.transaction().execute(async (trx) => {
          const { id } = await repo.insertParticipant(
            {
              contestId: row.id,
              groupKey: body.groupKey,
              fullName: body.fullName,
              phone: values.phone ? cipher.encrypt(String(values.phone), PHONE_PURPOSE) : null,
              cccd: values.cccd ? cipher.encrypt(String(values.cccd), CCCD_PURPOSE) : null,
              email: (values.email as string | undefined) ?? null,
              birthDate: (values.birthDate as string | undefined) ?? null,
              gender: (values.gender as string | undefined) ?? null,
              unitId: (values.unit as number | undefined) ?? null,
              address: (values.address as string | undefined) ?? null,
              tokenHash: sha256(token),
              verified: c.verification === 'none' || ssoIdentity ? 1 : 0,
              ip: meta.ip,
              deviceHash: meta.device ? sha256(meta.device) : null,
              createdAt: at,
              isDemo: opts.isDemo ? 1 : 0,
            },
            trx,
          );
          await repo.insertRegistrationKeys(
            keys.map((k) => ({ contestId: row.id, field: k.field, valueHash: k.current, participantId: id })),
            trx,
          );
          await audit.record(trx, ctxOf(meta), {
            action: 'contest.participant.register',
            entity: 'contest_participant',
            entityId: id,
            unitId: row.unitId,
            after: {
              contestId: row.id,
              groupKey: body.groupKey,
              fullName: body.fullName,
              phone: values.phone ? maskPhone(String(values.phone)) : null,
              cccd: values.cccd ? maskCccd(String(values.cccd)) : null,
              participantUnitId: values.unit ?? null,
            },
          });
          const p = (await repo.participantByToken(row.id, sha256(token), trx)) as ParticipantRow;
          if (c.verification === 'otp_email') await sendOtp(trx, row, p, meta);
          return { token, me: await meOf(p, trx) };
        });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        throw duplicate(keys.map((k) => k.field));
      }
    },

    async requestOtp(slug, meta) {
      const { row } = await contestBySlug(slug);
      const p = await participant(row.id, meta);
      if (p.verified) return;
      await limit(`contest:otp:ip:${meta.ip}`, 20, 600);
      await limit(`contest:otp:p:${p.id}`, 3, 600);
      await db.transaction().execute((trx) => sendOtp(trx, row, p, meta));
    },

    async verify(slug, code, meta) {
      const { row } = await contestBySlug(slug);
      const p = await participant(row.id, meta);
      if (p.verified) return meOf(p);
      await limit(`contest:verify:ip:${meta.ip}`, 30, 600);
      const at = nowIso();
      const ok =
        p.otpHash !== null &&
        p.otpExpiresAt !== null &&
        p.otpExpiresAt > at &&
        p.otpTries < OTP_MAX_TRIES &&
        p.otpHash === sha256(`${p.id}:${code}`);
      return db
        .transaction()
        .execute(async (trx) => {
          if (!ok) {
            await repo.updateParticipant(p.id, { otpTries: p.otpTries + 1 }, trx);
            await audit.record(trx, ctxOf(meta), {
              action: 'contest.participant.verify_failed',
              entity: 'contest_participant',
              entityId: p.id,
              unitId: row.unitId,
              after: { tries: p.otpTries + 1 },
            });
            return null;
          }
          await repo.updateParticipant(p.id, { verified: 1, otpHash: null, otpExpiresAt: null }, trx);
          await audit.record(trx, ctxOf(meta), {
            action: 'contest.participant.verify',
            entity: 'contest_participant',
            entityId: p.id,
            unitId: row.unitId,
            after: { verified: true },
          });
          return meOf({ ...p, verified: 1 }, trx);
        })
        .then((me) => {
          if (!me)
            throw new AppError('VALIDATION', {
              detailKey: 'contest.otp_wrong',
              fieldErrors: [{ field: 'body.code', code: 'contest.otp_wrong' }],
            });
          return me;
        });
    },

    async me(slug, meta) {
      const { row } = await contestBySlug(slug);
      return meOf(await participant(row.id, meta));
    },

    async start(slug, meta, opts = {}) {
      // The contest's head (status, closed rounds) is read every time; its configuration comes from the cache.
      // One read for the head and the token's participant (the hash of no token matches no one).
      const row = await startContext(slug, meta.token ? sha256(meta.token) : '', db);
      if (!row || row.status === 'draft') throw new AppError('NOT_FOUND', { detailKey: 'contest.not_found' });
      if (row.status !== 'open') throw new AppError('CONFLICT', { detailKey: 'contest.not_open' });
      const snap = await frozenSnapshot(row.id);
      const closedRounds: string[] = JSON.parse(row.closedRoundsJson);
      if (!meta.token || row.participantId === null)
        throw new AppError('UNAUTHENTICATED', { detailKey: 'contest.bad_token' });
      const p = { id: row.participantId, groupKey: row.groupKey as string, verified: row.verified as number };
      const c = snap.config;
      if (c.verification !== 'none' && !p.verified)
        throw new AppError('FORBIDDEN', { detailKey: 'contest.not_verified' });
      const at = nowIso();
      const round = attemptRoundAt(c.rounds, at);
      if (!round || closedRounds.includes(round.key))
        throw new AppError('CONFLICT', { detailKey: 'contest.no_round_open' });
      const ofRound = await repo.attemptsInRound(p.id, round.key);
      const open = ofRound.find((x) => x.status === 'open');
      if (open && !expired(open, snap, at)) return attemptView(open, snap);
      if (open) await finish(open, snap, null, undefined, meta);
      const seq = ofRound.reduce((m, x) => Math.max(m, x.seq), 0) + 1;
      if (c.attemptsPerRound !== null && seq > c.attemptsPerRound) {
        // A concurrent start may have committed between the two reads: theirs is the attempt to resume.
        const running = await repo.openAttempt(p.id, round.key);
        if (running && !expired(running, snap, at)) return attemptView(running, snap);
        throw new AppError('CONFLICT', {
          detailKey: 'contest.attempts_used',
          params: { max: c.attemptsPerRound },
        });
      }
      const seed = randomBytes(12).toString('hex');
      const group = c.groups.find((g) => g.key === p.groupKey);
      const drawn = drawQuestions(snap.bank, c.selection, {
        seed,
        shuffleQuestions: c.shuffleQuestions,
        shuffleOptions: c.shuffleOptions,
        categories: group?.categoryIds,
      });
      const deadline = new Date(new Date(at).getTime() + c.timeLimitSeconds * 1000).toISOString();
      const values = {
        contestId: row.id,
        participantId: p.id,
        roundKey: round.key,
        seq,
        seed,
        drawJson: JSON.stringify(drawn),
        status: 'open' as const,
        startedAt: at,
        deadlineAt: deadline,
        total: drawn.length,
        ip: meta.ip,
        isDemo: opts.isDemo ? 1 : 0,
      };
      try {
        const id = await commit.each(startWriter, { values, meta, unitId: row.unitId });
        const stored = {
          answersJson: '{}',
          prediction: null,
          submittedAt: null,
          score: null,
          durationMs: null,
        };
        return attemptView({ ...values, ...stored, id, late: 0 } as AttemptRow, snap);
      } catch (e) {
        // A concurrent start of the same person won the (participant, round, seq) key: theirs is the attempt.
        if (!isUniqueViolation(e)) throw e;
        const winner = await repo.openAttempt(p.id, round.key);
        if (winner) return attemptView(winner, snap);
        throw new AppError('CONFLICT', {
          detailKey: 'contest.attempts_used',
          params: { max: c.attemptsPerRound ?? seq },
        });
      }
    },

    async attempt(id, meta) {
      const { a, snap } = await ownAttempt(id, meta);
      return attemptView(a, snap);
    },

    async save(id, body, meta) {
      const { a, snap } = await ownAttempt(id, meta);
      if (a.status !== 'open') throw new AppError('CONFLICT', { detailKey: 'contest.attempt_submitted' });
      if (expired(a, snap, nowIso()))
        throw new AppError('CONFLICT', { detailKey: 'contest.attempt_expired' });
      const answersJson = JSON.stringify(mergeAnswers(a, snap, body.answers));
      const ok = await commit.each(saveWriter, { id: a.id, answersJson, prediction: body.prediction });
      if (!ok) throw new AppError('CONFLICT', { detailKey: 'contest.attempt_submitted' });
      const prediction = body.prediction === undefined ? a.prediction : body.prediction;
      return attemptView({ ...a, answersJson, prediction }, snap);
    },

    async submit(id, body, meta) {
      const { a, snap } = await ownAttempt(id, meta);
      if (a.status === 'submitted') return { ...attemptView(a, snap), alreadySubmitted: true };
      const late = expired(a, snap, nowIso());
      // Past the deadline and its grace the answers sent now are cut: the saved ones count, at the deadline.
      const merged = late ? null : mergeAnswers(a, snap, body.answers);
      const { won, row } = await finish(a, snap, merged, body.prediction, meta);
      // The loser of a race with another submission of the same attempt answers with the winner's result.
      const after = won ? row : ((await repo.attempt(a.id)) as AttemptRow);
      return { ...attemptView(after, snap), alreadySubmitted: !won };
    },

    async leaderboard(slug, query) {
      const { row, snap } = await contestBySlug(slug);
      const c = snap.config;
      const round = c.rounds.find((r) => r.key === query.round);
      if (!round) throw new AppError('NOT_FOUND', { detailKey: 'contest.unknown_round' });
      if (!c.groups.some((g) => g.key === query.group))
        throw new AppError('NOT_FOUND', { detailKey: 'contest.unknown_group' });
      if (snap.closedRounds.includes(round.key)) {
        const rows = await repo.results(row.id, round.key, query.group, BOARD_SIZE);
        return {
          roundKey: round.key,
          groupKey: query.group,
          final: true,
          rows: rows.map((r) => ({
            rank: r.rank,
            name: maskName(r.fullName),
            unitName: r.unitName,
            score: r.score ?? 0,
            total: r.total,
            durationMs: r.durationMs ?? 0,
            prize: r.prize,
          })),
        };
      }
      // Provisional: score and time only (the prediction's true value is unknown until close), cached briefly.
      const key = `${row.id}:${round.key}:${query.group}`;
      const t = clock.now().getTime();
      const hit = boards.get(key);
      if (hit && t - hit.at < PROVISIONAL_TTL_MS) return hit.value;
      const attempts = (
        await repo.submittedBetween(
          row.id,
          vietnamLocalToUtc(round.startsAt),
          vietnamLocalToUtc(round.endsAt),
        )
      ).filter((a) => a.groupKey === query.group);
      const entries: Entry[] = attempts.map((a) => ({
        attemptId: a.id,
        participantId: a.participantId,
        groupKey: a.groupKey,
        unitId: a.unitId,
        score: a.score ?? 0,
        prediction: null,
        durationMs: a.durationMs ?? 0,
        startedAt: a.startedAt,
        submittedAt: a.submittedAt ?? a.startedAt,
      }));
      const ranked = rankBoard(entries, {
        counting: c.counting,
        tieBreaks: ['duration', 'submitted_at'],
        truth: null,
      }).slice(0, BOARD_SIZE);
      const people = new Map(
        (
          await repo.participantsOf(
            row.id,
            ranked.map((r) => r.participantId),
          )
        ).map((p) => [p.id, p]),
      );
      const value = {
        roundKey: round.key,
        groupKey: query.group,
        final: false,
        rows: ranked.map((r) => {
          const p = people.get(r.participantId);
          const total = attempts.find((a) => a.id === r.attemptId)?.total ?? c.questionsPerAttempt;
          return {
            rank: r.rank,
            name: maskName(p?.fullName ?? ''),
            unitName: p?.unitName ?? null,
            score: r.score,
            total,
            durationMs: r.durationMs,
            prize: null,
          };
        }),
      };
      boards.set(key, { at: t, value });
      return value;
    },
  };

  async function sendOtp(trx: Executor, row: ContestRow, p: ParticipantRow, meta: ParticipantMeta) {
    if (!p.email) return;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const at = clock.now();
    await repo.updateParticipant(
      p.id,
      {
        otpHash: sha256(`${p.id}:${code}`),
        otpExpiresAt: new Date(at.getTime() + OTP_TTL_MS).toISOString(),
        otpTries: 0,
      },
      trx,
    );
    await notifier.notify(trx, {
      kind: 'contest.otp',
      recipients: { emails: [p.email] },
      title: { vi: 'Mã xác thực dự thi', en: 'Your contest code' },
      body: {
        vi: `Mã xác thực tham gia "${row.title}" là ${code}, có hiệu lực 10 phút. Không chia sẻ mã này cho người khác.`,
        en: `Your code for "${row.title}" is ${code}, valid for 10 minutes. Do not share it.`,
      },
      link: null,
      idempotencyKey: `contest:${row.id}:otp:${p.id}:${at.getTime()}`,
      urgent: true,
      transient: true,
    });
    await audit.record(trx, ctxOf(meta), {
      action: 'contest.participant.otp_sent',
      entity: 'contest_participant',
      entityId: p.id,
      unitId: row.unitId,
      after: { channel: 'email' },
    });
  }
}
