import type { SubmissionView } from '../../core/contracts/measure.js';
import type { MainIndex, UnitResult } from '../../core/contracts/measure-framework.js';
import type { ConsistencyViolation } from '../../core/measure/consistency-violations.js';
import { ruleMessage } from '../features/measure/consistency-texts.js';
import { entryBanner, itemAnchor, type RefusedItem } from '../features/measure/entry-status.js';
import { fmtValue } from '../features/measure/measure-format.js';
import type { MeasureKey } from '../features/measure/measure-texts.js';
import { intlTag } from '../i18n/locale-store.js';
import { el } from '../lib/dom.js';
import { ct, et, locale, mt, named, points } from './texts.js';

// The parts of the entry form around the items: status banner, refused-submit summary, score panel,
// dialogs and the short notices. Each is built whole from the state it shows.

/** Scrolls to an item's card and puts the keyboard there too, so the link works without a mouse. */
function goToItem(code: string) {
  const target = document.getElementById(itemAnchor(code));
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

function itemLinks(items: { code: string; label: string; note?: string }[]) {
  return el(
    'ul',
    { class: 'links' },
    ...items.map((i) => {
      const link = el('a', { href: `#${itemAnchor(i.code)}` }, i.label);
      link.addEventListener('click', (e) => {
        e.preventDefault();
        goToItem(i.code);
      });
      return el('li', {}, link, i.note ? `: ${i.note}` : null);
    }),
  );
}

export function statusBadge(status: string) {
  return el('span', { class: `badge badge-${status}` }, mt(`m.status.${status}` as MeasureKey));
}

/** What state the submission is in, in words, at the top of the page. */
export function statusBanner(view: SubmissionView) {
  const b = entryBanner(view);
  const title =
    b.kind === 'approved'
      ? et('e.banner.approved', { points: points(b.points) })
      : b.kind === 'returned'
        ? et('e.banner.returned', { n: b.toFix.length })
        : et(`e.banner.${b.kind}`);
  const note = (text: string) => el('p', {}, text);
  return el(
    'section',
    { class: `alert alert-${b.kind}`, 'data-testid': 'status-banner', 'aria-label': title },
    el('p', { class: 'alert-title' }, title),
    b.kind === 'draft' ? note(et(b.editable ? 'e.banner.draftNote' : 'e.banner.draftLocked')) : null,
    b.kind === 'submitted' ? note(et('e.banner.submittedNote')) : null,
    b.kind === 'approved' && Math.abs(b.points - b.selfPoints) > 1e-9
      ? note(et('e.banner.approvedNote', { points: points(b.selfPoints) }))
      : null,
    b.kind === 'returned'
      ? el(
          'div',
          { 'data-testid': 'returned-notice' },
          b.comment ? note(et('e.banner.returnedNote', { comment: b.comment })) : null,
          b.toFix.length ? note(et('e.banner.returnedItems')) : null,
          b.toFix.length ? itemLinks(b.toFix.map((code) => ({ code, label: code }))) : null,
        )
      : null,
  );
}

/** A refused submit's summary: how many items, each a link to its card with the server's message. */
export function refusedSummary(items: RefusedItem[]) {
  if (!items.length) return null;
  return el(
    'div',
    { class: 'alert alert-error', role: 'alert', tabindex: '-1', 'data-testid': 'refused-summary' },
    el('p', { class: 'alert-title' }, et('e.refused.title', { n: items.length })),
    el('p', {}, et('e.refused.note')),
    itemLinks(
      items.map((i) => ({ code: i.code, label: `${i.code}. ${i.name}`, note: i.messages.join('; ') })),
    ),
  );
}

export function errorAlert(message: string) {
  return el('div', { class: 'alert alert-error', role: 'alert' }, message);
}

/** Total, band and per-main-index points of the (live or saved) score, with the broken rules above. */
export function scorePanel(opts: {
  score: UnitResult;
  mainIndices: MainIndex[];
  busy: boolean;
  title: string;
  violations: ConsistencyViolation[];
}) {
  const { score } = opts;
  const tag = intlTag(locale());
  const names = new Map(opts.mainIndices.map((m) => [m.code, named(m)]));
  const percent = Math.round((score.total.value ?? 0) * 100);
  return el(
    'section',
    { class: 'card score', 'aria-live': 'polite', 'aria-busy': opts.busy ? 'true' : 'false' },
    el(
      'div',
      { class: 'row' },
      el('h2', {}, opts.title),
      opts.busy ? el('span', { class: 'muted small' }, mt('m.computing')) : null,
    ),
    el(
      'p',
      { class: 'total' },
      el('span', { class: 'big', 'data-testid': 'score-total' }, points(score.total.points)),
      el('span', { class: 'muted' }, ` / ${points(score.total.applicableMax)}`),
    ),
    el(
      'p',
      { class: 'row small' },
      el('span', {}, `${mt('m.value')}: ${fmtValue(score.total.value, tag)}`),
      score.band ? el('span', { class: 'badge' }, named(score.band)) : null,
    ),
    el(
      'div',
      {
        class: 'bar',
        role: 'progressbar',
        'aria-label': mt('m.value'),
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(percent),
      },
      el('span', { style: `width:${Math.min(100, Math.max(0, percent))}%` }),
    ),
    opts.violations.length
      ? el(
          'div',
          { class: 'alert alert-error', 'data-testid': 'consistency-violations' },
          el('p', { class: 'alert-title' }, ct('c.broken')),
          el(
            'ul',
            {},
            ...opts.violations.map((v) =>
              el('li', {}, el('b', {}, v.codes.join(', ')), `: ${ruleMessage(v, locale())}`),
            ),
          ),
          el('p', { class: 'small' }, ct('c.brokenNote')),
        )
      : null,
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, mt('m.mainIndices')),
          el('th', { scope: 'col', class: 'num' }, mt('m.points')),
        ),
      ),
      el(
        'tbody',
        {},
        ...score.mainIndices.map((m) =>
          el(
            'tr',
            {},
            el('td', {}, names.get(m.code) ?? m.code),
            el(
              'td',
              { class: 'num', 'data-testid': `mi-${m.code}` },
              `${points(m.points)} / ${points(m.applicableMax)}`,
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * A modal question with two answers (native <dialog>: focus is kept inside, Escape cancels). It is removed
 * from the page once answered, so nothing stale stays behind.
 */
export function ask(opts: {
  title: string;
  body: string;
  cancel: string;
  ok: string;
  danger?: boolean;
  focusCancel?: boolean;
  onOk: () => void;
}) {
  const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
  const cancel = el('button', { type: 'button', class: 'btn' }, opts.cancel);
  const ok = el(
    'button',
    { type: 'button', class: opts.danger ? 'btn btn-danger' : 'btn btn-primary' },
    opts.ok,
  );
  const dialog = el(
    'dialog',
    { 'aria-labelledby': titleId },
    el('h2', { id: titleId }, opts.title),
    el('p', {}, opts.body),
    el('div', { class: 'actions' }, cancel, ok),
  );
  dialog.addEventListener('close', () => dialog.remove());
  cancel.addEventListener('click', () => dialog.close());
  ok.addEventListener('click', () => {
    dialog.close();
    opts.onOk();
  });
  document.body.append(dialog);
  dialog.showModal();
  (opts.focusCancel ? cancel : ok).focus();
}

/** A short notice at the bottom of the screen, read out by screen readers, gone after a few seconds. */
export function notice(message: string, tone: 'ok' | 'info' | 'error' = 'ok') {
  const box = document.getElementById('notices');
  if (!box) return;
  const item = el('p', { class: `notice notice-${tone}` }, message);
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}
