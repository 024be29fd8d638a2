import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { Conclusion } from '../../../../core/contracts/steer-meetings.js';
import type { TaskStatus } from '../../../../core/steer/types.js';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate } from '../../../lib/format.js';
import { UnitPicker } from '../../units/unit-picker.js';
import { type MeetingDetail, meetingKey, meetingsApi } from './meetings-api.js';
import { useMtT } from './meetings-i18n.js';

// The numbered conclusions of a meeting: each one's task and live status once assigned, and for the secretariat
// adding, editing, deleting (confirmed) and "Giao nhiệm vụ" (a form, then a confirmation: it cannot be undone).

export const STATUS_COLORS: Record<TaskStatus, string> = {
  done_on_time: 'green',
  done_late: 'teal',
  in_progress: 'blue',
  due_soon: 'yellow',
  overdue: 'red',
  paused: 'gray',
  cancelled: 'gray',
  not_due: 'gray',
};

/** "30/11/2026" → "2026-11-30" (other written forms → null). */
function parseWrittenDate(written: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(written.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

function useMeetingUpdate(meetingId: number) {
  const queryClient = useQueryClient();
  return (detail: MeetingDetail) => {
    queryClient.setQueryData(meetingKey(meetingId), detail);
    queryClient.invalidateQueries({ queryKey: ['steer', 'meetings', 'list'] });
  };
}

function AssignForm({
  meeting,
  conclusion,
  onDone,
}: {
  meeting: MeetingDetail;
  conclusion: Conclusion;
  onDone: () => void;
}) {
  const t = useMtT();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ title: '', deadline: '', expectedProduct: '' });
  const [lead, setLead] = useState<{ id: number; name: string } | null>(null);
  const [coordinators, setCoordinators] = useState<({ id: number; name: string } | null)[]>([]);
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      meetingsApi.convert(meeting.id, conclusion.id, {
        ...(form.title.trim() ? { title: form.title } : {}),
        leadUnitId: lead?.id ?? 0,
        coordinatingUnitIds: coordinators.flatMap((c) => (c ? [c.id] : [])),
        deadline: form.deadline,
        expectedProduct: form.expectedProduct || null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
      queryClient.invalidateQueries({ queryKey: ['steer', 'meetings', 'list'] });
      notify(t('mt.assigned'));
      onDone();
    },
    // Back to the form, with everything typed still there and the errors beside the fields.
    onError: () => setConfirming(false),
  });
  const { errors, touch } = useFieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setConfirming(true);
  };
  if (confirming) {
    return (
      <Stack>
        <Text>{t('mt.confirmAssign', { unit: lead?.name ?? '', deadline: form.deadline })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('mt.cancel')}
          </Button>
          <Button loading={mutation.isPending} onClick={() => mutation.mutate()} data-testid="confirm-assign">
            {t('mt.confirm')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {conclusion.text}
        </Text>
        <ErrorAlert error={mutation.error} />
        <TextInput
          label={t('mt.taskTitle')}
          placeholder={t('mt.taskTitleHint')}
          value={form.title}
          onChange={(e) => {
            const value = e.currentTarget.value;
            touch('title');
            setForm((f) => ({ ...f, title: value }));
          }}
          error={errors.title}
        />
        <UnitPicker
          label={t('mt.lead')}
          value={lead?.id ?? null}
          initialLabel={lead?.name}
          onChange={(u) => {
            touch('leadUnitId');
            setLead(u);
          }}
          error={errors.leadUnitId}
          testId="assign-lead"
        />
        {coordinators.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id
          <Group key={i} align="flex-end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <UnitPicker
                label={`${t('mt.coordinators')} ${i + 1}`}
                value={c?.id ?? null}
                initialLabel={c?.name}
                onChange={(u) => setCoordinators((rows) => rows.map((r, j) => (j === i ? u : r)))}
                error={
                  errors[`coordinatingUnitIds.${i}`] ?? (i === 0 ? errors.coordinatingUnitIds : undefined)
                }
              />
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('mt.remove')}
              onClick={() => setCoordinators((rows) => rows.filter((_, j) => j !== i))}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => setCoordinators((r) => [...r, null])}
        >
          {t('mt.addCoordinator')}
        </Button>
        <TextInput
          label={t('mt.deadline')}
          description={t('mt.deadlineHint')}
          required
          value={form.deadline}
          onChange={(e) => {
            const value = e.currentTarget.value;
            touch('deadline');
            setForm((f) => ({ ...f, deadline: value }));
          }}
          error={errors.deadline}
          data-testid="assign-deadline"
        />
        <TextInput
          label={t('mt.product')}
          value={form.expectedProduct}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setForm((f) => ({ ...f, expectedProduct: value }));
          }}
          error={errors.expectedProduct}
        />
        <Group justify="flex-end">
          <Button type="submit" disabled={!lead || !form.deadline.trim()}>
            {t('mt.assign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConclusionCard({ meeting, conclusion }: { meeting: MeetingDetail; conclusion: Conclusion }) {
  const t = useMtT();
  const { locale } = useI18n();
  const update = useMeetingUpdate(meeting.id);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(conclusion.text);
  const [assigning, setAssigning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const save = useMutation({
    mutationFn: () => meetingsApi.updateConclusion(meeting.id, conclusion.id, text),
    onSuccess: (d) => {
      update(d);
      setEditing(false);
    },
  });
  const remove = useMutation({
    mutationFn: () => meetingsApi.removeConclusion(meeting.id, conclusion.id),
    onSuccess: (d) => {
      setDeleting(false);
      update(d);
    },
  });
  const task = conclusion.task;
  const open = meeting.canManage && conclusion.convertedAt === null;
  return (
    <Card withBorder padding="sm" data-testid="conclusion">
      <Stack gap={6}>
        <Group align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700} miw={24}>
            {conclusion.position}.
          </Text>
          {editing ? (
            <Stack gap="xs" style={{ flex: 1 }}>
              <ErrorAlert error={save.error} />
              <Textarea
                aria-label={t('mt.conclusionText')}
                autosize
                minRows={2}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
              <Group gap="xs">
                <Button size="xs" loading={save.isPending} onClick={() => save.mutate()}>
                  {t('mt.save')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                  {t('mt.cancel')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text style={{ flex: 1, whiteSpace: 'pre-wrap' }}>{conclusion.text}</Text>
          )}
        </Group>
        {task ? (
          <Group gap="xs" wrap="wrap" pl={32}>
            <Badge
              color={STATUS_COLORS[task.status]}
              variant="light"
              h="auto"
              styles={{ label: { whiteSpace: 'normal' } }}
              data-testid="conclusion-status"
            >
              {t(`mt.status.${task.status}`)}
              {task.daysOverdue ? ` · ${t('mt.daysOverdue', { n: task.daysOverdue })}` : ''}
            </Badge>
            <Anchor component={Link} to={`/steer/tasks/${task.id}`} size="sm">
              {t('mt.task')}: {task.title.length > 80 ? `${task.title.slice(0, 79)}…` : task.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('mt.lead')}: {task.leadUnitName} ·{' '}
              {task.due ? t('mt.due', { date: formatDate(task.due, locale) }) : t('mt.noDue')}
              {/* The deadline as the notice wrote it, when that says more than the date ("Quý IV/2026"). */}
              {task.due && task.due === parseWrittenDate(task.deadlineWritten)
                ? ''
                : ` (${task.deadlineWritten})`}
            </Text>
          </Group>
        ) : conclusion.convertedAt ? (
          <Text size="sm" c="dimmed" pl={32}>
            {t('mt.taskHidden')}
          </Text>
        ) : null}
        {open && !editing ? (
          <Group gap="xs" pl={32}>
            <Button
              size="xs"
              onClick={() => setAssigning(true)}
              disabled={!meeting.notice}
              data-testid="assign-button"
            >
              {t('mt.assign')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t('mt.edit')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(true)}>
              {t('mt.delete')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <AppModal
        opened={assigning}
        onClose={() => setAssigning(false)}
        title={t('mt.assignTitle', { n: conclusion.position })}
        size="lg"
      >
        <AssignForm meeting={meeting} conclusion={conclusion} onDone={() => setAssigning(false)} />
      </AppModal>
      <AppModal opened={deleting} onClose={() => setDeleting(false)} title={t('mt.delete')}>
        <Stack>
          <ErrorAlert error={remove.error} />
          <Text>{t('mt.confirmDeleteConclusion', { n: conclusion.position })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('mt.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('mt.delete')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}

export function ConclusionsSection({ meeting }: { meeting: MeetingDetail }) {
  const t = useMtT();
  const update = useMeetingUpdate(meeting.id);
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => meetingsApi.addConclusion(meeting.id, text),
    onSuccess: (d) => {
      update(d);
      setText('');
    },
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('mt.conclusions')}
      </Title>
      {meeting.canManage && !meeting.notice && meeting.conclusions.some((c) => !c.convertedAt) ? (
        <Alert color="yellow">{t('mt.noticeFirst')}</Alert>
      ) : null}
      {!meeting.conclusions.length ? <Text c="dimmed">{t('mt.noConclusions')}</Text> : null}
      {meeting.conclusions.map((c) => (
        <ConclusionCard
          key={`${c.id}-${c.position}-${c.convertedAt ?? ''}`}
          meeting={meeting}
          conclusion={c}
        />
      ))}
      {meeting.canManage ? (
        <Stack gap="xs">
          <ErrorAlert error={add.error} />
          <Textarea
            label={t('mt.addConclusion')}
            placeholder={t('mt.conclusionText')}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button
            w="fit-content"
            size="xs"
            disabled={!text.trim()}
            loading={add.isPending}
            onClick={() => add.mutate()}
          >
            {t('mt.addConclusion')}
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}
