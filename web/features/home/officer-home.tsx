import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { internalPath, useNotificationList } from '../notifications/notifications-api.js';
import { urgingApi } from '../steer/urging/urging-api.js';
import { UrgingTaskItem } from '../steer/urging/urging-task-item.js';
import { type OpenEntry, useFeedbackToAnswer, useOpenEntries } from './home-api.js';
import { type HomeKey, useHT } from './home-i18n.js';
import { HomeSection, Loaded } from './home-section.js';

// "Việc của đơn vị": what the officer's unit must do now — its Steer tasks (overdue, due soon, reports due this
// week, returned), its open Measure entries, the citizen reports it owes an answer, and the officer's latest
// notifications. Each block links to the page where the officer acts.

const TASKS_SHOWN = 5;
const FEEDBACK_SHOWN = 5;
const NOTIFICATIONS_SHOWN = 5;

function TasksBlock({ unitId }: { unitId: number }) {
  const t = useHT();
  const home = useQuery({ queryKey: ['steer', 'home', unitId], queryFn: () => urgingApi.home(unitId) });
  const h = home.data;
  // Most urgent first; a task appears once even when it is both returned and overdue.
  const urgent = h
    ? [...h.overdue, ...h.returned, ...h.dueSoon, ...h.reportThisWeek].filter(
        (x, i, all) => all.findIndex((y) => y.id === x.id) === i,
      )
    : [];
  return (
    <HomeSection
      title={t('h.tasks')}
      count={h ? urgent.length : undefined}
      link={{ to: `/steer/home?unitId=${unitId}`, label: t('h.tasksOpen') }}
      testId="home-tasks"
    >
      <Loaded query={home} empty={t('h.tasksEmpty')} isEmpty={() => urgent.length === 0}>
        {(data) => (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('h.tasksSummary', {
                overdue: data.overdue.length,
                soon: data.dueSoon.length,
                report: data.reportThisWeek.length,
                returned: data.returned.length,
              })}
            </Text>
            {urgent.slice(0, TASKS_SHOWN).map((task) => (
              <UrgingTaskItem key={task.id} task={task} />
            ))}
            {urgent.length > TASKS_SHOWN ? (
              <Anchor component={Link} to={`/steer/home?unitId=${unitId}`} size="sm">
                {t('h.moreTasks', { n: urgent.length - TASKS_SHOWN })}
              </Anchor>
            ) : null}
          </Stack>
        )}
      </Loaded>
    </HomeSection>
  );
}

const SUB_COLOR: Record<string, string> = {
  not_started: 'gray',
  draft: 'blue',
  submitted: 'teal',
  returned: 'orange',
  approved: 'green',
};

function EntryItem({ entry, unitId }: { entry: OpenEntry; unitId: number }) {
  const t = useHT();
  const { locale } = useI18n();
  const { period, submission: s } = entry;
  const status = s.id === null ? 'not_started' : s.status;
  const answered = s.components.filter((c) => c.value !== null).length;
  const action =
    status === 'returned'
      ? 'h.entryFix'
      : status === 'submitted' || status === 'approved'
        ? 'h.entryView'
        : 'h.entryOpen';
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="home-entry">
      <Stack gap={4}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {period.name}
        </Text>
        <Group gap={6} wrap="wrap">
          <Badge color={SUB_COLOR[status]} variant="light" tt="none">
            {t(`h.sub.${status}` as HomeKey)}
          </Badge>
          <Text size="sm">{t('h.entryDue', { date: formatDate(period.dueOn, locale) })}</Text>
        </Group>
        <Text size="sm" c="gray.8">
          {t('h.entryAnswered', { n: answered, total: s.components.length })}
        </Text>
        {status === 'returned' && s.returnComment ? (
          <Text size="sm" c="orange.9" style={{ overflowWrap: 'anywhere' }}>
            {t('h.entryReturnNote', { comment: s.returnComment })}
          </Text>
        ) : null}
        <Group>
          {/* The entry form is its own light page (web/measure-entry): the browser loads it, not the router. */}
          <Button
            size="xs"
            component={Link}
            reloadDocument
            to={`/measure/periods/${period.id}/units/${unitId}/entry`}
            variant={action === 'h.entryView' ? 'light' : 'filled'}
          >
            {t(action)}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function EntriesBlock({ unitId }: { unitId: number }) {
  const t = useHT();
  const entries = useOpenEntries(unitId);
  const owed = entries.data?.filter(
    (e) => e.submission.id === null || ['draft', 'returned'].includes(e.submission.status),
  );
  return (
    <HomeSection
      title={t('h.entries')}
      count={owed?.length}
      countColor="orange"
      link={{ to: '/measure', label: t('h.seeAll') }}
      testId="home-entries"
    >
      <Loaded query={entries} empty={t('h.entriesEmpty')} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Stack gap="xs">
            {data.map((e) => (
              <EntryItem key={e.period.id} entry={e} unitId={unitId} />
            ))}
          </Stack>
        )}
      </Loaded>
    </HomeSection>
  );
}

