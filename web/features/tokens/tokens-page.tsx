import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PERMISSIONS, type Permission } from '../../../core/accounts/permissions.js';
import type { TokenCreated, TokenView } from '../../../core/contracts/accounts.js';
import { permissionLabel } from '../../../core/i18n/permission-labels.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { fieldErrorsOf } from '../../components/form-errors.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { api } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { UnitPicker } from '../units/unit-picker.js';
import { useUnit } from '../units/units-api.js';

function UnitName({ id }: { id: number }) {
  const unit = useUnit(id);
  return <>{unit.data ? `${unit.data.type} ${unit.data.name}` : `#${id}`}</>;
}

function CreateTokenForm({ onCreated }: { onCreated: (token: TokenCreated) => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [permissions, setPermissions] = useState<Permission[]>(['measure.push']);
  const [expires, setExpires] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      api.post<TokenCreated>('/api/tokens', {
        name,
        unitId: unitId ?? 0,
        permissions,
        // Expiry is a calendar date in Vietnam: the token stops working at the end of that day.
        ...(expires ? { expiresAt: `${expires}T23:59:59+07:00` } : {}),
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
      setName('');
      onCreated(created);
    },
  });
  const errors = fieldErrorsOf(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        {mutation.error && !Object.keys(errors).length ? <ErrorAlert error={mutation.error} /> : null}
        <TextInput
          label={t('tokens.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <UnitPicker
          label={t('tokens.unit')}
          value={unitId}
          onChange={(u) => setUnitId(u?.id ?? null)}
          error={errors.unitId}
        />
        <MultiSelect
          label={t('tokens.permissions')}
          data={PERMISSIONS.map((p) => ({ value: p, label: permissionLabel(p, locale) }))}
          value={permissions}
          onChange={(v) => setPermissions(v as Permission[])}
          error={errors.permissions}
        />
        <TextInput
          type="date"
          label={t('tokens.expiresAt')}
          value={expires}
          onChange={(e) => setExpires(e.currentTarget.value)}
          error={errors.expiresAt}
          w={200}
        />
        <Button type="submit" loading={mutation.isPending} w="fit-content">
          {t('tokens.create')}
        </Button>
      </Stack>
    </form>
  );
}

function TokenRows({ items }: { items: TokenView[] }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: number) => api.delete(`/api/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  return items.map((tok) => (
    <Table.Tr key={tok.id}>
      <Table.Td>{tok.name}</Table.Td>
      <Table.Td>
        <Code>{tok.tokenPrefix}…</Code>
      </Table.Td>
      <Table.Td>
        <UnitName id={tok.unitId} />
      </Table.Td>
      <Table.Td>{tok.permissions.map((p) => permissionLabel(p, locale)).join(', ')}</Table.Td>
      <Table.Td>{formatDateTime(tok.createdAt, locale)}</Table.Td>
      <Table.Td>{tok.expiresAt ? formatDateTime(tok.expiresAt, locale) : t('tokens.never')}</Table.Td>
      <Table.Td>
        {tok.revokedAt ? (
          <Badge color="gray">{`${t('tokens.revoked')} ${formatDateTime(tok.revokedAt, locale)}`}</Badge>
        ) : (
          <Button
            size="xs"
            color="red"
            variant="light"
            loading={revoke.isPending && revoke.variables === tok.id}
            onClick={() =>
              window.confirm(t('tokens.revokeConfirm', { name: tok.name })) && revoke.mutate(tok.id)
            }
          >
            {t('tokens.revoke')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  ));
}

export function TokensPage() {
  const { t } = useI18n();
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: () => api.get<{ items: TokenView[] }>('/api/tokens'),
  });
  return (
    <Stack>
      <Title order={1}>{t('tokens.title')}</Title>
      <Text c="gray.7">{t('tokens.help')}</Text>
      <CreateTokenForm onCreated={setCreated} />
      {tokens.error ? <ErrorAlert error={tokens.error} /> : null}
      {tokens.isPending ? <PageLoader /> : null}
      {tokens.data ? (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <TableHeader
              columns={[
                t('tokens.name'),
                t('tokens.prefix'),
                t('tokens.unit'),
                t('tokens.permissions'),
                t('tokens.createdAt'),
                t('tokens.expiresAt'),
                t('common.actions'),
              ]}
            />
            <Table.Tbody>
              <TokenRows items={tokens.data.items} />
            </Table.Tbody>
          </Table>
          {tokens.data.items.length === 0 ? <Text c="gray.7">{t('tokens.empty')}</Text> : null}
        </Table.ScrollContainer>
      ) : null}
      <AppModal
        opened={Boolean(created)}
        onClose={() => setCreated(null)}
        title={t('tokens.newToken')}
        size="lg"
      >
        <Alert color="yellow" mb="md">
          {t('tokens.shownOnce')}
        </Alert>
        <Group wrap="nowrap" align="center">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-token">
            {created?.token}
          </Code>
          <CopyButton value={created?.token ?? ''}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? 'green' : undefined}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </AppModal>
    </Stack>
  );
}
