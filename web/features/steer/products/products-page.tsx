import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProductInput, ProductView } from '../../../../core/contracts/steer-registers.js';
import {
  PRODUCT_KIND_LABELS,
  PRODUCT_KINDS,
  PRODUCT_STATUS_LABELS,
  PRODUCT_STATUSES,
  type ProductKind,
} from '../../../../core/steer/registers.js';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { postFile } from '../../../lib/api-client.js';
import { formatDate, todayInVietnam } from '../../../lib/format.js';
import { UnitPicker } from '../../units/unit-picker.js';
import { SteerNav } from '../steer-nav.js';
import { registersApi } from './registers-api.js';
import { label, useRT } from './registers-i18n.js';
import { useRegisterScope } from './use-register-scope.js';

// The DX products register: a unit declares its products with evidence; the secretariat accepts or returns them
// (with a reason, after a confirmation); the units with no accepted product in the year, by type.

const STATUS_COLOR = { submitted: 'blue', accepted: 'green', returned: 'orange' } as const;

type Draft = {
  unitId: number | null;
  unitName: string;
  year: string;
  name: string;
  description: string;
  kind: ProductKind;
  link: string;
  files: { id: string; name: string }[];
  taskIds: string;
};

const emptyDraft = (unit: { id: number; name: string } | null, year: string): Draft => ({
  unitId: unit?.id ?? null,
  unitName: unit?.name ?? '',
  year,
  name: '',
  description: '',
  kind: 'app',
  link: '',
  files: [],
  taskIds: '',
});

function toInput(d: Draft): Omit<ProductInput, 'unitId'> {
  return {
    year: Number(d.year),
    name: d.name,
    description: d.description,
    kind: d.kind,
    link: d.link.trim() || null,
    fileIds: d.files.map((f) => f.id),
    taskIds: d.taskIds
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number),
  };
}

function ProductForm({
  draft,
  setDraft,
  editing,
  onDone,
  onCancel,
  csrf,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  editing: ProductView | null;
  onDone: () => void;
  onCancel: () => void;
  csrf: string;
}) {
  const { t, locale } = useRT();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      editing
        ? registersApi.updateProduct(editing.id, toInput(draft))
        : registersApi.declare({ unitId: draft.unitId ?? 0, ...toInput(draft) }),
    onSuccess: () => {
      notify(t('r.saved'));
      queryClient.invalidateQueries({ queryKey: ['steer', 'products'] });
      onDone();
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) =>
      postFile<{ id: string; originalName?: string }>('/api/files?purpose=evidence', file, csrf),
    onSuccess: (f, file) => setDraft({ ...draft, files: [...draft.files, { id: f.id, name: file.name }] }),
  });
  const { errors, touch } = useFieldErrors(save.error);
  const set = (patch: Partial<Draft>, field: string) => {
    touch(field);
    setDraft({ ...draft, ...patch });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {editing ? null : (
          <UnitPicker
            label={t('r.unit')}
            value={draft.unitId}
            initialLabel={draft.unitName}
            onChange={(u) => set({ unitId: u?.id ?? null, unitName: u?.name ?? '' }, 'unitId')}
            error={errors.unitId}
          />
        )}
        <Group grow>
          <TextInput
            label={t('r.year')}
            value={draft.year}
            onChange={(e) => set({ year: e.currentTarget.value }, 'year')}
            error={errors.year}
          />
          <Select
            label={t('r.kind')}
            data={PRODUCT_KINDS.map((k) => ({ value: k, label: label(PRODUCT_KIND_LABELS, k, locale) }))}
            value={draft.kind}
            onChange={(v) => set({ kind: (v ?? 'app') as ProductKind }, 'kind')}
            error={errors.kind}
            allowDeselect={false}
          />
        </Group>
        <TextInput
          label={t('r.name')}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value }, 'name')}
          error={errors.name}
        />
        <Textarea
          label={t('r.description')}
          required
          autosize
          minRows={3}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value }, 'description')}
          error={errors.description}
        />
        <TextInput
          label={t('r.link')}
          value={draft.link}
          onChange={(e) => set({ link: e.currentTarget.value }, 'link')}
          error={errors.link}
        />
        <TextInput
          label={t('r.tasks')}
          value={draft.taskIds}
          onChange={(e) => set({ taskIds: e.currentTarget.value }, 'taskIds')}
          error={Object.entries(errors).find(([k]) => k.startsWith('taskIds'))?.[1]}
        />
        <div>
          <Text size="sm" fw={500}>
            {t('r.evidence')}
          </Text>
          {draft.files.map((f) => (
            <Group key={f.id} gap="xs">
              <Anchor href={`/api/files/${f.id}`} target="_blank" size="sm">
                {f.name}
              </Anchor>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => setDraft({ ...draft, files: draft.files.filter((x) => x.id !== f.id) })}
              >
                ✕
              </Button>
            </Group>
          ))}
          <input
            type="file"
            aria-label={t('r.addFile')}
            data-testid="product-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) upload.mutate(file);
              e.currentTarget.value = '';
            }}
          />
          <ErrorAlert error={upload.error} />
          {Object.entries(errors)
            .filter(([k]) => k.startsWith('fileIds'))
            .map(([k, m]) => (
              <Text key={k} c="red" size="sm">
                {m}
              </Text>
            ))}
        </div>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('r.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('r.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DecisionButtons({ p }: { p: ProductView }) {
  const { t } = useRT();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'accept' | 'return' | null>(null);
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () =>
      registersApi.decide(
        p.id,
        mode === 'accept' ? { decision: 'accept', reason: null } : { decision: 'return', reason },
      ),
    onSuccess: () => {
      setMode(null);
      setReason('');
      queryClient.invalidateQueries({ queryKey: ['steer', 'products'] });
    },
  });
  const { errors } = useFieldErrors(decide.error);
  return (
    <>
      <Button size="compact-sm" color="green.9" onClick={() => setMode('accept')}>
        {t('r.accept')}
      </Button>
      <Button size="compact-sm" color="orange" variant="light" onClick={() => setMode('return')}>
        {t('r.return')}
      </Button>
      <AppModal
        opened={mode !== null}
        onClose={() => setMode(null)}
        title={mode === 'accept' ? t('r.accept') : t('r.returnTitle')}
      >
        <Stack>
          {mode === 'accept' ? (
            <Text>{t('r.acceptConfirm', { name: p.name, unit: p.unitName })}</Text>
          ) : (
            <Textarea
              label={t('r.returnReason')}
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
            />
          )}
          <ErrorAlert error={decide.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setMode(null)}>
              {t('r.cancel')}
            </Button>
            <Button
              color={mode === 'accept' ? 'green.9' : 'orange.9'}
              loading={decide.isPending}
              onClick={() => decide.mutate()}
            >
              {mode === 'accept' ? t('r.accept') : t('r.return')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

function WithdrawButton({ p }: { p: ProductView }) {
  const { t } = useRT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => registersApi.withdraw(p.id),
    onSuccess: () => {
      setOpen(false);
      queryClient.invalidateQueries({ queryKey: ['steer', 'products'] });
    },
  });
  return (
    <>
      <Button size="compact-sm" color="red" variant="subtle" onClick={() => setOpen(true)}>
        {t('r.withdraw')}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('r.withdraw')}>
        <Text>{t('r.withdrawConfirm', { name: p.name })}</Text>
        <ErrorAlert error={withdraw.error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('r.cancel')}
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
            {t('r.withdraw')}
          </Button>
        </Group>
      </AppModal>
    </>
  );
}

