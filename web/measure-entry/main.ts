import './entry.css';
import type { Period, SubmissionView } from '../../core/contracts/measure.js';
import type { ComponentValue, UnitResult } from '../../core/contracts/measure-framework.js';
import { consistencyViolations, violationsByComponent } from '../../core/measure/consistency-violations.js';
import { fetchSession } from '../features/auth/auth-api.js';
import {
  errorsByComponent,
  refusedItems,
  savedAtLabel,
  withoutSaved,
} from '../features/measure/entry-status.js';
import { componentsOf, mainIndicesOf } from '../features/measure/framework-parts.js';
import { type FrameworkDetail, measureApi, type ValuesMap } from '../features/measure/measure-api.js';
import { getLocale, setLocale } from '../i18n/locale-store.js';
import { ApiError, postFile, setUnauthenticatedHandler } from '../lib/api-client.js';
import { el } from '../lib/dom.js';
import { type Card, componentCard, type EvidenceActions } from './cards.js';
import { ask, errorAlert, notice, refusedSummary, scorePanel, statusBadge, statusBanner } from './panels.js';
import { et, mt, named } from './texts.js';

// The officer's entry form as a light page (no React, no Mantine; issue 10): a commune official on a cheap
// phone over a mobile network reaches the form after a few tens of kilobytes instead of the staff app's
// quarter megabyte. Same API, same texts and the same pure rules as the staff app (entry-status,
// consistency checks, explanations), so the two never disagree.
//
// State lives here; the page is built whole when the submission changes (load, submit, evidence, KPI fill)
// and updated in place as the officer types (points, errors, broken rules, score, save state), so an input
// is never replaced under the cursor and nothing typed is lost.

const AUTOSAVE_MS = 1500;
const PREVIEW_MS = 400;

const match = /^\/app\/measure\/periods\/(\d+)\/units\/(\d+)\/entry\/?$/.exec(location.pathname);
const periodId = Number(match?.[1]);
const unitId = Number(match?.[2]);

type State = {
  view: SubmissionView;
  period: Period;
  framework: FrameworkDetail;
  edits: ValuesMap;
  savedAt: Date | null;
  saving: boolean;
  saveError: unknown;
  /** The edits the last save attempt sent (a refused save is not retried until something changes). */
  attempted: ValuesMap | null;
  preview: UnitResult | null;
  previewBusy: boolean;
  previewError: unknown;
  submitting: boolean;
  submitError: unknown;
};

let state: State | null = null;
let cards = new Map<string, Card>();
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewSeq = 0;

const root = document.getElementById('main') as HTMLElement;
const parts = {
  banner: el('div', {}),
  refused: el('div', {}),
  error: el('div', {}),
  score: el('div', {}),
  saveState: el('p', { class: 'small muted', role: 'status', 'data-testid': 'save-state' }),
  saveButton: el('button', { type: 'button', class: 'btn' }),
  submitButton: el('button', { type: 'button', class: 'btn btn-primary' }),
};

const dirty = () => !!state?.view.actions.canEdit && Object.keys(state.edits).length > 0;

function entered(s: State, code: string): ComponentValue | null {
  if (code in s.edits) return s.edits[code] ?? null;
  return (s.view.components.find((r) => r.code === code)?.value as ComponentValue | null) ?? null;
}

/** The server's own words for a refused request; a request that never reached it is a lost connection. */
function messageOf(error: unknown, unreachable: 'e.loadFailed' | 'e.offline' = 'e.loadFailed'): string {
  if (error instanceof ApiError) return error.message;
  return et(unreachable);
}

// --- what changes as the officer types

