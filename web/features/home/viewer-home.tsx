import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useLatestPublished } from './home-api.js';
import { useHT } from './home-i18n.js';
import { HomeSection, Loaded } from './home-section.js';

// The read-only home (viewers, or an account without a role yet): where to look things up (units, the DX
// dashboard) and the newest published ranking in the viewer's scope (the public page citizens see).

export function ViewerHome({ hasRole }: { hasRole: boolean }) {
  const t = useHT();
  const latest = useLatestPublished(hasRole);
  return (
    <HomeSection title={t('h.viewer')} testId="home-viewer">
      <Text size="sm">{hasRole ? t('h.viewerIntro') : t('h.noGrantsHelp')}</Text>
      {hasRole ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Card component={Link} to="/units" withBorder padding="md" data-testid="home-viewer-units">
            <Text fw={700} c="blue.8">
              {t('h.viewUnits')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('h.viewUnitsDesc')}
            </Text>
          </Card>
          <Card component={Link} to="/dashboard" withBorder padding="md" data-testid="home-viewer-dashboard">
            <Text fw={700} c="blue.8">
              {t('h.viewDashboard')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('h.viewDashboardDesc')}
            </Text>
          </Card>
          <Loaded query={latest} empty={t('h.noRanking')} isEmpty={(p) => p === null}>
            {(p) =>
              p ? (
                <Stack gap={4}>
                  <Card
                    component="a"
                    href={`/?ranking=${p.id}`}
                    withBorder
                    padding="md"
                    data-testid="home-viewer-ranking"
                  >
                    <Text fw={700} c="blue.8" style={{ overflowWrap: 'anywhere' }}>
                      {t('h.viewRanking', { name: p.name })}
                    </Text>
                    <Text size="sm" c="gray.7">
                      {t('h.viewRankingDesc')}
                    </Text>
                  </Card>
                  <Anchor component={Link} to="/measure" size="sm">
                    {t('h.viewPeriods')}
                  </Anchor>
                </Stack>
              ) : null
            }
          </Loaded>
        </SimpleGrid>
      ) : null}
    </HomeSection>
  );
}
