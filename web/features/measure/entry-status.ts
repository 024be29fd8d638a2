import type { SubmissionView } from '../../../core/contracts/measure.js';
import type { Component } from '../../../core/contracts/measure-framework.js';
import { ApiError } from '../../lib/api-client.js';
import { entryText } from './entry-texts.js';

// Pure pieces of the officer's entry page: what the status banner says and what a refused submit lists.

type Row = SubmissionView['components'][number];

export type EntryBanner =
  | { kind: 'draft'; editable: boolean }
  | { kind: 'submitted' }
  | { kind: 'approved'; points: number; selfPoints: number }
  | { kind: 'returned'; comment: string | null; toFix: string[] };

/** The banner for a submission's state; the approved total is the appraised one, never the self score. */
export function entryBanner(view: SubmissionView): EntryBanner {
  switch (view.status) {
    case 'submitted':
      return { kind: 'submitted' };
    case 'approved':
      return {
        kind: 'approved',
        points: (view.appraisedScore ?? view.selfScore).total.points,
        selfPoints: view.selfScore.total.points,
      };
    case 'returned':
      return {
        kind: 'returned',
        comment: view.returnComment,
        toFix: view.components.filter((c) => c.needsFix).map((c) => c.code),
      };
    default:
      return { kind: 'draft', editable: view.actions.canEdit };
  }
}

/** An item's appraised points when the appraiser set some that differ from the self points. */
export function appraisalCut(row: Row | undefined): { self: number | null; appraised: number } | null {
  if (!row || row.appraisedPoints === null) return null;
  const self = row.selfPoints;
  if (self !== null && Math.abs(self - row.appraisedPoints) < 1e-9) return null;
  return { self, appraised: row.appraisedPoints };
}

export type RefusedItem = { code: string; name: string; messages: string[] };

/** One line per refused item, in the framework's order, with the value's and the evidence's messages. */
export function refusedItems(error: unknown, components: Component[], locale: string): RefusedItem[] {
  const errors = errorsByComponent(
    error,
    components.map((c) => c.code),
  );
  const out: RefusedItem[] = [];
  for (const c of components) {
    const messages = [errors[c.code], errors[`evidence:${c.code}`]].filter((m): m is string => !!m);
    if (messages.length)
      out.push({ code: c.code, name: locale === 'en' && c.nameEn ? c.nameEn : c.name, messages });
  }
  return out;
}

/** The DOM id of an item's card, the target of the summary's and the banner's links. */
export const itemAnchor = (code: string) => `item-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Saved-at time as HH:mm in Vietnam, whatever the browser's zone. */
export function savedAtLabel(at: Date): string {
  return new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(at);
}

/** Removes from the unsaved edits the ones a save sent, unless the officer changed them meanwhile. */
export function withoutSaved<T>(edits: Record<string, T>, sent: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(edits)) if (!(k in sent) || sent[k] !== v) out[k] = v;
  return out;
}

/**
 * Results not published yet is a normal state of an open period, not an error. The ranking of a period the
 * page has already loaded answers 404 only for that reason (the problem carries no finer code).
 */
export function isNotPublished(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export const notPublishedText = (locale: string) => entryText(locale, 'e.notPublished');

/** Field errors of a failed save, submit or preview, keyed by component code (codes contain dots). */
export function errorsByComponent(error: unknown, codes: string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  const sorted = [...codes].sort((a, b) => b.length - a.length);
  for (const e of error.problem.errors ?? []) {
    const field = e.field.replace(/^body\./, '');
    const code = sorted.find((c) =>
      ['values', 'evidence', 'components'].some(
        (p) => field === `${p}.${c}` || field.startsWith(`${p}.${c}.`),
      ),
    );
    if (code) out[field.startsWith('evidence.') ? `evidence:${code}` : code] ??= e.message;
  }
  return out;
}
