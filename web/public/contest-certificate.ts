import './contest.css';
import type { ContestCertificate } from '../../core/contracts/contest-outputs.js';
import { getLocale } from '../i18n/locale-store.js';
import { el } from '../lib/dom.js';

// Contest certificates on the public pages: the participant's own certificates (download buttons under the
// leaderboard, with the token kept on this phone) and the verify page a certificate's QR code opens
// (?contest-certificate=<code>): valid with the masked name, contest, round and prize — or plainly not valid.

const TEXTS = {
  vi: {
    mine: 'Giấy chứng nhận của bạn',
    download: 'Tải giấy chứng nhận {round} (PDF)',
    prize: 'Giải {prize}',
    participation: 'Chứng nhận tham gia',
    verifyTitle: 'Xác minh giấy chứng nhận',
    valid: 'Giấy chứng nhận hợp lệ',
    invalid: 'Mã này không hợp lệ: không có giấy chứng nhận nào mang mã này.',
    code: 'Mã xác minh',
    check: 'Kiểm tra',
    name: 'Người được chứng nhận',
    unit: 'Đơn vị',
    contest: 'Cuộc thi',
    round: 'Đợt thi',
    group: 'Bảng',
    rank: 'Xếp hạng',
    result: 'Kết quả',
    issued: 'Ngày cấp',
    error: 'Không tải được, vui lòng thử lại.',
    back: '← Trang chủ',
  },
  en: {
    mine: 'Your certificates',
    download: 'Download the certificate of {round} (PDF)',
    prize: '{prize} prize',
    participation: 'Participation certificate',
    verifyTitle: 'Verify a certificate',
    valid: 'This certificate is valid',
    invalid: 'This code is not valid: no certificate carries it.',
    code: 'Verification code',
    check: 'Check',
    name: 'Awarded to',
    unit: 'Unit',
    contest: 'Contest',
    round: 'Round',
    group: 'Group',
    rank: 'Rank',
    result: 'Result',
    issued: 'Issued on',
    error: 'Could not download, please try again.',
    back: '← Home',
  },
} as const;
type Key = keyof (typeof TEXTS)['vi'];
const TIERS = {
  vi: { first: 'Nhất', second: 'Nhì', third: 'Ba', consolation: 'Khuyến khích' },
  en: { first: 'First', second: 'Second', third: 'Third', consolation: 'Consolation' },
} as const;
const t = (key: Key, params: Record<string, string | number> = {}) =>
  TEXTS[getLocale()][key].replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));

const resultText = (c: { prize: ContestCertificate['prize']; kind: ContestCertificate['kind'] }) =>
  c.prize ? t('prize', { prize: TIERS[getLocale()][c.prize] }) : t('participation');

/** The download buttons of the participant's certificates (nothing when there are none). */
export async function myCertificates(slug: string, token: string): Promise<HTMLElement | null> {
  if (!token) return null;
  const res = await fetch(`/api/public/contests/${encodeURIComponent(slug)}/certificates`, {
    headers: { 'x-contest-token': token, 'accept-language': getLocale() },
  });
  if (!res.ok) return null;
  const { items } = (await res.json()) as {
    items: {
      roundKey: string;
      round: string;
      prize: ContestCertificate['prize'];
      kind: ContestCertificate['kind'];
    }[];
  };
  if (!items.length) return null;
  const box = el('div', { class: 'contest-certificates' }, el('h2', {}, t('mine')));
  const error = el('p', { class: 'contest-error', role: 'alert' });
  for (const c of items) {
    const b = el(
      'button',
      { type: 'button', class: 'contest-btn' },
      `${t('download', { round: c.round })} — ${resultText(c)}`,
    );
    b.addEventListener('click', async () => {
      error.textContent = '';
      const pdf = await fetch(
        `/api/public/contests/${encodeURIComponent(slug)}/certificate.pdf?round=${encodeURIComponent(c.roundKey)}`,
        { headers: { 'x-contest-token': token } },
      );
      if (!pdf.ok) {
        error.textContent = t('error');
        return;
      }
      const url = URL.createObjectURL(await pdf.blob());
      const a = el('a', { href: url, download: `chung-nhan-${slug}-${c.roundKey}.pdf` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
    box.append(b);
  }
  box.append(error);
  return box;
}

/** The public verify page: ?contest-certificate=<code>. */
export async function showCertificate(root: HTMLElement, code: string): Promise<void> {
  const input = el('input', {
    type: 'text',
    id: 'cert-code',
    value: code,
    autocomplete: 'off',
  }) as HTMLInputElement;
  const form = el(
    'form',
    { class: 'contest-form' },
    el('label', { for: 'cert-code' }, t('code')),
    input,
    el('button', { type: 'submit', class: 'contest-btn contest-btn-light' }, t('check')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.search = `?contest-certificate=${encodeURIComponent(input.value.trim())}`;
  });
  let answer: HTMLElement;
  const res = code
    ? await fetch(`/api/public/contest-certificates/${encodeURIComponent(code)}`, {
        headers: { 'accept-language': getLocale() },
      })
    : null;
  if (res?.ok) {
    const c = (await res.json()) as ContestCertificate;
    const row = (label: string, value: Node | string) => [el('dt', {}, label), el('dd', {}, value)];
    answer = el(
      'div',
      { class: 'contest-verified', role: 'status' },
      el('p', { class: 'contest-valid' }, `✓ ${t('valid')}`),
      el(
        'dl',
        { class: 'contest-cert' },
        ...row(t('name'), c.name),
        ...(c.unitName ? row(t('unit'), c.unitName) : []),
        ...row(t('contest'), el('a', { href: `/?contest=${encodeURIComponent(c.contestSlug)}` }, c.contest)),
        ...row(t('round'), c.round),
        ...row(t('group'), c.group),
        ...row(t('rank'), String(c.rank)),
        ...row(t('result'), resultText(c)),
        ...row(t('issued'), new Date(c.issuedAt).toLocaleDateString('vi-VN')),
      ),
    );
  } else answer = el('p', { class: 'contest-error', role: 'alert' }, code ? `✗ ${t('invalid')}` : '');
  root.replaceChildren(
    el(
      'section',
      { class: 'contest' },
      el('a', { href: '/', class: 'contest-back' }, t('back')),
      el('h1', { tabindex: '-1' }, t('verifyTitle')),
      answer,
      form,
    ),
  );
  root.querySelector('h1')?.focus();
}
