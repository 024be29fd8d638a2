import { Anchor, Button, Group, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { CompletionTable } from './completion-table.js';
import { ComponentView } from './component-view.js';
import { DropOneTable } from './drop-one-table.js';
import { InStructureView, useIsPastStructure } from './in-structure-view.js';
import { analysisApi } from './measure-analysis-api.js';
import { useMT } from './measure-i18n.js';
import { isAppraiser, officerUnitOf, StatusBadge } from './measure-shared.js';
import { PeriodActions } from './period-actions.js';
import { PeriodTargetsSection } from './period-targets.js';
import { RankingTable } from './ranking-table.js';
import { RobustnessTable } from './robustness-table.js';
import { useFramework } from './use-submission.js';

export function PeriodPage() {
  const t = useMT();
  const { locale } = useI18n();
  const periodId = Number(useParams().periodId);
  const session = useSession();
  const appraiser = isAppraiser(session.data);
  const myUnit = officerUnitOf(session.data);
  const { period, framework } = useFramework(periodId);
  const [tab, setTab] = useState<string | null>('ranking');
  const pastStructure = useIsPastStructure(period.data?.rootUnitId ?? 0);
  if (period.isPending) return <PageLoader />;
  if (!period.data) return <ErrorAlert error={period.error} />;
  const p = period.data;
  return (
    <>
      <Anchor component={Link} to="/measure" size="sm">
        ← {t('m.periods')}
      </Anchor>
      <Group justify="space-between" mb="xs" mt="xs" wrap="wrap">
        <Title order={1}>{p.name}</Title>
        <Group gap="xs">
          <StatusBadge status={p.status} />
          <PeriodActions period={p} appraiser={appraiser} />
        </Group>
      </Group>
      <Group gap="md" mb="md" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('m.framework')}: {p.frameworkName} ({t('m.versionN', { n: p.frameworkVersion })}) ·{' '}
          {t('m.opensOn')} {formatDate(p.opensOn, locale)} · {t('m.dueOn')} {formatDate(p.dueOn, locale)}
        </Text>
        {myUnit && p.status === 'open' ? (
          <Button
            size="xs"
            component={Link}
            reloadDocument
            to={`/measure/periods/${p.id}/units/${myUnit.id}/entry`}
          >
            {t('m.enterData')}: {myUnit.name}
          </Button>
        ) : null}
        {p.status === 'published' ? (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              component="a"
              href={analysisApi.resultsXlsxUrl(p.id)}
              download
            >
              {t('m.export.xlsx')}
            </Button>
            <Button size="xs" variant="default" component="a" href={analysisApi.reportDocxUrl(p.id)} download>
              {t('m.export.docx')}
            </Button>
            <Anchor href={`/?ranking=${p.id}`} size="sm">
              {t('m.publicPage')}
            </Anchor>
          </Group>
        ) : null}
      </Group>
      <PeriodTargetsSection period={p} framework={framework.data?.definition} canEdit={appraiser} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="ranking">{t('m.ranking')}</Tabs.Tab>
          <Tabs.Tab value="completion">{t('m.completion')}</Tabs.Tab>
          <Tabs.Tab value="component">{t('m.componentView')}</Tabs.Tab>
          {p.status === 'published' ? <Tabs.Tab value="robustness">{t('m.robustness')}</Tabs.Tab> : null}
          {p.status === 'published' && pastStructure ? (
            <Tabs.Tab value="inStructure">{t('m.inStructure.tab')}</Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="ranking">
          <RankingTable periodId={periodId} />
        </Tabs.Panel>
        <Tabs.Panel value="completion">
          <CompletionTable periodId={periodId} appraiser={appraiser} />
        </Tabs.Panel>
        <Tabs.Panel value="robustness">
          <RobustnessTable periodId={periodId} />
          <DropOneTable periodId={periodId} />
        </Tabs.Panel>
        <Tabs.Panel value="inStructure">
          <InStructureView periodId={periodId} />
        </Tabs.Panel>
        <Tabs.Panel value="component">
          {framework.data ? (
            <ComponentView periodId={periodId} framework={framework.data.definition} />
          ) : (
            <PageLoader />
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
