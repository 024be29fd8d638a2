import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ImportName, ImportTask, UnresolvedName } from '../../../../core/contracts/steer-import.js';
import type { PlanView } from '../../../../core/contracts/steer-tasks.js';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { api } from '../../../lib/api-client.js';
import { formatDate } from '../../../lib/format.js';
import { useSession } from '../../auth/use-session.js';
import { importApi, type SteerImportView } from './import-api.js';
import { type ImportT, useImT } from './import-i18n.js';

// Importing a plan's task appendix: upload → progress while a large file is read → preview (groups, tasks, the
// units each name resolved to, the names to pick by hand, row errors) → confirm in a dialog. Picks are kept in the
// browser's session storage, so a reload or a failed confirm never loses them.

const SKIP = 'skip';
const PREVIEW_ROWS = 300;

type Picks = Record<string, string>;

function usePicks(importId: number | null): [Picks, (key: string, value: string | null) => void] {
  const storageKey = importId ? `dxboard.steer-import.${importId}` : null;
  const [picks, setPicks] = useState<Picks>({});
  useEffect(() => {
    if (!storageKey) return setPicks({});
    try {
      setPicks(JSON.parse(sessionStorage.getItem(storageKey) ?? '{}'));
    } catch {
      setPicks({});
    }
  }, [storageKey]);
  const set = (key: string, value: string | null) =>
    setPicks((old) => {
      const next = { ...old };
      if (value) next[key] = value;
      else delete next[key];
      if (storageKey) sessionStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  return [picks, set];
}

function DeadlineCell({ task, t }: { task: ImportTask; t: ImportT }) {
  const { locale } = useI18n();
  const d = task.deadline;
  if (!d) return <Text size="sm">{t('im.noDeadline')}</Text>;
  const resolved = d.cycle
    ? t('im.ongoing', { cycle: t(`im.cycle.${d.cycle}`).toLowerCase() }) +
      (d.due ? ` · ${t('im.due', { date: formatDate(d.due, locale) })}` : '')
    : t('im.due', { date: formatDate(d.due, locale) });
  return (
    <Stack gap={0}>
      <Text size="sm">{d.written}</Text>
      <Text size="xs" c="dimmed">
        {resolved}
      </Text>
    </Stack>
  );
}

function NameCell({
  name,
  picks,
  unitName,
  t,
}: {
  name: ImportName;
  picks: Picks;
  unitName: Map<string, string>;
  t: ImportT;
}) {
  if (name.unit) return <Text size="sm">{name.unit.name}</Text>;
  const pick = picks[name.key];
  if (pick === SKIP)
    return (
      <Text size="sm" c="dimmed" td="line-through" title={t('im.skipped')}>
        {name.name}
      </Text>
    );
  if (pick)
    return (
      <Text size="sm" title={name.name}>
        {unitName.get(pick) ?? name.name}
      </Text>
    );
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{name.name}</Text>
      <Badge color="orange.9" variant="outline" size="sm">
        {t('im.toPick')}
      </Badge>
    </Group>
  );
}

function UnresolvedPicker({
  item,
  view,
  value,
  onChange,
  t,
}: {
  item: UnresolvedName;
  view: SteerImportView;
  value: string | null;
  onChange: (v: string | null) => void;
  t: ImportT;
}) {
  const suggested = new Set(item.candidates.map((c) => c.id));
  const data = [
    ...(item.asLead ? [] : [{ group: ' ', items: [{ value: SKIP, label: t('im.skip') }] }]),
    ...(item.candidates.length
      ? [
          {
            group: t('im.suggested'),
            items: item.candidates.map((c) => ({ value: String(c.id), label: c.name })),
          },
        ]
      : []),
    {
      group: t('im.allUnits'),
      items: view.units
        .filter((u) => !suggested.has(u.id))
        .map((u) => ({ value: String(u.id), label: u.name })),
    },
  ];
  return (
    <Table.Tr data-testid="unresolved-name">
      <Table.Td>
        <Text size="sm" fw={500}>
          {item.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`im.reason.${item.reason}`)} · {t('im.rows', { rows: item.rows.join(', ') })}
        </Text>
      </Table.Td>
      <Table.Td>{item.asLead ? <Badge variant="light">{t('im.asLead')}</Badge> : null}</Table.Td>
      <Table.Td miw={260}>
        <Select
          aria-label={`${t('im.pick')}: ${item.name}`}
          placeholder={t('im.pick')}
          data={data}
          value={value}
          onChange={onChange}
          searchable
          clearable
          nothingFoundMessage="—"
        />
      </Table.Td>
    </Table.Tr>
  );
}

