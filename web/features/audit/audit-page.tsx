import { Badge, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AuditItem, AuditPage as AuditPageData } from '../../../core/contracts/accounts.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { api } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { diffJson, showJsonValue } from './json-diff.js';

type Filters = { entity: string; action: string; actorUserId: string; from: string; to: string; q: string };
const EMPTY: Filters = { entity: '', action: '', actorUserId: '', from: '', to: '', q: '' };

// Date inputs are Vietnamese calendar days; the API wants instants.
function toQuery(f: Filters) {
  return {
    entity: f.entity.trim(),
    action: f.action.trim(),
    actorUserId: f.actorUserId.trim(),
    q: f.q.trim(),
    from: f.from ? `${f.from}T00:00:00+07:00` : undefined,
    to: f.to ? `${f.to}T23:59:59.999+07:00` : undefined,
  };
}

const CHANGE_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

function DiffView({ item }: { item: AuditItem }) {
  const { t } = useI18n();
  const rows = diffJson(item.before, item.after);
  if (rows.length === 0) return <Text c="gray.7">{t('audit.noChanges')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table data-testid="audit-diff">
        <TableHeader columns={[t('audit.changes'), t('audit.before'), t('audit.after')]} />
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.path}>
              <Table.Td>
                <Badge color={CHANGE_COLORS[r.change]} variant="light" tt="none">
                  {r.path}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="red.9" style={{ wordBreak: 'break-word' }}>
                  {r.before === undefined ? '—' : showJsonValue(r.before)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="green.9" style={{ wordBreak: 'break-word' }}>
                  {r.after === undefined ? '—' : showJsonValue(r.after)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FilterForm({ onApply }: { onApply: (f: Filters) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const field = (key: keyof Filters, label: string, type = 'text') => (
    <TextInput
      type={type}
      label={label}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
      w={{ base: '100%', xs: 170 }}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('audit.filter')}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        {field('entity', t('audit.entity'))}
        {field('action', t('audit.action'))}
        {field('actorUserId', t('audit.actorId'))}
        {field('from', t('audit.from'), 'date')}
        {field('to', t('audit.to'), 'date')}
        {field('q', t('audit.text'), 'search')}
        <Button type="submit">{t('audit.filter')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(EMPTY);
            onApply(EMPTY);
          }}
        >
          {t('audit.reset')}
        </Button>
      </Group>
    </Paper>
  );
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [open, setOpen] = useState<AuditItem | null>(null);
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api.get<AuditPageData>('/api/audit', { ...toQuery(filters), limit: 50, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Title order={1}>{t('audit.title')}</Title>
      <FilterForm onApply={setFilters} />
      {log.error ? <ErrorAlert error={log.error} /> : null}
      {log.isPending ? <PageLoader /> : null}
      {log.data ? (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="audit-table">
            <TableHeader
              columns={[
                t('audit.at'),
                t('audit.actor'),
                t('audit.action'),
                t('audit.entity'),
                t('audit.ip'),
                t('audit.changes'),
              ]}
            />
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{formatDateTime(item.at, locale)}</Table.Td>
                  <Table.Td>{item.actorLabel}</Table.Td>
                  <Table.Td>
                    <Code>{item.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    {item.entity}
                    {item.entityId ? ` #${item.entityId}` : ''}
                  </Table.Td>
                  <Table.Td>{item.ip}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setOpen(item)}>
                      {t('audit.showChanges')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {items.length === 0 ? <Text c="gray.7">{t('audit.empty')}</Text> : null}
        </Table.ScrollContainer>
      ) : null}
      {log.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => log.fetchNextPage()}
          loading={log.isFetchingNextPage}
          w="fit-content"
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
      <AppModal
        opened={Boolean(open)}
        onClose={() => setOpen(null)}
        size="xl"
        title={open ? `${open.action} · ${open.entity}${open.entityId ? ` #${open.entityId}` : ''}` : ''}
      >
        {open ? <DiffView item={open} /> : null}
      </AppModal>
    </Stack>
  );
}
