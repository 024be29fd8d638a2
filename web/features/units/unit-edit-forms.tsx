import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type {
  Headcount,
  LineageCreate,
  LineageEdge,
  LineageGraph,
  UnitCreate,
  UnitDetail,
  UnitUpdate,
} from '../../../core/contracts/units.js';
import { UNIT_KINDS, type UnitKind } from '../../../core/units/kind.js';
import { AppModal } from '../../components/app-modal.js';
import { DateField } from '../../components/date-field.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useFieldErrors } from '../../components/use-field-errors.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { api } from '../../lib/api-client.js';
import { formatDate, formatPercent, todayInVietnam } from '../../lib/format.js';
import { UnitPicker } from './unit-picker.js';
import { useUeT } from './units-edit-i18n.js';

const LineageGraphChart = lazy(() =>
  import('./lineage-graph.js').then((m) => ({ default: m.LineageGraphChart })),
);

const unitLabel = (u: { type: string; name: string }) => `${u.type} ${u.name}`;

/** After any unit write: the tree, searches, the unit and its lineage are read again. */
function useRefreshUnits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['units'] });
}

type UnitFormState = {
  code: string;
  name: string;
  type: string;
  kind: UnitKind | null;
  validFrom: string | null;
  validTo: string | null;
};

/**
 * Creates a unit below `parent` or edits `unit`. Typed values stay in the form on any refusal; the server's
 * field errors show under their fields.
 */
