import { Alert, Badge, Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { MainIndex, UnitResult } from '../../../core/contracts/measure-framework.js';
import type { ConsistencyViolation } from '../../../core/measure/consistency-violations.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { ruleMessage, useCT } from './consistency-i18n.js';
import { useMT } from './measure-i18n.js';
import { fmtPoints, fmtValue } from './measure-shared.js';

/** Total, band and per-main-index points of a unit's (live or saved) score. */
export function ScorePanel({
  score,
  mainIndices,
  busy,
  title,
  violations,
}: {
  score: UnitResult;
  mainIndices: MainIndex[];
  busy?: boolean;
  title?: string;
  /** Consistency rules the entered values break (the entry form's live check). */
  violations?: ConsistencyViolation[];
}) {
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const names = new Map(mainIndices.map((m) => [m.code, locale === 'en' && m.nameEn ? m.nameEn : m.name]));
  return (
    <Paper withBorder p="md" radius="md" aria-live="polite" aria-busy={busy ? 'true' : 'false'}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title ?? t('m.livePreview')}
          </Title>
          {busy ? (
            <Text size="xs" c="dimmed">
              {t('m.computing')}
            </Text>
          ) : null}
        </Group>
        <Group align="baseline" gap={6}>
          <Text fz={32} fw={700} data-testid="score-total">
            {fmtPoints(score.total.points, tag)}
          </Text>
          <Text c="dimmed">/ {fmtPoints(score.total.applicableMax, tag)}</Text>
        </Group>
        <Group gap="xs">
          <Text size="sm">
            {t('m.value')}: {fmtValue(score.total.value, tag)}
          </Text>
          {score.band ? (
            <Badge variant="light">
              {locale === 'en' && score.band.nameEn ? score.band.nameEn : score.band.name}
            </Badge>
          ) : null}
        </Group>
        <Progress value={(score.total.value ?? 0) * 100} aria-label={t('m.value')} />
        <BrokenRules violations={violations ?? []} />
        <Table fz="sm" verticalSpacing={4}>
          <TableHeader columns={[t('m.mainIndices'), { label: t('m.points'), numeric: true }]} />
          <Table.Tbody>
            {score.mainIndices.map((m) => (
              <Table.Tr key={m.code}>
                <Table.Td>{names.get(m.code) ?? m.code}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid={`mi-${m.code}`}>
                  {fmtPoints(m.points, tag)} / {fmtPoints(m.applicableMax, tag)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/** Broken consistency rules, above the breakdown so they are seen before submitting. */
function BrokenRules({ violations }: { violations: ConsistencyViolation[] }) {
  const ct = useCT();
  const { locale } = useI18n();
  if (violations.length === 0) return null;
  return (
    <Alert color="red" variant="light" p="xs" title={ct('c.broken')} data-testid="consistency-violations">
      <List size="sm" spacing={2}>
        {violations.map((v) => (
          <List.Item key={v.rule}>
            <b>{v.codes.join(', ')}</b>: {ruleMessage(v, locale)}
          </List.Item>
        ))}
      </List>
      <Text size="xs" mt={4}>
        {ct('c.brokenNote')}
      </Text>
    </Alert>
  );
}
