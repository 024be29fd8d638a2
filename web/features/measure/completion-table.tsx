import { Badge, Button, Group, Progress, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { analysisApi } from './measure-analysis-api.js';
import { measureApi } from './measure-api.js';
import { type MeasureKey, useMT } from './measure-i18n.js';
import { StatusBadge, UNCUT_BADGE } from './measure-shared.js';

/** Who has submitted, who is late; links to each unit's entry form and appraisal. */
export function CompletionTable({ periodId, appraiser }: { periodId: number; appraiser: boolean }) {
  const t = useMT();
  const { locale } = useI18n();
  const completion = useQuery({
    queryKey: ['measure', 'completion', periodId],
    queryFn: () => measureApi.completion(periodId),
  });
  if (completion.isPending) return <PageLoader />;
  if (!completion.data) return <ErrorAlert error={completion.error} />;
  const data = completion.data;
  return (
    <>
      <Group gap="xs" mb="sm" wrap="wrap">
        <Text size="sm">
          {t('m.dueOn')}: {formatDate(data.dueOn, locale)}
        </Text>
        <Button
          size="compact-xs"
          variant="default"
          component="a"
          href={analysisApi.completionXlsxUrl(periodId)}
          download
          className="no-print"
        >
          {t('m.export.tableXlsx')}
        </Button>
        {Object.entries(data.counts).map(([status, n]) => (
          <Badge key={status} variant="outline" color="gray">
            {t(`m.status.${status}` as MeasureKey)}: {n}
          </Badge>
        ))}
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="completion-table">
          <TableHeader
            columns={[t('m.unit'), t('m.status'), t('m.answered'), t('m.submittedAt'), t('m.select')]}
          />
          <Table.Tbody>
            {data.units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>{u.unitName}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <StatusBadge status={u.status} />
                    {u.isLate ? (
                      <Badge color="red" variant="filled" {...UNCUT_BADGE}>
                        {t('m.late')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td miw={140}>
                  <Progress
                    value={u.componentCount ? (100 * u.answered) / u.componentCount : 0}
                    aria-label={`${t('m.answered')} ${u.unitName}`}
                    size="sm"
                  />
                  <Text size="xs">
                    {u.answered} / {u.componentCount}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(u.submittedAt, locale) || '–'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      component={Link}
                      reloadDocument
                      to={`/measure/periods/${periodId}/units/${u.unitId}/entry`}
                    >
                      {t('m.enterData')}
                    </Button>
                    {appraiser && u.status !== 'not_started' && u.status !== 'draft' ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        component={Link}
                        to={`/measure/periods/${periodId}/units/${u.unitId}/appraisal`}
                        aria-label={`${t('m.appraise')} ${u.unitName}`}
                      >
                        {t('m.appraise')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
