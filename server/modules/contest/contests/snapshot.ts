import type { BankQuestion } from '../../../../core/contest/draw.js';
import type { ContestConfig } from '../../../../core/contracts/contest.js';
import { ContestConfigSchema } from '../../../../core/contracts/contest.js';
import { createLru } from '../../../lib/lru.js';
import type { ContestRow } from '../contest.repository.js';

// A contest's parsed configuration and frozen questions, cached per process under (id, updated_at): once a
// contest is open neither changes, so the hot path (start, save, submit) parses nothing and reads no bank.

export type FrozenQuestion = {
  id: number;
  categoryId: number;
  difficulty: 'easy' | 'medium' | 'hard';
  kind: 'single' | 'multiple';
  text: string;
  options: { text: string; correct: boolean }[];
};

export type ContestSnapshot = {
  config: ContestConfig;
  questions: Map<number, FrozenQuestion>;
  bank: BankQuestion[];
  closedRounds: string[];
};

const cache = createLru<ContestSnapshot>(200);

export function snapshotOf(
  row: Pick<ContestRow, 'id' | 'updatedAt' | 'configJson' | 'questionsJson' | 'closedRoundsJson'>,
): ContestSnapshot {
  const key = `${row.id}:${row.updatedAt}:${row.closedRoundsJson}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const config = ContestConfigSchema.parse(JSON.parse(row.configJson));
  const list: FrozenQuestion[] = row.questionsJson ? JSON.parse(row.questionsJson) : [];
  const snapshot: ContestSnapshot = {
    config,
    questions: new Map(list.map((q) => [q.id, q])),
    bank: list.map((q) => ({
      id: q.id,
      categoryId: q.categoryId,
      difficulty: q.difficulty,
      optionCount: q.options.length,
    })),
    closedRounds: JSON.parse(row.closedRoundsJson),
  };
  cache.set(key, snapshot);
  return snapshot;
}

/** The indexes of the correct options of a frozen question. */
export const correctOf = (q: FrozenQuestion) => q.options.flatMap((o, i) => (o.correct ? [i] : []));
