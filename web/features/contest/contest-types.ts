import type { ContestView } from '../../../core/contracts/contest.js';

/** A contest as the list shows it (no configuration). */
export type ContestListItem = Omit<ContestView, 'config' | 'summary'>;
