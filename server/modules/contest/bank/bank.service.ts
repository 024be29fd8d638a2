import type { ImportResult, QuestionView } from '../../../../core/contracts/contest.js';
import { QuestionInputSchema } from '../../../../core/contracts/contest.js';
import { AppError } from '../../../lib/errors.js';
import { assertSafeXlsx } from '../../../lib/xlsx-guard.js';
import { canManageContest, canReadContest } from '../contest.policy.js';
import type { ContestRepository } from '../contest.repository.js';
import type { BankService, ContestServiceDeps } from '../contest.types.js';
import { MAX_QUESTIONS, parseAiken, parseGift, parseQuestionSheet } from './question-import.js';
import '../contest.messages.js';

// The question bank of an organising unit: categories, difficulty, single and multiple choice; imports from
// GIFT, Aiken and xlsx with a preview (every row with its errors) before anything is written.

const MAX_TEXT_BYTES = 1024 * 1024;
const MAX_XLSX_BYTES = 2 * 1024 * 1024;

type QuestionRow = Awaited<ReturnType<ContestRepository['questions']>>[number];

export function questionView(q: QuestionRow): QuestionView {
  return {
    id: q.id,
    unitId: q.unitId,
    categoryId: q.categoryId,
    category: q.category,
    difficulty: q.difficulty,
    kind: q.kind,
    text: q.text,
    options: JSON.parse(q.optionsJson),
    explanation: q.explanation,
    archived: q.archived === 1,
  };
}

export function createBankService(deps: ContestServiceDeps): BankService {
  const { db, repo, guard, audit, clock } = deps;

  async function parse(format: 'gift' | 'aiken' | 'xlsx', content: string, category: string) {
    if (format === 'xlsx') {
      // Base64 grows by a third: refuse by length before decoding, then check the zip before reading it.
      if (content.length > Math.ceil((MAX_XLSX_BYTES * 4) / 3) + 4)
        throw new AppError('PAYLOAD_TOO_LARGE', {
          detailKey: 'contest.import_too_large',
          params: { maxKb: MAX_XLSX_BYTES / 1024 },
        });
      if (!/^[A-Za-z0-9+/=\s]*$/.test(content))
        throw new AppError('VALIDATION', { detailKey: 'contest.import_bad_base64' });
      const buffer = Buffer.from(content, 'base64');
      await assertSafeXlsx(buffer);
      const { rows, issue } = await parseQuestionSheet(buffer, category);
      if (issue) throw new AppError('VALIDATION', { detailKey: issue, params: { max: MAX_QUESTIONS } });
      return rows;
    }
    if (Buffer.byteLength(content) > MAX_TEXT_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', {
        detailKey: 'contest.import_too_large',
        params: { maxKb: MAX_TEXT_BYTES / 1024 },
      });
    return format === 'gift' ? parseGift(content, category) : parseAiken(content, category);
  }

  return {
    async list(actor, query) {
      await guard.forUnit(actor, canReadContest, query.unitId);
      const rows = await repo.questions(query.unitId, { categoryId: query.categoryId });
      const categories = (await repo.categories(query.unitId)).map((c) => ({
        ...c,
        questions: Number(c.questions),
      }));
      return { items: rows.map(questionView), categories };
    },

    async create(ctx, input, opts = {}) {
      const q = QuestionInputSchema.parse(input);
      await guard.forUnit(ctx.actor, canManageContest, q.unitId);
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const categoryId = await repo.categoryId(q.unitId, q.category, now, trx);
        const { id } = await repo.insertQuestion(
          {
            unitId: q.unitId,
            categoryId,
            difficulty: q.difficulty,
            kind: q.kind,
            text: q.text,
            optionsJson: JSON.stringify(q.options),
            explanation: q.explanation,
            createdAt: now,
            updatedAt: now,
            isDemo: opts.isDemo ? 1 : 0,
          },
          trx,
        );
        const view = questionView((await repo.question(id, trx)) as QuestionRow);
        await audit.record(trx, ctx, {
          action: 'contest.question.create',
          entity: 'contest_question',
          entityId: id,
          after: view,
        });
        return view;
      });
    },

    async archive(ctx, id) {
      const { entity } = await guard.forEntity(
        ctx.actor,
        canManageContest,
        () => repo.question(id),
        (q) => q.unitId,
      );
      if (entity.archived) return;
      await db.transaction().execute(async (trx) => {
        await repo.archiveQuestion(id, clock.now().toISOString(), trx);
        await audit.record(trx, ctx, {
          action: 'contest.question.archive',
          entity: 'contest_question',
          entityId: id,
          before: questionView(entity),
          unitId: entity.unitId,
        });
      });
    },

    async importQuestions(ctx, query, content): Promise<ImportResult> {
      await guard.forUnit(ctx.actor, canManageContest, query.unitId);
      const rows = await parse(query.format, content, query.category ?? 'Chung');
      if (rows.length === 0) throw new AppError('VALIDATION', { detailKey: 'contest.import_empty' });
      const valid = rows.filter((r) => r.question);
      const result = {
        format: query.format,
        rows,
        valid: valid.length,
        invalid: rows.length - valid.length,
        created: 0,
      };
      if (query.mode === 'preview' || valid.length === 0) return result;
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const ids: number[] = [];
        const categoryIds = new Map<string, number>();
        for (const r of valid) {
          const q = r.question as NonNullable<typeof r.question>;
          let categoryId = categoryIds.get(q.category);
          if (categoryId === undefined) {
            categoryId = await repo.categoryId(query.unitId, q.category, now, trx);
            categoryIds.set(q.category, categoryId);
          }
          const { id } = await repo.insertQuestion(
            {
              unitId: query.unitId,
              categoryId,
              difficulty: q.difficulty,
              kind: q.kind,
              text: q.text,
              optionsJson: JSON.stringify(q.options),
              explanation: null,
              createdAt: now,
              updatedAt: now,
            },
            trx,
          );
          ids.push(id);
        }
        await audit.record(trx, ctx, {
          action: 'contest.question.import',
          entity: 'contest_question',
          entityId: null,
          unitId: query.unitId,
          after: {
            format: query.format,
            created: ids.length,
            invalid: result.invalid,
            firstId: ids[0],
            lastId: ids[ids.length - 1],
          },
        });
        return { ...result, created: ids.length };
      });
    },
  };
}
