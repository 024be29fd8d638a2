import { Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { analysisApi } from './measure-analysis-api.js';
import { measureApi, type Profile } from './measure-api.js';
import { MeasureChart, type MeasureChartOption } from './measure-chart.js';
import { type MeasureT, useMT } from './measure-i18n.js';
import { fmtPoints, fmtValue } from './measure-shared.js';
import { TargetGapsPanel } from './target-gaps.js';
import { UnitHistoryPanel } from './unit-history.js';
import { mainIndicesOf, useFramework } from './use-submission.js';
import { WhatIfPanel } from './what-if-panel.js';

function radarOption(profile: Profile, names: Map<string, string>, t: MeasureT): MeasureChartOption | null {
  const mis = profile.result?.mainIndices ?? [];
  if (!mis.length) return null;
  return {
    tooltip: { trigger: 'item' },
    radar: {
      radius: '62%',
      indicator: mis.map((m) => ({ name: names.get(m.code) ?? m.code, max: 1 })),
      axisName: { color: '#343a40', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        name: profile.unitName,
        areaStyle: { opacity: 0.25 },
        data: [{ name: t('m.value'), value: mis.map((m) => Math.round((m.value ?? 0) * 1000) / 1000) }],
      },
    ],
  };
}

function ValueList({
  title,
  items,
  names,
  tag,
}: {
  title: string;
  items: { code: string; value: number | null }[];
  names: Map<string, string>;
  tag: string;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <List spacing={4} size="sm">
        {items.map((s) => (
          <List.Item key={s.code}>
            {names.get(s.code) ?? s.code}: <b>{fmtValue(s.value, tag)}</b>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

export function ProfilePage() {
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const periodId = Number(useParams().periodId);
  const unitId = Number(useParams().unitId);
  const profile = useQuery({
    queryKey: ['measure', 'profile', periodId, unitId],
    queryFn: () => measureApi.profile(periodId, unitId),
  });
  const { framework } = useFramework(periodId);
  const names = useMemo(
    () =>
      new Map(
        mainIndicesOf(framework.data?.definition).map((m) => [
          m.code,
          locale === 'en' && m.nameEn ? m.nameEn : m.name,
        ]),
      ),
    [framework.data, locale],
  );
  const option = useMemo(
    () => (profile.data ? radarOption(profile.data, names, t) : null),
    [profile.data, names, t],
  );
  if (profile.isPending) return <PageLoader />;
  if (!profile.data) return <ErrorAlert error={profile.error} />;
  const p = profile.data;
  const r = p.result;
  return (
    <>
      <Anchor component={Link} to={`/measure/periods/${periodId}`} size="sm">
        ← {t('m.ranking')}
      </Anchor>
      <Group justify="space-between" mt="xs" mb="md" wrap="wrap">
        <Title order={1}>{p.unitName}</Title>
        <Group gap="xs" className="no-print">
          <Button
            size="xs"
            variant="default"
            component="a"
            href={analysisApi.profileXlsxUrl(periodId, p.unitId)}
            download
          >
            {t('m.export.tableXlsx')}
          </Button>
          <Button size="xs" variant="default" onClick={() => window.print()}>
            {t('m.print')}
          </Button>
        </Group>
        {r ? (
          <Group gap="xs">
            <Badge size="lg" variant="filled" data-testid="profile-rank">
              {t('m.rank')} {r.rank ?? '–'}
            </Badge>
            <Badge size="lg" variant="light">
              {fmtPoints(r.points, tag)} / {fmtPoints(r.applicableMax, tag)}
            </Badge>
            {r.band ? (
              <Badge size="lg" variant="outline">
                {r.band.name}
              </Badge>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {!r ? <Text c="dimmed">{t('m.noData')}</Text> : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4">
              {t('m.radar')}
            </Title>
            {option ? (
              <MeasureChart option={option} height={360} label={t('m.radar')} testId="profile-radar" />
            ) : (
              <Text c="dimmed">{t('m.noData')}</Text>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <ValueList title={t('m.strengths')} items={p.strengths} names={names} tag={tag} />
            <ValueList title={t('m.weaknesses')} items={p.weaknesses} names={names} tag={tag} />
          </Stack>
        </Grid.Col>
        {p.targets.length ? (
          <Grid.Col span={12}>
            <TargetGapsPanel gaps={p.targets} names={names} />
          </Grid.Col>
        ) : null}
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="xs">
              {t('m.gains')}
            </Title>
            <Table fz="sm">
              <Table.Tbody>
                {p.gains.map((g) => (
                  <Table.Tr key={g.code}>
                    <Table.Td>
                      {g.code}. {g.name}
                    </Table.Td>
                    <Table.Td ta="right" c="green.9" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {t('m.gainPoints', { n: fmtPoints(g.gainPoints, tag) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <UnitHistoryPanel unitId={unitId} />
        </Grid.Col>
        {r && framework.data ? (
          <Grid.Col span={12} className="no-print">
            <WhatIfPanel periodId={periodId} unitId={unitId} framework={framework.data.definition} />
          </Grid.Col>
        ) : null}
      </Grid>
    </>
  );
}