function refresh() {
  const s = state;
  if (!s) return;
  const fw = s.framework.definition;
  const components = componentsOf(fw);
  const codes = components.map((c) => c.code);
  const approved = s.view.status === 'approved' && s.view.appraisedScore;
  const score =
    (approved
      ? s.view.appraisedScore
      : Object.keys(s.edits).length && s.preview
        ? s.preview
        : s.view.selfScore) ?? s.view.selfScore;
  const results = new Map(score.components.map((c) => [c.code, c]));
  const lastError = s.submitError ?? s.saveError ?? s.previewError;
  const errors = errorsByComponent(lastError, codes);
  const hasFieldErrors = Object.keys(errors).length > 0;
  // The same check the server runs on submit, over saved values overlaid with unsaved edits.
  const violations = consistencyViolations(fw, Object.fromEntries(codes.map((c) => [c, entered(s, c)])));
  const brokenBy = violationsByComponent(violations);
  for (const c of components)
    cards.get(c.code)?.update({
      result: results.get(c.code),
      error: errors[c.code],
      evidenceError: errors[`evidence:${c.code}`],
      broken: brokenBy.get(c.code),
    });
  parts.score.replaceChildren(
    scorePanel({
      score,
      mainIndices: mainIndicesOf(fw),
      busy: s.previewBusy,
      title: approved ? mt('m.appraisedPoints') : mt('m.livePreview'),
      violations,
    }),
  );
  parts.error.replaceChildren(
    lastError && !hasFieldErrors ? errorAlert(messageOf(lastError, 'e.offline')) : '',
  );
  const lastSaved =
    s.savedAt ??
    s.view.components.reduce<Date | null>((latest, r) => {
      const at = r.updatedAt ? new Date(r.updatedAt) : null;
      return at && (!latest || at > latest) ? at : latest;
    }, null);
  parts.saveState.textContent = s.saving
    ? et('e.saving')
    : s.saveError && hasFieldErrors
      ? et('e.saveFailed')
      : dirty()
        ? et('e.unsaved')
        : lastSaved
          ? et('e.savedAt', { time: savedAtLabel(lastSaved) })
          : '';
  parts.saveButton.disabled = !dirty() || s.saving;
  parts.submitButton.disabled = s.submitting || (!s.view.actions.canSubmit && !dirty());
}

function change(code: string, value: ComponentValue | null) {
  if (!state) return;
  state.edits = { ...state.edits, [code]: value };
  state.submitError = null;
  clearTimeout(saveTimer);
  clearTimeout(previewTimer);
  saveTimer = setTimeout(() => void save(), AUTOSAVE_MS);
  previewTimer = setTimeout(() => void preview(), PREVIEW_MS);
  refresh();
}

async function preview() {
  const s = state;
  if (!s || !Object.keys(s.edits).length) return;
  const seq = ++previewSeq;
  s.previewBusy = true;
  refresh();
  try {
    const result = await measureApi.preview(periodId, unitId, { values: s.edits });
    if (seq !== previewSeq) return;
    s.preview = result;
    s.previewError = null;
  } catch (error) {
    if (seq === previewSeq) s.previewError = error;
  } finally {
    if (seq === previewSeq) s.previewBusy = false;
    refresh();
  }
}

/** Saves what is pending; values typed while the save was in flight stay pending for the next one. */
async function save(force = false): Promise<boolean> {
  const s = state;
  if (!s?.view.actions.canEdit || s.saving) return false;
  const sent = s.edits;
  if (!Object.keys(sent).length) return true;
  if (!force && s.attempted === sent) return false;
  s.attempted = sent;
  s.saving = true;
  refresh();
  try {
    s.view = await measureApi.saveValues(periodId, unitId, { values: sent });
    s.edits = withoutSaved(s.edits, sent);
    s.savedAt = new Date();
    s.saveError = null;
    return true;
  } catch (error) {
    s.saveError = error;
    return false;
  } finally {
    s.saving = false;
    refresh();
    // Typed during the save: their own timer may have fired while this one was in flight.
    if (Object.keys(s.edits).length && s.edits !== s.attempted)
      saveTimer = setTimeout(() => void save(), AUTOSAVE_MS);
  }
}

