import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate } from '../../../lib/format.js';
import type { UrgingTask } from './urging-api.js';
import { useUgT } from './urging-i18n.js';

const STATUS_COLOR: Record<string, string> = { overdue: 'red', due_soon: 'orange', in_progress: 'blue' };

/** One task in an urging list: title (to the task page), the deadline as written and as a date, how late. */
export function UrgingTaskItem({ task, cutOff = false }: { task: UrgingTask; cutOff?: boolean }) {
  const t = useUgT();
  const { locale } = useI18n();
  const date = formatDate(task.due, locale);
  const delay =
    task.daysOverdue !== null
      ? t('ug.daysLate', { n: task.daysOverdue })
      : task.daysUntilDue === 0
        ? t('ug.dueToday')
        : task.daysUntilDue !== null
          ? t('ug.daysLeft', { n: task.daysUntilDue })
          : null;
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`task-${task.id}`}>
      <Stack gap={4}>
        <Anchor component={Link} to={`/steer/tasks/${task.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {task.title}
        </Anchor>
        {task.source ? (
          <Text size="xs" c="gray.7">
            {task.source}
          </Text>
        ) : null}
        <Group gap={6} wrap="wrap">
          <Badge color={STATUS_COLOR[task.status] ?? 'gray'} variant="light" tt="none">
            {t(`ug.status.${task.status}`)}
          </Badge>
          {task.state === 'returned' ? (
            <Badge color="grape" variant="light" tt="none">
              {t('ug.state.returned')}
            </Badge>
          ) : null}
          {task.isKey ? (
            <Badge color="indigo" variant="outline" tt="none">
              {t('ug.key')}
            </Badge>
          ) : null}
          {delay ? (
            <Text size="sm" fw={600} c={task.daysOverdue !== null ? 'red.8' : 'gray.8'}>
              {delay}
            </Text>
          ) : null}
        </Group>
        <Text size="sm" c="gray.8">
          {cutOff
            ? t('hm.cutOff', { date })
            : `${t('ug.deadline')}: ${task.deadlineWritten}${date && date !== task.deadlineWritten ? ` (${date})` : ''}`}
          {task.progressPercent > 0 ? ` · ${t('hm.progress', { n: task.progressPercent })}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
