import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ContestView, Participation } from '../../../core/contracts/contest.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { contestApi } from './contest-api.js';
import { useContestT } from './contest-i18n.js';

// The live participation dashboard: participants and attempts by group, by block of units and by unit against
// its headcount, the laggards, and the daily bulletin (xlsx, DOCX). Refreshed every minute while open.

export function ParticipationPanel({ contest }: { contest: ContestView }) {
  const { t, locale } = useContestT();
  const participation = useQuery({
    queryKey: ['contest', contest.id, 'participation'],
    queryFn: () => contestApi.participation(contest.id),
    refetchInterval: 60_000,
  });
  const p = participation.data;
  const units = (rows: Participation['byUnit']) => (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('unitName')}</Table.Th>
          <Table.Th>{t('block')}</Table.Th>
          <Table.Th>{t('participants')}</Table.Th>
          <Table.Th>{t('attempts')}</Table.Th>
          <Table.Th>{t('headcount')}</Table.Th>
          <Table.Th>{t('rate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((u) => (
          <Table.Tr key={u.unitId}>
            <Table.Td>{u.unitName}</Table.Td>
            <Table.Td>{u.blockName}</Table.Td>
            <Table.Td>{formatNumber(u.participants, locale)}</Table.Td>
            <Table.Td>{formatNumber(u.attempts, locale)}</Table.Td>
            <Table.Td>{formatNumber(u.headcount, locale)}</Table.Td>
            <Table.Td>{formatPercent(u.rate, locale)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack>
      {participation.error ? <ErrorAlert error={participation.error} /> : null}
      <Group justify="space-between">
        <Group>
          {p?.byGroup.map((g) => (
            <Badge key={g.groupKey} size="lg" variant="light" style={{ textTransform: 'none' }}>
              {contest.config.groups.find((x) => x.key === g.groupKey)?.name ?? g.groupKey}:{' '}
              {formatNumber(g.participants, locale)} {t('participants').toLowerCase()} ·{' '}
              {formatNumber(g.attempts, locale)} {t('attempts').toLowerCase()}
            </Badge>
          ))}
        </Group>
        <Group>
          <Button component="a" variant="default" href={`/api/contest/contests/${contest.id}/bulletin.xlsx`}>
            {t('bulletinXlsx')}
          </Button>
          <Button component="a" variant="default" href={`/api/contest/contests/${contest.id}/bulletin.docx`}>
            {t('bulletinDocx')}
          </Button>
        </Group>
      </Group>
      {p ? (
        <Text size="sm" c="dimmed">
          {t('asOf', { t: new Date(p.asOf).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN') })}
        </Text>
      ) : null}
      <Title order={4}>{t('byBlock')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('block')}</Table.Th>
            <Table.Th>{t('units')}</Table.Th>
            <Table.Th>{t('participants')}</Table.Th>
            <Table.Th>{t('attempts')}</Table.Th>
            <Table.Th>{t('headcount')}</Table.Th>
            <Table.Th>{t('rate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p?.byBlock.map((b) => (
            <Table.Tr key={b.block}>
              <Table.Td>{b.blockName}</Table.Td>
              <Table.Td>{formatNumber(b.units, locale)}</Table.Td>
              <Table.Td>{formatNumber(b.participants, locale)}</Table.Td>
              <Table.Td>{formatNumber(b.attempts, locale)}</Table.Td>
              <Table.Td>{formatNumber(b.headcount, locale)}</Table.Td>
              <Table.Td>{formatPercent(b.rate, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t('laggards')}</Title>
      {p && p.laggards.length === 0 ? <Text>{t('noLaggards')}</Text> : units(p?.laggards ?? [])}
      <Title order={4}>{t('byUnit')}</Title>
      {units(p?.byUnit ?? [])}
    </Stack>
  );
}
