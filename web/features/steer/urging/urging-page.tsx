import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate } from '../../../lib/format.js';
import { SteerNav } from '../steer-nav.js';
import {
  type Letter,
  type ReminderSettingsView,
  URGING_KEY,
  type UrgingUnits,
  urgingApi,
  useLetterPreview,
  useLetters,
  useReminderSettings,
  useUrgingUnits,
} from './urging-api.js';
import { useUgT } from './urging-i18n.js';
import { UrgingTaskItem } from './urging-task-item.js';

// The secretariat's urging page (/app/steer/urging): units with overdue or due-soon tasks, an urging letter per
// unit (preview → details → confirmation → download), the letters sent, and the automatic reminder schedule.

type Unit = UrgingUnits['items'][number];

function LetterDialog({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const t = useUgT();
  const { locale } = useI18n();
  const qc = useQueryClient();
  const preview = useLetterPreview(unit.unitId);
  const [number, setNumber] = useState('');
  const [replyBy, setReplyBy] = useState<string | null>(null);
  const [signer, setSigner] = useState('');
  const [confirming, setConfirming] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      urgingApi.send(unit.unitId, {
        number: number.trim() || null,
        replyBy: replyBy ?? preview.data?.replyBy,
        signerName: signer.trim() || null,
      }),
    onSuccess: (letter) => {
      notify(t('ug.sent', { unit: letter.unitName }));
      void qc.invalidateQueries({ queryKey: URGING_KEY });
    },
    onError: () => setConfirming(false),
  });
  const p = preview.data;
  const sent = send.data;
  return (
    <AppModal opened onClose={onClose} title={t('ug.prepareFor', { unit: unit.unitName })} size="lg">
      {preview.isLoading ? <PageLoader /> : null}
      <ErrorAlert error={preview.error} />
      {p && !sent ? (
        <Stack>
          <Text size="sm">
            {t('ug.previewNote', {
              overdue: p.overdue.length,
              soon: p.dueSoon.length,
              date: formatDate(p.asOf, locale),
            })}
          </Text>
          {p.overdue.length ? (
            <Title order={3} size="h5">
              {t('ug.overdue')}
            </Title>
          ) : null}
          {p.overdue.map((task) => (
            <UrgingTaskItem key={task.id} task={task} />
          ))}
          {p.dueSoon.length ? (
            <Title order={3} size="h5">
              {t('ug.dueSoon')}
            </Title>
          ) : null}
          {p.dueSoon.map((task) => (
            <UrgingTaskItem key={task.id} task={task} />
          ))}
          <TextInput
            label={t('ug.number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            maxLength={30}
          />
          <TextInput
            type="date"
            label={t('ug.replyBy')}
            value={replyBy ?? p.replyBy}
            min={p.asOf}
            onChange={(e) => setReplyBy(e.currentTarget.value || null)}
          />
          <TextInput
            label={t('ug.signer')}
            value={signer}
            onChange={(e) => setSigner(e.currentTarget.value)}
            maxLength={120}
          />
          <ErrorAlert error={send.error} />
          {confirming ? (
            <Alert color="orange" title={t('ug.send')} role="alertdialog">
              <Text size="sm" mb="sm">
                {t('ug.confirm', { unit: p.unitName, n: p.overdue.length + p.dueSoon.length })}
              </Text>
              <Group>
                <Button
                  color="red.9"
                  loading={send.isPending}
                  onClick={() => send.mutate()}
                  data-testid="confirm-send"
                >
                  {t('ug.confirmYes')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('ug.cancel')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('ug.cancel')}
              </Button>
              <Button onClick={() => setConfirming(true)} data-testid="send-letter">
                {t('ug.send')}
              </Button>
            </Group>
          )}
        </Stack>
      ) : null}
      {sent ? (
        <Stack>
          <Alert color="green" title={t('ug.sent', { unit: sent.unitName })}>
            {t('ug.counts', { overdue: sent.overdueCount, soon: sent.dueSoonCount })}
          </Alert>
          <Group>
            <Button component="a" href={urgingApi.letterUrl(sent.id)} download data-testid="download-letter">
              {t('ug.download')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('ug.back')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </AppModal>
  );
}

function LettersLog() {
  const t = useUgT();
  const { locale } = useI18n();
  const letters = useLetters();
  if (!letters.data) return <ErrorAlert error={letters.error} />;
  const items: Letter[] = letters.data.items;
  if (!items.length) return <Text c="gray.7">{t('ug.logEmpty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="letters-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ug.issuedOn')}</Table.Th>
            <Table.Th>{t('ug.unit')}</Table.Th>
            <Table.Th>{t('ug.numberCol')}</Table.Th>
            <Table.Th>{t('ug.task')}</Table.Th>
            <Table.Th>{t('ug.by')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{formatDate(l.issuedOn, locale)}</Table.Td>
              <Table.Td>
                {l.unitName}{' '}
                {l.isDemo ? (
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {t('ug.demo')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{l.number ?? t('ug.noNumber')}</Table.Td>
              <Table.Td>{t('ug.counts', { overdue: l.overdueCount, soon: l.dueSoonCount })}</Table.Td>
              <Table.Td>{l.createdBy}</Table.Td>
              <Table.Td>
                <Anchor
                  href={urgingApi.letterUrl(l.id)}
                  download
                  aria-label={t('ug.downloadOf', { unit: l.unitName, date: formatDate(l.issuedOn, locale) })}
                >
                  {t('ug.download')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SettingsForm({ settings }: { settings: ReminderSettingsView }) {
  const t = useUgT();
  const { locale } = useI18n();
  const qc = useQueryClient();
  const [before, setBefore] = useState(settings.beforeDays.join(', '));
  const [every, setEvery] = useState<number | string>(settings.overdueEveryDays);
  const [cycle, setCycle] = useState<number | string>(settings.cycleBeforeDays);
  const parsed = before
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const beforeOk = parsed.every((n) => Number.isInteger(n) && n > 0);
  const save = useMutation({
    mutationFn: () =>
      urgingApi.saveSettings({
        beforeDays: parsed,
        overdueEveryDays: Number(every),
        cycleBeforeDays: Number(cycle),
      }),
    onSuccess: () => {
      notify(t('ug.saved'));
      void qc.invalidateQueries({ queryKey: [...URGING_KEY, 'settings'] });
    },
  });
  return (
    <Stack gap="sm" maw={520}>
      <Text size="sm" c="gray.7">
        {t('ug.settingsNote')}
      </Text>
      <Text size="sm">
        {settings.lastRun
          ? t('ug.lastRun', { date: formatDate(settings.lastRun.on, locale), n: settings.lastRun.reminders })
          : t('ug.neverRun')}
      </Text>
      <TextInput
        label={t('ug.beforeDays')}
        value={before}
        onChange={(e) => setBefore(e.currentTarget.value)}
        error={beforeOk ? undefined : t('ug.beforeDaysBad')}
      />
      <NumberInput
        label={t('ug.overdueEvery')}
        value={every}
        onChange={setEvery}
        min={1}
        max={365}
        allowDecimal={false}
      />
      <NumberInput
        label={t('ug.cycleBefore')}
        value={cycle}
        onChange={setCycle}
        min={0}
        max={90}
        allowDecimal={false}
      />
      <ErrorAlert error={save.error} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!beforeOk}>
          {t('ug.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function UrgingPage() {
  const t = useUgT();
  const units = useUrgingUnits();
  const settings = useReminderSettings();
  const [open, setOpen] = useState<Unit | null>(null);
  const { locale } = useI18n();
  if (units.isLoading) return <PageLoader />;
  return (
    <Stack gap="lg">
      <SteerNav />
      <div>
        <Title order={1}>{t('ug.title')}</Title>
        <Text c="gray.7">{t('ug.intro')}</Text>
      </div>
      <ErrorAlert error={units.error} />
      {units.data ? (
        units.data.items.length ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid="urging-units">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ug.unit')}</Table.Th>
                  <Table.Th ta="right">{t('ug.overdue')}</Table.Th>
                  <Table.Th ta="right">{t('ug.dueSoon')}</Table.Th>
                  <Table.Th ta="right">{t('ug.maxDays')}</Table.Th>
                  <Table.Th>{t('ug.lastLetter')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.data.items.map((u) => (
                  <Table.Tr key={u.unitId}>
                    <Table.Td fw={600}>{u.unitName}</Table.Td>
                    <Table.Td ta="right" c={u.overdue ? 'red.8' : undefined}>
                      {u.overdue}
                    </Table.Td>
                    <Table.Td ta="right">{u.dueSoon}</Table.Td>
                    <Table.Td ta="right">
                      {u.maxDaysOverdue ? t('ug.days', { n: u.maxDaysOverdue }) : '—'}
                    </Table.Td>
                    <Table.Td>
                      {u.lastLetter ? formatDate(u.lastLetter.issuedOn, locale) : t('ug.never')}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setOpen(u)}
                        aria-label={t('ug.prepareFor', { unit: u.unitName })}
                      >
                        {t('ug.prepare')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text c="gray.7">{t('ug.none')}</Text>
        )
      ) : null}
      <section aria-labelledby="letters-log-heading">
        <Title order={2} size="h3" id="letters-log-heading" mb="sm">
          {t('ug.log')}
        </Title>
        <LettersLog />
      </section>
      <Paper withBorder p="md" component="section" aria-labelledby="reminder-settings-heading">
        <Title order={2} size="h3" id="reminder-settings-heading" mb="sm">
          {t('ug.settings')}
        </Title>
        {settings.data ? (
          <SettingsForm key={settings.data.updatedAt ?? 'default'} settings={settings.data} />
        ) : null}
        <ErrorAlert error={settings.error} />
      </Paper>
      {open ? <LetterDialog unit={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
