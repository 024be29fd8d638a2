import { Alert, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { api } from '../../lib/api-client.js';
import { useMT } from './measure-i18n.js';

type Robustness = {
  runs: number;
  spread: number;
  units: {
    unitId: number;
    unitName: string;
    baseRank: number;
    min: number;
    p5: number;
    median: number;
    p95: number;
    max: number;
  }[];
};

/** Rank intervals of the published ranking when weights move ±spread at random (Monte Carlo on the server). */
export function RobustnessTable({ periodId }: { periodId: number }) {
  const t = useMT();
  const robustness = useQuery({
    queryKey: ['measure', 'robustness', periodId],
    queryFn: () => api.get<Robustness>(`/api/measure/periods/${periodId}/robustness`),
  });
  if (robustness.isPending) return <PageLoader />;
  if (!robustness.data) return <ErrorAlert error={robustness.error} />;
  const data = robustness.data;
  if (!data.units.length) return <Alert color="gray">{t('m.noRanking')}</Alert>;
  const count = data.units.length;
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('m.robustnessNote', { runs: data.runs, spread: Math.round(data.spread * 100) })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="robustness-table">
          <TableHeader
            columns={[
              { label: t('m.rank'), numeric: true },
              t('m.unit'),
              t('m.rankInterval'),
              t('m.rankRange'),
            ]}
          />
          <Table.Tbody>
            {data.units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td ta="right" fw={700}>
                  {u.baseRank}
                </Table.Td>
                <Table.Td>{u.unitName}</Table.Td>
                <Table.Td miw={160}>
                  <Text size="sm">{u.p5 === u.p95 ? u.p5 : `${u.p5}–${u.p95}`}</Text>
                  <div
                    style={{
                      position: 'relative',
                      height: 6,
                      background: 'var(--mantine-color-gray-2)',
                      borderRadius: 3,
                    }}
                    aria-hidden="true"
                  >
                    <div
                      style={{
                        position: 'absolute',
                        left: `${((u.p5 - 1) / Math.max(1, count)) * 100}%`,
                        width: `${Math.max(2, ((u.p95 - u.p5 + 1) / Math.max(1, count)) * 100)}%`,
                        height: '100%',
                        background: 'var(--mantine-color-blue-7)',
                        borderRadius: 3,
                      }}
                    />
                  </div>
                </Table.Td>
                <Table.Td>{u.min === u.max ? u.min : `${u.min}–${u.max}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
