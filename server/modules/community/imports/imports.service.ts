import { parse } from 'csv-parse/sync';
import {
  ACTIVITY_KIND_LABELS,
  MEMBER_ROLE_LABELS,
  normalisePhone,
  ORGANISATION_LABELS,
  SKILL_LABELS,
  type Skill,
} from '../../../../core/community/community.js';
import { activityDateProblem } from '../../../../core/community/rollup.js';
import {
  ActivityInputSchema,
  type ImportPreview,
  MemberInputSchema,
  type RowError,
  TeamInputSchema,
  VillageCreateSchema,
} from '../../../../core/contracts/community.js';
import { fieldMessage } from '../../../../core/i18n/errors.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import { assertSafeXlsx } from '../../../lib/xlsx-guard.js';
import { readFirstSheet, type SheetCellValue } from '../../../lib/xlsx-rows.js';
import { canManageCommunity } from '../community.policy.js';
import type {
  ActivitiesService,
  CommunityImportService,
  CommunityServiceDeps,
  TeamsService,
  VillagesService,
} from '../community.types.js';
import { lookup } from './community-files.js';
import '../community.messages.js';

// Imports of the spreadsheets communes already keep (villages, teams, members, activities) from xlsx or csv:
// the multipart limit bounds the size and assertSafeXlsx the expansion before this parses; every row is checked first and the preview lists
// row errors; rows are written (through the services, each audited) only when asked and no row has an error.

const MAX_ROWS = 5000;
type Kind = ImportPreview['kind'];
type Row = Record<string, string>;

/** Column names as people write them (folded: no marks, lower case) → field. */
const HEADERS: Record<string, string> = {
  'ma thon': 'village',
  'ma thon, to dan pho': 'village',
  thon: 'village',
  'thon, to dan pho': 'village',
  village: 'village',
  ma: 'code',
  code: 'code',
  ten: 'name',
  'ten thon': 'name',
  'ten to': 'name',
  name: 'name',
  loai: 'type',
  type: 'type',
  'so quyet dinh': 'decisionNumber',
  'ngay quyet dinh': 'decisionDate',
  'nguoi ky': 'decisionSigner',
  'ho va ten': 'fullName',
  'ho ten': 'fullName',
  'so dien thoai': 'phone',
  'dien thoai': 'phone',
  phone: 'phone',
  'vai tro': 'role',
  role: 'role',
  'don vi, doan the': 'organisation',
  'don vi': 'organisation',
  organisation: 'organisation',
  'tu ngay': 'startDate',
  'ngay bat dau': 'startDate',
  'den ngay': 'endDate',
  ngay: 'date',
  'ngay hoat dong': 'date',
  date: 'date',
  'dia diem': 'place',
  place: 'place',
  'hinh thuc': 'kind',
  kind: 'kind',
  'ky nang': 'skills',
  skills: 'skills',
  'so nguoi': 'people',
  people: 'people',
  'so ho': 'households',
  households: 'households',
  // Attendance exported by the online training platform.
  email: 'email',
  'e-mail': 'email',
  'thu dien tu': 'email',
  'dia chi email': 'email',
  'hoc vien': 'fullName',
  'ten hoc vien': 'fullName',
  'full name': 'fullName',
};

/** '15/03/2026', '2026-03-15' or an Excel date → '2026-03-15'; null when it is not a date. */
export function isoDateOf(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : dmy
      ? [dmy[3], dmy[2].padStart(2, '0'), dmy[1].padStart(2, '0')]
      : [];
  if (!y) return null;
  const date = `${y}-${m}-${d}`;
  const t = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== date ? null : date;
}

