import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { roleGrants } from '../../../../core/accounts/permissions.js';
import { TASK_STATUSES } from '../../../../core/steer/types.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate, todayInVietnam } from '../../../lib/format.js';
import { useSession } from '../../auth/use-session.js';
import { UnitPicker } from '../../units/unit-picker.js';
import { SteerNav } from '../steer-nav.js';
import { ConfirmAction } from '../tasks/confirm-action.js';
import { DeadlineText, StatusBadge } from '../tasks/task-bits.js';
import { type PlanTree, type TaskView, tasksApi, usePlanTree } from '../tasks/tasks-api.js';
import { useTkT } from '../tasks/tasks-i18n.js';

// One plan: its header (number, issuing body, date, period, legal basis, status), and its tasks grouped by the
// appendix's Roman-numeral groups with sub-tasks under their parent, each with its status as of a chosen date.
// Filters by status, key flag and text (task or unit). The secretariat issues the plan, adds groups and tasks.

export function PlanPage() {
  const t = useTkT();
  const { locale } = useI18n();
  const id = Number(useParams().id);
  const [asOf, setAsOf] = useState(todayInVietnam());
  const tree = usePlanTree(id, asOf);
  const session = useSession();
  const canManage = (session.data?.grants ?? []).some((g) => roleGrants(g.role, 'steer.manage'));
  const [status, setStatus] = useState<string | null>(null);
  const [keyOnly, setKeyOnly] = useState(false);
  const [text, setText] = useState('');
  const [addingGroup, groupModal] = useDisclosure(false);
  const [addingTask, taskModal] = useDisclosure(false);
  const [issuing, issueDialog] = useDisclosure(false);
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: () => tasksApi.issuePlan(id),
    onSuccess: () => {
      issueDialog.close();
      notify(t('tk.done'));
      queryClient.invalidateQueries({ queryKey: ['steer', 'plans'] });
    },
  });

  const visible = useMemo(() => {
    const items = tree.data?.tasks ?? [];
    const needle = foldVietnamese(text.trim());
    const matches = (task: TaskView) =>
      (!status || task.status?.status === status) &&
      (!keyOnly || task.isKey) &&
      (!needle ||
        [task.title, task.leadUnit.name, ...task.coordinatingUnits.map((u) => u.name)].some((s) =>
          foldVietnamese(s).includes(needle),
        ));
    const shown = new Set(items.filter(matches).map((x) => x.id));
    // A parent stays visible when one of its sub-tasks matches.
    for (const x of items) if (shown.has(x.id) && x.parentId) shown.add(x.parentId);
    return items.filter((x) => shown.has(x.id));
  }, [tree.data, status, keyOnly, text]);

  if (tree.isPending) return <PageLoader />;
  if (tree.error || !tree.data) return <ErrorAlert error={tree.error} />;
  const { plan, groups } = tree.data;
  const sections = [
    ...groups.map((g) => ({
      key: `g${g.id}`,
      title: `${g.code}. ${g.title}`,
      groupId: g.id as number | null,
    })),
    { key: 'none', title: t('tk.ungrouped'), groupId: null },
  ];

  return (
    <Stack gap="md">
      <SteerNav />
      <Anchor component={Link} to="/steer" size="sm">
        ← {t('tk.backToPlans')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Title order={1} size="h2">
            {plan.numberSymbol}
          </Title>
          <Text fw={500}>{plan.title}</Text>
          <Text size="sm" c="dimmed">
            {plan.issuingBody} · {t('tk.issuedOn')} {formatDate(plan.issuedOn, locale)} · {t('tk.period')}:{' '}
            {formatDate(plan.periodFrom, locale)} – {formatDate(plan.periodTo, locale)}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" style={{ textTransform: 'none' }}>
            {t(`tk.planStatus.${plan.status}`)}
          </Badge>
          {plan.isDemo ? (
            <Badge variant="outline" color="grape" style={{ textTransform: 'none' }}>
              {t('tk.demo')}
            </Badge>
          ) : null}
          {canManage && plan.status === 'draft' ? (
            <Button onClick={issueDialog.open}>{t('tk.issue')}</Button>
          ) : null}
        </Group>
      </Group>
      {plan.legalBasis.length ? (
        <Card withBorder padding="sm">
          <Text fw={600} size="sm">
            {t('tk.legalBasis')}
          </Text>
          <List size="sm">
            {plan.legalBasis.map((l) => (
              <List.Item key={l.title}>
                {l.url ? (
                  <Anchor href={l.url} target="_blank" rel="noreferrer">
                    {l.title}
                  </Anchor>
                ) : (
                  l.title
                )}
              </List.Item>
            ))}
          </List>
        </Card>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput
          type="date"
          label={t('tk.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.currentTarget.value || todayInVietnam())}
          data-testid="as-of"
        />
        <Select
          label={t('tk.filterStatus')}
          data={[
            { value: '', label: t('tk.filterAll') },
            ...TASK_STATUSES.map((s) => ({ value: s, label: t(`tk.st.${s}`) })),
          ]}
          value={status ?? ''}
          onChange={(v) => setStatus(v || null)}
          allowDeselect={false}
        />
        <TextInput label={t('tk.filterText')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Switch
          mt={{ sm: 30 }}
          label={t('tk.keyOnly')}
          checked={keyOnly}
          onChange={(e) => setKeyOnly(e.currentTarget.checked)}
        />
      </SimpleGrid>
      {canManage && plan.status !== 'superseded' ? (
        <Group gap="xs">
          <Button variant="light" onClick={taskModal.open}>
            {t('tk.newTask')}
          </Button>
          <Button variant="default" onClick={groupModal.open}>
            {t('tk.newGroup')}
          </Button>
        </Group>
      ) : null}
      {!visible.length ? <Alert color="gray">{t('tk.noTasks')}</Alert> : null}
      {sections.map((section) => {
        const top = visible.filter((x) => x.groupId === section.groupId && !x.parentId);
        if (!top.length) return null;
        return (
          <Card key={section.key} withBorder padding="sm" data-testid="task-group">
            <Text fw={700} mb="xs">
              {section.title}
            </Text>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={50}>{t('tk.stt')}</Table.Th>
                    <Table.Th>{t('tk.task')}</Table.Th>
                    <Table.Th>{t('tk.lead')}</Table.Th>
                    <Table.Th>{t('tk.deadline')}</Table.Th>
                    <Table.Th w={110}>{t('tk.progress')}</Table.Th>
                    <Table.Th>{t('tk.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {top.map((task) => (
                    <Fragment key={task.id}>
                      <TaskRow task={task} asOf={asOf} />
                      {visible
                        .filter((x) => x.parentId === task.id)
                        .map((sub) => (
                          <TaskRow key={sub.id} task={sub} asOf={asOf} indent />
                        ))}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        );
      })}
      <ConfirmAction
        opened={issuing}
        title={t('tk.issue')}
        confirmLabel={t('tk.issue')}
        loading={issue.isPending}
        onConfirm={() => issue.mutate()}
        onClose={issueDialog.close}
      >
        <ErrorAlert error={issue.error} />
        <Text>{t('tk.confirmIssue', { n: plan.numberSymbol })}</Text>
      </ConfirmAction>
      <AppModal opened={addingGroup} onClose={groupModal.close} title={t('tk.newGroup')}>
        <GroupForm planId={id} onDone={groupModal.close} />
      </AppModal>
      <AppModal opened={addingTask} onClose={taskModal.close} title={t('tk.newTask')} size="lg">
        <TaskForm tree={tree.data} onDone={taskModal.close} />
      </AppModal>
    </Stack>
  );
}

function TaskRow({ task, asOf, indent = false }: { task: TaskView; asOf: string; indent?: boolean }) {
  const t = useTkT();
  return (
    <Table.Tr data-testid="task-row">
      <Table.Td>{task.code}</Table.Td>
      <Table.Td pl={indent ? 32 : undefined}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Anchor
            component={Link}
            to={`/steer/tasks/${task.id}?asOf=${asOf}`}
            size="sm"
            fw={task.isKey ? 600 : 400}
          >
            {task.title}
          </Anchor>
          {task.isKey ? (
            <Badge size="xs" color="yellow" variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
              {t('tk.key')}
            </Badge>
          ) : null}
          {task.confidential ? (
            <Badge size="xs" color="red" variant="outline" style={{ textTransform: 'none', flexShrink: 0 }}>
              {t('tk.confidential')}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{task.leadUnit.name}</Text>
        {task.originalLeadUnit ? (
          <Text size="xs" c="dimmed">
            {t('tk.mergedFrom', { name: task.originalLeadUnit.name })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <DeadlineText task={task} compact />
      </Table.Td>
      <Table.Td>
        <Progress
          value={task.progressPercent}
          size="sm"
          aria-label={`${t('tk.progress')} ${task.progressPercent}%`}
        />
        <Text size="xs" c="dimmed">
          {task.progressPercent}%
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge task={task} />
      </Table.Td>
    </Table.Tr>
  );
}

function GroupForm({ planId, onDone }: { planId: number; onDone: () => void }) {
  const t = useTkT();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const save = useMutation({
    mutationFn: () => tasksApi.addGroup(planId, { code, title }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['steer', 'plans', planId] });
      notify(t('tk.done'));
      onDone();
    },
  });
  const { errors } = useFieldErrors(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <TextInput
          label={t('tk.groupCode')}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
        />
        <TextInput
          label={t('tk.groupTitle')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('tk.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type UnitChoice = { id: number; name: string } | null;

function TaskForm({ tree, onDone }: { tree: PlanTree; onDone: () => void }) {
  const t = useTkT();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    title: '',
    code: '',
    description: '',
    deadline: '',
    expectedProduct: '',
    kpiCode: '',
    groupId: '',
    parentId: '',
  });
  const [isKey, setIsKey] = useState(true);
  const [confidential, setConfidential] = useState(false);
  const [lead, setLead] = useState<UnitChoice>(null);
  const [coordinators, setCoordinators] = useState<UnitChoice[]>([]);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const save = useMutation({
    mutationFn: () =>
      tasksApi.createTask({
        planId: tree.plan.id,
        groupId: form.groupId ? Number(form.groupId) : null,
        parentId: form.parentId ? Number(form.parentId) : null,
        code: form.code || null,
        title: form.title,
        description: form.description || null,
        isKey,
        leadUnitIds: lead ? [lead.id] : [],
        coordinatingUnitIds: coordinators.flatMap((c) => (c ? [c.id] : [])),
        expectedProduct: form.expectedProduct || null,
        kpiCode: form.kpiCode || null,
        deadline: form.deadline,
        confidential,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['steer', 'plans'] });
      notify(t('tk.created'));
      onDone();
    },
  });
  const { errors } = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('tk.group')}
            data={[
              { value: '', label: '—' },
              ...tree.groups.map((g) => ({ value: String(g.id), label: `${g.code}. ${g.title}` })),
            ]}
            value={form.groupId}
            onChange={(v) => set('groupId')(v ?? '')}
            allowDeselect={false}
            error={errors.groupId}
          />
          <Select
            label={t('tk.subTasks')}
            description={t('tk.task')}
            data={[
              { value: '', label: '—' },
              ...tree.tasks
                .filter((x) => !x.parentId)
                .map((x) => ({ value: String(x.id), label: `${x.code ?? ''} ${x.title}` })),
            ]}
            value={form.parentId}
            onChange={(v) => set('parentId')(v ?? '')}
            allowDeselect={false}
            error={errors.parentId}
          />
        </SimpleGrid>
        <Group grow align="flex-start">
          <TextInput
            label={t('tk.stt')}
            maw={100}
            value={form.code}
            onChange={(e) => set('code')(e.currentTarget.value)}
          />
          <Textarea
            label={t('tk.taskTitle')}
            required
            autosize
            minRows={2}
            value={form.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
          />
        </Group>
        <UnitPicker
          label={t('tk.lead')}
          value={lead?.id ?? null}
          onChange={setLead}
          error={errors.leadUnitIds}
          testId="lead-picker"
        />
        {coordinators.map((c, i) => (
          <UnitPicker
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
            key={i}
            label={`${t('tk.coordinators')} ${i + 1}`}
            value={c?.id ?? null}
            onChange={(u) => setCoordinators((rows) => rows.map((r, j) => (j === i ? u : r)))}
            error={i === 0 ? errors.coordinatingUnitIds : undefined}
          />
        ))}
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() => setCoordinators((rows) => [...rows, null])}
        >
          + {t('tk.addCoordinator')}
        </Button>
        <TextInput
          label={t('tk.deadlineWritten')}
          description={t('tk.deadlineHint')}
          required
          value={form.deadline}
          onChange={(e) => set('deadline')(e.currentTarget.value)}
          error={errors.deadline}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('tk.product')}
            value={form.expectedProduct}
            onChange={(e) => set('expectedProduct')(e.currentTarget.value)}
          />
          <TextInput
            label={t('tk.kpi')}
            value={form.kpiCode}
            onChange={(e) => set('kpiCode')(e.currentTarget.value)}
            error={errors.kpiCode}
          />
        </SimpleGrid>
        <Textarea
          label={t('tk.description')}
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
        />
        <Checkbox label={t('tk.isKey')} checked={isKey} onChange={(e) => setIsKey(e.currentTarget.checked)} />
        <Checkbox
          label={t('tk.confidential')}
          description={t('tk.confidentialHint')}
          checked={confidential}
          onChange={(e) => setConfidential(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('tk.newTask')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
