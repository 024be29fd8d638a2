import type { Evidence, SubmissionView } from '../../core/contracts/measure.js';
import type { Component, ComponentResult, ComponentValue } from '../../core/contracts/measure-framework.js';
import type { ConsistencyViolation } from '../../core/measure/consistency-violations.js';
import { describeExplanation } from '../../core/measure/messages.js';
import { ruleMessage } from '../features/measure/consistency-texts.js';
import { appraisalCut, itemAnchor } from '../features/measure/entry-status.js';
import { el } from '../lib/dom.js';
import { formatDate } from '../lib/format.js';
import { componentInput } from './inputs.js';
import { ct, et, locale, mt, named, points } from './texts.js';

// One component of the entry form: input, points (self and appraised), the appraiser's comment and the
// evidence (editable while the submission is, listed read-only afterwards). The card is built once; what
// changes as the officer types (points, errors, broken rules, explanation) is updated in place, so the input
// being typed in is never replaced.

type Row = SubmissionView['components'][number];

export type EvidenceActions = {
  url: (evidenceId: number) => string;
  upload: (code: string, file: File) => Promise<void>;
  cite: (
    code: string,
    doc: { number: string; date: string; title: string },
  ) => Promise<Record<string, string>>;
  remove: (evidenceId: number) => Promise<void>;
};

type CardLive = {
  result: ComponentResult | undefined;
  error?: string;
  evidenceError?: string;
  broken?: ConsistencyViolation[];
};

export type Card = { root: HTMLElement; update: (live: CardLive) => void };

export function evidenceList(
  evidence: Evidence[],
  url: (id: number) => string,
  onRemove?: (id: number) => void,
) {
  if (!evidence.length) return el('p', { class: 'muted small' }, mt('m.noEvidence'));
  return el(
    'ul',
    { class: 'evidence' },
    ...evidence.map((e) => {
      const remove = onRemove
        ? el(
            'button',
            {
              type: 'button',
              class: 'icon',
              'aria-label': `${mt('m.remove')} ${e.fileName ?? e.document?.number ?? ''}`.trim(),
            },
            '×',
          )
        : null;
      remove?.addEventListener('click', () => onRemove?.(e.id));
      return el(
        'li',
        {},
        e.fileId
          ? el('a', { href: url(e.id) }, e.fileName ?? '')
          : el(
              'span',
              {},
              e.document
                ? `${e.document.number}, ${formatDate(e.document.date, locale())}: ${e.document.title}`
                : '',
            ),
        remove,
      );
    }),
  );
}

