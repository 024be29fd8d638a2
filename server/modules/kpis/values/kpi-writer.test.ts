import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.js';
import { withWriteRetry } from './kpi-writer.js';

const clash = () =>
  Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });

describe('withWriteRetry', () => {
  it('retries once after a unique-key clash', async () => {
    let calls = 0;
    const out = await withWriteRetry(async () => {
      calls++;
      if (calls === 1) throw clash();
      return 'written';
    });
    expect([out, calls]).toEqual(['written', 2]);
  });

  it('turns a second clash into a 409 and passes other errors through', async () => {
    await expect(withWriteRetry(async () => Promise.reject(clash()))).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
    });
    await expect(
      withWriteRetry(async () => Promise.reject(new Error('disk full'))),
    ).rejects.not.toBeInstanceOf(AppError);
  });
});
