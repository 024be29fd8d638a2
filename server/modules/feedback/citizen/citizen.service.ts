import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import sharp from 'sharp';
import {
  type PublicListQuery,
  PublicListSchema,
  PublicStatsSchema,
} from '../../../../core/contracts/feedback-public.js';
import type { FeedbackStatus } from '../../../../core/feedback/lifecycle.js';
import { meetsDifficulty, powInput } from '../../../../core/feedback/pow.js';
import type { Executor } from '../../../db/executor.js';
import { AppError, validation } from '../../../lib/errors.js';
import { maskPhone } from '../../../lib/mask.js';
import type { RateLimiter } from '../../../lib/rate-limiter.js';
import type { CitizenIdentityReader } from '../../sso/sso.types.js';
import type { CitizenService, FeedbackBase, FeedbackSettings, ReportsService } from '../feedback.types.js';
import type { ReportRow } from '../shared/feedback.repository.js';
import type { PublicAnswers } from '../shared/public-answers.js';
import { maskContact, maskEmail, publicView } from '../shared/report-view.js';
import '../feedback.messages.js';

// The citizen's side, without an account: the categories and communes of the form, a proof-of-work challenge,
// a one-time code sent to the contact through the notification service, photos (re-encoded by sharp: resized,
// EXIF and GPS stripped unless the reporter keeps the location), the report itself, following it by its code,
// rating the answer (unsatisfied reopens it), email updates, the public list, "is it this one?" and per-unit
// statistics. Every write is rate-limited per IP and per contact and audited with the contact masked.

export type CitizenDeps = FeedbackBase & {
  rateLimiter: RateLimiter;
  /** Citizen single sign-on: a signed-in citizen's own email or phone is verified without a one-time code. */
  citizens?: CitizenIdentityReader;
  reports: ReportsService;
  /** The cache of answers that are the same for everyone (the public list). */
  answers: PublicAnswers;
  settings: FeedbackSettings;
  log: (line: Record<string, unknown>) => void;
};

const OTP_TTL_MS = 10 * 60_000;
const OTP_MAX_ATTEMPTS = 5;
const CHALLENGE_TTL_MS = 10 * 60_000;
const UPLOAD_TTL_MS = 24 * 3600_000;
const PUBLIC_STATUSES: FeedbackStatus[] = ['assigned', 'in_progress', 'answered', 'closed', 'reopened'];
const OPEN_STATUSES: FeedbackStatus[] = ['received', 'assigned', 'in_progress', 'reopened'];
const NEARBY_METRES = 500;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const contactKey = (kind: string, value: string) => sha256(`${kind}:${value.trim().toLowerCase()}`);
const normalisePhone = (v: string) => v.replace(/\D/g, '').replace(/^84/, '0');

