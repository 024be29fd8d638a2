import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { Dashboard, DashboardKpi, DashboardUnitKind } from '../../../core/contracts/dashboard.js';
import { periodLabel } from '../../../core/measure/kpi-periods.js';
import { STATUS_BUCKETS } from '../../../core/steer/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { api } from '../../lib/api-client.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { type DashboardT, useDbT } from './dashboard-i18n.js';

// The leader/secretariat DX dashboard: headline KPIs with target, trend and source; the published ranking and the
// open period's progress; tasks; contest, feedback and community figures. Every figure links to the units or the
// module page behind it. Filters: area (a unit of the caller's scope or one of its children) and unit type.
// Rendered by the home page for leaders, the secretariat and admins, and on its own at /app/dashboard.

const Charts = {
  Donut: lazy(() => import('./dashboard-charts.js').then((m) => ({ default: m.DonutChart }))),
  Bars: lazy(() => import('./dashboard-charts.js').then((m) => ({ default: m.BarsChart }))),
};
const BUCKET_COLORS = {
  done_on_time: '#2f9e44',
  done_late: '#f08c00',
  in_progress: '#1c7ed6',
  overdue: '#e03131',
};
const BUCKET_BADGE = {
  done_on_time: 'green',
  done_late: 'orange',
  in_progress: 'blue',
  overdue: 'red',
} as const;

type UnitOption = { value: string; label: string };

function useAreaOptions(rootId: number | undefined, rootName: string | undefined) {
  return useQuery({
    queryKey: ['dashboard-areas', rootId],
    enabled: rootId !== undefined,
    queryFn: async (): Promise<UnitOption[]> => {
      const children = await api.get<{ items: { id: number; name: string }[] }>('/api/units', {
        parentId: rootId,
        limit: 200,
      });
      return [
        { value: String(rootId), label: rootName ?? '' },
        ...children.items.map((u) => ({ value: String(u.id), label: u.name })),
      ];
    },
  });
}

function KpiCard({ k, t, locale }: { k: DashboardKpi; t: DashboardT; locale: 'vi' | 'en' }) {
  const isCount = k.valueType === 'count';
  const fmt = (v: number | null) =>
    v === null ? '—' : isCount ? formatNumber(v, locale) : `${formatNumber(v, locale, 1)} %`;
  const delta = (a: number | null | undefined, b: number | null | undefined) => {
    if (a == null || b == null) return null;
    const d = a - b;
    return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${isCount ? formatNumber(Math.abs(d), locale) : `${formatNumber(Math.abs(d), locale, 1)} đ.%`}`;
  };
  const change = k.lastMonth
    ? delta(k.lastMonth.value, k.previous?.value)
    : delta(k.value, k.previous?.value);
  const pct = k.target ? Math.min(100, ((k.value ?? 0) / k.target) * 100) : null;
  return (
    <Card withBorder padding="sm" data-testid="kpi-card">
      <Text size="xs" c="gray.7" lineClamp={2} mih={32}>
        {locale === 'en' ? k.nameEn : k.nameVi}
      </Text>
      <Text fw={700} fz={24} c="blue.8" data-testid="kpi-value">
        {fmt(k.value)}
        {isCount && k.value !== null ? (
          <Text span size="xs" c="gray.7" fw={400}>
            {' '}
            {k.unitOfMeasure}
          </Text>
        ) : null}
      </Text>
      {pct !== null ? (
        <>
          <Progress value={pct} color={pct >= 100 ? 'green' : 'blue'} size="sm" aria-hidden />
          <Text size="xs" c="gray.7">
            {t('target', { v: fmt(k.target) })}
          </Text>
        </>
      ) : (
        <Text size="xs" c="gray.7">
          {t('noTarget')}
        </Text>
      )}
      <Text size="xs" c="gray.7">
        {t('trend')}: {k.trend.map((p) => fmt(p.value)).join(' → ')}
      </Text>
      {change ? (
        <Text size="xs" c="gray.8">
          {k.lastMonth
            ? t('sinceMonth', { m: k.lastMonth.period.slice(5), delta: change })
            : t('sinceQuarter', {
                delta: change,
                p: k.previous ? periodLabel(k.previous.period, locale) : '',
              })}
        </Text>
      ) : null}
      <Text size="xs" c="gray.7">
        {k.period ? t('period', { p: periodLabel(k.period, locale) }) : t('noData')}
        {k.source && k.asOf
          ? ` · ${t('source', { s: t(`src_${k.source}` as Parameters<DashboardT>[0]) || k.source, d: formatDate(k.asOf, locale) })}`
          : ''}
      </Text>
    </Card>
  );
}

function Section({
  title,
  to,
  t,
  children,
}: {
  title: string;
  to?: string;
  t: DashboardT;
  children: React.ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Title order={3} size="h5">
          {title}
        </Title>
        {to ? (
          <Anchor component={Link} to={to} size="sm" style={{ flexShrink: 0 }}>
            {t('openModule')}
          </Anchor>
        ) : null}
      </Group>
      {children}
    </Card>
  );
}

function RankTable({
  rows,
  t,
  locale,
  periodId,
}: {
  rows: NonNullable<NonNullable<Dashboard['measure']>['ranking']>['top'];
  t: DashboardT;
  locale: 'vi' | 'en';
  periodId: number;
}) {
  return (
    <Table fz="sm" verticalSpacing={4} horizontalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rankCol')}</Table.Th>
          <Table.Th>{t('unitCol')}</Table.Th>
          <Table.Th ta="right">{t('valueCol')}</Table.Th>
          <Table.Th ta="right">{t('changeCol')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((u) => (
          <Table.Tr key={u.unitId}>
            <Table.Td>{u.rank ?? '—'}</Table.Td>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/measure/periods/${periodId}/units/${u.unitId}/profile`}
                size="sm"
              >
                {u.unitName}
              </Anchor>
            </Table.Td>
            <Table.Td ta="right">{formatNumber(u.value === null ? null : u.value * 100, locale, 1)}</Table.Td>
            <Table.Td
              ta="right"
              c={(u.rankDelta ?? 0) > 0 ? '#1b5e20' : (u.rankDelta ?? 0) < 0 ? '#a61b1b' : undefined}
            >
              {u.rankDelta === null
                ? '—'
                : u.rankDelta > 0
                  ? `▲ ${u.rankDelta}`
                  : u.rankDelta < 0
                    ? `▼ ${-u.rankDelta}`
                    : '='}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Rate({ label, value, locale }: { label: string; value: number | null; locale: 'vi' | 'en' }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={700} fz={22} c="blue.8">
        {value === null ? '—' : `${formatNumber(value * 100, locale, 1)} %`}
      </Text>
    </div>
  );
}