function WithoutProductPanel({ unitId, year }: { unitId: number; year: string }) {
  const { t } = useRT();
  const q = useQuery({
    queryKey: ['steer', 'products', 'without', unitId, year],
    queryFn: () => registersApi.withoutProduct({ unitId, year }),
  });
  if (q.isPending) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const groups = [
    { key: 'department' as const, title: t('r.groupDepartment') },
    { key: 'commune' as const, title: t('r.groupCommune') },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="units-without">
      {groups.map((g) => {
        const items = q.data.items.filter((i) => i.group === g.key);
        const totals = q.data.totals[g.key];
        return (
          <Card withBorder key={g.key}>
            <Title order={3} size="h4">
              {g.title}
            </Title>
            <Text c="dimmed" size="sm" mb="xs">
              {t('r.withoutSummary', { without: totals.without, units: totals.units })}
            </Text>
            {items.length ? (
              <Table>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.unitId}>
                      <Table.Td>{i.unitName}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {i.submitted || i.returned
                            ? t('r.pending', { submitted: i.submitted, returned: i.returned })
                            : ''}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Alert color="green">{t('r.allHave')}</Alert>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

export function ProductsPage() {
  const { t, locale } = useRT();
  const scope = useRegisterScope();
  const thisYear = todayInVietnam().slice(0, 4);
  const [year, setYear] = useState(thisYear);
  const [status, setStatus] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<ProductView | null>(null);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(scope.reportUnits[0] ?? null, thisYear));
  const unitId = scope.unit?.id;
  const list = useQuery({
    queryKey: ['steer', 'products', unitId, year, status],
    queryFn: () => registersApi.products({ unitId, year, status }),
    enabled: !!unitId,
  });
  const years = [0, 1, 2].map((d) => String(Number(thisYear) - d));
  const openNew = () => {
    // A draft typed earlier and not saved is kept.
    if (editing) setDraft(emptyDraft(scope.reportUnits[0] ?? null, year));
    setEditing(null);
    setFormOpen(true);
  };
  const openEdit = (p: ProductView) => {
    setEditing(p);
    setDraft({
      unitId: p.unitId,
      unitName: p.unitName,
      year: String(p.year),
      name: p.name,
      description: p.description,
      kind: p.kind,
      link: p.link ?? '',
      files: p.files,
      taskIds: p.tasks.map((x) => x.id).join(', '),
    });
    setFormOpen(true);
  };
  return (
    <>
      <SteerNav />
      <Title order={1} mb={4}>
        {t('r.products')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('r.productsNote')}
      </Text>
      <Grid align="flex-end" mb="md">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <UnitPicker
            label={t('r.unit')}
            value={unitId ?? null}
            initialLabel={scope.unit?.name}
            onChange={scope.setUnit}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 2 }}>
          <Select
            label={t('r.year')}
            data={years}
            value={year}
            onChange={(v) => setYear(v ?? thisYear)}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Select
            label={t('r.status')}
            placeholder={t('r.all')}
            clearable
            data={PRODUCT_STATUSES.map((s) => ({ value: s, label: label(PRODUCT_STATUS_LABELS, s, locale) }))}
            value={status}
            onChange={setStatus}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 2 }}>
          {scope.canReport ? (
            <Button fullWidth onClick={openNew} data-testid="declare-product">
              {t('r.declare')}
            </Button>
          ) : null}
        </Grid.Col>
      </Grid>
      <Tabs defaultValue="list">
        <Tabs.List mb="md">
          <Tabs.Tab value="list">{t('r.list')}</Tabs.Tab>
          <Tabs.Tab value="without" data-testid="tab-without">
            {t('r.withoutTitle')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          {list.isPending && unitId ? <PageLoader /> : null}
          <ErrorAlert error={list.error} />
          {list.data && !list.data.items.length ? <Alert color="gray">{t('r.none')}</Alert> : null}
          <Stack data-testid="product-list">
            {list.data?.items.map((p) => (
              <Card withBorder key={p.id} data-testid="product-card">
                <Group justify="space-between" align="flex-start">
                  <div style={{ flex: 1, minWidth: 240 }}>
                    <Group gap="xs">
                      <Text fw={600}>{p.name}</Text>
                      <Badge color={STATUS_COLOR[p.status]} variant="light">
                        {label(PRODUCT_STATUS_LABELS, p.status, locale)}
                      </Badge>
                      <Badge color="gray" variant="outline">
                        {label(PRODUCT_KIND_LABELS, p.kind, locale)}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {p.unitName} · {p.year} · {t('r.createdAt')}{' '}
                      {formatDate(p.createdAt.slice(0, 10), locale)}
                    </Text>
                    <Text size="sm" mt={4}>
                      {p.description}
                    </Text>
                    {p.link ? (
                      <Anchor href={p.link} target="_blank" rel="noreferrer" size="sm">
                        {p.link}
                      </Anchor>
                    ) : null}
                    {p.files.length ? (
                      <Group gap="xs" mt={4}>
                        <Text size="sm">{t('r.evidence')}:</Text>
                        {p.files.map((f) => (
                          <Anchor key={f.id} href={`/api/files/${f.id}`} target="_blank" size="sm">
                            {f.name}
                          </Anchor>
                        ))}
                      </Group>
                    ) : null}
                    {p.status === 'returned' && p.returnReason ? (
                      <Alert color="orange" mt="xs" p="xs">
                        {t('r.reason', { reason: p.returnReason })}
                      </Alert>
                    ) : null}
                  </div>
                  <Group gap="xs">
                    {p.can.decide ? <DecisionButtons p={p} /> : null}
                    {p.can.edit ? (
                      <>
                        <Button size="compact-sm" variant="light" onClick={() => openEdit(p)}>
                          {t('r.edit')}
                        </Button>
                        <WithdrawButton p={p} />
                      </>
                    ) : null}
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="without">
          {unitId ? <WithoutProductPanel unitId={unitId} year={year} /> : null}
        </Tabs.Panel>
      </Tabs>
      <AppModal
        opened={formOpen}
        onClose={() => setFormOpen(false)}
        title={editing ? t('r.editTitle') : t('r.declareTitle')}
        size="lg"
      >
        <ProductForm
          draft={draft}
          setDraft={setDraft}
          editing={editing}
          csrf={scope.csrf}
          onCancel={() => setFormOpen(false)}
          onDone={() => {
            setFormOpen(false);
            if (!editing) setDraft(emptyDraft(scope.reportUnits[0] ?? null, year));
          }}
        />
      </AppModal>
    </>
  );
}
