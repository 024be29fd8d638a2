import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { roleGrants } from '../../../../core/accounts/permissions.js';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate, todayInVietnam } from '../../../lib/format.js';
import { useSession } from '../../auth/use-session.js';
import { SteerNav } from '../steer-nav.js';
import { MeetingForm } from './meeting-form.js';
import { useMeetings } from './meetings-api.js';
import { useMtT } from './meetings-i18n.js';

// The committee meetings in the caller's scope, newest first (cards: they read on a phone too), and, for the
// secretariat, adding one.

export function MeetingsPage() {
  const t = useMtT();
  const { locale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState<string | null>(String(thisYear));
  const meetings = useMeetings(year ? Number(year) : undefined);
  const [creating, { open, close }] = useDisclosure(false);
  const committees = (session.data?.grants ?? [])
    .filter((g) => roleGrants(g.role, 'steer.manage'))
    .map((g) => ({ unitId: g.unitId, unitName: g.unitName }));

  return (
    <Stack gap="md">
      <SteerNav />
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('mt.title')}</Title>
        <Group gap="xs">
          <Select
            aria-label={t('mt.year')}
            w={150}
            data={[
              { value: '', label: t('mt.allYears') },
              ...[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
                value: String(y),
                label: String(y),
              })),
            ]}
            value={year ?? ''}
            onChange={(v) => setYear(v || null)}
            allowDeselect={false}
          />
          {committees.length ? <Button onClick={open}>{t('mt.new')}</Button> : null}
        </Group>
      </Group>
      <ErrorAlert error={meetings.error} />
      {meetings.isPending ? <PageLoader /> : null}
      {meetings.data && !meetings.data.items.length ? <Alert color="gray">{t('mt.none')}</Alert> : null}
      {meetings.data?.items.map((m) => (
        <Card key={m.id} withBorder padding="md" data-testid="meeting-card">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text component={Link} to={`/steer/meetings/${m.id}`} fw={600} c="blue.8">
                {m.title}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDate(m.date, locale)} · {m.time} · {t(`mt.kind.${m.kind}`)} · {m.unitName}
              </Text>
              <Text size="sm">
                {t('mt.chair')}: {m.chairName}
                {m.location ? ` · ${m.location}` : ''}
              </Text>
            </Stack>
            <Stack gap={4} align="flex-end">
              {m.noticeNumber ? (
                <Badge variant="light" color="blue">
                  {t('mt.notice')} {m.noticeNumber}
                </Badge>
              ) : (
                <Badge variant="light" color="gray">
                  {t('mt.noNotice')}
                </Badge>
              )}
              {m.conclusionCount ? (
                <Badge variant="light" color={m.convertedCount === m.conclusionCount ? 'green' : 'orange'}>
                  {t('mt.converted', { n: m.convertedCount, total: m.conclusionCount })}
                </Badge>
              ) : null}
              {m.isDemo ? (
                <Badge variant="outline" color="grape">
                  {t('mt.demo')}
                </Badge>
              ) : null}
            </Stack>
          </Group>
        </Card>
      ))}
      <AppModal opened={creating} onClose={close} title={t('mt.new')} size="lg">
        <MeetingForm
          committees={committees}
          onDone={(detail) => {
            close();
            notify(t('mt.created'));
            navigate(`/steer/meetings/${detail.id}`);
          }}
        />
      </AppModal>
    </Stack>
  );
}
