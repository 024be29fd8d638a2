import { Alert, Badge, Grid, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { periodLabel } from '../../../core/measure/kpi-periods.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { todayInVietnam } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { MeasureChart, type MeasureChartOption } from '../measure/measure-chart.js';
import { useMT } from '../measure/measure-i18n.js';
import { isAppraiser, MeasureTabs } from '../measure/measure-shared.js';
import { UnitPicker } from '../units/unit-picker.js';
import { KpiImport } from './kpi-import.js';
import { kpisApi } from './kpis-api.js';

function KpiChart({ code, unitId, target }: { code: string; unitId: number; target: number | null }) {
  const t = useMT();
  const { locale } = useI18n();
  const values = useQuery({
    queryKey: ['kpis', 'values', code, unitId],
    queryFn: () => kpisApi.values(code, unitId),
  });
  const option = useMemo<MeasureChartOption | null>(() => {
    if (!values.data) return null;
    const items = values.data.items;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: items.map((v) => periodLabel(v.period, locale)) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          name: locale === 'en' ? values.data.kpi.nameEn : values.data.kpi.nameVi,
          data: items.map((v) => v.derived ?? v.value),
        },
        ...(target !== null
          ? [
              {
                type: 'line' as const,
                name: t('k.target'),
                data: items.map(() => target),
                lineStyle: { type: 'dashed' as const },
              },
            ]
          : []),
      ],
    };
  }, [values.data, target, locale, t]);
  if (values.isPending) return <PageLoader />;
  if (!option) return <ErrorAlert error={values.error} />;
  // No figures yet: say so instead of drawing empty axes.
  if (!values.data?.items.length)
    return (
      <Alert color="gray" data-testid="kpi-chart-empty">
        {t('m.noData')}
      </Alert>
    );
  return <MeasureChart option={option} height={300} label={code} testId="kpi-chart" />;
}

export function KpisPage() {
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const session = useSession();
  const firstGrant = session.data?.grants[0];
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(
    firstGrant ? { id: firstGrant.unitId, name: firstGrant.unitName } : null,
  );
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(String(thisYear));
  const [selected, setSelected] = useState<string | null>(null);
  const summary = useQuery({
    queryKey: ['kpis', 'summary', unit?.id, year],
    queryFn: () => kpisApi.summary(unit?.id as number, year),
    enabled: !!unit,
  });
  const items = summary.data?.items ?? [];
  const current = items.find((i) => i.kpi.code === selected) ?? items[0];
  const n = (v: number | null) =>
    v === null ? '–' : new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(v);
  return (
    <>
      <Title order={1} mb="sm">
        {t('m.title')}
      </Title>
      <MeasureTabs />
      <Grid mb="md" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <UnitPicker
            label={t('m.unit')}
            value={unit?.id ?? null}
            initialLabel={unit?.name}
            onChange={setUnit}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Select
            label={t('m.year')}
            data={[thisYear, thisYear - 1, thisYear - 2].map(String)}
            value={year}
            onChange={(v) => setYear(v ?? String(thisYear))}
          />
        </Grid.Col>
      </Grid>
      {summary.isFetching && !summary.data ? <PageLoader /> : null}
      <ErrorAlert error={summary.error} />
      {summary.data && !items.length ? <Alert color="gray">{t('m.noData')}</Alert> : null}
      {items.length ? (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Table.ScrollContainer minWidth={560}>
              <Table striped highlightOnHover data-testid="kpi-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>KPI</Table.Th>
                    <Table.Th ta="right">{t('m.input')}</Table.Th>
                    <Table.Th ta="right">{t('k.target')}</Table.Th>
                    <Table.Th ta="right">{t('k.attainment')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr
                      key={i.kpi.code}
                      onClick={() => setSelected(i.kpi.code)}
                      style={{ cursor: 'pointer' }}
                      bg={current?.kpi.code === i.kpi.code ? 'var(--mantine-color-blue-0)' : undefined}
                    >
                      <Table.Td>
                        <Text
                          size="sm"
                          component="button"
                          type="button"
                          onClick={() => setSelected(i.kpi.code)}
                          style={{
                            background: 'none',
                            border: 0,
                            padding: 0,
                            textAlign: 'left',
                            cursor: 'pointer',
                          }}
                        >
                          {locale === 'en' ? i.kpi.nameEn : i.kpi.nameVi}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {n(i.value)} {i.kpi.unitOfMeasure}
                      </Table.Td>
                      <Table.Td ta="right">{n(i.target)}</Table.Td>
                      <Table.Td ta="right">
                        {i.attainment === null ? (
                          '–'
                        ) : (
                          <Badge
                            color={i.attainment >= 1 ? 'green' : 'orange'}
                            variant="light"
                            style={{ flexShrink: 0, maxWidth: 'none' }}
                            styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
                          >
                            {n(i.attainment * 100)}%
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            {current && unit ? (
              <Paper withBorder p="md" radius="md">
                <Title order={2} size="h4" mb="xs">
                  {locale === 'en' ? current.kpi.nameEn : current.kpi.nameVi}
                </Title>
                <KpiChart code={current.kpi.code} unitId={unit.id} target={current.target} />
              </Paper>
            ) : null}
          </Grid.Col>
        </Grid>
      ) : null}
      {isAppraiser(session.data) ? (
        <div style={{ marginTop: 24 }}>
          <KpiImport />
        </div>
      ) : null}
    </>
  );
}
