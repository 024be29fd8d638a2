import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CampaignDetail } from '../../../../core/contracts/steer-registers.js';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { registersApi } from '../products/registers-api.js';
import { useRT } from '../products/registers-i18n.js';
import { useRegisterScope } from '../products/use-register-scope.js';
import { draftOf, type SystemDraft, SystemFields } from './system-form.js';

// One review campaign: progress per unit, the systems to confirm (an owner unit's officer confirms each, or
// corrects it while confirming), the unconfirmed ones once the date has passed; the secretariat reminds the
// units and closes the campaign, each after a confirmation.

type Item = CampaignDetail['items'][number];

function ConfirmButton({ campaignId, item }: { campaignId: number; item: Item }) {
  const { t } = useRT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'same' | 'changed'>('same');
  const [note, setNote] = useState('');
  const [draft, setDraft] = useState<SystemDraft | null>(null);
  const system = useQuery({
    queryKey: ['steer', 'systems', 'one', item.systemId],
    queryFn: () => registersApi.system(item.systemId),
    enabled: open && mode === 'changed',
  });
  const confirm = useMutation({
    mutationFn: () =>
      registersApi.confirm(campaignId, item.id, {
        note: note || null,
        ...(mode === 'changed' && draft ? { system: draft } : {}),
      }),
    onSuccess: () => {
      setOpen(false);
      notify(t('r.saved'));
      queryClient.invalidateQueries({ queryKey: ['steer'] });
    },
  });
  const { errors } = useFieldErrors(confirm.error);
  const systemErrors = Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [k.replace(/^system\./, ''), v]),
  );
  if (mode === 'changed' && !draft && system.data) setDraft(draftOf(system.data));
  return (
    <>
      <Button size="compact-sm" onClick={() => setOpen(true)} data-testid="confirm-item">
        {t('r.confirm')}
      </Button>
      <AppModal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('r.confirmTitle', { name: item.systemName })}
        size={mode === 'changed' ? 'xl' : 'md'}
      >
        <Stack>
          <Radio.Group value={mode} onChange={(v) => setMode(v as 'same' | 'changed')}>
            <Stack gap={4}>
              <Radio value="same" label={t('r.confirmNoChange')} />
              <Radio value="changed" label={t('r.confirmWithChanges')} />
            </Stack>
          </Radio.Group>
          {mode === 'changed' ? (
            draft ? (
              <SystemFields value={draft} onChange={setDraft} errors={systemErrors} />
            ) : (
              <PageLoader />
            )
          ) : null}
          <Textarea label={t('r.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <ErrorAlert error={confirm.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('r.cancel')}
            </Button>
            <Button loading={confirm.isPending} onClick={() => confirm.mutate()} data-testid="confirm-save">
              {t('r.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

function ManageButtons({ c }: { c: CampaignDetail }) {
  const { t } = useRT();
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState(false);
  const remind = useMutation({
    mutationFn: () => registersApi.remind(c.id),
    onSuccess: (r) => notify(t('r.reminded', { count: r.unitsReminded })),
  });
  const close = useMutation({
    mutationFn: () => registersApi.closeCampaign(c.id),
    onSuccess: () => {
      setClosing(false);
      queryClient.invalidateQueries({ queryKey: ['steer'] });
    },
  });
  return (
    <Group>
      {c.can.remind ? (
        <Button
          variant="light"
          loading={remind.isPending}
          onClick={() => remind.mutate()}
          data-testid="remind"
        >
          {t('r.remind')}
        </Button>
      ) : null}
      {c.can.close ? (
        <Button variant="default" color="red" onClick={() => setClosing(true)}>
          {t('r.close')}
        </Button>
      ) : null}
      <ErrorAlert error={remind.error} />
      <AppModal opened={closing} onClose={() => setClosing(false)} title={t('r.close')}>
        <Text>{t('r.closeConfirm', { name: c.name })}</Text>
        <ErrorAlert error={close.error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setClosing(false)}>
            {t('r.cancel')}
          </Button>
          <Button color="red" loading={close.isPending} onClick={() => close.mutate()}>
            {t('r.close')}
          </Button>
        </Group>
      </AppModal>
    </Group>
  );
}

export function ReviewPage() {
  const { t, locale } = useRT();
  const id = Number(useParams().id);
  const scope = useRegisterScope();
  const unitId = scope.unit?.id;
  const q = useQuery({
    queryKey: ['steer', 'reviews', 'one', id, unitId],
    queryFn: () => registersApi.campaign(id, unitId ?? 0),
    enabled: !!unitId,
  });
  if (q.isPending) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const unconfirmed = c.items.filter((i) => !i.confirmedAt);
  return (
    <>
      <Anchor component={Link} to="/steer/systems/reviews" size="sm">
        ← {t('r.reviews')}
      </Anchor>
      <Group justify="space-between" mt="xs">
        <Title order={1}>{c.name}</Title>
        <ManageButtons c={c} />
      </Group>
      <Group gap="xs" mb="md">
        <Badge color={c.status === 'open' ? 'blue' : 'gray'}>
          {c.status === 'open' ? t('r.open') : t('r.closed')}
        </Badge>
        <Text size="sm">
          {t('r.dueDate')}: {formatDate(c.dueDate, locale)}
        </Text>
        {c.progress.overdue ? <Badge color="red">{t('r.overdue')}</Badge> : null}
        <Text size="sm">{t('r.progress', { confirmed: c.progress.confirmed, total: c.progress.total })}</Text>
      </Group>
      {c.progress.overdue && unconfirmed.length ? (
        <Alert color="red" title={t('r.unconfirmedList')} mb="md" data-testid="unconfirmed">
          {unconfirmed.map((i) => (
            <Text size="sm" key={i.id}>
              {i.systemName} — {i.unitName}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Title order={2} size="h3">
        {t('r.byUnit')}
      </Title>
      <Stack gap="xs" mb="md" data-testid="unit-progress">
        {c.units.map((u) => (
          <Card withBorder p="xs" key={u.unitId}>
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {u.unitName}
              </Text>
              <Group gap="xs">
                {u.overdue ? (
                  <Badge color="red" size="sm">
                    {t('r.overdue')}
                  </Badge>
                ) : null}
                <Text size="sm">{t('r.progress', { confirmed: u.confirmed, total: u.total })}</Text>
              </Group>
            </Group>
            <Progress
              value={u.total ? (100 * u.confirmed) / u.total : 0}
              color={u.overdue ? 'red' : 'blue'}
              size="sm"
              aria-label={`${u.unitName}: ${t('r.progress', { confirmed: u.confirmed, total: u.total })}`}
            />
          </Card>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="review-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('r.system')}</Table.Th>
              <Table.Th>{t('r.owner')}</Table.Th>
              <Table.Th>{t('r.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/steer/systems/${i.systemId}`}>
                    {i.systemName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{i.unitName}</Table.Td>
                <Table.Td>
                  {i.confirmedAt ? (
                    <Text size="sm" c="green.9">
                      {t('r.confirmed')} {formatDateTime(i.confirmedAt, locale)}
                      {i.changed ? ` (${t('r.changed')})` : ''}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('r.notConfirmed')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{i.canConfirm ? <ConfirmButton campaignId={c.id} item={i} /> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
