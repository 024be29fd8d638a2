import { Alert, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { analysisApi } from './measure-analysis-api.js';
import { useMT } from './measure-i18n.js';

/** How much the published ranking moves when each component is left out in turn (largest effect first). */
export function DropOneTable({ periodId }: { periodId: number }) {
  const t = useMT();
  const { locale } = useI18n();
  const mean = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 });
  const dropOne = useQuery({
    queryKey: ['measure', 'drop-one', periodId],
    queryFn: () => analysisApi.dropOne(periodId),
  });
  const rows = [...(dropOne.data?.components ?? [])].sort(
    (a, b) => b.maxAbsShift - a.maxAbsShift || b.meanAbsShift - a.meanAbsShift,
  );
  return (
    <section aria-labelledby="drop-one-title">
      <Title order={2} size="h4" mt="xl" mb="xs" id="drop-one-title">
        {t('m.dropOne.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('m.dropOne.note')}
      </Text>
      {dropOne.isPending ? <PageLoader /> : null}
      <ErrorAlert error={dropOne.error} />
      {dropOne.data && !rows.length ? <Alert color="gray">{t('m.noRanking')}</Alert> : null}
      {rows.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="drop-one-table">
            <TableHeader
              columns={[
                t('m.component'),
                { label: t('m.dropOne.maxShift'), numeric: true },
                { label: t('m.dropOne.meanShift'), numeric: true },
                { label: t('m.dropOne.moved'), numeric: true },
              ]}
            />
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    {c.code}. {c.name}
                  </Table.Td>
                  <Table.Td ta="right" fw={c.maxAbsShift > 0 ? 700 : undefined}>
                    {c.maxAbsShift}
                  </Table.Td>
                  <Table.Td ta="right">{mean.format(c.meanAbsShift)}</Table.Td>
                  <Table.Td ta="right">{c.unitsMoved}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </section>
  );
}