function PreviewTable({ view, picks, t }: { view: SteerImportView; picks: Picks; t: ImportT }) {
  const unitName = useMemo(() => new Map(view.units.map((u) => [String(u.id), u.name])), [view.units]);
  const groups = new Map(view.groups.map((g) => [g.code, g]));
  const shown = view.tasks.slice(0, PREVIEW_ROWS);
  let lastGroup: string | null | undefined;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table fz="sm" verticalSpacing={6} withTableBorder data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('im.col.stt')}</Table.Th>
            <Table.Th>{t('im.col.title')}</Table.Th>
            <Table.Th>{t('im.col.lead')}</Table.Th>
            <Table.Th>{t('im.col.coordinators')}</Table.Th>
            <Table.Th>{t('im.col.deadline')}</Table.Th>
            <Table.Th>{t('im.col.product')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((task) => {
            const header = task.groupCode !== lastGroup && task.groupCode !== null;
            lastGroup = task.groupCode;
            const group = groups.get(task.groupCode);
            return (
              <Fragment key={task.row}>
                {header && group ? (
                  <Table.Tr bg="var(--mantine-color-gray-1)">
                    <Table.Td fw={700}>{group.code}</Table.Td>
                    <Table.Td colSpan={5} fw={700}>
                      {group.title}
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                <Table.Tr bg={task.hasError ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Td pl={task.depth ? 'lg' : undefined}>{task.code ?? '–'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{task.title}</Text>
                    {task.description ? (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                        {task.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {task.lead ? <NameCell name={task.lead} picks={picks} unitName={unitName} t={t} /> : '–'}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {task.coordinators.map((c) => (
                        <NameCell key={c.key} name={c} picks={picks} unitName={unitName} t={t} />
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <DeadlineCell task={task} t={t} />
                  </Table.Td>
                  <Table.Td>{task.product ?? ''}</Table.Td>
                </Table.Tr>
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      {view.tasks.length > PREVIEW_ROWS ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('im.more', { shown: PREVIEW_ROWS, total: view.tasks.length })}
        </Text>
      ) : null}
    </Table.ScrollContainer>
  );
}

export function ImportPage() {
  const t = useImT();
  const planId = Number(useParams().id);
  const session = useSession();
  const queryClient = useQueryClient();
  const plan = useQuery({
    queryKey: ['steer', 'plans', planId],
    queryFn: () => api.get<PlanView>(`/api/steer/plans/${planId}`),
  });
  const [importId, setImportId] = useState<number | null>(null);
  const [picks, setPick] = usePicks(importId);
  const [confirming, setConfirming] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => importApi.upload(planId, file, session.data?.csrfToken ?? ''),
    onSuccess: (view) => {
      queryClient.setQueryData(['steer', 'import', view.id], view);
      setImportId(view.id);
    },
  });
  const status = useQuery({
    queryKey: ['steer', 'import', importId],
    queryFn: () => importApi.get(importId as number),
    enabled: importId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'parsing' ? 700 : false),
  });
  const view = status.data;
  const missing = (view?.unresolved ?? []).filter(
    (n) => !picks[n.key] || (picks[n.key] === SKIP && n.asLead),
  );
  const confirm = useMutation({
    mutationFn: () =>
      importApi.confirm(importId as number, {
        resolutions: (view?.unresolved ?? []).map((n) => ({
          key: n.key,
          unitId: picks[n.key] && picks[n.key] !== SKIP ? Number(picks[n.key]) : null,
        })),
      }),
    onSuccess: (done) => {
      setConfirming(false);
      queryClient.setQueryData(['steer', 'import', done.id], done);
      void queryClient.invalidateQueries({ queryKey: ['steer', 'plans'] });
      notify(t('im.done', { tasks: done.result?.tasks ?? 0, groups: done.result?.groups ?? 0 }));
    },
  });
  if (plan.isLoading) return <PageLoader />;
  if (plan.error || !plan.data) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  const year = Number(p.issuedOn.slice(0, 4));
  const progress = view ? (100 * view.progress.processedRows) / Math.max(1, view.progress.totalRows) : 0;
  const canConfirm = view?.status === 'ready' && missing.length === 0;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/app/steer/plans/${planId}`} size="sm">
          ← {t('im.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('im.title')}
        </Title>
        <Text c="dimmed">{t('im.plan', { number: p.numberSymbol, title: p.title })}</Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text size="sm">{t('im.intro')}</Text>
          <Group>
            <FileButton
              onChange={(f) => f && upload.mutate(f)}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            >
              {(props) => (
                <Button {...props} loading={upload.isPending} disabled={view?.status === 'confirmed'}>
                  {view ? t('im.chooseAgain') : t('im.choose')}
                </Button>
              )}
            </FileButton>
            <Anchor href={importApi.templateUrl(year)} size="sm">
              {t('im.template')}
            </Anchor>
          </Group>
          <ErrorAlert error={upload.error} />
        </Stack>
      </Paper>
      {view ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={500}>{view.fileName}</Text>
              <Badge
                color={
                  view.status === 'ready' || view.status === 'confirmed'
                    ? 'green.9'
                    : view.status === 'parsing'
                      ? 'blue.8'
                      : 'red.8'
                }
                data-testid="import-status"
              >
                {t(`im.status.${view.status}`)}
              </Badge>
            </Group>
            {view.status === 'parsing' ? (
              <>
                <Text size="sm">{t('im.reading')}</Text>
                <Progress value={progress} animated aria-label={t('im.progress')} />
              </>
            ) : (
              <Text size="sm" data-testid="import-summary">
                {t('im.summary', {
                  groups: view.groups.filter((g) => g.code).length,
                  tasks: view.taskCount,
                  names: view.unresolved.length,
                  errors: view.errorCount,
                })}
              </Text>
            )}
            {view.fileErrors.map((e) => (
              <Alert key={e.code} color="red" role="alert">
                {e.message}
              </Alert>
            ))}
            {view.status === 'confirmed' ? (
              <Alert color="green">
                <Group justify="space-between">
                  <span>
                    {t('im.done', { tasks: view.result?.tasks ?? 0, groups: view.result?.groups ?? 0 })}
                  </span>
                  <Button component={Link} to={`/app/steer/plans/${planId}`} size="xs">
                    {t('im.openPlan')}
                  </Button>
                </Group>
              </Alert>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
      {view?.errors.length ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4">
            {t('im.errors')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('im.errorsNote')}
          </Text>
          <Table fz="sm" striped data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('im.row')}</Table.Th>
                <Table.Th w={180}>{t('im.column')}</Table.Th>
                <Table.Th>{t('im.error')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.errors.map((e) => (
                <Table.Tr key={`${e.row}-${e.column}-${e.code}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column ? t(`im.col.${e.column}`) : ''}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {view?.unresolved.length && view.status !== 'confirmed' ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4">
            {t('im.names')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('im.namesNote')}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table fz="sm" verticalSpacing={6}>
              <Table.Tbody>
                {view.unresolved.map((item) => (
                  <UnresolvedPicker
                    key={item.key}
                    item={item}
                    view={view}
                    value={picks[item.key] ?? null}
                    onChange={(v) => setPick(item.key, v)}
                    t={t}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {view?.tasks.length ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('im.preview')}
          </Title>
          <PreviewTable view={view} picks={picks} t={t} />
        </Paper>
      ) : null}
      {view && view.status !== 'confirmed' && view.status !== 'parsing' ? (
        <Group justify="flex-end">
          {view.status === 'invalid' && view.errorCount ? (
            <Text size="sm" c="red.8">
              {t('im.hasErrors')}
            </Text>
          ) : missing.length ? (
            <Text size="sm" c="red.8">
              {t('im.missingPicks', { n: missing.length })}
            </Text>
          ) : null}
          <Button onClick={() => setConfirming(true)} disabled={!canConfirm}>
            {t('im.confirm')}
          </Button>
        </Group>
      ) : null}
      <AppModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('im.confirmTitle')}
        centered
      >
        <Stack gap="md" data-testid="confirm-dialog">
          <Text size="sm">
            {t('im.confirmText', {
              groups: view?.groups.filter((g) => g.code).length ?? 0,
              tasks: view?.taskCount ?? 0,
              number: p.numberSymbol,
            })}
          </Text>
          <ErrorAlert error={confirm.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('im.cancel')}
            </Button>
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
              {t('im.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}
