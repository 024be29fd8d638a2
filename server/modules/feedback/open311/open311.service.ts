import { z } from 'zod';
import { FEEDBACK_STATUS_LABELS } from '../../../../core/feedback/labels.js';
import { type FeedbackStatus, open311Status } from '../../../../core/feedback/lifecycle.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import { maskText } from '../../../lib/mask.js';
import type { Authenticator } from '../../accounts/accounts.types.js';
import type { FeedbackSettings, ReportsService } from '../feedback.types.js';
import type { FeedbackRepository, ReportRow } from '../shared/feedback.repository.js';
import type { PublicAnswers } from '../shared/public-answers.js';
import {
  contentTypeOf,
  type Format,
  type Open311Object,
  renderList,
  vietnamDateTime,
} from './open311-format.js';

// Open311 GeoReport v2 on top of the same services as the citizens' pages: a service is a category, a service
// request a report (its public code is the service_request_id, and the token of tokens/{token}), `agency_responsible` the handling unit,
// `expected_datetime` the answer deadline (end of that day in Vietnam), the fine status in `status_notes` and
// the `dxboard_status` extension. POST needs `api_key` = an API token of DXBoard. Errors are Open311Error, which
// the routes render in the spec's format.

export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
  ) {
    super(description);
  }
}

const PUBLIC_STATUSES: FeedbackStatus[] = ['assigned', 'in_progress', 'answered', 'closed', 'reopened'];
const MAX_RANGE_DAYS = 90;
const MAX_REQUESTS = 1000;

const Post = z.object({
  service_code: z.string().trim().min(1, 'service_code is required'),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().trim().max(500).optional(),
  address_id: z.string().trim().max(20).optional(),
  email: z.string().trim().toLowerCase().pipe(z.email('email is not valid')).optional(),
  phone: z.string().trim().max(20).optional(),
  first_name: z.string().trim().max(60).optional(),
  last_name: z.string().trim().max(60).optional(),
  description: z
    .string()
    .trim()
    .min(1, 'description is required')
    .max(4000, 'description is longer than 4000 characters'),
  media_url: z.string().max(1000).optional(),
});

/** "Optional" means an empty parameter behaves exactly like an absent one (spec §2.1). */
const present = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined && v !== null));

export type Open311Deps = {
  repo: FeedbackRepository;
  reports: ReportsService;
  authenticator: Pick<Authenticator, 'fromToken'>;
  settings: FeedbackSettings;
  now: () => Date;
  /** The cache of answers that are the same for everyone (GET requests). */
  answers: PublicAnswers;
};

/** A report's file as the public page serves it. */
const fileUrl = (code: string, publicId: string) => `/api/public/feedback/reports/${code}/files/${publicId}`;

