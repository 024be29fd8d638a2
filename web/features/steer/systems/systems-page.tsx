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
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SystemView } from '../../../../core/contracts/steer-registers.js';
import {
  HOSTING_LABELS,
  HOSTINGS,
  PURPOSE_CATEGORIES,
  PURPOSE_CATEGORY_LABELS,
  SYSTEM_STATUS_LABELS,
  SYSTEM_STATUSES,
} from '../../../../core/steer/registers.js';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { formatNumber } from '../../../lib/format.js';
import { UnitPicker } from '../../units/unit-picker.js';
import { registersApi } from '../products/registers-api.js';
import { label, type RegistersT, useRT } from '../products/registers-i18n.js';
import { useRegisterScope } from '../products/use-register-scope.js';
import { SteerNav } from '../steer-nav.js';
import { emptySystem, type SystemDraft, SystemFields } from './system-form.js';

// The information systems register: the table with filters, the three problem lists (not integrated, no
// approved security level, overlapping) and the shares per unit; new systems; the review campaigns.

export function SecurityBadge({
  s,
  t,
}: {
  s: Pick<SystemView, 'securityLevel' | 'securityPlanApproved'>;
  t: RegistersT;
}) {
  if (!s.securityLevel)
    return (
      <Badge color="red.9" variant="filled">
        {t('r.noLevel')}
      </Badge>
    );
  return (
    <Badge
      color={s.securityPlanApproved ? 'green.9' : 'orange'}
      variant={s.securityPlanApproved ? 'filled' : 'outline'}
    >
      {t('r.levelShort', { level: s.securityLevel })} ·{' '}
      {s.securityPlanApproved ? t('r.approved') : t('r.notApproved')}
    </Badge>
  );
}

