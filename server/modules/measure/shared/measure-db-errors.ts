import { AppError } from '../../../lib/errors.js';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

/** Two requests racing to create the same row (first save, next version) end in 409, never 500. */
export async function conflictOnUnique<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT');
    throw err;
  }
}
