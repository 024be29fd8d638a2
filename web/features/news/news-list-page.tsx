import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  NEWS_KIND_LABELS,
  NEWS_STATUS_LABELS,
  NEWS_STATUSES,
  type NewsStatus,
} from '../../../core/news/news.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDateTime } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { UnitPicker } from '../units/unit-picker.js';
import { newsApi } from './news-api.js';
import { useNT } from './news-i18n.js';

// The news of a unit and the units below it, by status: the secretariat's desk (drafts, items waiting for a
// second person's approval, scheduled and published ones). Cards on a phone, a table on a wide screen.

export const STATUS_COLOR: Record<NewsStatus, string> = {
  draft: 'gray',
  pending: 'orange',
  scheduled: 'violet',
  published: 'green',
  withdrawn: 'red',
};

export function NewsListPage() {
  const { t, label, locale } = useNT();
  const session = useSession();
  const first = session.data?.grants[0];
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(
    first ? { id: first.unitId, name: first.unitName } : null,
  );
  const [status, setStatus] = useState<NewsStatus | null>(null);
  const list = useQuery({
    queryKey: ['news', 'list', unit?.id, status],
    queryFn: () => newsApi.list({ unitId: unit!.id, status }),
    enabled: !!unit,
  });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('title')}</Title>
        <Button component={Link} to="/news/new" data-testid="news-write">
          {t('write')}
        </Button>
      </Group>
      <Group align="end" wrap="wrap">
        <UnitPicker label={t('unit')} value={unit?.id ?? null} initialLabel={unit?.name} onChange={setUnit} />
        <Select
          label={t('status')}
          w={220}
          placeholder={t('allStatuses')}
          clearable
          data={NEWS_STATUSES.map((s) => ({ value: s, label: label(NEWS_STATUS_LABELS[s]) }))}
          value={status}
          onChange={(v) => setStatus((v as NewsStatus | null) ?? null)}
        />
      </Group>
      {!unit && <Alert>{t('pickUnit')}</Alert>}
      {list.isLoading && <PageLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <>
          <Stack hiddenFrom="sm" gap="xs">
            {list.data.items.map((item) => (
              <Card key={item.id} withBorder padding="sm">
                <Group gap="xs">
                  <Badge variant="light" tt="none" color={STATUS_COLOR[item.status]}>
                    {label(NEWS_STATUS_LABELS[item.status])}
                  </Badge>
                  <Text size="sm">{label(NEWS_KIND_LABELS[item.kind])}</Text>
                </Group>
                <Anchor component={Link} to={`/news/${item.id}`} fw={600}>
                  {item.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {item.authorName} · {formatDateTime(item.updatedAt, locale)}
                </Text>
              </Card>
            ))}
          </Stack>
          <Table visibleFrom="sm" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('headline')}</Table.Th>
                <Table.Th>{t('kind')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('author')}</Table.Th>
                <Table.Th>{t('updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr key={item.id} data-testid="news-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/news/${item.id}`}>
                      {item.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{label(NEWS_KIND_LABELS[item.kind])}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none" color={STATUS_COLOR[item.status]}>
                      {label(NEWS_STATUS_LABELS[item.status])}
                    </Badge>
                    {item.status === 'scheduled' && item.publishAt && (
                      <Text size="xs">{formatDateTime(item.publishAt, locale)}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>{item.authorName}</Table.Td>
                  <Table.Td>{formatDateTime(item.updatedAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