export function createOpen311Service(deps: Open311Deps) {
  const { repo, reports, settings } = deps;
  const { answers } = deps;

  function toRequest(r: ReportRow, firstPhoto: string | null): Open311Object {
    const label = FEEDBACK_STATUS_LABELS[r.status];
    const notes = r.status === 'refused' && r.refuseReason ? `${label.vi}: ${r.refuseReason}` : label.vi;
    return {
      service_request_id: r.code,
      status: open311Status(r.status),
      status_notes: maskText(notes),
      service_name: r.categoryName,
      service_code: r.categoryCode,
      description: maskText(r.description),
      agency_responsible: r.status === 'received' ? null : r.unitName,
      service_notice: null,
      requested_datetime: vietnamDateTime(r.createdAt),
      updated_datetime: vietnamDateTime(r.updatedAt),
      expected_datetime: r.deadline ? `${r.deadline}T23:59:59+07:00` : null,
      address: r.address ? maskText(r.address) : r.areaName,
      address_id: r.areaUnitId,
      zipcode: null,
      lat: r.lat,
      long: r.lng,
      media_url: firstPhoto,
      dxboard_status: r.status,
    };
  }

  // The first photo of every listed report in one query (not one query per report: a list is up to 1,000).
  async function toRequests(rows: ReportRow[]): Promise<Open311Object[]> {
    const photos = await repo.firstPhotos(rows.map((r) => r.id));
    return rows.map((r) => {
      const photo = photos.get(r.id);
      return toRequest(r, photo ? fileUrl(r.code, photo) : null);
    });
  }

  async function listRequests(query: Record<string, string>, minute: number): Promise<Open311Object[]> {
    if (query.service_request_id) {
      const codes = query.service_request_id
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean)
        .slice(0, MAX_REQUESTS);
      const rows = await repo.listReports(
        { codes, statuses: PUBLIC_STATUSES },
        { limit: MAX_REQUESTS, offset: 0 },
      );
      return toRequests(rows);
    }
    const parseDate = (name: string) => {
      if (!query[name]) return undefined;
      const t = Date.parse(query[name]);
      if (Number.isNaN(t)) throw new Open311Error(400, `${name} is not a W3C date-time`);
      return t;
    };
    const explicitStart = parseDate('start_date');
    const explicitEnd = parseDate('end_date');
    const end = explicitEnd ?? deps.now().getTime();
    // Without an end date the window starts 90 days before this minute (the cache key's minute), not this ms;
    // only a range the client gave can be too long.
    const start = explicitStart ?? (explicitEnd ?? minute * 60_000) - MAX_RANGE_DAYS * 86_400_000;
    if (start > end) throw new Open311Error(400, 'start_date is after end_date');
    if (explicitStart !== undefined && end - start > MAX_RANGE_DAYS * 86_400_000)
      throw new Open311Error(400, 'The date range is longer than 90 days');
    let statuses = PUBLIC_STATUSES;
    if (query.status) {
      const wanted = query.status.split(',').map((s) => s.trim().toLowerCase());
      if (wanted.some((s) => s !== 'open' && s !== 'closed'))
        throw new Open311Error(400, 'status is open or closed');
      statuses = PUBLIC_STATUSES.filter((s) => wanted.includes(open311Status(s)));
    }
    let categoryIds: number[] | undefined;
    if (query.service_code) {
      const codes = query.service_code.split(',').map((c) => c.trim());
      const all = await repo.listCategories(false);
      categoryIds = all.filter((c) => codes.includes(c.code)).map((c) => c.id);
      if (!categoryIds.length) return [];
    }
    const rows = await repo.listReports(
      {
        statuses,
        categoryIds,
        createdFrom: new Date(start).toISOString(),
        createdTo: new Date(end + 1).toISOString(),
      },
      { limit: MAX_REQUESTS, offset: 0 },
    );
    return toRequests(rows);
  }

  return {
    async services(): Promise<Open311Object[]> {
      return (await repo.listCategories(true)).map((c) => ({
        service_code: c.code,
        service_name: c.nameVi,
        description: c.nameEn,
        metadata: false,
        type: 'realtime',
        keywords: null,
        group: null,
      }));
    },

    async definition(code: string): Promise<Open311Object> {
      const c = await repo.findCategoryByCode(code);
      if (c?.active !== 1) throw new Open311Error(404, `Unknown service_code ${code}`);
      return { service_code: c.code, attributes: [] };
    },

    async post(ctx: AuditContext, raw: Record<string, unknown>): Promise<Open311Object[]> {
      const apiKey = typeof raw.api_key === 'string' ? raw.api_key.trim() : '';
      if (!apiKey) throw new Open311Error(403, 'api_key is missing');
      const actor = await deps.authenticator.fromToken(apiKey).catch(() => null);
      if (!actor)
        throw new Open311Error(403, 'Invalid api_key received -- can’t proceed with create_request');
      const parsed = Post.safeParse(present(raw));
      if (!parsed.success)
        throw new Open311Error(
          400,
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      const b = parsed.data;
      const category = await repo.findCategoryByCode(b.service_code);
      if (category?.active !== 1) throw new Open311Error(404, `Unknown service_code ${b.service_code}`);
      const hasPin = b.lat !== undefined && b.long !== undefined;
      if ((b.lat === undefined) !== (b.long === undefined))
        throw new Open311Error(400, 'lat and long go together');
      const areaUnitId = b.address_id && /^\d+$/.test(b.address_id) ? Number(b.address_id) : undefined;
      if (areaUnitId !== undefined && !(await repo.unitExists(areaUnitId)))
        throw new Open311Error(400, 'address_id is not a known commune');
      if (!hasPin && !b.address_string && areaUnitId === undefined)
        throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id');
      const box = settings.bbox;
      if (
        hasPin &&
        ((b.lat as number) < box.minLat ||
          (b.lat as number) > box.maxLat ||
          (b.long as number) < box.minLng ||
          (b.long as number) > box.maxLng)
      )
        throw new Open311Error(400, 'The location is outside the jurisdiction');
      const contact = b.email
        ? { kind: 'email' as const, value: b.email }
        : b.phone && /^(?:\+84|0)\d{9}$/.test(b.phone.replace(/[ .-]/g, ''))
          ? { kind: 'phone' as const, value: b.phone.replace(/[ .-]/g, '') }
          : null;
      if (!contact)
        throw new Open311Error(400, 'email or a Vietnamese phone number is required to answer the citizen');
      const name = [b.first_name, b.last_name].filter(Boolean).join(' ') || null;
      const title = b.description.split('\n')[0].slice(0, 120);
      try {
        const created = await reports.create(
          { ...ctx, actor },
          {
            categoryId: category.id,
            title,
            description: b.media_url ? `${b.description}\n\n${b.media_url}` : b.description,
            lat: b.lat ?? null,
            lng: b.long ?? null,
            areaUnitId: areaUnitId ?? null,
            address: b.address_string ?? null,
            reporterName: name,
            showName: false,
            contact,
            photoFileIds: [],
            source: 'open311',
          },
        );
        // The token (GeoReport v2's tokens/{token}) is the same code: a report the moderators have not
        // published yet is not served by requests/{id}, and tokens/{token} says so by an empty id.
        return [
          { service_request_id: created.code, token: created.code, service_notice: null, account_id: null },
        ];
      } catch (error) {
        if (error instanceof AppError && error.status < 500) throw new Open311Error(400, error.code);
        throw error;
      }
    },

    /**
     * GET requests.{json,xml} rendered, from the cache of public answers: the default window ends now, so a
     * report created since changes the revisions in the key, and the window's start moves by the minute (the
     * minute is part of the key). Errors (Open311Error) are thrown, never cached.
     */
    async listRendered(q: Record<string, unknown>, format: Format): Promise<{ type: string; body: Buffer }> {
      const query = present(q) as Record<string, string>;
      const minute = Math.floor(deps.now().getTime() / 60_000);
      const key = `open311:requests:v1|${format}|${minute}|${JSON.stringify(Object.entries(query).sort())}`;
      const body = await answers.body(
        key,
        async () => renderList(format, 'service_requests', 'request', await listRequests(query, minute)).body,
      );
      return { type: contentTypeOf(format), body };
    },

    /**
     * The updates extension (servicerequestupdates, as FixMyStreet clients sync): each public step of a
     * public request's timeline between start_date and end_date (default: the last 90 days, at most 1,000).
     */
    async updates(q: Record<string, unknown>): Promise<Open311Object[]> {
      const query = present(q) as Record<string, string>;
      const parse = (name: string) => {
        if (!query[name]) return undefined;
        const t = Date.parse(query[name]);
        if (Number.isNaN(t)) throw new Open311Error(400, `${name} is not a W3C date-time`);
        return t;
      };
      const end = parse('end_date') ?? deps.now().getTime();
      const start = parse('start_date') ?? end - MAX_RANGE_DAYS * 86_400_000;
      if (start > end) throw new Open311Error(400, 'start_date is after end_date');
      if (end - start > MAX_RANGE_DAYS * 86_400_000)
        throw new Open311Error(400, 'The date range is longer than 90 days');
      const rows = await repo.publicUpdates(
        new Date(start).toISOString(),
        new Date(end + 1).toISOString(),
        PUBLIC_STATUSES,
        MAX_REQUESTS,
      );
      // An update with evidence files (an answer's photos or documents) links the first, as requests link a photo.
      const media = new Map<number, string>();
      for (const f of await repo.eventFiles(rows.map((e) => e.id)))
        if (f.eventId !== null && !media.has(f.eventId)) media.set(f.eventId, f.publicId);
      return rows.map((e) => {
        const status = e.status ?? e.reportStatus;
        const file = media.get(e.id);
        const label = FEEDBACK_STATUS_LABELS[status].vi;
        return {
          update_id: String(e.id),
          service_request_id: e.code,
          status: open311Status(status),
          updated_datetime: vietnamDateTime(e.createdAt),
          description: maskText(e.text ? `${label}: ${e.text}` : label),
          media_url: file ? fileUrl(e.code, file) : null,
          dxboard_status: status,
        };
      });
    },

    /** tokens/{token}: the request id once the report is published (served by requests/{id}), else empty. */
    async token(token: string): Promise<Open311Object[]> {
      const code = token.toUpperCase();
      const r = /^PA-\d{4}-[0-9A-Z]{8}$/.test(code) ? await repo.findReportByCode(code) : undefined;
      if (!r) throw new Open311Error(404, `Unknown token ${token}`);
      return [{ service_request_id: r.status === 'received' ? '' : r.code, token: r.code }];
    },

    async one(code: string): Promise<Open311Object[]> {
      const r = /^PA-\d{4}-[0-9A-Z]{8}$/.test(code.toUpperCase())
        ? await repo.findReportByCode(code.toUpperCase())
        : undefined;
      if (!r || r.status === 'received') throw new Open311Error(404, `Unknown service_request_id ${code}`);
      return toRequests([r]);
    },
  };
}

export type Open311Service = ReturnType<typeof createOpen311Service>;