function DashboardBody({ d, t, locale }: { d: Dashboard; t: DashboardT; locale: 'vi' | 'en' }) {
  const m = d.measure;
  const s = d.steer;
  const rate = (r: number | null) => (r === null ? '—' : `${formatNumber(r * 100, locale, 1)} %`);
  return (
    <Stack gap="md">
      <section aria-labelledby="dx-kpis">
        <Title order={3} size="h5" id="dx-kpis" mb="xs">
          {t('kpis')}
        </Title>
        {d.kpis.length === 0 ? (
          <Text c="gray.7">{t('notAllowed')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {d.kpis.map((k) => (
              <KpiCard key={k.code} k={k} t={t} locale={locale} />
            ))}
          </SimpleGrid>
        )}
      </section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section
          title={t('ranking')}
          to={m?.ranking ? `/measure/periods/${m.ranking.periodId}` : '/measure'}
          t={t}
        >
          {m?.ranking ? (
            <Stack gap="xs" data-testid="ranking">
              <Text size="sm" c="gray.7">
                {t('rankingOf', { name: m.ranking.periodName, n: m.ranking.unitCount })}
              </Text>
              <Text fw={600} size="sm">
                {t('top')}
              </Text>
              <RankTable rows={m.ranking.top} t={t} locale={locale} periodId={m.ranking.periodId} />
              <Text fw={600} size="sm">
                {t('bottom')}
              </Text>
              <RankTable rows={m.ranking.bottom} t={t} locale={locale} periodId={m.ranking.periodId} />
              {m.ranking.movers.length ? (
                <>
                  <Text fw={600} size="sm">
                    {t('movers')}
                  </Text>
                  <RankTable rows={m.ranking.movers} t={t} locale={locale} periodId={m.ranking.periodId} />
                </>
              ) : null}
              <Text fw={600} size="sm">
                {t('bands')}
              </Text>
              <Suspense fallback={null}>
                <Charts.Bars
                  label={t('chartBands')}
                  slices={m.ranking.bands.map((b) => ({ name: b.name, value: b.count }))}
                />
              </Suspense>
            </Stack>
          ) : (
            <Text c="gray.7">{m ? t('noRanking') : t('notAllowed')}</Text>
          )}
        </Section>

        <Stack gap="md">
          <Section
            title={t('progress')}
            to={m?.progress ? `/measure/periods/${m.progress.periodId}` : '/measure'}
            t={t}
          >
            {m?.progress ? (
              <Stack gap={6} data-testid="progress">
                <Text size="sm" c="gray.7">
                  {t('progressOf', {
                    name: m.progress.periodName,
                    due: formatDate(m.progress.dueOn, locale),
                    n: m.progress.unitCount,
                  })}
                </Text>
                <Group gap="xs">
                  {(['approved', 'submitted', 'returned', 'draft', 'not_started'] as const).map((k) => (
                    <Badge
                      key={k}
                      variant="light"
                      color={k === 'approved' ? 'green' : k === 'not_started' ? 'red' : 'blue'}
                      tt="none"
                      size="lg"
                    >
                      {t(`st_${k}`)}: {m.progress?.counts[k]}
                    </Badge>
                  ))}
                </Group>
                {m.progress.late ? <Text size="sm">{t('late', { n: m.progress.late })}</Text> : null}
              </Stack>
            ) : (
              <Text c="gray.7">{m ? t('noOpen') : t('notAllowed')}</Text>
            )}
          </Section>

          <Section title={t('tasks')} to="/steer/dashboard" t={t}>
            {s ? (
              <Stack gap="xs" data-testid="tasks">
                <Text size="sm" c="gray.7">
                  {t('tasksOf', { n: s.total, c: rate(s.completionRate), o: rate(s.onTimeRate) })}
                </Text>
                <SimpleGrid cols={2} spacing="xs">
                  {STATUS_BUCKETS.map((b) => (
                    <div key={b}>
                      <Text size="xs" c="gray.7">
                        {t(`b_${b}`)}
                      </Text>
                      <Badge color={BUCKET_BADGE[b]} size="lg" variant="light">
                        {s.split[b]}
                      </Badge>
                      {s.splitBefore ? (
                        <Text size="xs" c="gray.7">
                          {t('before', { d: formatDate(s.previousAsOf, locale), n: s.splitBefore[b] })}
                        </Text>
                      ) : null}
                    </div>
                  ))}
                </SimpleGrid>
                <Suspense fallback={null}>
                  <Charts.Donut
                    label={t('chartTasks')}
                    slices={STATUS_BUCKETS.map((b) => ({
                      name: t(`b_${b}`),
                      value: s.split[b],
                      color: BUCKET_COLORS[b],
                    }))}
                  />
                </Suspense>
                <Text fw={600} size="sm">
                  {t('keyOverdue')}
                </Text>
                {s.keyOverdue.length === 0 ? (
                  <Text size="sm" c="gray.7">
                    {t('keyOverdueNone')}
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {s.keyOverdue.map((o) => (
                      <Group key={o.taskId} justify="space-between" wrap="nowrap" align="flex-start">
                        <div style={{ minWidth: 0 }}>
                          <Anchor component={Link} to={`/steer/tasks/${o.taskId}`} size="sm">
                            {o.title}
                          </Anchor>
                          <Text size="xs" c="gray.7">
                            <Anchor component={Link} to={`/units/${o.leadUnitId}`} size="xs" c="gray.8">
                              {o.leadUnitName}
                            </Anchor>
                          </Text>
                        </div>
                        <Badge color="red" style={{ flexShrink: 0 }}>
                          {t('days', { n: o.daysOverdue })}
                        </Badge>
                      </Group>
                    ))}
                  </Stack>
                )}
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {t('withoutProduct', { y: s.withoutProduct.year })}
                  </Text>
                  <Anchor component={Link} to="/steer/products" size="sm" style={{ flexShrink: 0 }}>
                    {t('withoutOf', { n: s.withoutProduct.without, total: s.withoutProduct.units })}
                  </Anchor>
                </Group>
                <Text size="xs" c="gray.7" lineClamp={3}>
                  {s.withoutProduct.items.slice(0, 12).map((u, i) => (
                    <span key={u.unitId}>
                      {i ? ', ' : ''}
                      <Anchor component={Link} to={`/units/${u.unitId}`} size="xs" c="gray.8">
                        {u.unitName}
                      </Anchor>
                    </span>
                  ))}
                </Text>
              </Stack>
            ) : (
              <Text c="gray.7">{t('notAllowed')}</Text>
            )}
          </Section>
        </Stack>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Section title={t('contest')} to={d.contest ? `/contest/${d.contest.contestId}` : '/contest'} t={t}>
          {d.contest ? (
            <Stack gap={6} data-testid="contest">
              <Text size="sm" fw={500}>
                {d.contest.title}
              </Text>
              <Text size="sm" c="gray.7">
                {t('participants', {
                  n: formatNumber(d.contest.participants, locale),
                  r: rate(d.contest.rate),
                })}
              </Text>
              <Text fw={600} size="sm">
                {t('lowest')}
              </Text>
              {[...d.contest.byUnit]
                .filter((u) => u.rate !== null)
                .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))
                .slice(0, 5)
                .map((u) => (
                  <Group key={u.unitId} justify="space-between" wrap="nowrap">
                    <Anchor component={Link} to={`/units/${u.unitId}`} size="sm">
                      {u.unitName}
                    </Anchor>
                    <Text size="sm">{rate(u.rate)}</Text>
                  </Group>
                ))}
            </Stack>
          ) : (
            <Text c="gray.7">{t('notAllowed')}</Text>
          )}
        </Section>
        <Section title={t('feedback')} to="/feedback" t={t}>
          {d.feedback ? (
            <Stack gap={6} data-testid="feedback">
              <Text size="sm" c="gray.7">
                {t('period', { p: periodLabel(d.feedback.period, locale) })}
              </Text>
              <Group grow>
                <Rate label={t('onTime')} value={d.feedback.onTimeRate} locale={locale} />
                <Rate label={t('satisfaction')} value={d.feedback.satisfactionRate} locale={locale} />
              </Group>
            </Stack>
          ) : (
            <Text c="gray.7">{t('notAllowed')}</Text>
          )}
        </Section>
        <Section title={t('community')} to="/community" t={t}>
          {d.community ? (
            <Stack gap={6} data-testid="community">
              <Group grow>
                <Rate label={t('coverage')} value={d.community.coverage} locale={locale} />
                <div>
                  <Text size="xs" c="gray.7">
                    {t('teams')}
                  </Text>
                  <Text fw={700} fz={22} c="blue.8">
                    {formatNumber(d.community.teams, locale)}
                  </Text>
                </div>
              </Group>
              <Text size="sm">
                {t('sessions')}: {formatNumber(d.community.sessions, locale)} · {t('people')}:{' '}
                {formatNumber(d.community.people, locale)}
              </Text>
              {d.community.laggards.length ? (
                <>
                  <Text fw={600} size="sm">
                    {t('laggards')}
                  </Text>
                  <Text size="sm">
                    {d.community.laggards.slice(0, 8).map((l, i) => (
                      <span key={l.communeId}>
                        {i ? ', ' : ''}
                        <Anchor component={Link} to={`/units/${l.communeId}`} size="sm">
                          {l.communeName}
                        </Anchor>
                      </span>
                    ))}
                  </Text>
                </>
              ) : null}
            </Stack>
          ) : (
            <Text c="gray.7">{t('notAllowed')}</Text>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

/** The dashboard; `unitId` picks the area (default: the caller's first unit), `withFilters` shows the filters. */
export function DxDashboard(props: { unitId?: number; withFilters?: boolean }) {
  const { t, locale } = useDbT();
  const session = useSession();
  const grant = session.data?.grants[0];
  const [area, setArea] = useState<string | null>(props.unitId ? String(props.unitId) : null);
  const [kind, setKind] = useState<DashboardUnitKind>('all');
  const areas = useAreaOptions(grant?.unitId, grant?.unitName);
  const unitId = area ? Number(area) : (props.unitId ?? grant?.unitId);
  const q = useQuery({
    queryKey: ['dx-dashboard', unitId, kind],
    enabled: unitId !== undefined,
    queryFn: () => api.get<Dashboard>('/api/dashboard', { unitId, unitKind: kind }),
  });
  const query = new URLSearchParams({ unitId: String(unitId ?? ''), unitKind: kind }).toString();
  return (
    <Stack gap="md" component="section" aria-labelledby="dx-dashboard-heading">
      <div>
        <Title order={2} id="dx-dashboard-heading">
          {t('title')}
        </Title>
        {q.data ? (
          <Text size="sm" c="gray.7">
            {t('subtitle', {
              scope: q.data.scope.unitName,
              asOf: formatDate(q.data.asOf, locale),
              compareTo: formatDate(q.data.compareTo, locale),
            })}
          </Text>
        ) : null}
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {props.withFilters !== false ? (
          <>
            <Select
              label={t('area')}
              data={areas.data ?? []}
              value={area ?? (unitId ? String(unitId) : null)}
              onChange={setArea}
              searchable
              allowDeselect={false}
              w={{ base: '100%', xs: 260 }}
            />
            <div>
              <Text size="sm" fw={500} mb={4} id="dx-kind-label">
                {t('kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="dx-kind-label"
                value={kind}
                onChange={(v) => setKind(v as DashboardUnitKind)}
                data={(['all', 'department', 'commune'] as const).map((k) => ({
                  value: k,
                  label: t(`kind_${k}`),
                }))}
              />
            </div>
          </>
        ) : null}
        <Group gap="xs" aria-label={t('briefing')}>
          <Button
            component="a"
            href={`/api/dashboard/briefing.pdf?${query}`}
            variant="light"
            size="sm"
            data-testid="briefing-pdf"
          >
            {t('pdf')}
          </Button>
          <Button
            component="a"
            href={`/api/dashboard/briefing.docx?${query}`}
            variant="light"
            size="sm"
            data-testid="briefing-docx"
          >
            {t('docx')}
          </Button>
        </Group>
      </Group>
      {q.isPending && unitId !== undefined ? <PageLoader /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data ? <DashboardBody d={q.data} t={t} locale={locale} /> : null}
    </Stack>
  );
}
