import type { Executor } from '../../../db/executor.js';
import type { Clock } from '../../../lib/clock.js';
import type { UnitsRepository } from '../units.repository.js';
import type { UnitsWriteRepository } from '../units-write.repository.js';

// Structures follow one another: a new structure closes the open one before it (valid_to = the day
// before), so "the structure valid on a date" is always a single answer.

export function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export async function ensureStructure(
  read: UnitsRepository,
  write: UnitsWriteRepository,
  clock: Clock,
  opts: { structure: string; validFrom: string; validTo?: string | null; description?: string | null },
  exec: Executor,
): Promise<{ id: number; validTo: string | null; created: boolean; closed: string[] }> {
  const found = await read.findStructureByName(opts.structure, exec);
  if (found) return { id: found.id, validTo: found.validTo, created: false, closed: [] };
  const all = await read.listStructures(exec);
  const closed: string[] = [];
  for (const s of all) {
    if (s.validTo === null && s.validFrom < opts.validFrom) {
      await write.closeStructure(s.id, previousDay(opts.validFrom), exec);
      closed.push(s.name);
    }
  }
  const next = all
    .filter((s) => s.validFrom > opts.validFrom)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0];
  const validTo = opts.validTo ?? (next ? previousDay(next.validFrom) : null);
  const { id } = await write.insertStructure(
    {
      name: opts.structure,
      validFrom: opts.validFrom,
      validTo,
      description: opts.description ?? null,
      createdAt: clock.now().toISOString(),
    },
    exec,
  );
  return { id, validTo, created: true, closed };
}
