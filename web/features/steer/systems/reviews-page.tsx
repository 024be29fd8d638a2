import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { formatDate } from '../../../lib/format.js';
import { UnitPicker } from '../../units/unit-picker.js';
import { registersApi } from '../products/registers-api.js';
import { useRT } from '../products/registers-i18n.js';
import { useRegisterScope } from '../products/use-register-scope.js';

// Review campaigns of the information systems: the list with progress (over the viewer's units), and opening
// a new one (the secretariat).

function OpenCampaign({ root }: { root: { id: number; name: string } | null }) {
  const { t } = useRT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ name: '', dueDate: '', root });
  const save = useMutation({
    mutationFn: () =>
      registersApi.openCampaign({ name: form.name, dueDate: form.dueDate, rootUnitId: form.root?.id ?? 0 }),
    onSuccess: (c) => {
      queryClient.invalidateQueries({ queryKey: ['steer', 'reviews'] });
      navigate(`/steer/systems/reviews/${c.id}`);
    },
  });
  const { errors } = useFieldErrors(save.error);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="open-campaign">
        {t('r.openCampaign')}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('r.openCampaign')}>
        <Stack>
          <TextInput
            label={t('r.campaignName')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={errors.name}
          />
          <UnitPicker
            label={t('r.rootUnit')}
            value={form.root?.id ?? null}
            initialLabel={form.root?.name}
            onChange={(u) => setForm({ ...form, root: u })}
            error={errors.rootUnitId}
          />
          <TextInput
            type="date"
            label={t('r.dueDate')}
            value={form.dueDate}
            onChange={(e) => setForm({ ...form, dueDate: e.currentTarget.value })}
            error={errors.dueDate}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('r.cancel')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate()}>
              {t('r.openCampaign')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

export function ReviewsPage() {
  const { t, locale } = useRT();
  const scope = useRegisterScope();
  const unitId = scope.unit?.id;
  const q = useQuery({
    queryKey: ['steer', 'reviews', unitId],
    queryFn: () => registersApi.campaigns(unitId ?? 0),
    enabled: !!unitId,
  });
  return (
    <>
      <Anchor component={Link} to="/steer/systems" size="sm">
        ← {t('r.systems')}
      </Anchor>
      <Group justify="space-between" mt="xs" mb="md">
        <Title order={1}>{t('r.reviews')}</Title>
        {scope.canManage ? <OpenCampaign root={scope.manageUnits[0] ?? null} /> : null}
      </Group>
      {q.isPending && unitId ? <PageLoader /> : null}
      <ErrorAlert error={q.error} />
      {q.data && !q.data.items.length ? <Alert color="gray">{t('r.none')}</Alert> : null}
      <Stack>
        {q.data?.items.map((c) => (
          <Card withBorder key={c.id} data-testid="campaign-card">
            <Group justify="space-between">
              <Anchor component={Link} to={`/steer/systems/reviews/${c.id}`} fw={600}>
                {c.name}
              </Anchor>
              <Group gap="xs">
                <Badge color={c.status === 'open' ? 'blue' : 'gray'}>
                  {c.status === 'open' ? t('r.open') : t('r.closed')}
                </Badge>
                {c.progress.overdue ? <Badge color="red">{t('r.overdue')}</Badge> : null}
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {t('r.dueDate')}: {formatDate(c.dueDate, locale)}
            </Text>
            <Progress
              value={c.progress.total ? (100 * c.progress.confirmed) / c.progress.total : 0}
              mt="xs"
              aria-label={t('r.progress', { confirmed: c.progress.confirmed, total: c.progress.total })}
            />
            <Text size="sm">
              {t('r.progress', { confirmed: c.progress.confirmed, total: c.progress.total })}
            </Text>
          </Card>
        ))}
      </Stack>
    </>
  );
}
