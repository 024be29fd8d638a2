import { Anchor, AppShell, Burger, Button, Group, Menu, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Outlet, NavLink as RouterNavLink } from 'react-router';
import { LanguageSwitch } from '../components/language-switch.js';
import { notify } from '../components/notify.js';
import { PageLoader } from '../components/page-loader.js';
import { goToSignIn, logout, type Session } from '../features/auth/auth-api.js';
import { NotificationBell } from '../features/notifications/notification-bell.js';
import { useT } from '../i18n/i18n-context.js';
import { ADMIN_NAV, MODULE_NAV, type NavItem } from './nav-items.js';

function NavItems({ items, onNavigate }: { items: readonly NavItem[]; onNavigate: () => void }) {
  const t = useT();
  return items.map((item) => (
    <NavLink
      key={item.to}
      component={RouterNavLink}
      to={item.to}
      end={item.to === '/'}
      label={t(item.label)}
      onClick={onNavigate}
    />
  ));
}

function UserMenu({ session }: { session: Session }) {
  const t = useT();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (everywhere: boolean) => logout(everywhere),
    onSuccess: (_data, everywhere) => {
      queryClient.clear();
      if (everywhere) notify(t('user.loggedOutAll'), 'blue');
      goToSignIn();
    },
  });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="sm"
          px={{ base: 6, sm: 'sm' }}
          aria-label={`${t('user.menu')}: ${session.user.fullName}`}
          title={session.user.fullName}
        >
          {/* On a phone the whole name on up to two short lines, never cut to "Nguyễn Văn…"; the menu repeats it. */}
          <Text
            size="xs"
            hiddenFrom="sm"
            maw={112}
            lineClamp={2}
            lh={1.2}
            ta="right"
            style={{ whiteSpace: 'normal' }}
          >
            {session.user.fullName}
          </Text>
          <Text size="sm" visibleFrom="sm" truncate maw={260}>
            {session.user.fullName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark.7">
            {session.user.fullName}
          </Text>
          {session.user.email}
        </Menu.Label>
        <Menu.Item onClick={() => mutation.mutate(false)}>{t('user.logout')}</Menu.Item>
        <Menu.Item color="red" onClick={() => mutation.mutate(true)}>
          {t('user.logoutAll')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppLayout({ session }: { session: Session }) {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure();
  const roles = new Set(session.grants.map((g) => g.role));
  const adminItems = ADMIN_NAV.filter((item) => !item.roles || item.roles.some((r) => roles.has(r)));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Anchor href="/" fw={700} size="lg" c="blue.8" underline="never">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu session={session} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        <ScrollArea>
          <NavItems items={MODULE_NAV} onNavigate={close} />
          {adminItems.length ? (
            <>
              <Text size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" pt="md" pb={4}>
                {t('nav.admin')}
              </Text>
              <NavItems items={adminItems} onNavigate={close} />
            </>
          ) : null}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
