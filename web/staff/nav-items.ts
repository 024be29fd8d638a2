import type { Role } from '../../core/accounts/permissions.js';
import type { MessageKey } from '../i18n/vi.js';

export type NavItem = { to: string; label: MessageKey; roles?: readonly Role[] };

// Module map of the staff app; `roles` hides admin pages from people who could not use them anyway.
export const MODULE_NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/dashboard', label: 'nav.dashboard', roles: ['admin', 'secretariat', 'leader', 'viewer'] },
  { to: '/units', label: 'nav.units' },
  { to: '/measure', label: 'nav.measure' },
  { to: '/steer', label: 'nav.steer' },
  { to: '/contest', label: 'nav.contest' },
  { to: '/feedback', label: 'nav.feedback' },
  { to: '/community', label: 'nav.community' },
  { to: '/news', label: 'nav.news', roles: ['admin', 'secretariat'] },
];

export const ADMIN_NAV: readonly NavItem[] = [
  { to: '/users', label: 'nav.users', roles: ['admin'] },
  { to: '/tokens', label: 'nav.tokens', roles: ['admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['admin', 'secretariat'] },
];
