import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { type TasksKey, useTkT } from './tasks/tasks-i18n.js';

// The Steer module's sub-navigation, shown at the top of its pages: links (not ARIA tabs, which need panels
// they control), the current section marked with aria-current. A feature adds its section here.
const SECTIONS: { path: string; key: TasksKey; match: string[] }[] = [
  { path: '/steer', key: 'tk.nav.plans', match: ['/steer', '/steer/plans', '/steer/tasks'] },
  { path: '/steer/home', key: 'tk.nav.home', match: ['/steer/home'] },
  { path: '/steer/meetings', key: 'tk.nav.meetings', match: ['/steer/meetings'] },
  { path: '/steer/urging', key: 'tk.nav.urging', match: ['/steer/urging'] },
  { path: '/steer/dashboard', key: 'tk.nav.dashboard', match: ['/steer/dashboard'] },
  { path: '/steer/reports', key: 'tk.nav.reports', match: ['/steer/reports'] },
  { path: '/steer/products', key: 'tk.nav.products', match: ['/steer/products'] },
  { path: '/steer/systems', key: 'tk.nav.systems', match: ['/steer/systems'] },
];

export function activeSection(path: string): string | undefined {
  return [...SECTIONS]
    .reverse()
    .find((s) => s.match.some((m) => path === m || (m !== '/steer' && path.startsWith(`${m}/`))))?.path;
}

export function SteerNav() {
  const t = useTkT();
  const { pathname } = useLocation();
  const active = activeSection(pathname.replace(/^\/app/, '')) ?? '/steer';
  return (
    <nav aria-label={t('tk.nav.label')} style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
      <Group gap={4} wrap="wrap">
        {SECTIONS.map((s) => (
          <Button
            key={s.path}
            component={Link}
            to={s.path}
            h={44}
            variant={s.path === active ? 'light' : 'subtle'}
            color={s.path === active ? 'blue.9' : 'gray.8'}
            aria-current={s.path === active ? 'page' : undefined}
          >
            {t(s.key)}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
