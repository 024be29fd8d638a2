import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { UnitPicker } from '../units/unit-picker.js';
import { CONFIG_TEMPLATE, ConfigEditor, parseConfig } from './config-editor.js';
import { contestApi } from './contest-api.js';
import { useContestT } from './contest-i18n.js';

// Contests of the caller's units: status, participants and attempts; a new contest with its configuration
// checked and its rules summary previewed as it is typed.

export const STATUS_COLOR = { draft: 'gray', open: 'green', closed: 'blue' } as const;

export function ContestsPage() {
  const { t, locale } = useContestT();
  const list = useQuery({ queryKey: ['contest', 'list'], queryFn: contestApi.contests });
  const [creating, setCreating] = useState(false);
  if (list.isLoading) return <PageLoader />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Group>
          <Button component={Link} to="/contest/bank" variant="light">
            {t('bank')}
          </Button>
          <Button onClick={() => setCreating(true)}>{t('newContest')}</Button>
        </Group>
      </Group>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data?.items.length === 0 ? <Text>{t('none')}</Text> : null}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contestTitle')}</Table.Th>
            <Table.Th>{t('unit')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
            <Table.Th>{t('participants')}</Table.Th>
            <Table.Th>{t('attempts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/contest/${c.id}`}>
                  {c.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {c.openedAt ? formatDateTime(c.openedAt, locale) : ''}
                </Text>
              </Table.Td>
              <Table.Td>{c.unitName}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[c.status]}>{t(c.status)}</Badge>
              </Table.Td>
              <Table.Td>{formatNumber(c.counts.participants, locale)}</Table.Td>
              <Table.Td>{formatNumber(c.counts.attempts, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {creating ? <CreateContest onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

function CreateContest({ onClose }: { onClose: () => void }) {
  const { t } = useContestT();
  const session = useSession();
  const first = session.data?.grants[0];
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(
    first ? { id: first.unitId, name: first.unitName } : null,
  );
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [config, setConfig] = useState(JSON.stringify(CONFIG_TEMPLATE, null, 2));
  const qc = useQueryClient();
  const navigate = useNavigate();
  const bank = useQuery({
    queryKey: ['contest', 'bank', unit?.id],
    queryFn: () => contestApi.questions(unit!.id),
    enabled: !!unit,
  });
  const categories = new Map((bank.data?.categories ?? []).map((c) => [c.id, c.name]));
  const create = useMutation({
    mutationFn: () => contestApi.create({ unitId: unit!.id, title, slug, config: JSON.parse(config) }),
    onSuccess: (c) => {
      notify(t('done'));
      qc.invalidateQueries({ queryKey: ['contest'] });
      navigate(`/contest/${c.id}`);
    },
  });
  return (
    <AppModal opened onClose={onClose} title={t('newContest')} size="xl">
      <Stack>
        <UnitPicker label={t('unit')} value={unit?.id ?? null} initialLabel={unit?.name} onChange={setUnit} />
        <TextInput
          label={t('contestTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <TextInput label={t('slug')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} required />
        <ConfigEditor title={title} value={config} onChange={setConfig} categories={categories} />
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            onClick={() => create.mutate()}
            loading={create.isPending}
            disabled={!unit || !title || !slug || !parseConfig(config).success}
          >
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