export function UnitFormModal({
  opened,
  onClose,
  parent,
  unit,
}: {
  opened: boolean;
  onClose: () => void;
  /** Create mode: the new unit's parent. */
  parent?: UnitDetail;
  /** Edit mode: the unit edited. */
  unit?: UnitDetail;
}) {
  const t = useUeT();
  const refresh = useRefreshUnits();
  const editing = unit !== undefined;
  const [form, setForm] = useState<UnitFormState>(() => ({
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    type: unit?.type ?? '',
    kind: (unit?.kind as UnitKind | undefined) ?? null,
    validFrom: unit?.validFrom ?? todayInVietnam(),
    validTo: unit?.validTo ?? '',
  }));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      if (editing) {
        const body: UnitUpdate = {
          code: form.code.trim(),
          name: form.name.trim(),
          type: form.type.trim(),
          ...(form.kind ? { kind: form.kind } : {}),
          ...(form.validFrom ? { validFrom: form.validFrom } : {}),
          validTo: form.validTo ? form.validTo : null,
        };
        return api.patch<UnitDetail>(`/api/units/${unit.id}`, body);
      }
      const body: UnitCreate = {
        parentId: parent?.id ?? 0,
        code: form.code.trim(),
        name: form.name.trim(),
        type: form.type.trim(),
        kind: form.kind as UnitKind,
        ...(form.validFrom ? { validFrom: form.validFrom } : {}),
        ...(form.validTo ? { validTo: form.validTo } : {}),
      };
      return api.post<UnitDetail>('/api/units', body);
    },
    onSuccess: async () => {
      await refresh();
      notify(t('ue.saved'));
      onClose();
    },
  });
  const { errors, touch } = useFieldErrors(save.error);
  const set = <K extends keyof UnitFormState>(key: K, value: UnitFormState[K]) => {
    touch(key);
    setLocal((l) => ({ ...l, [key]: '' }));
    setForm((f) => ({ ...f, [key]: value }));
  };
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!form.code.trim()) missing.code = t('ue.required', { field: t('ue.code').toLowerCase() });
    if (!form.name.trim()) missing.name = t('ue.required', { field: t('ue.name').toLowerCase() });
    if (!form.type.trim()) missing.type = t('ue.required', { field: t('ue.type').toLowerCase() });
    if (!form.kind) missing.kind = t('ue.kindRequired');
    setLocal(missing);
    if (Object.keys(missing).length || form.validFrom === null || form.validTo === null) return;
    save.mutate();
  };
  const err = (key: string) => local[key] || errors[key];
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={
        editing
          ? t('ue.editTitle', { unit: unitLabel(unit) })
          : t('ue.createTitle', { parent: parent ? unitLabel(parent) : '' })
      }
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('ue.type')}
              description={t('ue.typeHelp')}
              required
              value={form.type}
              error={err('type')}
              onChange={(e) => set('type', e.currentTarget.value)}
              data-testid="unit-type"
            />
            <TextInput
              label={t('ue.name')}
              description={t('ue.nameHelp')}
              required
              value={form.name}
              error={err('name')}
              onChange={(e) => set('name', e.currentTarget.value)}
              data-testid="unit-name"
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('ue.code')}
              description={t('ue.codeHelp')}
              required
              value={form.code}
              error={err('code')}
              onChange={(e) => set('code', e.currentTarget.value)}
              data-testid="unit-code"
            />
            <Select
              label={t('ue.kind')}
              required
              allowDeselect={false}
              data={UNIT_KINDS.map((k) => ({ value: k, label: t(`ue.kind.${k}`) }))}
              value={form.kind}
              error={err('kind')}
              onChange={(v) => set('kind', (v as UnitKind | null) ?? null)}
              data-testid="unit-kind"
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <DateField
              label={t('ue.validFrom')}
              value={form.validFrom ?? ''}
              onChange={(iso) => set('validFrom', iso)}
              error={errors.validFrom}
            />
            <DateField
              label={t('ue.validTo')}
              description={t('ue.validToHelp')}
              value={form.validTo ?? ''}
              onChange={(iso) => set('validTo', iso)}
              error={errors.validTo}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="unit-save">
              {editing ? t('ue.save') : t('ue.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

type HeadcountRow = {
  rowKey: number;
  metric: Headcount['metric'];
  asOf: string | null;
  value: number | string;
};
let nextRowKey = 1;

/** Replaces a unit's size figures (population, officials) as of given days. */
export function HeadcountsModal({
  opened,
  onClose,
  unit,
}: {
  opened: boolean;
  onClose: () => void;
  unit: UnitDetail;
}) {
  const t = useUeT();
  const { t: tt } = useI18n();
  const refresh = useRefreshUnits();
  const [rows, setRows] = useState<HeadcountRow[]>(() =>
    unit.headcounts.length
      ? unit.headcounts.map((h) => ({ rowKey: nextRowKey++, metric: h.metric, asOf: h.asOf, value: h.value }))
      : [{ rowKey: nextRowKey++, metric: 'population', asOf: todayInVietnam(), value: '' }],
  );
  const [tried, setTried] = useState(false);
  const bad = (r: HeadcountRow) => typeof r.value !== 'number' || !Number.isInteger(r.value) || r.value < 0;
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/units/${unit.id}/headcounts`, {
        headcounts: rows.map((r) => ({ metric: r.metric, asOf: r.asOf as string, value: r.value as number })),
      }),
    onSuccess: async () => {
      await refresh();
      notify(t('ue.saved'));
      onClose();
    },
  });
  const update = (i: number, patch: Partial<HeadcountRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <AppModal opened={opened} onClose={onClose} title={t('ue.hcTitle', { unit: unitLabel(unit) })} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="gray.7">
          {t('ue.hcHelp')}
        </Text>
        <ErrorAlert error={save.error} />
        {rows.map((r, i) => (
          <Group key={r.rowKey} align="flex-start" wrap="wrap" data-testid="headcount-row">
            <Select
              label={t('ue.hcMetric')}
              allowDeselect={false}
              data={[
                { value: 'population', label: tt('units.population') },
                { value: 'officials', label: tt('units.officials') },
              ]}
              value={r.metric}
              onChange={(v) => update(i, { metric: (v as Headcount['metric']) ?? 'population' })}
              w={{ base: '100%', xs: 180 }}
            />
            <DateField
              label={t('ue.hcAsOf')}
              value={r.asOf ?? ''}
              onChange={(iso) => update(i, { asOf: iso })}
            />
            <NumberInput
              label={t('ue.hcValue')}
              min={0}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              value={r.value}
              error={tried && bad(r) ? t('ue.hcBadValue') : undefined}
              onChange={(v) => update(i, { value: v })}
              w={{ base: '100%', xs: 160 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              size={44}
              aria-label={t('ue.hcRemove', { n: i + 1 })}
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            onClick={() =>
              setRows((rs) => [
                ...rs,
                { rowKey: nextRowKey++, metric: 'population', asOf: todayInVietnam(), value: '' },
              ])
            }
          >
            {t('ue.hcAdd')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() => {
              setTried(true);
              if (rows.some((r) => bad(r) || !r.asOf)) return;
              save.mutate();
            }}
            data-testid="headcounts-save"
          >
            {t('ue.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

type LineageForm = {
  direction: 'into' | 'from';
  other: { id: number; name: string } | null;
  kind: 'full' | 'partial';
  sharePct: number | string;
  basis: 'population' | 'area';
  date: string | null;
  note: string;
};

/** The graph as it will be once the new relation is recorded (the other unit added when it is not there). */
export function previewGraph(
  graph: LineageGraph,
  unit: UnitDetail,
  edge: LineageCreate,
  otherName: string,
  newLabel: string,
): LineageGraph {
  const otherId = edge.fromUnitId === unit.id ? edge.toUnitId : edge.fromUnitId;
  const nodes = graph.nodes.some((n) => n.id === otherId)
    ? graph.nodes
    : [
        ...graph.nodes,
        {
          ...unit,
          id: otherId,
          name: `${otherName} ${newLabel}`,
          type: '',
          code: '',
          relation: edge.fromUnitId === unit.id ? ('successor' as const) : ('predecessor' as const),
        },
      ];
  const proposed: LineageEdge = {
    id: -1,
    fromUnitId: edge.fromUnitId,
    toUnitId: edge.toUnitId,
    kind: edge.kind,
    share: edge.share ?? null,
    shareBasis: edge.shareBasis ?? null,
    effectiveDate: edge.effectiveDate,
  };
  return { nodes, edges: [...graph.edges, proposed] };
}

/**
 * Records that this unit was merged or split into another, or took over (part of) another: the form, a
 * preview of the lineage graph with the new relation, and a confirmation that says what follows.
 */
export function LineageModal({
  opened,
  onClose,
  unit,
  graph,
}: {
  opened: boolean;
  onClose: () => void;
  unit: UnitDetail;
  graph: LineageGraph | undefined;
}) {
  const t = useUeT();
  const { locale, t: tt } = useI18n();
  const refresh = useRefreshUnits();
  const [form, setForm] = useState<LineageForm>({
    direction: 'into',
    other: null,
    kind: 'full',
    sharePct: '',
    basis: 'population',
    date: unit.validTo ?? '2025-07-01',
    note: '',
  });
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const share = typeof form.sharePct === 'number' ? form.sharePct / 100 : null;
  const shareBad = form.kind === 'partial' && (share === null || share <= 0 || share > 1);
  const body: LineageCreate | null =
    form.other && form.date && !shareBad
      ? {
          fromUnitId: form.direction === 'into' ? unit.id : form.other.id,
          toUnitId: form.direction === 'into' ? form.other.id : unit.id,
          kind: form.kind,
          share: form.kind === 'partial' ? share : null,
          shareBasis: form.kind === 'partial' ? form.basis : null,
          effectiveDate: form.date,
          note: form.note.trim() || null,
        }
      : null;
  const save = useMutation({
    mutationFn: () => api.post<LineageEdge>('/api/lineage', body),
    onSuccess: async () => {
      await refresh();
      notify(t('ue.saved'));
      setConfirming(false);
      onClose();
    },
    onError: () => setConfirming(false),
  });
  const { errors, touch } = useFieldErrors(save.error);
  const set = <K extends keyof LineageForm>(key: K, value: LineageForm[K]) => {
    touch(key === 'other' ? (form.direction === 'into' ? 'toUnitId' : 'fromUnitId') : key);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const self = unitLabel(unit);
  const otherName = form.other?.name ?? '';
  const preview = body && graph ? previewGraph(graph, unit, body, otherName, t('ue.lnPreviewNew')) : null;
  const what = body
    ? t('ue.lnWhat', {
        date: formatDate(body.effectiveDate, locale),
        from: form.direction === 'into' ? self : otherName,
        to: form.direction === 'into' ? otherName : self,
        share: body.share ? t('ue.lnShareText', { share: formatPercent(body.share, locale) }) : '',
      })
    : '';
  return (
    <AppModal opened={opened} onClose={onClose} title={t('ue.lnTitle', { unit: self })} size="xl">
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <Radio.Group
          label={t('ue.lnDirection')}
          value={form.direction}
          onChange={(v) => set('direction', v as LineageForm['direction'])}
        >
          <Stack gap={6} mt={4}>
            <Radio value="into" label={t('ue.lnInto', { unit: self })} />
            <Radio value="from" label={t('ue.lnFrom', { unit: self })} />
          </Stack>
        </Radio.Group>
        <UnitPicker
          label={t('ue.lnOther')}
          value={form.other?.id ?? null}
          onChange={(u) => set('other', u)}
          error={
            (tried && !form.other ? t('ue.lnOtherRequired') : undefined) ??
            errors.toUnitId ??
            errors.fromUnitId
          }
          testId="lineage-other"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('ue.lnKind')}
          </Text>
          <SegmentedControl
            fullWidth
            value={form.kind}
            onChange={(v) => set('kind', v as LineageForm['kind'])}
            data={[
              { value: 'full', label: t('ue.lnFull') },
              { value: 'partial', label: t('ue.lnPartial') },
            ]}
          />
        </div>
        {form.kind === 'partial' ? (
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput
              label={t('ue.lnShare')}
              description={t('ue.lnShareHelp')}
              min={0}
              max={100}
              decimalSeparator=","
              suffix=" %"
              value={form.sharePct}
              error={tried && shareBad ? t('ue.lnShareRequired') : errors.share}
              onChange={(v) => set('sharePct', v)}
              data-testid="lineage-share"
            />
            <Select
              label={t('ue.lnBasis')}
              allowDeselect={false}
              data={[
                { value: 'population', label: t('ue.lnBasis.population') },
                { value: 'area', label: t('ue.lnBasis.area') },
              ]}
              value={form.basis}
              onChange={(v) => set('basis', (v as LineageForm['basis']) ?? 'population')}
            />
          </Group>
        ) : null}
        <Group grow align="flex-start" wrap="wrap">
          <DateField
            label={t('ue.lnDate')}
            required
            value={form.date ?? ''}
            onChange={(iso) => set('date', iso)}
            error={errors.effectiveDate}
          />
          <TextInput
            label={t('ue.lnNote')}
            value={form.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            placeholder="Nghị quyết 1683/NQ-UBTVQH15"
          />
        </Group>
        {preview ? (
          <section aria-label={t('ue.lnPreview')} data-testid="lineage-preview">
            <Text size="sm" fw={600} mb={4}>
              {t('ue.lnPreview')}
            </Text>
            <Suspense fallback={<PageLoader />}>
              <LineageGraphChart graph={preview} selfName={self} />
            </Suspense>
            <Text size="sm" mt="xs">
              {what}
            </Text>
          </section>
        ) : null}
        {confirming ? (
          <Stack gap="xs" data-testid="confirm-dialog">
            <Text size="sm" fw={600}>
              {what}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {tt('common.cancel')}
              </Button>
              <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="confirm-dialog-ok">
                {t('ue.lnConfirm')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group justify="flex-end">
            <Button
              onClick={() => {
                setTried(true);
                if (body) setConfirming(true);
              }}
              data-testid="lineage-save"
            >
              {t('ue.lnConfirm')}
            </Button>
          </Group>
        )}
      </Stack>
    </AppModal>
  );
}