function evidenceEditor(code: string, evidence: Evidence[], actions: EvidenceActions, errorBox: HTMLElement) {
  const file = el('input', {
    type: 'file',
    class: 'visually-hidden',
    accept: 'application/pdf,image/*,.docx,.xlsx',
    tabindex: '-1',
    'aria-hidden': 'true',
  });
  const upload = el('button', { type: 'button', class: 'btn btn-small' }, mt('m.upload'));
  const citeToggle = el(
    'button',
    { type: 'button', class: 'btn btn-small', 'aria-expanded': 'false' },
    mt('m.cite'),
  );
  const busy = (button: HTMLButtonElement, on: boolean) => {
    button.disabled = on;
    button.setAttribute('aria-busy', on ? 'true' : 'false');
  };
  upload.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    busy(upload, true);
    try {
      await actions.upload(code, chosen);
    } finally {
      busy(upload, false);
      file.value = '';
    }
  });
  const id = `cite-${itemAnchor(code)}`;
  const field = (name: 'number' | 'date' | 'title', label: string, type = 'text') => {
    const input = el('input', { id: `${id}-${name}`, type, 'aria-describedby': `${id}-${name}-error` });
    const error = el('p', { class: 'field-error', id: `${id}-${name}-error`, hidden: '' });
    return {
      input,
      error,
      box: el('div', { class: 'field' }, el('label', { for: input.id }, label), input, error),
    };
  };
  const number = field('number', mt('m.docNumber'));
  const date = field('date', mt('m.docDate'), 'date');
  const title = field('title', mt('m.docTitle'));
  const add = el('button', { type: 'button', class: 'btn btn-small btn-primary' }, mt('m.add'));
  const citeForm = el('div', { class: 'cite', hidden: '' }, number.box, date.box, title.box, add);
  citeToggle.addEventListener('click', () => {
    citeForm.hidden = !citeForm.hidden;
    citeToggle.setAttribute('aria-expanded', String(!citeForm.hidden));
    if (!citeForm.hidden) number.input.focus();
  });
  add.addEventListener('click', async () => {
    busy(add, true);
    try {
      const errors = await actions.cite(code, {
        number: number.input.value,
        date: date.input.value,
        title: title.input.value,
      });
      for (const [name, f] of [
        ['number', number],
        ['date', date],
        ['title', title],
      ] as const) {
        const message = errors[`document.${name}`];
        f.error.textContent = message ?? '';
        f.error.hidden = !message;
        f.input.toggleAttribute('aria-invalid', !!message);
      }
    } finally {
      busy(add, false);
    }
  });
  return el(
    'div',
    { class: 'evidence-editor' },
    el('p', { class: 'strong small' }, mt('m.evidence')),
    evidenceList(evidence, actions.url, (evidenceId) => void actions.remove(evidenceId)),
    errorBox,
    el('div', { class: 'row' }, upload, citeToggle, file),
    citeForm,
  );
}

