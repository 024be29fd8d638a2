import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context.js';
import { hasAnyRole } from '../auth/auth-api.js';
import { useSession } from '../auth/use-session.js';

export function HomePage() {
  const t = useT();
  const { data: session } = useSession();
  if (!session) return null;
  // Cards only for what this person may open, as in the navigation.
  const cards = [
    { to: '/units', title: t('nav.units'), body: t('home.unitsDesc'), show: true },
    { to: '/users', title: t('nav.users'), body: t('home.usersDesc'), show: hasAnyRole(session, ['admin']) },
    {
      to: '/audit',
      title: t('nav.audit'),
      body: t('home.auditDesc'),
      show: hasAnyRole(session, ['admin', 'secretariat']),
    },
  ].filter((c) => c.show);
  return (
    <Stack>
      <Title order={1}>{t('home.welcome', { name: session.user.fullName })}</Title>
      <section aria-labelledby="grants-heading">
        <Title order={2} size="h4" id="grants-heading" mb="xs">
          {t('home.grants')}
        </Title>
        <Group gap="xs">
          {session.grants.length === 0 ? <Text c="gray.7">{t('users.noGrants')}</Text> : null}
          {session.grants.map((g) => (
            <Badge key={`${g.role}-${g.unitId}`} variant="light" size="lg" tt="none">
              {t(`role.${g.role}`)} · {g.unitName}
            </Badge>
          ))}
        </Group>
      </section>
      <section aria-labelledby="modules-heading">
        <Title order={2} size="h4" id="modules-heading" mb="xs">
          {t('home.modules')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {cards.map((c) => (
            <Card key={c.to} component={Link} to={c.to} withBorder padding="lg">
              <Text fw={700} c="blue.8">
                {c.title}
              </Text>
              <Text size="sm" c="gray.7">
                {c.body}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
