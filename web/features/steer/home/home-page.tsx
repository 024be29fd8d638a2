import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate } from '../../../lib/format.js';
import { SteerNav } from '../steer-nav.js';
import { type UrgingTask, urgingApi, useHome } from '../urging/urging-api.js';
import { useUgT } from '../urging/urging-i18n.js';
import { UrgingTaskItem } from '../urging/urging-task-item.js';

// The unit officer's home (/app/steer/home): what the unit must do, most urgent first — overdue, due soon,
// periodic reports due this week, returned reports, extensions awaiting an answer — then the urging letters
// and reminders it received. One column on a phone.

function Section({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section aria-label={title} data-testid={testId}>
      <Group gap="xs" mb={6}>
        <Title order={2} size="h4">
          {title}
        </Title>
        {count !== undefined ? (
          <Badge variant="light" color={count ? 'red' : 'gray'} circle={count < 10}>
            {count}
          </Badge>
        ) : null}
      </Group>
      {children}
    </section>
  );
}

function TaskList({ items, cutOff = false }: { items: UrgingTask[]; cutOff?: boolean }) {
  const t = useUgT();
  if (!items.length)
    return (
      <Text size="sm" c="gray.7">
        {t('hm.empty')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {items.map((task) => (
        <UrgingTaskItem key={task.id} task={task} cutOff={cutOff} />
      ))}
    </Stack>
  );
}

export function SteerHomePage() {
  const t = useUgT();
  const { locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const unitParam = Number(params.get('unitId'));
  const home = useHome(Number.isInteger(unitParam) && unitParam > 0 ? unitParam : undefined);
  if (home.isLoading) return <PageLoader />;
  if (!home.data) return <ErrorAlert error={home.error} />;
  const h = home.data;
  const d = (iso: string | null) => formatDate(iso, locale);
  return (
    <Stack gap="lg" maw={960}>
      <SteerNav />
      <div>
        <Title order={1}>{t('hm.title')}</Title>
        <Text c="gray.7">
          {h.unitName} · {t('hm.asOf', { date: d(h.asOf) })}
        </Text>
      </div>
      {h.units.length > 1 ? (
        <Select
          label={t('hm.unit')}
          data={h.units.map((u) => ({ value: String(u.unitId), label: u.unitName }))}
          value={String(h.unitId)}
          onChange={(v) => v && setParams({ unitId: v })}
          allowDeselect={false}
          maw={420}
        />
      ) : null}
      <Paper withBorder p="sm" bg="gray.0">
        <Text fw={600}>
          {t('hm.summary', {
            overdue: h.overdue.length,
            soon: h.dueSoon.length,
            progress: h.inProgress.length,
          })}
        </Text>
      </Paper>
      <Section title={t('hm.overdue')} count={h.overdue.length} testId="home-overdue">
        <TaskList items={h.overdue} />
      </Section>
      <Section title={t('hm.dueSoon')} count={h.dueSoon.length} testId="home-due-soon">
        <TaskList items={h.dueSoon} />
      </Section>
      <Section
        title={t('hm.reportWeek', { date: d(h.weekEnd) })}
        count={h.reportThisWeek.length}
        testId="home-report-week"
      >
        <TaskList items={h.reportThisWeek} cutOff />
      </Section>
      <Section title={t('hm.returned')} count={h.returned.length} testId="home-returned">
        <TaskList items={h.returned} />
      </Section>
      <Section title={t('hm.extensions')} count={h.pendingExtensions.length} testId="home-extensions">
        {h.pendingExtensions.length ? (
          <Stack gap="xs">
            {h.pendingExtensions.map((e) => (
              <Paper key={e.extensionId} withBorder p="sm">
                <Anchor href={`/app/steer/tasks/${e.taskId}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {e.taskTitle}
                </Anchor>
                <Text size="sm">
                  {t('hm.extension', { date: d(e.requestedDue), sent: d(e.requestedAt.slice(0, 10)) })}
                </Text>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="gray.7">
            {t('hm.empty')}
          </Text>
        )}
      </Section>
      <Section title={t('hm.inProgress')} count={h.inProgress.length} testId="home-in-progress">
        <TaskList items={h.inProgress} />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('hm.letters')} testId="home-letters">
          {h.letters.length ? (
            <Stack gap="xs">
              {h.letters.map((l) => (
                <Paper key={l.id} withBorder p="sm">
                  <Text size="sm">
                    {t('hm.letterLine', {
                      number: l.number ?? t('ug.noNumber'),
                      date: d(l.issuedOn),
                      overdue: l.overdueCount,
                      soon: l.dueSoonCount,
                      reply: d(l.replyBy),
                    })}
                  </Text>
                  <Anchor href={urgingApi.letterUrl(l.id)} size="sm" download>
                    {t('ug.download')}
                  </Anchor>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="gray.7">
              {t('hm.empty')}
            </Text>
          )}
        </Section>
        <Section title={t('hm.reminders')} testId="home-reminders">
          {h.reminders.length ? (
            <Stack gap={4}>
              {h.reminders.map((r) => (
                <Text key={r.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('hm.reminderLine', {
                    kind: t(`ug.reminder.${r.kind}`),
                    task: r.taskTitle,
                    date: d(r.sentOn),
                  })}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="gray.7">
              {t('hm.empty')}
            </Text>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
