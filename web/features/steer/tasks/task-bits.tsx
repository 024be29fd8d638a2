import { Badge, Group, Text } from '@mantine/core';
import type { TaskView } from '../../../../core/contracts/steer-tasks.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate } from '../../../lib/format.js';
import { STATUS_COLORS, useTkT } from './tasks-i18n.js';

// Small pieces shared by the plan and task pages: the derived status badge and the deadline as written + resolved.

export function StatusBadge({ task }: { task: TaskView }) {
  const t = useTkT();
  const s = task.status;
  if (!s) return null;
  const extra =
    s.daysOverdue !== null && s.status === 'overdue'
      ? t('tk.daysOverdue', { n: s.daysOverdue })
      : s.daysLate !== null && s.status === 'done_late'
        ? t('tk.daysLate', { n: s.daysLate })
        : s.status === 'due_soon' && s.daysUntilDue !== null
          ? t('tk.daysLeft', { n: s.daysUntilDue })
          : null;
  return (
    <Badge
      color={STATUS_COLORS[s.status]}
      variant="light"
      data-testid="status-badge"
      style={{ textTransform: 'none' }}
    >
      {t(`tk.st.${s.status}`)}
      {extra ? ` · ${extra}` : ''}
    </Badge>
  );
}

export function DeadlineText({ task, compact = false }: { task: TaskView; compact?: boolean }) {
  const t = useTkT();
  const { locale } = useI18n();
  const d = task.deadline;
  const resolved = d.cycle
    ? t('tk.ongoing', { cycle: t(`tk.cycle.${d.cycle}`).toLowerCase() }) +
      (d.due ? ` · ${t('tk.resolved', { date: formatDate(d.due, locale) })}` : '')
    : t('tk.resolved', { date: formatDate(d.due, locale) });
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={500}>
        {d.written}
      </Text>
      {compact ? null : (
        <Text size="sm" c="dimmed">
          ({resolved})
        </Text>
      )}
      {task.extended && task.currentDue ? (
        <Badge size="sm" variant="outline" color="violet" style={{ textTransform: 'none' }}>
          {t('tk.extended')}: {formatDate(task.currentDue, locale)}
        </Badge>
      ) : null}
    </Group>
  );
}
