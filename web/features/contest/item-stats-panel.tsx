import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ITEM_FLAG_LABELS, optionLetter } from '../../../core/contest/item-stats.js';
import type { ContestView } from '../../../core/contracts/contest.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { contestApi } from './contest-api.js';
import { useContestT } from './contest-i18n.js';

// Item statistics of a closed round for the question writers: each question's facility, discrimination and
// answer spread, the flags in words (worst first, as the server sorts them), and the workbook.

export function ItemStatsPanel({ contest }: { contest: ContestView }) {
  const { t, locale } = useContestT();
  const rounds = contest.config.rounds;
  const [round, setRound] = useState(rounds[0]?.key ?? '');
  const stats = useQuery({
    queryKey: ['contest', contest.id, 'item-stats', round],
    queryFn: () => contestApi.itemStats(contest.id, round),
    enabled: !!round,
  });
  const lang = locale === 'en' ? 'en' : 'vi';
  return (
    <Stack>
      <Text c="dimmed">{t('itemStatsIntro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('round')}
          data={rounds.map((r) => ({ value: r.key, label: r.name }))}
          value={round}
          onChange={(v) => v && setRound(v)}
          allowDeselect={false}
        />
        {stats.data?.closed ? (
          <Button
            component="a"
            variant="default"
            href={`/api/contest/contests/${contest.id}/item-stats.xlsx?round=${encodeURIComponent(round)}`}
          >
            {t('downloadStats')}
          </Button>
        ) : null}
      </Group>
      {stats.error ? <ErrorAlert error={stats.error} /> : null}
      {stats.data && !stats.data.closed ? <Alert color="gray">{t('notClosed')}</Alert> : null}
      {stats.data?.closed ? (
        <>
          <Text>{t('statsAttempts', { n: formatNumber(stats.data.attempts, locale) })}</Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('question')}</Table.Th>
                <Table.Th>{t('responses')}</Table.Th>
                <Table.Th>{t('facility')}</Table.Th>
                <Table.Th>{t('discrimination')}</Table.Th>
                <Table.Th>{t('spread')}</Table.Th>
                <Table.Th>{t('flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.data.items.map((q) => (
                <Table.Tr key={q.questionId}>
                  <Table.Td maw={360}>{q.text}</Table.Td>
                  <Table.Td>{formatNumber(q.responses, locale)}</Table.Td>
                  <Table.Td>{formatPercent(q.facility, locale)}</Table.Td>
                  <Table.Td>
                    {q.discrimination === null ? '—' : formatNumber(q.discrimination, locale, 2)}
                  </Table.Td>
                  <Table.Td>
                    {q.options.map((o, i) => (
                      <Text key={o.text} size="sm" fw={o.correct ? 700 : undefined}>
                        {optionLetter(i)}
                        {o.correct ? ` (${t('correct')})` : ''}: {formatNumber(o.count, locale)}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {q.flags.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('noFlags')}
                      </Text>
                    ) : (
                      <Stack gap={4}>
                        {q.flags.map((f) => (
                          <Text key={f} size="sm" c="orange.9">
                            ⚠ {ITEM_FLAG_LABELS[f][lang]}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}
