import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { FEEDBACK_STATUS_LABELS } from '../../../core/feedback/labels.js';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../../../core/feedback/lifecycle.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate } from '../../lib/format.js';
import { feedbackApi } from './feedback-api.js';
import { useFT } from './feedback-i18n.js';

// The triage and work queue: citizen reports in the caller's scope, filtered by status, category and overdue.

// Dark shades under white text: at least 4.5:1 contrast (WCAG AA; Mantine's green.9 and orange.9 fall short).
export const STATUS_COLOR: Record<FeedbackStatus, string> = {
  received: 'blue.9',
  assigned: 'indigo.9',
  in_progress: 'cyan.9',
  answered: 'teal.9',
  closed: '#1e6b30',
  refused: 'gray.9',
  reopened: '#a33c00',
};

export function FeedbackNav() {
  const t = useFT();
  return (
    <Group gap="md">
      <Anchor component={Link} to="/feedback">
        {t('f.queue')}
      </Anchor>
      <Anchor component={Link} to="/feedback/categories">
        {t('f.categories')}
      </Anchor>
      <Anchor component={Link} to="/feedback/rules">
        {t('f.rules')}
      </Anchor>
    </Group>
  );
}

export function FeedbackQueuePage() {
  const t = useFT();
  const { locale } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const categories = useQuery({ queryKey: ['feedback', 'categories'], queryFn: feedbackApi.categories });
  const queue = useQuery({
    queryKey: ['feedback', 'queue', status, categoryId, overdue, q, page],
    queryFn: () =>
      feedbackApi.queue({
        status,
        categoryId,
        overdue: overdue ? 'true' : undefined,
        q: q || undefined,
        page,
      }),
  });
  return (
    <Stack>
      <Title order={1}>{t('f.title')}</Title>
      <FeedbackNav />
      <Group align="end" wrap="wrap">
        <Select
          label={t('f.status')}
          clearable
          placeholder={t('f.all')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data={FEEDBACK_STATUSES.map((s) => ({ value: s, label: FEEDBACK_STATUS_LABELS[s][locale] }))}
        />
        <Select
          label={t('f.category')}
          clearable
          placeholder={t('f.all')}
          value={categoryId}
          onChange={(v) => {
            setCategoryId(v);
            setPage(1);
          }}
          data={(categories.data?.items ?? []).map((c) => ({
            value: String(c.id),
            label: locale === 'vi' ? c.nameVi : c.nameEn,
          }))}
        />
        <TextInput label={t('f.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Checkbox
          label={t('f.overdue')}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
        />
        <Button
          component="a"
          variant="default"
          data-testid="export-xlsx"
          href={`/api/feedback/reports.xlsx?${new URLSearchParams(
            Object.entries({ status, categoryId, overdue: overdue ? 'true' : null, q: q || null }).filter(
              (e): e is [string, string] => typeof e[1] === 'string',
            ),
          )}`}
        >
          {t('f.exportXlsx')}
        </Button>
      </Group>
      {queue.error ? <ErrorAlert error={queue.error} /> : null}
      {queue.isLoading ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('f.code')}</Table.Th>
                <Table.Th>{t('f.titleCol')}</Table.Th>
                <Table.Th>{t('f.status')}</Table.Th>
                <Table.Th>{t('f.unit')}</Table.Th>
                <Table.Th>{t('f.deadline')}</Table.Th>
                <Table.Th>{t('f.received')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(queue.data?.items ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/feedback/reports/${r.id}`}>
                      {r.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {r.title}
                    <Text size="xs" c="dimmed">
                      {r.categoryName}
                      {r.areaName ? ` · ${r.areaName}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={STATUS_COLOR[r.status]}
                      variant="filled"
                      tt="none"
                      h="auto"
                      styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3, paddingBlock: 2 } }}
                    >
                      {FEEDBACK_STATUS_LABELS[r.status][locale]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.unitName}</Table.Td>
                  <Table.Td>
                    {formatDate(r.deadline, locale)}
                    {r.deadlineState === 'overdue' || r.deadlineState === 'due_soon' ? (
                      <Badge
                        ml="xs"
                        color={r.deadlineState === 'overdue' ? 'red.9' : '#a33c00'}
                        variant="filled"
                      >
                        {t(`f.state.${r.deadlineState}`)}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatDate(r.createdAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {queue.data && queue.data.items.length === 0 ? <Text>{t('f.none')}</Text> : null}
      {queue.data && queue.data.total > queue.data.pageSize ? (
        <Pagination
          value={page}
          onChange={setPage}
          total={Math.ceil(queue.data.total / queue.data.pageSize)}
        />
      ) : null}
    </Stack>
  );
}