export function componentCard(opts: {
  component: Component;
  row: Row | undefined;
  value: ComponentValue | null;
  canEdit: boolean;
  actions: EvidenceActions;
  onChange: (value: ComponentValue | null) => void;
}): Card {
  const { component: c, row, canEdit } = opts;
  const anchor = itemAnchor(c.code);
  const needsFix = !!row?.needsFix;
  const cut = appraisalCut(row);
  const isFormula = c.rule.kind === 'formula';
  let isNa = !!opts.value && 'notApplicable' in opts.value;

  const pointsBadge = el('span', { class: 'badge badge-points', 'data-testid': `points-${c.code}` });
  const errorId = `${anchor}-error`;
  const errorBox = el('p', { class: 'field-error', id: errorId, hidden: '' });
  const evidenceError = el('p', { class: 'field-error', role: 'alert', hidden: '' });
  const brokenBox = el('ul', { class: 'broken', hidden: '', 'data-testid': `consistency-${c.code}` });
  const explain = el('p', { class: 'small muted', 'data-testid': `explain-${c.code}` });
  const notForUnitBox = el('p', { class: 'small muted', hidden: '' }, mt('m.notForUnit'));

  // The value input, and "Không áp dụng" which swaps it out while on.
  const inputSlot = el('div', {});
  const showInput = () => {
    inputSlot.replaceChildren(
      isNa
        ? ''
        : componentInput({
            component: c,
            value: isNa ? null : opts.value,
            disabled: !canEdit,
            errorId,
            onChange: opts.onChange,
          }),
    );
  };
  const naId = `${anchor}-na`;
  const na = el('input', { type: 'checkbox', role: 'switch', id: naId });
  na.checked = isNa;
  na.disabled = !canEdit;
  na.addEventListener('change', () => {
    isNa = na.checked;
    opts.value = null;
    showInput();
    opts.onChange(isNa ? { notApplicable: true } : null);
  });
  showInput();

  const entry = isFormula
    ? el('p', { class: 'small muted' }, mt('m.formulaAuto'))
    : el(
        'div',
        { class: 'entry' },
        inputSlot,
        brokenBox,
        el('label', { class: 'switch', for: naId }, na, el('span', {}, mt('m.notApplicable'))),
        errorBox,
      );

  const root = el(
    'article',
    {
      class: `card item${needsFix ? ' item-fix' : ''}`,
      id: anchor,
      tabindex: '-1',
      'data-testid': `component-${c.code}`,
      'aria-labelledby': `${anchor}-title`,
    },
    el(
      'div',
      { class: 'item-head' },
      el(
        'div',
        {},
        el('h3', { id: `${anchor}-title` }, `${c.code}. ${named(c)}`),
        c.requiredEvidence
          ? el('p', { class: 'small muted' }, `${mt('m.evidenceRequired')}: ${c.requiredEvidence}`)
          : null,
      ),
      el(
        'div',
        { class: 'badges' },
        needsFix ? el('span', { class: 'badge badge-returned' }, mt('m.toFix')) : null,
        c.kpiCode
          ? el(
              'span',
              {
                class: 'badge badge-kpi',
                title: mt('m.kpiBadgeTitle', { kpi: c.kpiCode }),
                'data-testid': `kpi-badge-${c.code}`,
              },
              mt('m.kpiBadge'),
            )
          : null,
        pointsBadge,
      ),
    ),
    cut
      ? el(
          'p',
          { class: 'small', 'data-testid': `appraised-${c.code}` },
          `${et('e.self')}: `,
          el('s', {}, points(cut.self)),
          ` → ${et('e.appraised')}: `,
          el('b', {}, et('e.points', { points: points(cut.appraised) })),
        )
      : null,
    row?.appraisalComment
      ? el(
          'div',
          { class: `alert ${needsFix ? 'alert-error' : 'alert-info'}`, 'data-testid': `comment-${c.code}` },
          el('p', { class: 'alert-title' }, et('e.comment')),
          el('p', {}, row.appraisalComment),
        )
      : null,
    notForUnitBox,
    entry,
    explain,
    isFormula
      ? null
      : canEdit
        ? evidenceEditor(c.code, row?.evidence ?? [], opts.actions, evidenceError)
        : row?.evidence.length
          ? el(
              'div',
              { 'data-testid': `evidence-${c.code}` },
              el('p', { class: 'strong small' }, et('e.evidenceSubmitted')),
              evidenceList(row.evidence, opts.actions.url),
            )
          : null,
  );

  return {
    root,
    update(live) {
      const notForUnit = live.result?.explanation.code === 'not_applicable_to_unit';
      notForUnitBox.hidden = !notForUnit;
      if (!isFormula) entry.hidden = notForUnit;
      pointsBadge.textContent = `${points(live.result?.points ?? 0)} / ${points(c.maxPoints)}`;
      const error = live.error ?? '';
      errorBox.textContent = error;
      errorBox.hidden = !error;
      root.classList.toggle('item-error', !!error);
      for (const input of inputSlot.querySelectorAll('input, select'))
        input.toggleAttribute('aria-invalid', !!error || !!live.broken?.length);
      evidenceError.textContent = live.evidenceError ?? '';
      evidenceError.hidden = !live.evidenceError;
      const broken = live.broken ?? [];
      brokenBox.hidden = !broken.length;
      brokenBox.replaceChildren(
        ...broken.map((v) =>
          el(
            'li',
            {},
            ruleMessage(v, locale()),
            // Name the other components only when the rule is about more than this one.
            v.codes.length > 1
              ? el('span', { class: 'muted' }, ` (${ct('c.involves', { codes: v.codes.join(', ') })})`)
              : null,
          ),
        ),
      );
      if (!broken.length) brokenBox.remove();
      else if (!brokenBox.isConnected) inputSlot.after(brokenBox);
      // After a cut the self-vs-appraised line says it; the engine's explanation would only name the override.
      const explanation = live.result && !cut ? describeExplanation(live.result.explanation, locale()) : '';
      explain.textContent = explanation;
      explain.hidden = !explanation;
      explain.classList.toggle('warn', live.result?.status === 'not_evaluable');
    },
  };
}