async function submit() {
  const s = state;
  if (!s) return;
  clearTimeout(saveTimer);
  s.submitting = true;
  refresh();
  try {
    // An autosave in flight finishes first; what is still pending then goes with the submit.
    while (s.saving) await new Promise((resolve) => setTimeout(resolve, 50));
    if (Object.keys(s.edits).length && !(await save(true))) throw s.saveError;
    s.view = await measureApi.submit(periodId, unitId);
    s.submitError = null;
    s.edits = {};
    s.preview = null;
    notice(mt('m.submitted'));
    build();
  } catch (error) {
    s.submitError = error;
    refresh();
    showRefused();
  } finally {
    s.submitting = false;
    refresh();
  }
}

/** The officer pressed submit beside the form: bring the reasons to where they can be read. */
function showRefused() {
  const s = state;
  if (!s) return;
  const items = refusedItems(s.submitError, componentsOf(s.framework.definition), getLocale());
  const summary = refusedSummary(items);
  parts.refused.replaceChildren(summary ?? '');
  if (summary) {
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  }
}

// --- evidence and KPI fill: they change the submission, so the page is rebuilt from the server's view

async function reload() {
  if (!state) return;
  state.view = await measureApi.submission(periodId, unitId);
  build();
}

let csrf = '';
const evidenceActions: EvidenceActions = {
  url: (id) => measureApi.evidenceUrl(periodId, unitId, id),
  async upload(code, file) {
    try {
      const uploaded = await postFile<{ id: string }>('/api/files', file, csrf);
      await measureApi.addEvidence(periodId, unitId, { componentCode: code, fileId: uploaded.id });
      await reload();
    } catch (error) {
      notice(messageOf(error), 'error');
    }
  },
  async cite(code, document) {
    try {
      await measureApi.addEvidence(periodId, unitId, { componentCode: code, document });
      await reload();
      return {};
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (!Object.keys(fields).length) notice(messageOf(error), 'error');
      return fields;
    }
  },
  async remove(id) {
    try {
      await measureApi.removeEvidence(periodId, unitId, id);
      await reload();
    } catch (error) {
      notice(messageOf(error), 'error');
    }
  },
};

function kpiButton(s: State) {
  if (!s.view.actions.canEdit || !componentsOf(s.framework.definition).some((c) => c.kpiCode)) return null;
  const button = el(
    'button',
    { type: 'button', class: 'btn', 'data-testid': 'kpi-prefill' },
    mt('m.kpiPrefill'),
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { prefilled, missing, ...view } = await measureApi.prefillFromKpis(periodId, unitId);
      s.view = view;
      notice(mt('m.kpiPrefilled', { n: prefilled.length }));
      if (missing.length)
        notice(mt('m.kpiMissing', { codes: missing.map((m) => m.code).join(', ') }), 'info');
      build();
    } catch (error) {
      notice(messageOf(error), 'error');
      button.disabled = false;
    }
  });
  return button;
}

// --- the page

function header() {
  const lang = el(
    'button',
    {
      type: 'button',
      class: 'lang',
      lang: getLocale() === 'vi' ? 'en' : 'vi',
      'aria-label': et('e.langLabel'),
    },
    et('e.lang'),
  );
  lang.addEventListener('click', () => {
    setLocale(getLocale() === 'vi' ? 'en' : 'vi');
    build();
  });
  return el(
    'header',
    { class: 'top' },
    el('a', { class: 'brand', href: '/app/', 'aria-label': et('e.brand') }, 'DXBoard'),
    el(
      'nav',
      { 'aria-label': et('e.nav') },
      el('a', { href: '/app/' }, et('e.nav.home')),
      el('a', { href: '/app/measure' }, et('e.nav.measure')),
    ),
    lang,
  );
}

