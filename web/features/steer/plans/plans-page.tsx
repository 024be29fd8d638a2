import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { roleGrants } from '../../../../core/accounts/permissions.js';
import type { PlanInput } from '../../../../core/contracts/steer-tasks.js';
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
import { tasksApi, usePlans } from '../tasks/tasks-api.js';
import { useTkT } from '../tasks/tasks-i18n.js';

// The Steer landing page: the plans the caller sees (issued by a unit in scope, or holding one of its tasks),
// newest first, as cards (they read on a phone too); the secretariat adds a draft plan.

const STATUS_COLOR = { draft: 'gray', issued: 'blue', superseded: 'dark' } as const;

export function PlansPage() {
  const t = useTkT();
  const { locale } = useI18n();
  const session = useSession();
  const plans = usePlans();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  const canManage = (session.data?.grants ?? []).some((g) => roleGrants(g.role, 'steer.manage'));

  return (
    <Stack gap="md">
      <SteerNav />
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('tk.plans')}</Title>
        {canManage ? <Button onClick={open}>{t('tk.newPlan')}</Button> : null}
      </Group>
      <ErrorAlert error={plans.error} />
      {plans.isPending ? <PageLoader /> : null}
      {plans.data && !plans.data.items.length ? <Alert color="gray">{t('tk.plansNone')}</Alert> : null}
      {plans.data?.items.map((p) => (
        <Card key={p.id} withBorder padding="md" data-testid="plan-card">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text component={Link} to={`/steer/plans/${p.id}`} fw={600} c="blue.8">
                {p.numberSymbol} · {p.title}
              </Text>
              <Text size="sm" c="dimmed">
                {p.issuingBody} · {formatDate(p.issuedOn, locale)}
              </Text>
              <Text size="sm">
                {t('tk.period')}: {formatDate(p.periodFrom, locale)} – {formatDate(p.periodTo, locale)}
              </Text>
            </Stack>
            <Stack gap={4} align="flex-end">
              <Badge color={STATUS_COLOR[p.status]} variant="light" style={{ textTransform: 'none' }}>
                {t(`tk.planStatus.${p.status}`)}
              </Badge>
              <Badge color="gray" variant="outline" style={{ textTransform: 'none' }}>
                {t('tk.taskCount', { n: p.taskCount })}
              </Badge>
              {p.supersededBy ? (
                <Text size="xs" c="dimmed">
                  {t('tk.supersededBy', { n: p.supersededBy.numberSymbol })}
                </Text>
              ) : null}
              {p.isDemo ? (
                <Badge variant="outline" color="grape" style={{ textTransform: 'none' }}>
                  {t('tk.demo')}
                </Badge>
              ) : null}
            </Stack>
          </Group>
        </Card>
      ))}
      <AppModal opened={creating} onClose={close} title={t('tk.newPlan')} size="lg">
        <PlanForm
          onDone={(id) => {
            close();
            navigate(`/steer/plans/${id}`);
          }}
        />
      </AppModal>
    </Stack>
  );
}

function PlanForm({ onDone }: { onDone: (id: number) => void }) {
  const t = useTkT();
  const queryClient = useQueryClient();
  const year = todayInVietnam().slice(0, 4);
  const [form, setForm] = useState({
    numberSymbol: '',
    issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh',
    issuedOn: todayInVietnam(),
    title: '',
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    legalBasis: '',
  });
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const save = useMutation({
    mutationFn: () => {
      const body: PlanInput = {
        numberSymbol: form.numberSymbol,
        issuingBody: form.issuingBody,
        issuingUnitId: unit?.id ?? 0,
        issuedOn: form.issuedOn,
        title: form.title,
        periodFrom: form.periodFrom,
        periodTo: form.periodTo,
        legalBasis: form.legalBasis
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((title) => ({ title })),
      };
      return tasksApi.createPlan(body);
    },
    onSuccess: (plan) => {
      notify(t('tk.done'));
      queryClient.invalidateQueries({ queryKey: ['steer', 'plans'] });
      onDone(plan.id);
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
          <TextInput
            label={t('tk.numberSymbol')}
            placeholder="3609/KH-BĐHCĐS"
            required
            value={form.numberSymbol}
            onChange={(e) => set('numberSymbol')(e.currentTarget.value)}
            error={errors.numberSymbol}
          />
          <TextInput
            type="date"
            label={t('tk.issuedOn')}
            required
            value={form.issuedOn}
            onChange={(e) => set('issuedOn')(e.currentTarget.value)}
            error={errors.issuedOn}
          />
        </SimpleGrid>
        <TextInput
          label={t('tk.issuingBody')}
          required
          value={form.issuingBody}
          onChange={(e) => set('issuingBody')(e.currentTarget.value)}
          error={errors.issuingBody}
        />
        <UnitPicker
          label={t('tk.issuingUnit')}
          value={unit?.id ?? null}
          onChange={setUnit}
          error={errors.issuingUnitId}
        />
        <Textarea
          label={t('tk.planTitle')}
          required
          autosize
          minRows={2}
          value={form.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
        />
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t('tk.periodFrom')}
            value={form.periodFrom}
            onChange={(e) => set('periodFrom')(e.currentTarget.value)}
            error={errors.periodFrom}
          />
          <TextInput
            type="date"
            label={t('tk.periodTo')}
            value={form.periodTo}
            onChange={(e) => set('periodTo')(e.currentTarget.value)}
            error={errors.periodTo}
          />
        </SimpleGrid>
        <Textarea
          label={t('tk.legalBasis')}
          description={t('tk.legalBasisHint')}
          autosize
          minRows={2}
          value={form.legalBasis}
          onChange={(e) => set('legalBasis')(e.currentTarget.value)}
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
