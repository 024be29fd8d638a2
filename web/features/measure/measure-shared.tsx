import { Badge, Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Session } from '../auth/auth-api.js';
import { type MeasureKey, useMT } from './measure-i18n.js';

const STATUS_COLORS: Record<string, string> = {
  draft: 'gray',
  open: 'blue',
  closed: 'orange',
  published: 'green',
  frozen: 'grape',
  submitted: 'blue',
  returned: 'red',
  approved: 'green',
  not_started: 'gray',
};

/**
 * Badge props that never cut the words ("CẦN …", "95,…"): a badge keeps its width in a row that runs out of room
 * and its label is not ellipsised.
 */
export const UNCUT_BADGE = {
  style: { flexShrink: 0, maxWidth: 'none' },
  styles: { label: { overflow: 'visible', textOverflow: 'clip' } },
} as const;

export function StatusBadge({ status }: { status: string }) {
  const t = useMT();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" autoContrast {...UNCUT_BADGE}>
      {t(`m.status.${status}` as MeasureKey)}
    </Badge>
  );
}

/** Staff who run assessments (frameworks, periods, appraisal, publishing). */
export function isAppraiser(session: Session | null | undefined): boolean {
  return Boolean(session?.grants.some((g) => g.role === 'admin' || g.role === 'secretariat'));
}

export function officerUnitOf(session: Session | null | undefined): { id: number; name: string } | null {
  const grant = session?.grants.find((g) => g.role === 'officer') ?? null;
  return grant ? { id: grant.unitId, name: grant.unitName } : null;
}

const TABS: { to: string; label: MeasureKey }[] = [
  { to: '/measure', label: 'm.periods' },
  { to: '/measure/frameworks', label: 'm.frameworks' },
  { to: '/measure/kpis', label: 'm.kpis' },
];

/** Section links of the Measure module (plain links: each section is its own page). */
export function MeasureTabs() {
  const t = useMT();
  const { pathname } = useLocation();
  const active = TABS.slice()
    .reverse()
    .find((tab) => pathname === tab.to || pathname.startsWith(`${tab.to}/`));
  return (
    <Group component="nav" aria-label={t('m.title')} gap="xs" mb="md">
      {TABS.map((tab) => (
        <Button
          key={tab.to}
          component={Link}
          to={tab.to}
          size="xs"
          variant={active?.to === tab.to ? 'filled' : 'default'}
          aria-current={active?.to === tab.to ? 'page' : undefined}
        >
          {t(tab.label)}
        </Button>
      ))}
    </Group>
  );
}

export { fmtPoints, fmtValue } from './measure-format.js';
