import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditItem, AuditPage as AuditPageData } from '../../../core/contracts/accounts.js';
import {
  auditActionLabel,
  auditActorLabel,
  auditFieldLabel,
  auditObjectLabel,
  auditValueLabel,
} from '../../../core/i18n/audit-labels.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { api } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { AuditFilterForm } from './audit-filters.js';
import { type AuditFilters, EMPTY_FILTERS, toAuditQuery } from './audit-query.js';
import { diffJson, showJsonValue } from './json-diff.js';

const showValue = (value: unknown, locale: Locale) => auditValueLabel(value, locale) ?? showJsonValue(value);

const CHANGE_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

function DiffView({ item }: { item: AuditItem }) {
  const { t, locale } = useI18n();
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
                  {auditFieldLabel(r.path, locale)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="red.9" style={{ wordBreak: 'break-word' }}>
                  {r.before === undefined ? '—' : showValue(r.before, locale)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="green.9" style={{ wordBreak: 'break-word' }}>
                  {r.after === undefined ? '—' : showValue(r.after, locale)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_FILTERS);
  const [open, setOpen] = useState<AuditItem | null>(null);
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api.get<AuditPageData>('/api/audit', { ...toAuditQuery(filters), limit: 50, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Title order={1}>{t('audit.title')}</Title>
      <AuditFilterForm onApply={setFilters} />
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
                  <Table.Td>{auditActorLabel(item.actorLabel, locale)}</Table.Td>
                  <Table.Td>{auditActionLabel(item.action, locale)}</Table.Td>
                  <Table.Td>{auditObjectLabel(item, locale)}</Table.Td>
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
        title={open ? `${auditActionLabel(open.action, locale)} · ${auditObjectLabel(open, locale)}` : ''}
      >
        {open ? <DiffView item={open} /> : null}
      </AppModal>
    </Stack>
  );
}