const FB_COLOR: Record<string, string> = {
  overdue: 'red',
  due_soon: 'orange',
  on_track: 'blue',
  none: 'gray',
};

function FeedbackBlock({ unitId }: { unitId: number }) {
  const t = useHT();
  const { locale } = useI18n();
  const feedback = useFeedbackToAnswer(unitId);
  return (
    <HomeSection
      title={t('h.feedback')}
      count={feedback.data?.total}
      countColor={feedback.data?.overdue ? 'red' : 'orange'}
      link={{ to: '/feedback', label: t('h.seeAll') }}
      testId="home-feedback"
    >
      <Loaded query={feedback} empty={t('h.feedbackEmpty')} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('h.feedbackSummary', { n: data.total, overdue: data.overdue })}
            </Text>
            {data.items.slice(0, FEEDBACK_SHOWN).map((r) => (
              <Paper key={r.id} withBorder p="sm" radius="sm" data-testid="home-feedback-item">
                <Stack gap={4}>
                  <Anchor
                    component={Link}
                    to={`/feedback/reports/${r.id}`}
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {r.title}
                  </Anchor>
                  <Text size="xs" c="gray.7">
                    {r.code} · {r.categoryName}
                    {r.areaName ? ` · ${r.areaName}` : ''}
                  </Text>
                  <Group gap={6} wrap="wrap">
                    <Badge color={FB_COLOR[r.deadlineState]} variant="light" tt="none">
                      {t(`h.fb.${r.deadlineState}` as HomeKey)}
                    </Badge>
                    <Text size="sm">
                      {r.deadline
                        ? t('h.feedbackDeadline', { date: formatDate(r.deadline, locale) })
                        : t('h.feedbackNoDeadline')}
                    </Text>
                  </Group>
                </Stack>
              </Paper>
            ))}
            {data.items.length > FEEDBACK_SHOWN ? (
              <Anchor component={Link} to={'/feedback'} size="sm">
                {t('h.seeAll')}
              </Anchor>
            ) : null}
          </Stack>
        )}
      </Loaded>
    </HomeSection>
  );
}

function NotificationsBlock() {
  const t = useHT();
  const { locale } = useI18n();
  const list = useNotificationList({ pageSize: NOTIFICATIONS_SHOWN, sort: 'newest' });
  return (
    <HomeSection
      title={t('h.notifications')}
      count={list.data?.unread}
      countColor="blue"
      link={{ to: '/notifications', label: t('h.seeAll') }}
      testId="home-notifications"
    >
      <Loaded query={list} empty={t('h.notificationsEmpty')} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <Stack gap="xs">
            {data.items.map((n) => {
              const to = internalPath(n.link);
              return (
                <Stack key={n.id} gap={0} data-testid="home-notification">
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    {to ? (
                      <Anchor
                        component={Link}
                        to={to}
                        size="sm"
                        fw={n.readAt ? 400 : 700}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {n.title}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={n.readAt ? 400 : 700} style={{ overflowWrap: 'anywhere' }}>
                        {n.title}
                      </Text>
                    )}
                    {n.readAt ? null : (
                      <Badge size="xs" variant="light" tt="none" style={{ flexShrink: 0 }}>
                        {t('h.unread')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="gray.7">
                    {formatDateTime(n.createdAt, locale)}
                  </Text>
                </Stack>
              );
            })}
          </Stack>
        )}
      </Loaded>
    </HomeSection>
  );
}

export function OfficerHome({ units }: { units: { id: number; name: string }[] }) {
  const t = useHT();
  const [unitId, setUnitId] = useState(units[0]?.id);
  const unit = units.find((u) => u.id === unitId) ?? units[0];
  if (!unit) return null;
  return (
    <Stack gap="md" data-testid="officer-home">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3">
          {t('h.unitWorkOf', { unit: unit.name })}
        </Title>
        {units.length > 1 ? (
          <Select
            label={t('h.chooseUnit')}
            data={units.map((u) => ({ value: String(u.id), label: u.name }))}
            value={String(unit.id)}
            onChange={(v) => v && setUnitId(Number(v))}
            allowDeselect={false}
            maw={320}
          />
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TasksBlock unitId={unit.id} />
        <EntriesBlock unitId={unit.id} />
        <FeedbackBlock unitId={unit.id} />
        <NotificationsBlock />
      </SimpleGrid>
    </Stack>
  );
}
