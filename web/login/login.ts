import './login.css';
import type { Locale } from '../../core/i18n/locale.js';
import { getLocale, setLocale } from '../i18n/locale-store.js';
import { signInEn, signInVi } from '../i18n/sign-in.js';

// The staff sign-in page as a light entry (no React, no Mantine): officials on a phone over a slow network
// reach the form after a few kilobytes, and the staff app loads only once they are signed in. It posts to the
// same /api/auth/login as before and shows the server's problem+json in the chosen language.

type Key = keyof typeof signInVi;
const TEXTS: Record<Locale, Record<Key, string>> = { vi: signInVi, en: signInEn };
const text = (key: Key) => TEXTS[getLocale()][key];

type FieldProblem = { field: string; message: string };
type Problem = { title?: string; detail?: string; errors?: FieldProblem[] };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('form');
const email = byId<HTMLInputElement>('email');
const password = byId<HTMLInputElement>('password');
const submit = byId<HTMLButtonElement>('submit');
const alertBox = byId<HTMLDivElement>('alert');

/** Only same-app paths are followed after sign-in, never another site (open redirect). */
function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next');
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/app/';
  return next === '/app' || next.startsWith('/app/') ? next : `/app${next}`;
}

function applyTexts() {
  const locale = getLocale();
  document.documentElement.lang = locale;
  document.title = `DXBoard – ${text('auth.title')}`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = text(el.dataset.i18n as Key);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]'))
    el.setAttribute('aria-label', text(el.dataset.i18nLabel as Key));
  byId('lang-switch').setAttribute('lang', locale === 'vi' ? 'en' : 'vi');
}

function showErrors(problem: Problem | null, fallback: string) {
  const fields: Record<string, string> = {};
  for (const e of problem?.errors ?? []) fields[e.field.replace(/^(body|query|params)\./, '')] ??= e.message;
  for (const input of [email, password]) {
    const box = byId(`${input.id}-error`);
    const message = fields[input.id];
    box.textContent = message ?? '';
    box.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  const general = Object.keys(fields).length ? '' : (problem?.detail ?? problem?.title ?? fallback);
  alertBox.textContent = general;
  alertBox.hidden = !general;
  (fields.email ? email : fields.password ? password : email).focus();
}

async function signIn(event: SubmitEvent) {
  event.preventDefault();
  if (submit.disabled) return;
  submit.disabled = true;
  submit.textContent = text('auth.signingIn');
  try {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': getLocale(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email: email.value.trim(), password: password.value }),
    });
    if (response.ok) {
      location.replace(nextPath());
      return;
    }
    const problem = (await response.json().catch(() => null)) as Problem | null;
    showErrors(problem, response.statusText || text('auth.offline'));
  } catch {
    showErrors(null, text('auth.offline'));
  }
  // What was typed stays: only the button comes back.
  submit.disabled = false;
  submit.textContent = text('auth.submit');
}

async function alreadySignedIn() {
  // A signed-in visitor (a bookmark, the back button) goes straight on.
  const me = await fetch('/api/auth/me', { credentials: 'same-origin' }).catch(() => null);
  if (me?.ok) location.replace(nextPath());
}

applyTexts();
form.addEventListener('submit', (e) => void signIn(e));
// Show or hide what was typed (a phone keyboard makes typos easy); the button's words follow the state.
const show = byId<HTMLButtonElement>('show');
show.addEventListener('click', () => {
  const visible = password.type === 'password';
  password.type = visible ? 'text' : 'password';
  show.setAttribute('aria-pressed', String(visible));
  show.dataset.i18n = visible ? 'auth.hide' : 'auth.show';
  show.textContent = text(show.dataset.i18n as Key);
});
byId('lang-switch').addEventListener('click', () => {
  setLocale(getLocale() === 'vi' ? 'en' : 'vi');
  applyTexts();
});
void alreadySignedIn();
