import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  HOSTING_LABELS,
  NATIONAL_DATABASE_LABELS,
  PURPOSE_CATEGORY_LABELS,
  SYSTEM_SCOPE_LABELS,
  SYSTEM_STATUS_LABELS,
} from '../../../../core/steer/registers.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { registersApi } from '../products/registers-api.js';
import { label, useRT } from '../products/registers-i18n.js';
import { draftOf, type SystemDraft, SystemFields } from './system-form.js';
import { SecurityBadge } from './systems-page.js';

// One information system: its record in words, and the edit form for its owner unit's officers (a leave
// warning while something typed is not saved).

export function SystemPage() {
  const { t, locale } = useRT();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['steer', 'systems', 'one', id], queryFn: () => registersApi.system(id) });
  const [draft, setDraft] = useState<SystemDraft | null>(null);
  const save = useMutation({
    mutationFn: (d: SystemDraft) => registersApi.updateSystem(id, d),
    onSuccess: () => {
      notify(t('r.saved'));
      setDraft(null);
      queryClient.invalidateQueries({ queryKey: ['steer', 'systems'] });
    },
  });
  const { errors } = useFieldErrors(save.error);
  useEffect(() => {
    if (!draft) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [draft]);
  if (q.isPending) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const row = (k: string, v: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {k}
      </Text>
      <Text size="sm">{v || '–'}</Text>
    </div>
  );
  return (
    <>
      <Anchor component={Link} to="/steer/systems" size="sm">
        ← {t('r.back')}
      </Anchor>
      <Group justify="space-between" mt="xs" mb="md">
        <div>
          <Title order={1}>{s.name}</Title>
          <Text c="dimmed">
            {s.unitName} · {label(SYSTEM_STATUS_LABELS, s.status, locale)}
          </Text>
        </div>
        {s.can.edit && !draft ? (
          <Button onClick={() => setDraft(draftOf(s))} data-testid="edit-system">
            {t('r.editSystem')}
          </Button>
        ) : null}
      </Group>
      {draft ? (
        <Card withBorder>
          <SystemFields value={draft} onChange={setDraft} errors={errors} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setDraft(null)}>
              {t('r.cancel')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate(draft)} data-testid="save-system">
              {t('r.save')}
            </Button>
          </Group>
        </Card>
      ) : (
        <Stack>
          <Card withBorder>
            <Text>{s.purpose}</Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
              {row(t('r.purposeCategory'), label(PURPOSE_CATEGORY_LABELS, s.purposeCategory, locale))}
              {row(t('r.scope'), label(SYSTEM_SCOPE_LABELS, s.scope, locale))}
              {row(t('r.users'), s.users)}
            </SimpleGrid>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('r.money')} · {t('r.dates')}
              </Title>
              <SimpleGrid cols={2}>
                {row(t('r.investment'), formatNumber(s.investmentVnd, locale))}
                {row(t('r.budget'), formatNumber(s.yearlyBudgetVnd, locale))}
                {row(t('r.startDate'), formatDate(s.startDate, locale))}
                {row(t('r.goLive'), formatDate(s.goLiveDate, locale))}
                {row(t('r.retirement'), formatDate(s.retirementDate, locale))}
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('r.integration')}
              </Title>
              <SimpleGrid cols={2}>
                {row(t('r.hosting'), label(HOSTING_LABELS, s.hosting, locale))}
                {row(
                  t('r.lgsp'),
                  <Badge color={s.lgspIntegrated ? 'green' : 'gray'} variant="light">
                    {s.lgspIntegrated ? t('r.yes') : t('r.no')}
                  </Badge>,
                )}
                {row(
                  t('r.nationalDbs'),
                  s.nationalDbs.map((d) => label(NATIONAL_DATABASE_LABELS, d, locale)).join('; '),
                )}
                {row(t('r.dataShared'), s.dataShared)}
                {row(t('r.dataConsumed'), s.dataConsumed)}
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('r.security')}
              </Title>
              <SecurityBadge s={s} t={t} />
              <SimpleGrid cols={2} mt="xs">
                {row(t('r.decisionNumber'), s.securityDecisionNumber)}
                {row(t('r.decisionDate'), formatDate(s.securityDecisionDate, locale))}
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('r.lastReview')}
              </Title>
              {row(t('r.lastReview'), formatDate(s.lastReviewDate, locale))}
              {row(t('r.findings'), s.reviewFindings)}
            </Card>
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