function cellText(v: SheetCellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export async function readRows(file: { name: string; data: Buffer }): Promise<Row[]> {
  let table: string[][] = [];
  if (/\.csv$/i.test(file.name)) {
    try {
      table = parse(file.data.toString('utf8').replace(/^\uFEFF/, ''), {
        skip_empty_lines: true,
        relax_column_count: true,
        to: MAX_ROWS + 1,
      });
    } catch {
      throw new AppError('VALIDATION', {
        detailKey: 'community.import_unreadable',
        fieldErrors: [{ field: 'file', code: 'community.import_unreadable' }],
      });
    }
  } else {
    const rows: string[][] = [];
    const { issue, sheetFound } = await readFirstSheet(
      file.data,
      { maxRows: MAX_ROWS, maxCells: MAX_ROWS * 20, maxColumns: 20 },
      (r) => {
        rows.push(r.cells.map(cellText));
      },
    ).catch(() => ({ issue: { code: 'community.import_unreadable' }, sheetFound: false }));
    if (issue)
      throw new AppError('VALIDATION', {
        detailKey: issue.code === 'too_many_rows' ? 'community.import_too_large' : issue.code,
        fieldErrors: [
          {
            field: 'file',
            code: issue.code === 'too_many_rows' ? 'community.import_too_large' : issue.code,
            params: (issue as { params?: Record<string, unknown> }).params,
          },
        ],
      });
    if (!sheetFound)
      throw new AppError('VALIDATION', {
        detailKey: 'community.import_unreadable',
        fieldErrors: [{ field: 'file', code: 'community.import_unreadable' }],
      });
    table = rows;
  }
  if (table.length > MAX_ROWS + 1)
    throw new AppError('VALIDATION', {
      detailKey: 'community.import_too_large',
      fieldErrors: [{ field: 'file', code: 'community.import_too_large' }],
    });
  const [header = [], ...body] = table;
  const keys = header.map((h) => HEADERS[foldVietnamese(String(h)).trim()] ?? null);
  return body
    .filter((r) => r.some((c) => String(c ?? '').trim() !== ''))
    .map((r) => Object.fromEntries(keys.flatMap((k, i) => (k ? [[k, String(r[i] ?? '').trim()]] : []))));
}

type Planned = { row: number; write: () => Promise<unknown> };

export function createCommunityImportService(
  deps: CommunityServiceDeps & {
    villages: VillagesService;
    teams: TeamsService;
    activities: ActivitiesService;
  },
): CommunityImportService {
  const { repo, guard, clock } = deps;

  return {
    async importFile(ctx: AuditContext, query, file) {
      await guard.forUnit(ctx.actor, canManageCommunity, query.communeId);
      // Before anything parses it: a decompression bomb is refused with a 4xx in milliseconds.
      if (!/\.csv$/i.test(file.name)) await assertSafeXlsx(file.data);
      const rows = await readRows(file);
      const errors: RowError[] = [];
      const plan: Planned[] = [];
      const villages = new Map(
        (await repo.villagesOf(query.communeId)).map((v) => [v.code.toLowerCase(), v]),
      );
      const today = vietnamDate(clock.now());
      const err = (row: number, field: string, code: string) =>
        errors.push({ row, field, message: fieldMessage(code, query.locale ?? 'vi') });
      const seen = new Set<string>();

      for (const [i, r] of rows.entries()) {
        const row = i + 2;
        const village = r.village ? villages.get(r.village.toLowerCase()) : undefined;
        const needVillage = () => {
          if (!village) err(row, 'village', 'community.not_village');
          return village;
        };
        if (query.kind === 'villages') {
          const parsed = VillageCreateSchema.safeParse({
            communeId: query.communeId,
            code: r.code,
            name: r.name,
            type: r.type || 'thôn',
          });
          if (!parsed.success) err(row, String(parsed.error.issues[0].path.join('.')), 'invalid_value');
          else if (villages.has(parsed.data.code.toLowerCase()) || seen.has(parsed.data.code.toLowerCase()))
            err(row, 'code', 'community.village_code_taken');
          else {
            seen.add(parsed.data.code.toLowerCase());
            plan.push({ row, write: () => deps.villages.create(ctx, parsed.data) });
          }
        } else if (query.kind === 'teams') {
          const v = needVillage();
          const decisionDate = isoDateOf(r.decisionDate ?? '');
          if (!decisionDate) err(row, 'decisionDate', 'invalid_date');
          const parsed = TeamInputSchema.safeParse({
            unitId: v?.id ?? 1,
            name: r.name,
            decisionNumber: r.decisionNumber,
            decisionDate,
            decisionSigner: r.decisionSigner,
          });
          if (v && (v.teamId || seen.has(r.village.toLowerCase())))
            err(row, 'village', 'community.team_exists');
          else if (v && decisionDate && parsed.success) {
            seen.add(r.village.toLowerCase());
            plan.push({ row, write: () => deps.teams.create(ctx, parsed.data) });
          } else if (!parsed.success && decisionDate)
            err(row, String(parsed.error.issues[0].path.join('.')), 'invalid_value');
        } else if (query.kind === 'members') {
          const v = needVillage();
          const team = v?.teamId ? await repo.findTeam(v.teamId) : undefined;
          if (v && !team) err(row, 'village', 'community.not_village');
          const phone = r.phone ? normalisePhone(r.phone) : null;
          if (r.phone && !phone) err(row, 'phone', 'community.phone_invalid');
          const startDate = isoDateOf(r.startDate ?? '') ?? team?.decisionDate ?? null;
          const role = lookup(MEMBER_ROLE_LABELS, r.role || 'member');
          const organisation = lookup(ORGANISATION_LABELS, r.organisation || 'other');
          if (!role) err(row, 'role', 'invalid_value');
          if (!organisation) err(row, 'organisation', 'invalid_value');
          if (team && startDate && startDate < team.decisionDate)
            err(row, 'startDate', 'community.member_before_team');
          const parsed = MemberInputSchema.safeParse({
            fullName: r.fullName,
            phone,
            role,
            organisation,
            startDate,
            endDate: isoDateOf(r.endDate ?? ''),
          });
          // A role or organisation not understood is reported once, above, not again by the schema.
          if (!parsed.success && role && organisation)
            err(row, String(parsed.error.issues[0].path.join('.')), 'invalid_value');
          if (
            team &&
            parsed.success &&
            (!r.phone || phone) &&
            role &&
            organisation &&
            !(startDate && startDate < team.decisionDate)
          )
            plan.push({ row, write: () => deps.teams.addMember(ctx, team.id, parsed.data) });
        } else {
          const v = needVillage();
          const team = v?.teamId ? await repo.findTeam(v.teamId) : undefined;
          if (v && !team) err(row, 'village', 'community.not_village');
          const date = isoDateOf(r.date ?? '');
          if (!date) err(row, 'date', 'invalid_date');
          const problem = date && team ? activityDateProblem(date, team.decisionDate, today) : null;
          if (problem)
            err(
              row,
              'date',
              problem === 'future' ? 'community.activity_future' : 'community.activity_before_team',
            );
          const kind = lookup(ACTIVITY_KIND_LABELS, r.kind || 'home');
          if (!kind) err(row, 'kind', 'invalid_value');
          const skills = (r.skills ?? '')
            .split(/[;,]/)
            .filter((s) => s.trim())
            .map((s) => lookup(SKILL_LABELS, s));
          if (skills.length === 0 || skills.some((s) => !s)) err(row, 'skills', 'invalid_value');
          const people = Number(r.people);
          const households = Number(r.households || 0);
          if (!Number.isInteger(people) || !Number.isInteger(households)) err(row, 'people', 'invalid_value');
          else if (people < 0 || households < 0) err(row, 'people', 'community.negative_count');
          const parsed = ActivityInputSchema.safeParse({
            teamId: team?.id ?? 1,
            activityDate: date,
            place: r.place,
            kind,
            skills,
            peopleReached: people,
            householdsReached: households,
          });
          const key = `${team?.id}|${date}|${kind}|${r.place}`;
          if (parsed.success && seen.has(key)) err(row, 'place', 'community.activity_duplicate');
          else if (
            team &&
            parsed.success &&
            !problem &&
            people >= 0 &&
            households >= 0 &&
            skills.every(Boolean)
          ) {
            if (
              await repo.sameActivity({
                teamId: team.id,
                activityDate: parsed.data.activityDate,
                kind: parsed.data.kind,
                place: parsed.data.place,
              })
            )
              err(row, 'place', 'community.activity_duplicate');
            else {
              seen.add(key);
              plan.push({
                row,
                write: () => deps.activities.log(ctx, { ...parsed.data, skills: skills as Skill[] }),
              });
            }
          } else if (!parsed.success && date && kind && skills.every(Boolean))
            err(row, String(parsed.error.issues[0].path.join('.')), 'invalid_value');
        }
      }
      let created = 0;
      const commit = query.commit && errors.length === 0 && plan.length > 0;
      if (commit) {
        for (const p of plan) {
          await p.write();
          created++;
        }
      }
      return {
        kind: query.kind as Kind,
        rows: rows.length,
        valid: plan.length,
        errors: errors.sort((a, b) => a.row - b.row),
        sample: rows.slice(0, 10),
        committed: commit,
        created,
      };
    },
  };
}