function NewSystem({ unit }: { unit: { id: number; name: string } | null }) {
  const { t } = useRT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [owner, setOwner] = useState(unit);
  const [draft, setDraft] = useState<SystemDraft>(emptySystem);
  const save = useMutation({
    mutationFn: () => registersApi.createSystem({ unitId: owner?.id ?? 0, ...draft }),
    onSuccess: (s) => {
      notify(t('r.saved'));
      queryClient.invalidateQueries({ queryKey: ['steer', 'systems'] });
      setDraft(emptySystem());
      setOpen(false);
      navigate(`/steer/systems/${s.id}`);
    },
  });
  const { errors } = useFieldErrors(save.error);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="add-system">
        {t('r.addSystem')}
      </Button>
      {/* Closing keeps what was typed: the draft lives here until it is saved. */}
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('r.addSystemTitle')} size="xl">
        <Stack>
          <UnitPicker
            label={t('r.owner')}
            value={owner?.id ?? null}
            initialLabel={owner?.name}
            onChange={setOwner}
            error={errors.unitId}
          />
          <SystemFields value={draft} onChange={setDraft} errors={errors} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('r.cancel')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="save-system">
              {t('r.save')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

function Problems({ unitId }: { unitId: number }) {
  const { t, locale } = useRT();
  const q = useQuery({
    queryKey: ['steer', 'systems', 'problems', unitId],
    queryFn: () => registersApi.problems(unitId),
  });
  if (q.isPending) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const ref = (s: { id: number; name: string; unitName: string }) => (
    <Text size="sm" key={s.id}>
      <Anchor component={Link} to={`/steer/systems/${s.id}`}>
        {s.name}
      </Anchor>{' '}
      — {s.unitName}
    </Text>
  );
  const pct = (v: number | null) => (v === null ? '–' : `${formatNumber(v, locale, 1)} %`);
  return (
    <Stack data-testid="system-problems">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('r.notIntegrated', { count: p.notIntegrated.length })}
          </Title>
          {p.notIntegrated.map(ref)}
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('r.withoutSecurity', { count: p.withoutSecurity.length })}
          </Title>
          {p.withoutSecurity.map(ref)}
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('r.overlaps', { count: p.overlaps.length })}
          </Title>
          {p.overlaps.map((g) => (
            <Card
              withBorder
              p="xs"
              mb="xs"
              key={`${g.purposeCategory}-${g.systems[0]?.id}`}
              style={{ borderColor: 'var(--mantine-color-orange-6)' }}
            >
              <Text size="sm" fw={600}>
                {`${label(PURPOSE_CATEGORY_LABELS, g.purposeCategory, locale)} · ${g.scope === 'province' ? t('r.overlapScopeProvince') : t('r.overlapScopeUnit')}`}
              </Text>
              {g.systems.map(ref)}
            </Card>
          ))}
        </Card>
      </SimpleGrid>
      <Title order={3} size="h4">
        {t('r.shares')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('r.unit')}</Table.Th>
              <Table.Th ta="right">{t('r.operating')}</Table.Th>
              <Table.Th ta="right">{t('r.integratedShare')}</Table.Th>
              <Table.Th ta="right">{t('r.securityShare')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.shares.map((s) => (
              <Table.Tr key={s.unitId}>
                <Table.Td>{s.unitName}</Table.Td>
                <Table.Td ta="right">{s.operating}</Table.Td>
                <Table.Td ta="right">{pct(s.integratedShare)}</Table.Td>
                <Table.Td ta="right">{pct(s.securityShare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function SystemsPage() {
  const { t, locale } = useRT();
  const scope = useRegisterScope();
  const [filters, setFilters] = useState<Record<string, string | null>>({});
  const [q, setQ] = useState('');
  const unitId = scope.unit?.id;
  const list = useQuery({
    queryKey: ['steer', 'systems', unitId, filters, q],
    queryFn: () => registersApi.systems({ unitId, ...filters, q: q || undefined }),
    enabled: !!unitId,
  });
  const f = (key: string) => ({
    value: filters[key] ?? null,
    onChange: (v: string | null) => setFilters({ ...filters, [key]: v }),
    clearable: true,
    placeholder: t('r.all'),
  });
  const opts = (values: readonly string[], table: Readonly<Record<string, { vi: string; en: string }>>) =>
    values.map((v) => ({ value: v, label: label(table, v, locale) }));
  return (
    <>
      <SteerNav />
      <Group justify="space-between" mb={4}>
        <Title order={1}>{t('r.systems')}</Title>
        <Group>
          <Button variant="light" component={Link} to="/steer/systems/reviews">
            {t('r.reviews')}
          </Button>
          {scope.canReport ? <NewSystem unit={scope.reportUnits[0] ?? null} /> : null}
        </Group>
      </Group>
      <Text c="dimmed" mb="md">
        {t('r.systemsNote')}
      </Text>
      <Grid mb="md" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <UnitPicker
            label={t('r.unit')}
            value={unitId ?? null}
            initialLabel={scope.unit?.name}
            onChange={scope.setUnit}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label={t('r.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        </Grid.Col>
      </Grid>
      <Tabs defaultValue="register">
        <Tabs.List mb="md">
          <Tabs.Tab value="register">{t('r.register')}</Tabs.Tab>
          <Tabs.Tab value="problems" data-testid="tab-problems">
            {t('r.problems')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register">
          <SimpleGrid cols={{ base: 2, sm: 5 }} mb="md">
            <Select
              label={t('r.status')}
              data={opts(SYSTEM_STATUSES, SYSTEM_STATUS_LABELS)}
              {...f('status')}
            />
            <Select
              label={t('r.purposeCategory')}
              data={opts(PURPOSE_CATEGORIES, PURPOSE_CATEGORY_LABELS)}
              {...f('purposeCategory')}
            />
            <Select label={t('r.hosting')} data={opts(HOSTINGS, HOSTING_LABELS)} {...f('hosting')} />
            <Select
              label={t('r.integrated')}
              data={[
                { value: 'yes', label: t('r.yes') },
                { value: 'no', label: t('r.no') },
              ]}
              {...f('integrated')}
            />
            <Select
              label={t('r.securityApproved')}
              data={[
                { value: 'yes', label: t('r.yes') },
                { value: 'no', label: t('r.no') },
              ]}
              {...f('securityApproved')}
            />
          </SimpleGrid>
          {list.isPending && unitId ? <PageLoader /> : null}
          <ErrorAlert error={list.error} />
          {list.data && !list.data.items.length ? <Alert color="gray">{t('r.none')}</Alert> : null}
          {list.data?.items.length ? (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover data-testid="system-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('r.name')}</Table.Th>
                    <Table.Th>{t('r.owner')}</Table.Th>
                    <Table.Th>{t('r.status')}</Table.Th>
                    <Table.Th>{t('r.integrated')}</Table.Th>
                    <Table.Th>{t('r.security')}</Table.Th>
                    <Table.Th ta="right">{t('r.investment')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/steer/systems/${s.id}`}>
                          {s.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {label(PURPOSE_CATEGORY_LABELS, s.purposeCategory, locale)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{s.unitName}</Table.Td>
                      <Table.Td>{label(SYSTEM_STATUS_LABELS, s.status, locale)}</Table.Td>
                      <Table.Td>
                        <Badge color={s.lgspIntegrated ? 'green' : 'gray'} variant="light">
                          {s.lgspIntegrated ? t('r.yes') : t('r.no')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <SecurityBadge s={s} t={t} />
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(s.investmentVnd, locale)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="problems">{unitId ? <Problems unitId={unitId} /> : null}</Tabs.Panel>
      </Tabs>
    </>
  );
}
