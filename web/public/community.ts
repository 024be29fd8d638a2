import './community.css';
import type { Locale } from '../../core/i18n/locale.js';
import { getLocale, subscribeLocale } from '../i18n/locale-store.js';
import { el } from '../lib/dom.js';

// "Tìm tổ công nghệ số gần bạn" (?community or ?community=<communeId>): the communes with teams, then a commune's
// active teams with the leader's name and a masked phone. Plain DOM, phone first, no framework.

type Commune = { id: number; name: string; teams: number };
type Team = {
  id: number;
  name: string;
  villageName: string;
  members: number;
  contactName: string | null;
  contactPhone: string | null;
  activitiesThisYear: number;
};
type Teams = { communeId: number; communeName: string; asOf: string; items: Team[] };

const TEXTS = {
  vi: {
    title: 'Tìm tổ công nghệ số gần bạn',
    intro:
      'Tổ công nghệ số cộng đồng ở mỗi thôn, tổ dân phố hướng dẫn người dân cài VNeID mức 2, dịch vụ công trực tuyến, thanh toán không dùng tiền mặt và an toàn trên mạng.',
    commune: 'Chọn xã, phường',
    choose: '— Chọn —',
    teams: '{n} tổ',
    members: '{n} thành viên',
    activities: '{n} hoạt động năm nay',
    contact: 'Liên hệ',
    none: 'Xã này chưa có tổ đang hoạt động.',
    empty: 'Chưa có xã nào công bố tổ công nghệ số.',
    error: 'Không tải được dữ liệu. Vui lòng thử lại.',
    source:
      'Nguồn: Sổ Tổ công nghệ số cộng đồng của UBND xã, cập nhật {date}. Số điện thoại được che một phần.',
    back: '← Trang chủ',
  },
  en: {
    title: 'Find a community digital technology team near you',
    intro:
      'Community digital technology teams in every village help people with VNeID level 2, online public services, cashless payment and online safety.',
    commune: 'Choose a commune',
    choose: '— Choose —',
    teams: '{n} teams',
    members: '{n} members',
    activities: '{n} activities this year',
    contact: 'Contact',
    none: 'This commune has no active team yet.',
    empty: 'No commune has published its teams yet.',
    error: 'Could not load the data. Please try again.',
    source: "Source: the commune's community team registry, as of {date}. Phone numbers are partly hidden.",
    back: '← Home',
  },
} satisfies Record<Locale, Record<string, string>>;
type Key = keyof (typeof TEXTS)['vi'];

const text = (key: Key, params: Record<string, string | number> = {}) =>
  TEXTS[getLocale()][key].replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));

function dateText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export async function showCommunity(root: HTMLElement, communeId: number | null): Promise<void> {
  let communes: Commune[] = [];
  let teams: Teams | null = null;
  let failed = false;
  let selected = communeId;

  async function loadTeams(id: number) {
    teams = null;
    const res = await fetch(`/api/public/community/teams?communeId=${id}`).catch(() => null);
    failed = !res?.ok;
    teams = res?.ok ? ((await res.json()) as Teams) : null;
  }

  function render() {
    const select = el('select', { id: 'community-commune', class: 'community-select' });
    select.append(el('option', { value: '' }, text('choose')));
    for (const c of communes) {
      const option = el('option', { value: String(c.id) }, `${c.name} (${text('teams', { n: c.teams })})`);
      if (c.id === selected) option.setAttribute('selected', '');
      select.append(option);
    }
    select.addEventListener('change', async () => {
      selected = Number(select.value) || null;
      history.replaceState(null, '', selected ? `/?community=${selected}` : '/?community');
      if (selected) await loadTeams(selected);
      else teams = null;
      render();
    });
    const list = el('ul', { class: 'community-teams' });
    for (const tm of teams?.items ?? []) {
      list.append(
        el(
          'li',
          { class: 'community-team' },
          el('h3', {}, tm.name),
          el('p', { class: 'community-village' }, tm.villageName),
          el(
            'p',
            { class: 'community-meta' },
            `${text('members', { n: tm.members })} · ${text('activities', { n: tm.activitiesThisYear })}`,
          ),
          tm.contactName
            ? el(
                'p',
                { class: 'community-contact' },
                `${text('contact')}: ${tm.contactName}${tm.contactPhone ? ` · ${tm.contactPhone}` : ''}`,
              )
            : null,
        ),
      );
    }
    root.replaceChildren(
      el(
        'section',
        { class: 'community', 'aria-labelledby': 'community-title' },
        el('a', { href: '/', class: 'community-back' }, text('back')),
        el('h1', { id: 'community-title' }, text('title')),
        el('p', {}, text('intro')),
        failed ? el('p', { class: 'community-error', role: 'alert' }, text('error')) : null,
        communes.length === 0 && !failed ? el('p', {}, text('empty')) : null,
        communes.length > 0 ? el('label', { for: 'community-commune' }, text('commune')) : null,
        communes.length > 0 ? select : null,
        teams && teams.items.length === 0 ? el('p', {}, text('none')) : null,
        list,
        teams ? el('p', { class: 'community-source' }, text('source', { date: dateText(teams.asOf) })) : null,
      ),
    );
  }

  const res = await fetch('/api/public/community/communes').catch(() => null);
  failed = !res?.ok;
  communes = res?.ok ? ((await res.json()) as { items: Commune[] }).items : [];
  if (selected) await loadTeams(selected);
  render();
  subscribeLocale(() => render());
}
