import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { NotificationItem } from '../../../core/contracts/notifications.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDateTime } from '../../lib/format.js';
import { internalPath, useMarkRead, useNotificationList } from './notifications-api.js';
import { useNT } from './notifications-i18n.js';
import { PreferencesSection } from './preferences-section.js';

const PAGE_SIZE = 20;

function NotificationCard({
  item,
  onRead,
  busy,
}: {
  item: NotificationItem;
  onRead: () => void;
  busy: boolean;
}) {
  const t = useNT();
  const { locale } = useI18n();
  const path = internalPath(item.link);
  return (
    <Card withBorder padding="sm" bg={item.readAt ? undefined : 'blue.0'} data-testid="notification-item">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6}>
            {item.readAt ? null : (
              <Badge size="sm" color="blue">
                {t('n.unread')}
              </Badge>
            )}
            {item.urgent ? (
              <Badge size="sm" color="red">
                {t('n.urgent')}
              </Badge>
            ) : null}
            <Badge size="sm" variant="light" color="gray">
              {t(`n.category.${item.category}`)}
            </Badge>
            {item.isDemo ? (
              <Badge size="sm" variant="outline" color="gray">
                {t('n.demo')}
              </Badge>
            ) : null}
          </Group>
          <Text fw={item.readAt ? 500 : 700}>{item.title}</Text>
          {item.body ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.body}
            </Text>
          ) : null}
          <Group gap="md">
            <Text size="xs" c="gray.7">
              {formatDateTime(item.createdAt, locale)}
            </Text>
            {path ? (
              <Anchor component={Link} to={path} size="sm" onClick={item.readAt ? undefined : onRead}>
                {t('n.open')}
              </Anchor>
            ) : item.link ? (
              <Anchor href={item.link} size="sm" rel="noopener noreferrer" target="_blank">
                {t('n.open')}
              </Anchor>
            ) : null}
          </Group>
        </Stack>
        {item.readAt ? null : (
          <Button size="xs" variant="light" onClick={onRead} loading={busy} style={{ flexShrink: 0 }}>
            {t('n.markRead')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

export function NotificationsPage() {
  const t = useNT();
  const [sort, setSort] = useState<'unread' | 'newest'>('unread');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotificationList({
    sort,
    unreadOnly,
    page,
    pageSize: PAGE_SIZE,
  });
  const mark = useMarkRead();
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" align="center">
        <Title order={1}>{t('n.title')}</Title>
        {data?.unread ? (
          <Button
            variant="light"
            onClick={() => mark.all.mutate(undefined, { onSuccess: () => notify(t('n.markedAll')) })}
            loading={mark.all.isPending}
          >
            {t('n.markAllRead')}
          </Button>
        ) : null}
      </Group>
      <Group gap="lg" align="center">
        <SegmentedControl
          aria-label={t('n.sort')}
          value={sort}
          onChange={(v) => {
            setSort(v as 'unread' | 'newest');
            setPage(1);
          }}
          data={[
            { value: 'unread', label: t('n.sort.unread') },
            { value: 'newest', label: t('n.sort.newest') },
          ]}
        />
        <Switch
          label={t('n.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.currentTarget.checked);
            setPage(1);
          }}
        />
        {data ? (
          <Text size="sm" c="gray.7" data-testid="unread-summary">
            {t('n.unreadCount', { count: data.unread })}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={list.error ?? mark.one.error ?? mark.all.error} />
      {list.isPending ? <PageLoader /> : null}
      {data && data.items.length === 0 ? (
        <Text c="gray.7">{unreadOnly ? t('n.emptyUnread') : t('n.empty')}</Text>
      ) : null}
      <Stack gap="xs">
        {data?.items.map((item) => (
          <NotificationCard
            key={item.id}
            item={item}
            busy={mark.one.isPending && mark.one.variables?.[0] === item.id}
            onRead={() => mark.one.mutate([item.id])}
          />
        ))}
      </Stack>
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? t('n.previous') : control === 'next' ? t('n.next') : control,
            })}
          />
          <Text size="sm" c="gray.7">
            {t('n.page', { page, pages })}
          </Text>
        </Group>
      ) : null}
      <PreferencesSection />
    </Stack>
  );
}
