import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageLoader } from '../../components/page-loader.js';
import { useHT } from './home-i18n.js';

// One block of the home page: a heading with a count, its content (or an empty state that says what to do),
// and a link to the page where the person acts.

export function HomeSection({
  title,
  count,
  countColor = 'red',
  link,
  testId,
  children,
}: {
  title: string;
  count?: number;
  countColor?: string;
  link?: { to: string; label: string };
  testId: string;
  children: ReactNode;
}) {
  const id = `${testId}-heading`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={2} size="h4" id={id}>
              {title}
            </Title>
            {count !== undefined ? (
              <Badge variant="light" color={count ? countColor : 'gray'} data-testid={`${testId}-count`}>
                {count}
              </Badge>
            ) : null}
          </Group>
          {link ? (
            <Anchor component={Link} to={link.to} size="sm">
              {link.label}
            </Anchor>
          ) : null}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** Loading, failed, empty or the list: the four states every block has. */
export function Loaded<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; data: T | undefined };
  empty: string;
  isEmpty: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useHT();
  if (query.isPending) return <PageLoader />;
  if (query.isError || query.data === undefined)
    return (
      <Text size="sm" c="red.8" role="alert">
        {t('h.loadFailed')}
      </Text>
    );
  if (isEmpty(query.data))
    return (
      <Text size="sm" c="gray.7">
        {empty}
      </Text>
    );
  return <>{children(query.data)}</>;
}
