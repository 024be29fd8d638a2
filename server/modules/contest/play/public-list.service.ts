import type { ContestRepository } from '../contest.repository.js';
import type { PublicContestList } from '../contest.types.js';

// The open contests as the public portal lists them: a draft is never public, a closed one has its own page
// (its results) but is no longer an invitation to take part.
export function createPublicContestList({ repo }: { repo: ContestRepository }): PublicContestList {
  return {
    openContests: async () =>
      (await repo.openContests()).map((c) => ({
        slug: c.slug,
        title: c.title,
        participants: Number(c.participants ?? 0),
      })),
  };
}