function build() {
  const s = state;
  if (!s) return;
  document.documentElement.lang = getLocale();
  const fw = s.framework.definition;
  const canEdit = s.view.actions.canEdit;
  document.title = `${s.view.unitName} – ${s.period.name} – DXBoard`;
  cards = new Map();
  const sections = mainIndicesOf(fw).map((mi) =>
    el(
      'section',
      { class: 'mi', 'aria-labelledby': `mi-title-${mi.code}` },
      el(
        'h2',
        { id: `mi-title-${mi.code}` },
        `${named(mi)} (${mi.maxPoints.toLocaleString('vi-VN')} ${mt('m.points').toLowerCase()})`,
      ),
      ...mi.components.map((c) => {
        const card = componentCard({
          component: c,
          row: s.view.components.find((r) => r.code === c.code),
          value: entered(s, c.code),
          canEdit,
          actions: evidenceActions,
          onChange: (v) => change(c.code, v),
        });
        cards.set(c.code, card);
        return card.root;
      }),
    ),
  );
  parts.banner.replaceChildren(statusBanner(s.view));
  parts.refused.replaceChildren();
  parts.saveButton.textContent = mt('m.saveDraft');
  parts.submitButton.textContent = mt('m.submit');
  const side = el(
    'aside',
    { class: 'side' },
    parts.score,
    canEdit ? el('div', { class: 'row actions' }, parts.saveButton, parts.submitButton) : null,
    canEdit ? parts.saveState : null,
    kpiButton(s),
  );
  root.replaceChildren(
    header(),
    el('div', { class: 'title' }, el('h1', {}, s.view.unitName), statusBadge(s.view.status)),
    el('p', { class: 'muted' }, s.period.name),
    parts.banner,
    parts.refused,
    parts.error,
    el('div', { class: 'layout' }, el('div', { class: 'items' }, ...sections), side),
  );
  refresh();
}

parts.saveButton.addEventListener('click', () => {
  clearTimeout(saveTimer);
  void save(true);
});
parts.submitButton.addEventListener('click', () =>
  ask({
    title: et('e.confirm.title'),
    body: et('e.confirm.body'),
    cancel: et('e.confirm.cancel'),
    ok: et('e.confirm.ok'),
    onOk: () => void submit(),
  }),
);

// Leaving with unsaved values asks first: links on the page through a dialog, reload or closing the tab
// through the browser's own question.
root.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a[href]') as HTMLAnchorElement | null;
  if (!link || !dirty() || link.getAttribute('href')?.startsWith('#') || link.target) return;
  if (link.href.includes('/submission/evidence/')) return;
  event.preventDefault();
  ask({
    title: et('e.leave.title'),
    body: et('e.leave.body'),
    cancel: et('e.leave.stay'),
    ok: et('e.leave.go'),
    danger: true,
    focusCancel: true,
    onOk: () => {
      if (state) state.edits = {};
      location.assign(link.href);
    },
  });
});
// Values typed without a connection are saved as soon as it returns.
window.addEventListener('online', () => {
  if (dirty()) void save(true);
});
window.addEventListener('beforeunload', (event) => {
  if (!dirty()) return;
  event.preventDefault();
  event.returnValue = '';
});

function signInAgain() {
  location.assign(`/app/login?next=${encodeURIComponent(location.pathname.replace(/^\/app/, ''))}`);
}

async function load() {
  root.replaceChildren(header(), el('p', { class: 'muted', role: 'status' }, et('e.loading')));
  try {
    csrf = (await fetchSession()).csrfToken;
    const [view, period] = await Promise.all([
      measureApi.submission(periodId, unitId),
      measureApi.period(periodId),
    ]);
    const framework = await measureApi.framework(period.frameworkId);
    state = {
      view,
      period,
      framework,
      edits: {},
      savedAt: null,
      saving: false,
      saveError: null,
      attempted: null,
      preview: null,
      previewBusy: false,
      previewError: null,
      submitting: false,
      submitError: null,
    };
    build();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signInAgain();
    const retry = el('button', { type: 'button', class: 'btn' }, et('e.retry'));
    retry.addEventListener('click', () => void load());
    root.replaceChildren(header(), errorAlert(messageOf(error)), retry);
  }
}

setUnauthenticatedHandler(signInAgain);
void load();
