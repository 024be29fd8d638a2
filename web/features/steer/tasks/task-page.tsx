import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TaskAction } from '../../../../core/steer/lifecycle.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { postFile } from '../../../lib/api-client.js';
import { formatDate, formatDateTime, todayInVietnam } from '../../../lib/format.js';
import { useSession } from '../../auth/use-session.js';
import { SteerNav } from '../steer-nav.js';
import { ConfirmAction } from './confirm-action.js';
import { DeadlineText, StatusBadge } from './task-bits.js';
import { type TaskDetail, taskKey, tasksApi, useTaskDetail } from './tasks-api.js';
import { type TasksKey, useTkT } from './tasks-i18n.js';

// One task: details (lead and coordinating units, deadline as written and resolved, status as of a date),
// the actions the caller may take (with confirmations), progress reports with evidence and answers, extension
// requests and decisions, sub-tasks, and the full history of changes.

const REASON_ACTIONS: TaskAction[] = ['return', 'pause', 'cancel'];

export function TaskPage() {
  const t = useTkT();
  const { locale } = useI18n();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const [asOf, setAsOf] = useState(params.get('asOf') ?? todayInVietnam());
  const detail = useTaskDetail(id, asOf);
  if (detail.isPending) return <PageLoader />;
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  const d = detail.data;
  const { task } = d;

  return (
    <Stack gap="md">
      <SteerNav />
      {task.plan ? (
        <Anchor component={Link} to={`/steer/plans/${task.plan.id}`} size="sm">
          ← {t('tk.backToPlan')} {task.plan.numberSymbol}
        </Anchor>
      ) : null}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={1} size="h3">
            {task.code ? `${task.code}. ` : ''}
            {task.title}
          </Title>
          <Group gap={6}>
            <StatusBadge task={task} />
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }} data-testid="state-badge">
              {t(`tk.lifecycle.${task.state}`)}
            </Badge>
            {task.isKey ? (
              <Badge color="yellow" variant="light" style={{ textTransform: 'none' }}>
                {t('tk.key')}
              </Badge>
            ) : null}
            {task.confidential ? (
              <Badge color="red" variant="outline" style={{ textTransform: 'none' }}>
                {t('tk.confidential')}
              </Badge>
            ) : null}
            {task.status?.verified ? (
              <Badge color="green" variant="outline" style={{ textTransform: 'none' }}>
                {t('tk.verified')}
              </Badge>
            ) : null}
            {task.status?.lateAgainstOriginal && task.extended ? (
              <Badge color="orange" variant="outline" style={{ textTransform: 'none' }}>
                {t('tk.lateOriginal')}
              </Badge>
            ) : null}
            {task.isDemo ? (
              <Badge variant="outline" color="grape" style={{ textTransform: 'none' }}>
                {t('tk.demo')}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <TextInput
          type="date"
          label={t('tk.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.currentTarget.value || todayInVietnam())}
          w={190}
        />
      </Group>

      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t('tk.lead')}>
            <Text size="sm" fw={600} data-testid="lead-unit">
              {task.leadUnit.name}
            </Text>
            {task.originalLeadUnit ? (
              <Text size="xs" c="dimmed">
                {t('tk.mergedFrom', { name: task.originalLeadUnit.name })}
              </Text>
            ) : null}
          </Field>
          <Field label={t('tk.coordinators')}>
            <Text size="sm">{task.coordinatingUnits.map((u) => u.name).join('; ') || '—'}</Text>
          </Field>
          <Field label={t('tk.deadline')}>
            <DeadlineText task={task} />
          </Field>
          <Field label={t('tk.currentDue')}>
            <Text size="sm" data-testid="current-due">
              {task.currentDue ? formatDate(task.currentDue, locale) : '—'}
              {task.extended && task.deadline.due
                ? ` (${t('tk.originalDue').toLowerCase()}: ${formatDate(task.deadline.due, locale)})`
                : ''}
            </Text>
          </Field>
          <Field label={t('tk.progress')}>
            <Progress
              value={task.progressPercent}
              size="lg"
              aria-label={`${t('tk.progress')} ${task.progressPercent}%`}
            />
            <Text size="xs" c="dimmed">
              {task.progressPercent}%
            </Text>
          </Field>
          <Field label={t('tk.product')}>
            <Text size="sm">{task.expectedProduct ?? '—'}</Text>
          </Field>
          <Field label={t('tk.source')}>
            <Text size="sm">{task.source.label ?? '—'}</Text>
          </Field>
          <Field label={t('tk.assignedOn')}>
            <Text size="sm">{formatDate(task.assignedOn, locale)}</Text>
          </Field>
          {task.kpiCode ? (
            <Field label={t('tk.kpi')}>
              <Text size="sm">{task.kpiCode}</Text>
            </Field>
          ) : null}
        </SimpleGrid>
        {task.description ? (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {task.description}
          </Text>
        ) : null}
      </Card>

      <Actions detail={d} />
      {d.can.report ? <ReportForm detail={d} /> : null}
      <Extensions detail={d} />
      <ProgressTimeline detail={d} />
      {d.subTasks.length ? (
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('tk.subTasks')}
          </Title>
          <Stack gap={6}>
            {d.subTasks.map((s) => (
              <Group key={s.id} justify="space-between" wrap="wrap">
                <Anchor component={Link} to={`/steer/tasks/${s.id}`} size="sm">
                  {s.code ? `${s.code}. ` : ''}
                  {s.title} — {s.leadUnit.name}
                </Anchor>
                <StatusBadge task={s} />
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
      <History detail={d} />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function useRefresh(id: number) {
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: taskKey(id) });
    queryClient.invalidateQueries({ queryKey: ['steer', 'plans'] });
  };
}

function useUpload() {
  const session = useSession();
  return async (file: File | null) =>
    file
      ? [
          (await postFile<{ id: string }>('/api/files?purpose=evidence', file, session.data?.csrfToken ?? ''))
            .id,
        ]
      : [];
}

function Actions({ detail }: { detail: TaskDetail }) {
  const t = useTkT();
  const id = detail.task.id;
  const refresh = useRefresh(id);
  const upload = useUpload();
  const [action, setAction] = useState<TaskAction | null>(null);
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async () =>
      tasksApi.transition(id, {
        action: action!,
        reason: reason || null,
        text: text || null,
        fileIds: action === 'report_done' ? await upload(file) : [],
      }),
    onSuccess: () => {
      notify(t('tk.done'));
      setAction(null);
      setReason('');
      setText('');
      setFile(null);
      refresh();
    },
  });
  if (!detail.can.actions.length) return null;
  const needsReason = action !== null && REASON_ACTIONS.includes(action);
  return (
    <Card withBorder padding="md">
      <Text fw={600} mb="xs">
        {t('tk.actions')}
      </Text>
      <Group gap="xs">
        {detail.can.actions.map((a) => (
          <Button
            key={a}
            variant={a === 'verify' || a === 'report_done' ? 'filled' : a === 'cancel' ? 'outline' : 'light'}
            color={a === 'cancel' || a === 'return' ? 'red' : a === 'verify' ? 'green.9' : undefined}
            onClick={() => {
              run.reset();
              setAction(a);
            }}
            data-testid={`action-${a}`}
          >
            {t(`tk.action.${a}` as TasksKey)}
          </Button>
        ))}
      </Group>
      <ConfirmAction
        opened={action !== null}
        title={action ? t(`tk.action.${action}` as TasksKey) : ''}
        confirmLabel={action ? t(`tk.action.${action}` as TasksKey) : ''}
        color={action === 'cancel' || action === 'return' ? 'red' : undefined}
        loading={run.isPending}
        canConfirm={
          (!needsReason || reason.trim().length > 0) && (action !== 'report_done' || text.trim().length > 0)
        }
        onConfirm={() => run.mutate()}
        onClose={() => setAction(null)}
      >
        <ErrorAlert error={run.error} />
        <Text>{action ? t(`tk.confirm.${action}` as TasksKey) : ''}</Text>
        {needsReason ? (
          <Textarea
            label={t('tk.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        ) : null}
        {action === 'report_done' ? (
          <>
            <Textarea
              label={t('tk.doneText')}
              required
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <FileInput label={t('tk.attach')} value={file} onChange={setFile} clearable />
          </>
        ) : null}
      </ConfirmAction>
    </Card>
  );
}

function ReportForm({ detail }: { detail: TaskDetail }) {
  const t = useTkT();
  const id = detail.task.id;
  const refresh = useRefresh(id);
  const upload = useUpload();
  const [percent, setPercent] = useState<number | string>(detail.task.progressPercent);
  const [text, setText] = useState('');
  const [difficulties, setDifficulties] = useState('');
  const [proposals, setProposals] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: async () =>
      tasksApi.report(id, {
        percent: percent === '' ? null : Number(percent),
        text,
        difficulties: difficulties || null,
        proposals: proposals || null,
        fileIds: await upload(file),
      }),
    onSuccess: () => {
      notify(t('tk.sent'));
      setText('');
      setDifficulties('');
      setProposals('');
      setFile(null);
      refresh();
    },
  });
  const { errors } = useFieldErrors(send.error);
  return (
    <Card withBorder padding="md" data-testid="report-form">
      <Title order={2} size="h4" mb="xs">
        {t('tk.reportProgress')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <Stack gap="sm">
          <ErrorAlert error={send.error} />
          <NumberInput
            label={t('tk.percent')}
            min={0}
            max={99}
            value={percent}
            onChange={setPercent}
            w={200}
            error={errors.percent}
          />
          <Textarea
            label={t('tk.progressText')}
            required
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('tk.difficulties')}
              autosize
              minRows={2}
              value={difficulties}
              onChange={(e) => setDifficulties(e.currentTarget.value)}
            />
            <Textarea
              label={t('tk.proposals')}
              autosize
              minRows={2}
              value={proposals}
              onChange={(e) => setProposals(e.currentTarget.value)}
            />
          </SimpleGrid>
          <FileInput
            label={t('tk.attach')}
            value={file}
            onChange={setFile}
            clearable
            error={errors.fileIds}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={send.isPending} data-testid="send-report">
              {t('tk.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Extensions({ detail }: { detail: TaskDetail }) {
  const t = useTkT();
  const { locale } = useI18n();
  const id = detail.task.id;
  const refresh = useRefresh(id);
  const [due, setDue] = useState('');
  const [reason, setReason] = useState('');
  const [deciding, setDeciding] = useState<{
    extensionId: number;
    decision: 'approve' | 'refuse';
    date: string;
  } | null>(null);
  const [note, setNote] = useState('');
  const request = useMutation({
    mutationFn: () => tasksApi.requestExtension(id, { requestedDue: due, reason }),
    onSuccess: () => {
      notify(t('tk.sent'));
      setDue('');
      setReason('');
      refresh();
    },
  });
  const decide = useMutation({
    mutationFn: () =>
      tasksApi.decideExtension(id, deciding!.extensionId, {
        decision: deciding!.decision,
        note: note || null,
      }),
    onSuccess: () => {
      notify(t('tk.done'));
      setDeciding(null);
      setNote('');
      refresh();
    },
  });
  const { errors } = useFieldErrors(request.error);
  if (!detail.extensions.length && !detail.can.requestExtension) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('tk.extensions')}
      </Title>
      <Stack gap="xs">
        {detail.extensions.map((e) => (
          <Group key={e.id} justify="space-between" wrap="wrap" data-testid="extension">
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm">
                {t('tk.extLine', {
                  from: formatDate(e.previousDue, locale) || '—',
                  to: formatDate(e.requestedDue, locale),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {e.requestedBy} · {formatDateTime(e.requestedAt, locale)} · {t('tk.reason')}: {e.reason}
              </Text>
              {e.decidedBy ? (
                <Text size="xs" c="dimmed">
                  {e.decidedBy} · {formatDate(e.decidedOn, locale)}
                  {e.decisionNote ? ` · ${e.decisionNote}` : ''}
                </Text>
              ) : null}
            </Stack>
            <Group gap="xs">
              <Badge
                color={e.status === 'approved' ? 'green' : e.status === 'refused' ? 'red' : 'orange'}
                variant="light"
                style={{ textTransform: 'none' }}
              >
                {t(`tk.extStatus.${e.status}`)}
              </Badge>
              {e.status === 'pending' && detail.can.decideExtension ? (
                <>
                  <Button
                    size="xs"
                    color="green.9"
                    onClick={() =>
                      setDeciding({ extensionId: e.id, decision: 'approve', date: e.requestedDue })
                    }
                  >
                    {t('tk.approve')}
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() =>
                      setDeciding({ extensionId: e.id, decision: 'refuse', date: e.requestedDue })
                    }
                  >
                    {t('tk.refuse')}
                  </Button>
                </>
              ) : null}
            </Group>
          </Group>
        ))}
        {detail.can.requestExtension ? (
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              request.mutate();
            }}
          >
            <Stack gap="xs" mt="xs">
              <ErrorAlert error={request.error} />
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('tk.newDue')}
                  required
                  value={due}
                  onChange={(e) => setDue(e.currentTarget.value)}
                  error={errors.requestedDue}
                  w={200}
                />
                <TextInput
                  label={t('tk.extReason')}
                  required
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={errors.reason}
                  style={{ flex: 1, minWidth: 220 }}
                />
                <Button type="submit" variant="light" loading={request.isPending}>
                  {t('tk.requestExtension')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
      <ConfirmAction
        opened={deciding !== null}
        title={deciding?.decision === 'approve' ? t('tk.approve') : t('tk.refuse')}
        confirmLabel={deciding?.decision === 'approve' ? t('tk.approve') : t('tk.refuse')}
        color={deciding?.decision === 'approve' ? 'green.9' : 'red'}
        loading={decide.isPending}
        onConfirm={() => decide.mutate()}
        onClose={() => setDeciding(null)}
      >
        <ErrorAlert error={decide.error} />
        <Text>
          {deciding?.decision === 'approve'
            ? t('tk.confirmApprove', { date: formatDate(deciding.date, locale) })
            : t('tk.confirmRefuse')}
        </Text>
        <TextInput
          label={t('tk.decisionNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </ConfirmAction>
    </Card>
  );
}

function ProgressTimeline({ detail }: { detail: TaskDetail }) {
  const t = useTkT();
  const { locale } = useI18n();
  const id = detail.task.id;
  const refresh = useRefresh(id);
  const [answering, setAnswering] = useState<number | null>(null);
  const [answer, setAnswer] = useState('');
  const send = useMutation({
    mutationFn: () => tasksApi.answer(id, answering!, answer),
    onSuccess: () => {
      notify(t('tk.done'));
      setAnswering(null);
      setAnswer('');
      refresh();
    },
  });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('tk.timeline')}
      </Title>
      {!detail.progress.length ? (
        <Text size="sm" c="dimmed">
          {t('tk.noProgress')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {detail.progress.map((p) => (
            <Timeline.Item
              key={p.id}
              color={p.kind === 'done' ? 'green' : 'blue'}
              title={
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {formatDate(p.reportedOn, locale)} · {p.unit.name} ({t(`tk.role.${p.role}`)})
                  </Text>
                  <Badge size="xs" variant="light" style={{ textTransform: 'none' }}>
                    {t(`tk.reportKind.${p.kind}`)}
                    {p.percent !== null ? ` · ${p.percent}%` : ''}
                  </Badge>
                </Group>
              }
              data-testid="progress-item"
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.text}
              </Text>
              {p.difficulties ? (
                <Text size="sm">
                  <b>{t('tk.difficulties')}:</b> {p.difficulties}
                </Text>
              ) : null}
              {p.proposals ? (
                <Text size="sm">
                  <b>{t('tk.proposals')}:</b> {p.proposals}
                </Text>
              ) : null}
              {p.files.length ? (
                <Group gap="xs">
                  <Text size="sm">{t('tk.evidence')}:</Text>
                  {p.files.map((f) => (
                    <Anchor key={f.id} href={`/api/files/${f.id}`} size="sm" target="_blank">
                      {f.name}
                    </Anchor>
                  ))}
                </Group>
              ) : null}
              {p.answer ? (
                <Text size="sm" c="teal.8">
                  <b>{t('tk.answer')}:</b> {p.answer} ({p.answeredBy})
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {p.reportedBy} · {formatDateTime(p.createdAt, locale)}
              </Text>
              {p.proposals && !p.answer && detail.can.answer ? (
                answering === p.id ? (
                  <Stack gap={4} mt={4}>
                    <ErrorAlert error={send.error} />
                    <Textarea
                      label={t('tk.answer')}
                      autosize
                      minRows={2}
                      value={answer}
                      onChange={(e) => setAnswer(e.currentTarget.value)}
                    />
                    <Group gap="xs">
                      <Button
                        size="xs"
                        loading={send.isPending}
                        disabled={!answer.trim()}
                        onClick={() => send.mutate()}
                      >
                        {t('tk.save')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setAnswering(null)}>
                        {t('tk.cancel')}
                      </Button>
                    </Group>
                  </Stack>
                ) : (
                  <Button size="xs" variant="subtle" onClick={() => setAnswering(p.id)}>
                    {t('tk.answerAction')}
                  </Button>
                )
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

function History({ detail }: { detail: TaskDetail }) {
  const t = useTkT();
  const { locale } = useI18n();
  const value = (field: string | null, v: string | null) => {
    if (v === null) return '—';
    if (field === 'state') return t(`tk.lifecycle.${v}` as TasksKey);
    if (field === 'currentDue') return formatDate(v, locale);
    if (field === 'isKey' || field === 'confidential') return v === '1' ? t('tk.yes') : t('tk.no');
    return v;
  };
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('tk.history')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} data-testid="history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tk.when')}</Table.Th>
              <Table.Th>{t('tk.who')}</Table.Th>
              <Table.Th>{t('tk.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <Text size="sm">{formatDateTime(h.at, locale)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{h.actor}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`tk.historyKind.${h.kind}` as TasksKey)}
                    {h.field && h.kind !== 'state' ? ` · ${t(`tk.field.${h.field}` as TasksKey)}` : ''}
                  </Text>
                  {h.oldValue !== null || (h.newValue !== null && h.kind !== 'created') ? (
                    <Text size="sm">
                      {value(h.field, h.oldValue)} → {value(h.field, h.newValue)}
                    </Text>
                  ) : null}
                  {h.kind === 'created' && h.newValue ? <Text size="sm">{h.newValue}</Text> : null}
                  {h.note ? (
                    <Text size="xs" c="dimmed">
                      {h.note}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
