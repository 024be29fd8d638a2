import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { withAllStyles } from '../../components/lazy-page.js';
import { PageLoader } from '../../components/page-loader.js';
import { useT } from '../../i18n/i18n-context.js';
import { useSession } from '../auth/use-session.js';
import { AppraiserQueue } from './appraiser-queue.js';
import { homeBlocks } from './home-roles.js';
import { OfficerHome } from './officer-home.js';
import { ViewerHome } from './viewer-home.js';

// The staff home, per role: officers get their unit's work, the secretariat its appraisal queue and (with
// leaders and admins) the DX dashboard, viewers a read-only summary. The dashboard loads on demand so its
// charts never weigh on an officer's phone.
const DxDashboard = lazy(() =>
  withAllStyles(import('../dashboard/dx-dashboard.js')).then((m) => ({ default: m.DxDashboard })),
);

export function HomePage() {
  const t = useT();
  const { data: session } = useSession();
  if (!session) return null;
  const blocks = homeBlocks(session.grants);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('home.welcome', { name: session.user.fullName })}</Title>
        <Group gap={6} mt={6} wrap="wrap" aria-label={t('home.grants')} role="list" data-testid="home-grants">
          {session.grants.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('users.noGrants')}
            </Text>
          ) : null}
          {session.grants.map((g) => (
            <Badge key={`${g.role}-${g.unitId}`} variant="light" size="md" tt="none" role="listitem">
              {t(`role.${g.role}`)} · {g.unitName}
            </Badge>
          ))}
        </Group>
      </div>
      {blocks.officerUnits.length ? <OfficerHome units={blocks.officerUnits} /> : null}
      {blocks.appraiser ? <AppraiserQueue /> : null}
      {blocks.dashboardUnitId !== null ? (
        <Suspense fallback={<PageLoader />}>
          <DxDashboard unitId={blocks.dashboardUnitId} />
        </Suspense>
      ) : null}
      {blocks.viewer ? <ViewerHome hasRole={session.grants.length > 0} /> : null}
    </Stack>
  );
}
