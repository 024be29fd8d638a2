import { Badge, Button, Group, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { UserView } from '../../../core/contracts/accounts.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate } from '../../lib/format.js';
import { UserFormModal } from './user-form-modal.js';
import { PAGE_SIZE, useUpdateUser, useUsers } from './users-api.js';

function UserRow({ user, onEdit }: { user: UserView; onEdit: () => void }) {
  const { t, locale } = useI18n();
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);
  const toggle = () =>
    update.mutate(
      { id: user.id, patch: { isActive: !user.isActive } },
      {
        onSuccess: () => {
          setConfirming(false);
          notify(t('users.saved'));
        },
        onError: (e) => notify(e.message, 'red'),
      },
    );
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{user.fullName}</Text>
        <Text size="xs" c="gray.7">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {user.grants.map((g) => (
            <Badge key={`${g.role}-${g.unitId}`} variant="light" tt="none">
              {t(`role.${g.role}`)} · {g.unitName}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} c={user.isActive ? 'green.9' : 'gray.7'} style={{ whiteSpace: 'nowrap' }}>
          {user.isActive ? `● ${t('users.active')}` : `○ ${t('users.inactive')}`}
        </Text>
      </Table.Td>
      <Table.Td>{formatDate(user.createdAt, locale)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="light" onClick={onEdit} aria-label={`${t('common.edit')} ${user.email}`}>
            {t('common.edit')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color={user.isActive ? 'red' : 'green'}
            onClick={() => setConfirming(true)}
          >
            {user.isActive ? t('users.deactivate') : t('users.activate')}
          </Button>
        </Group>
        <ConfirmDialog
          opened={confirming}
          title={`${user.isActive ? t('users.deactivate') : t('users.activate')}: ${user.fullName}`}
          confirmLabel={user.isActive ? t('users.deactivate') : t('users.activate')}
          color={user.isActive ? 'red' : 'green'}
          loading={update.isPending}
          onConfirm={toggle}
          onClose={() => setConfirming(false)}
        >
          <Text size="sm">
            {user.isActive
              ? t('users.deactivateWhat', { email: user.email })
              : t('users.activateWhat', { email: user.email })}
          </Text>
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const users = useUsers(debouncedQ, (page - 1) * PAGE_SIZE);
  const pages = Math.max(1, Math.ceil((users.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('users.title')}</Title>
        <Button onClick={() => setEditing('new')}>{t('users.create')}</Button>
      </Group>
      <TextInput
        type="search"
        label={t('users.search')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      {users.error ? <ErrorAlert error={users.error} /> : null}
      {users.isPending ? <PageLoader /> : null}
      {users.data ? (
        <>
          <Text size="sm" c="gray.7">
            {t('common.total', { count: users.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <TableHeader
                columns={[
                  t('users.fullName'),
                  t('users.grants'),
                  t('users.status'),
                  t('users.createdAt'),
                  t('common.actions'),
                ]}
              />
              <Table.Tbody>
                {users.data.items.map((u) => (
                  <UserRow key={u.id} user={u} onEdit={() => setEditing(u)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {users.data.items.length === 0 ? <Text c="gray.7">{t('users.empty')}</Text> : null}
          {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} /> : null}
        </>
      ) : null}
      {editing ? (
        <UserFormModal
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
