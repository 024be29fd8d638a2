import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import type { NotificationItem } from '../../../core/contracts/notifications.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDateTime } from '../../lib/format.js';
import { internalPath, useMarkRead, useNotificationList, useUnreadCount } from './notifications-api.js';
import { useNT } from './notifications-i18n.js';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function LatestItem({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  const { locale } = useI18n();
  return (
    <UnstyledButton onClick={() => onOpen(item)} p={6} style={{ borderRadius: 4 }} data-testid="bell-item">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Box
          w={8}
          h={8}
          mt={7}
          bg={item.readAt ? 'transparent' : 'blue.7'}
          style={{ borderRadius: '50%', flexShrink: 0 }}
          aria-hidden="true"
        />
        <Stack gap={0}>
          <Text size="sm" fw={item.readAt ? 400 : 700} lineClamp={2}>
            {item.title}
          </Text>
          <Text size="xs" c="gray.7">
            {formatDateTime(item.createdAt, locale)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The header's bell: the unread count (polled), the five latest, mark all read, and the way to the centre. */
export function NotificationBell() {
  const t = useNT();
  const navigate = useNavigate();
  const [opened, { close, toggle }] = useDisclosure(false);
  const unread = useUnreadCount().data?.unread ?? 0;
  const latest = useNotificationList({ sort: 'unread', pageSize: 5 }, opened);
  const mark = useMarkRead();
  const open = (item: NotificationItem) => {
    if (!item.readAt) mark.one.mutate([item.id]);
    close();
    const path = internalPath(item.link);
    if (path) navigate(path);
    else if (item.link) window.location.assign(item.link);
  };
  const label = unread ? t('n.bellUnread', { count: unread }) : t('n.bell');
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      color="red.8"
      disabled={!unread}
      offset={4}
      data-testid="bell-count"
    >
      <Popover
        opened={opened}
        onChange={(o) => (o ? null : close())}
        position="bottom-end"
        width={340}
        withinPortal
        shadow="md"
      >
        <Popover.Target>
          <ActionIcon variant="subtle" size="lg" aria-label={label} onClick={toggle}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Group justify="space-between" mb={4}>
            <Text fw={700} size="sm">
              {t('n.latest')}
            </Text>
            {unread ? (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => mark.all.mutate()}
                loading={mark.all.isPending}
              >
                {t('n.markAllRead')}
              </Button>
            ) : null}
          </Group>
          <Stack gap={2}>
            {latest.data?.items.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('n.empty')}
              </Text>
            ) : (
              latest.data?.items.map((item) => <LatestItem key={item.id} item={item} onOpen={open} />)
            )}
          </Stack>
          <Divider my={6} />
          <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
            {t('n.seeAll')}
          </Anchor>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
