import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AppraisalQueueItem, AppraisalStage } from '../../../core/contracts/measure-queue.js';
import { vietnamDate } from '../../../core/time/vietnam-date.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate } from '../../lib/format.js';
import { useAppraisalQueue } from './home-api.js';
import { type HomeKey, useHT } from './home-i18n.js';
import { HomeSection, Loaded } from './home-section.js';

// The appraiser's queue: "Chờ thẩm định" (first submissions), "Đã nộp lại" (sent again after a return) and
// "Bị trả lại" (with the unit, to correct), each with the unit, the period, the date and the appraisal page.

const SHOWN = 6;
const STAGES: { stage: AppraisalStage; color: string }[] = [
  { stage: 'waiting', color: 'teal' },
  { stage: 'resubmitted', color: 'grape' },
  { stage: 'returned', color: 'orange' },
];

const dayOf = (instant: string | null) => (instant ? vietnamDate(new Date(instant)) : null);

function QueueItem({ item }: { item: AppraisalQueueItem }) {
  const t = useHT();
  const { locale } = useI18n();
  const d = (iso: string | null) => formatDate(dayOf(iso), locale);
  const appraisal = `/measure/periods/${item.periodId}/units/${item.unitId}/appraisal`;
  const when =
    item.stage === 'returned'
      ? t('h.returnedOn', { date: d(item.returnedAt) })
      : item.stage === 'resubmitted'
        ? t('h.resubmittedOn', { date: d(item.submittedAt), round: item.round })
        : t('h.submittedOn', { date: d(item.submittedAt) });
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`queue-item-${item.stage}`}>
      <Stack gap={4}>
        <Anchor component={Link} to={appraisal} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.unitName}
        </Anchor>
        <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
          {item.periodName}
        </Text>
        <Text size="sm">{when}</Text>
        {item.returnComment ? (
          <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
            {item.returnComment}
          </Text>
        ) : null}
        {item.stage !== 'returned' ? (
          <Group>
            <Button size="xs" component={Link} to={appraisal}>
              {t('h.appraise')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function StageColumn({
  stage,
  color,
  items,
}: {
  stage: AppraisalStage;
  color: string;
  items: AppraisalQueueItem[];
}) {
  const t = useHT();
  const id = `queue-${stage}-heading`;
  const morePeriod = items[SHOWN]?.periodId;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} data-testid={`queue-${stage}`}>
      <Group gap="xs">
        <Text fw={700} id={id}>
          {t(`h.stage.${stage}` as HomeKey)}
        </Text>
        <Badge variant="light" color={items.length ? color : 'gray'}>
          {items.length}
        </Badge>
      </Group>
      {stage === 'returned' && items.length ? (
        <Text size="xs" c="gray.7">
          {t('h.stageHint.returned')}
        </Text>
      ) : null}
      {items.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t(`h.stageEmpty.${stage}` as HomeKey)}
        </Text>
      ) : null}
      {items.slice(0, SHOWN).map((i) => (
        <QueueItem key={`${i.periodId}-${i.unitId}`} item={i} />
      ))}
      {morePeriod !== undefined ? (
        <Anchor component={Link} to={`/measure/periods/${morePeriod}`} size="sm">
          {t('h.moreItems', { n: items.length - SHOWN })}
        </Anchor>
      ) : null}
    </Stack>
  );
}

export function AppraiserQueue() {
  const t = useHT();
  const queue = useAppraisalQueue(true);
  const c = queue.data?.counts;
  return (
    <HomeSection
      title={t('h.queue')}
      count={c ? c.waiting + c.resubmitted : undefined}
      countColor="teal"
      link={{ to: '/measure', label: t('h.openPeriods') }}
      testId="home-queue"
    >
      <Loaded query={queue} empty={t('h.queueEmpty')} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {t('h.queueSummary', data.counts)}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              {STAGES.map(({ stage, color }) => (
                <StageColumn
                  key={stage}
                  stage={stage}
                  color={color}
                  items={data.items.filter((i) => i.stage === stage)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </Loaded>
    </HomeSection>
  );
}
