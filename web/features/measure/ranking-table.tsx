import { Alert, Badge, Button, Group, Pagination, SegmentedControl, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { formatDateTime } from '../../lib/format.js';
import { isNotPublished, notPublishedText } from './entry-status.js';
import { analysisApi } from './measure-analysis-api.js';
import { measureApi, type Ranking } from './measure-api.js';
import { type MeasureKey, type MeasureT, useMT } from './measure-i18n.js';
import { fmtPoints, fmtValue } from './measure-shared.js';
import { usePT } from './publish-i18n.js';

type Change = Ranking['units'][number]['change'];

function ChangeCell({ change, t }: { change: Change; t: MeasureT }) {
  if (!change || change.rankDelta === null)
    return (
      <Text size="sm" c="dimmed">
        {t('m.new')}
      </Text>
    );
  const d = change.rankDelta;
  // rankDelta > 0 means the unit climbed (its rank number fell).
  if (d === 0)
    return (
      <Text size="sm" c="dimmed" aria-label={t('m.same')}>
        ={' '}
      </Text>
    );
  const up = d > 0;
  return (
    <Text
      size="sm"
      c={up ? 'green.9' : 'red.9'}
      fw={600}
      aria-label={t(up ? 'm.up' : 'm.down', { n: Math.abs(d) })}
    >
      {up ? '▲' : '▼'} {Math.abs(d)}
    </Text>
  );
}

export function peerGroupLabel(group: string, t: MeasureT): string {
  const key = `m.kind.${group}` as MeasureKey;
  const label = t(key);
  return label === key ? group : label;
}

const PAGE_SIZE = 50;

export function RankingTable({ periodId }: { periodId: number }) {
  const t = useMT();
  const pt = usePT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const [group, setGroup] = useState('all');
  const [page, setPage] = useState(1);
  // The API pages the ranking (a period can hold thousands of units); the peer-group filter is server-side.
  const ranking = useQuery({
    queryKey: ['measure', 'ranking', periodId, group, page],
    queryFn: () =>
      measureApi.ranking(periodId, {
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
        peerGroup: group === 'all' ? undefined : group,
      }),
    placeholderData: keepPreviousData,
  });
  if (ranking.isPending) return <PageLoader />;
  if (!ranking.data)
    return isNotPublished(ranking.error) ? (
      <Alert color="gray" data-testid="ranking-not-published">
        {notPublishedText(locale)}
      </Alert>
    ) : (
      <ErrorAlert error={ranking.error} />
    );
  const data = ranking.data;
  const notRanked = data.excluded.length ? (
    <Alert color="gray" mt="sm" title={pt('pb.notRankedTitle')} data-testid="ranking-excluded">
      {data.excluded.map((u) => (
        <Text size="sm" key={u.unitId}>
          {u.unitName} — {pt('pb.notRanked')}: {u.reason}
        </Text>
      ))}
    </Alert>
  ) : null;
  if (!data.unitCount)
    return (
      <>
        <Alert color="gray">{t('m.noRanking')}</Alert>
        {notRanked}
      </>
    );
  const groups = data.groups.map((g) => g.peerGroup);
  const units = data.units;
  const pages = Math.ceil(data.total / PAGE_SIZE);
  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t(`m.source.${data.source}`)} · {formatDateTime(data.computedAt, locale)}
          </Text>
          <Button
            size="compact-xs"
            variant="default"
            component="a"
            href={analysisApi.rankingXlsxUrl(periodId, data.source)}
            download
            className="no-print"
          >
            {t('m.export.tableXlsx')}
          </Button>
        </Group>
        {groups.length > 1 ? (
          <SegmentedControl
            size="xs"
            aria-label={t('m.peerGroup')}
            value={group}
            onChange={(g) => {
              setGroup(g);
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('m.allGroups') },
              ...groups.map((g) => ({ value: g, label: peerGroupLabel(g, t) })),
            ]}
          />
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover data-testid="ranking-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right">{group === 'all' ? t('m.rank') : t('m.peerRank')}</Table.Th>
              <Table.Th>{t('m.unit')}</Table.Th>
              <Table.Th>{t('m.peerGroup')}</Table.Th>
              <Table.Th ta="right">{t('m.points')}</Table.Th>
              <Table.Th ta="right">{t('m.value')}</Table.Th>
              <Table.Th>{t('m.band')}</Table.Th>
              <Table.Th>{t('m.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td ta="right" fw={700}>
                  {(group === 'all' ? u.rank : u.peerRank) ?? '–'}
                </Table.Td>
                <Table.Td>
                  <Link to={`/measure/periods/${periodId}/units/${u.unitId}/profile`}>{u.unitName}</Link>
                </Table.Td>
                <Table.Td>{peerGroupLabel(u.peerGroup, t)}</Table.Td>
                <Table.Td ta="right">
                  {fmtPoints(u.points, tag)} / {fmtPoints(u.applicableMax, tag)}
                </Table.Td>
                <Table.Td ta="right">{fmtValue(u.value, tag)}</Table.Td>
                <Table.Td>{u.band ? <Badge variant="light">{u.band.name}</Badge> : '–'}</Table.Td>
                <Table.Td>
                  <ChangeCell change={u.change} t={t} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 ? <Pagination mt="sm" total={pages} value={page} onChange={setPage} size="sm" /> : null}
      {notRanked}
    </>
  );
}