function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export function createCitizenService(deps: CitizenDeps): CitizenService {
  const { db, repo, audit, clock, notifier, rateLimiter, reports, settings, answers } = deps;

  async function limit(key: string, max: number, windowSeconds: number) {
    const r = await rateLimiter.hit(`feedback:${key}`, max, windowSeconds);
    if (!r.allowed)
      throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(r.retryAfterSeconds) } });
  }

  async function checkPow(pow: { challenge: string; nonce: string }) {
    const row = await repo.findChallenge(pow.challenge);
    const hash = createHash('sha256').update(powInput(pow.challenge, pow.nonce)).digest();
    if (
      !row ||
      !meetsDifficulty(hash, row.difficulty) ||
      !(await repo.consumeChallenge(row.id, clock.now().toISOString()))
    )
      throw validation([{ field: 'body.pow', code: 'feedback.pow_invalid' }]);
  }

  /** Checks a one-time code; a wrong code counts an attempt (kept even though the request fails). */
  async function checkOtp(
    otp: { otpId: string; code: string },
    purpose: string,
    contact: { kind: string; value: string },
  ) {
    const row = await repo.findOtp(otp.otpId);
    const now = clock.now().toISOString();
    const invalid = () => validation([{ field: 'body.otp.code', code: 'feedback.otp_invalid' }]);
    if (
      !row ||
      row.purpose !== purpose ||
      row.usedAt ||
      row.expiresAt <= now ||
      row.attempts >= OTP_MAX_ATTEMPTS
    )
      throw invalid();
    const sent = Buffer.from(sha256(`${row.publicId}:${otp.code}`));
    const good =
      row.contactHash === contactKey(contact.kind, contact.value) &&
      timingSafeEqual(sent, Buffer.from(row.codeHash));
    if (!good) {
      await repo.countOtpAttempt(row.id);
      throw invalid();
    }
    /** Consumed in the caller's transaction: a replay (or a second request racing this one) finds it used. */
    return async (trx: Executor) => {
      if (!(await repo.consumeOtp(row.id, clock.now().toISOString(), trx))) throw invalid();
    };
  }

  /**
   * The contact's proof: a one-time code, or (no code) the single sign-on session whose verified email or phone
   * is this contact. Returns what to run in the report's transaction.
   */
  async function checkContact(
    otp: { otpId: string; code: string } | undefined,
    contact: { kind: string; value: string },
    citizenToken: string | undefined,
  ): Promise<(trx: Executor) => Promise<void>> {
    if (otp) return checkOtp(otp, 'submit', contact);
    const who = await deps.citizens?.identify(citizenToken);
    const vouched = contact.kind === 'phone' ? who?.phone : who?.email;
    const same =
      !!vouched &&
      (contact.kind === 'phone'
        ? normalisePhone(vouched) === normalisePhone(contact.value)
        : vouched.trim().toLowerCase() === contact.value.trim().toLowerCase());
    if (!same) throw validation([{ field: 'body.otp', code: 'feedback.otp_required' }]);
    return async () => {};
  }

  async function findByCode(code: string): Promise<ReportRow> {
    const r = await repo.findReportByCode(code);
    // A report not yet reviewed (or refused) is visible to its reporter, who holds the code.
    if (!r) throw new AppError('NOT_FOUND');
    return r;
  }

  const listItem = (r: ReportRow) => ({
    code: r.code,
    title: r.title,
    status: r.status,
    categoryName: r.categoryName,
    areaName: r.areaName,
    lat: r.lat,
    lng: r.lng,
    createdAt: r.createdAt,
  });

  async function publicList(query: PublicListQuery) {
    const statuses = query.status
      ? [query.status].filter((s) => PUBLIC_STATUSES.includes(s))
      : PUBLIC_STATUSES;
    if (!statuses.length) return { items: [], total: 0 };
    const filter = { statuses, categoryId: query.categoryId, areaUnitId: query.areaUnitId };
    const [rows, total] = await Promise.all([
      repo.listReports(filter, { limit: 50, offset: (query.page - 1) * 50 }),
      repo.countReports(filter),
    ]);
    return { items: rows.map(listItem), total };
  }

  return {
    settings: () => ({
      tileUrl: settings.tileUrl,
      powDifficulty: settings.powDifficulty,
      bbox: settings.bbox,
    }),

    async categories() {
      const rows = await repo.listCategories(true);
      return {
        items: rows.map((c) => ({
          id: c.id,
          code: c.code,
          nameVi: c.nameVi,
          nameEn: c.nameEn,
          photoRequired: c.photoRequired === 1,
          deadlineAmount: c.deadlineAmount,
          deadlineKind: c.deadlineKind,
        })),
      };
    },

    areas: () => repo.publicAreas().then((items) => ({ items })),

    async challenge(ip) {
      await limit(`challenge:ip:${ip}`, 60, 3600);
      const now = clock.now();
      const challenge = randomBytes(18).toString('base64url');
      const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString();
      await repo.purgeChallenges(new Date(now.getTime() - 3600_000).toISOString());
      await repo.insertChallenge({ challenge, difficulty: settings.powDifficulty, expiresAt });
      return { challenge, difficulty: settings.powDifficulty, expiresAt };
    },

    async requestOtp(ctx, input) {
      const ip = ctx.ip ?? 'unknown';
      await limit(`otp:ip:${ip}`, 10, 3600);
      await limit(`otp:contact:${contactKey(input.contact.kind, input.contact.value)}`, 5, 3600);
      await checkPow(input.pow);
      const publicId = randomBytes(16).toString('base64url');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + OTP_TTL_MS).toISOString();
      const masked = maskContact(input.contact.kind, input.contact.value);
      await db.transaction().execute(async (trx) => {
        await repo.insertOtp(
          {
            publicId,
            contactHash: contactKey(input.contact.kind, input.contact.value),
            purpose: input.purpose,
            codeHash: sha256(`${publicId}:${code}`),
            expiresAt,
            createdAt: now.toISOString(),
          },
          trx,
        );
        // One notification service for every message; an email goes at once and its body is erased once sent.
        await notifier.notify(trx, {
          kind: 'feedback.otp',
          recipients:
            input.contact.kind === 'email'
              ? { emails: [input.contact.value] }
              : { phones: [input.contact.value] },
          title: { vi: 'Mã xác thực phản ánh kiến nghị', en: 'Your feedback verification code' },
          body: {
            vi: `Mã xác thực của bạn là ${code}. Mã có hiệu lực trong 10 phút. Không chia sẻ mã này cho ai.`,
            en: `Your verification code is ${code}. It is valid for 10 minutes. Do not share it.`,
          },
          idempotencyKey: `feedback:otp:${publicId}`,
          transient: true,
          urgent: true,
        });
        await audit.record(trx, ctx, {
          action: 'feedback.otp.request',
          entity: 'feedback_otp',
          entityId: publicId,
          after: { contact: masked, purpose: input.purpose },
        });
      });
      // No SMS gateway (SMS_GATEWAY_URL): the phone's code goes to the log sender (development and demos).
      if (input.contact.kind === 'phone' && settings.logPhoneCodes)
        deps.log({ msg: 'feedback one-time code (log sender)', to: maskPhone(input.contact.value), code });
      return { otpId: publicId, expiresAt, sentTo: masked };
    },

    async uploadPhoto(ctx, data, name, keepLocation) {
      await limit(`photo:ip:${ctx.ip ?? 'unknown'}`, 30, 3600);
      let out: Buffer;
      try {
        const image = sharp(data, { limitInputPixels: 50_000_000, failOn: 'error' });
        const meta = await image.metadata();
        if (!meta.format || !['jpeg', 'png', 'webp', 'heif'].includes(meta.format)) throw new Error('format');
        let pipeline = image
          .rotate()
          .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true });
        // sharp drops every metadata block (EXIF with GPS, XMP, IPTC) unless asked to keep it.
        if (keepLocation) pipeline = pipeline.keepExif();
        out = await pipeline.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
      } catch {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'feedback.not_image' });
      }
      const file = await deps.files.store(
        out,
        { originalName: `${name.replace(/\.[^.]*$/, '') || 'anh'}.jpg`, allow: ['jpeg'], uploadedBy: null },
        ctx,
      );
      await repo.insertUpload(file.id, clock.now().toISOString());
      return { id: file.publicId };
    },

    async submit(ctx, input, citizenToken) {
      const ip = ctx.ip ?? 'unknown';
      await limit(`submit:ip:${ip}`, 20, 3600);
      await limit(`submit:contact:${contactKey(input.contact.kind, input.contact.value)}`, 10, 86_400);
      // Everything that can be checked is checked before the code is used, so a mistake costs no new code.
      const errors = [];
      const hasPin = input.lat != null || input.lng != null;
      if (hasPin && (input.lat == null || input.lng == null))
        errors.push({ field: 'body.lat', code: 'feedback.latlng_pair' });
      const b = settings.bbox;
      if (
        input.lat != null &&
        input.lng != null &&
        (input.lat < b.minLat || input.lat > b.maxLat || input.lng < b.minLng || input.lng > b.maxLng)
      )
        errors.push({ field: 'body.lat', code: 'feedback.outside_province' });
      if (!hasPin && !input.areaUnitId && !input.address)
        errors.push({ field: 'body.address', code: 'feedback.location_required' });
      if (input.areaUnitId && !(await repo.unitExists(input.areaUnitId)))
        errors.push({ field: 'body.areaUnitId', code: 'feedback.unknown_unit' });
      const category = await repo.findCategory(input.categoryId);
      if (category?.active !== 1)
        errors.push({ field: 'body.categoryId', code: 'feedback.unknown_category' });
      else if (category.photoRequired === 1 && input.photoIds.length === 0)
        errors.push({ field: 'body.photoIds', code: 'feedback.photo_required' });
      const photoFileIds: number[] = [];
      for (const [i, publicId] of input.photoIds.entries()) {
        const file = await deps.files.getByPublicId(publicId);
        if (!file || file.uploadedBy !== null || photoFileIds.includes(file.id))
          errors.push({ field: `body.photoIds.${i}`, code: 'feedback.unknown_photo' });
        else photoFileIds.push(file.id);
      }
      if (errors.length) throw validation(errors);
      const consumeOtp = await checkContact(input.otp, input.contact, citizenToken);
      const notBefore = new Date(clock.now().getTime() - UPLOAD_TTL_MS).toISOString();
      const created = await reports.create(
        ctx,
        {
          categoryId: input.categoryId,
          title: input.title,
          description: input.description,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          areaUnitId: input.areaUnitId ?? null,
          address: input.address ?? null,
          reporterName: input.reporterName ?? null,
          showName: input.showName,
          contact: input.contact,
          photoFileIds,
          source: 'web',
          subscribeEmail: input.subscribe && input.contact.kind === 'email' ? input.contact.value : null,
        },
        async (trx) => {
          await consumeOtp(trx);
          for (const [i, fileId] of photoFileIds.entries()) {
            if (!(await repo.claimUpload(fileId, notBefore, clock.now().toISOString(), trx)))
              throw validation([{ field: `body.photoIds.${i}`, code: 'feedback.unknown_photo' }]);
          }
        },
      );
      return { code: created.code, status: created.status as FeedbackStatus };
    },

    async follow(code) {
      const r = await findByCode(code);
      return publicView(r, await repo.eventsOf(r.id), await repo.filesOf(r.id));
    },

    async photo(code, fileId) {
      const r = await findByCode(code);
      const file = (await repo.filesOf(r.id)).find((f) => f.publicId === fileId);
      const row = file ? await deps.files.get(file.id) : undefined;
      if (!row) throw new AppError('NOT_FOUND');
      return row;
    },

    pathOf: (file) => deps.files.pathOf(file),
    open: (file) => deps.files.open(file),

    async rate(ctx, code, input) {
      await limit(`rate:ip:${ctx.ip ?? 'unknown'}`, 20, 3600);
      const r = await findByCode(code);
      const same =
        r.contactKind === 'phone'
          ? normalisePhone(input.contact) === normalisePhone(r.contact)
          : input.contact.trim().toLowerCase() === r.contact.toLowerCase();
      if (!same) throw validation([{ field: 'body.contact', code: 'feedback.contact_mismatch' }]);
      await reports.rate(ctx, r.id, input.satisfied, input.reason?.trim() || null);
      return this.follow(code);
    },

    async subscribe(ctx, code, input) {
      await limit(`subscribe:ip:${ctx.ip ?? 'unknown'}`, 20, 3600);
      const r = await findByCode(code);
      const consumeOtp = await checkOtp(input.otp, 'subscribe', { kind: 'email', value: input.email });
      await db.transaction().execute(async (trx) => {
        await consumeOtp(trx);
        await repo.subscribe(r.id, input.email, clock.now().toISOString(), trx);
        await audit.record(trx, ctx, {
          action: 'feedback.report.subscribe',
          entity: 'feedback_report',
          entityId: r.id,
          unitId: r.unitId,
          after: { email: maskEmail(input.email) },
        });
      });
      return { subscribed: true as const };
    },

    listBody(query) {
      const key = `feedback:list:v1|${query.status ?? ''}|${query.categoryId ?? ''}|${query.areaUnitId ?? ''}|${query.page}`;
      return answers.body(key, async () => JSON.stringify(PublicListSchema.parse(await publicList(query))));
    },

    async nearby(query) {
      const rows = await repo.listReports(
        { statuses: OPEN_STATUSES, categoryId: query.categoryId },
        { limit: 500, offset: 0 },
      );
      const here =
        query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null;
      const items = rows
        .map((r) => ({
          ...listItem(r),
          distanceMetres:
            here && r.lat !== null && r.lng !== null
              ? Math.round(distanceMetres(here, { lat: r.lat, lng: r.lng }))
              : null,
          areaUnitId: r.areaUnitId,
        }))
        .filter(
          (r) =>
            (r.distanceMetres !== null && r.distanceMetres <= NEARBY_METRES) ||
            (query.areaUnitId !== undefined && r.areaUnitId === query.areaUnitId),
        )
        .sort((a, b) => (a.distanceMetres ?? 1e9) - (b.distanceMetres ?? 1e9))
        .slice(0, 10)
        .map(({ areaUnitId: _, ...rest }) => rest);
      return { items };
    },

    statsBody(year) {
      return answers.body(`feedback:stats:v1|${year}`, async () =>
        JSON.stringify(PublicStatsSchema.parse(await this.stats(year))),
      );
    },

    async stats(year) {
      const from = new Date(`${year}-01-01T00:00:00+07:00`).toISOString();
      const to = new Date(`${year + 1}-01-01T00:00:00+07:00`).toISOString();
      const rows = await repo.yearStats(from, to);
      const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
      return {
        year,
        units: rows.map((r) => {
          const answered = Number(r.answered);
          const onTime = Number(r.onTime ?? 0);
          const rated = Number(r.rated);
          const satisfied = Number(r.satisfied ?? 0);
          return {
            unitName: r.unitName,
            received: Number(r.received),
            answered,
            onTime,
            onTimeRate: rate(onTime, answered),
            rated,
            satisfied,
            satisfactionRate: rate(satisfied, rated),
          };
        }),
      };
    },
  };
}
