import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ContestView } from '../../../core/contracts/contest.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { ConfigEditor, parseConfig } from './config-editor.js';
import { contestApi } from './contest-api.js';
import { TIER_LABELS, useContestT } from './contest-i18n.js';
import { STATUS_COLOR } from './contests-page.js';
import { FlagsPanel } from './flags-panel.js';
import { ItemStatsPanel } from './item-stats-panel.js';
import { ParticipationPanel } from './participation-panel.js';

// One contest for its organisers: the rules summary (and, while a draft, the editor), opening with a
// confirmation, closing each ended round and the contest (each after saying what follows), the final results
// and prizes per round and group, the collective table, participation by unit and the winners workbook.

const seconds = (ms: number) =>
  `${Math.floor(ms / 60000)}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, '0')}`;

export function ContestPage() {
  const { t, locale } = useContestT();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const contest = useQuery({ queryKey: ['contest', id], queryFn: () => contestApi.contest(id) });
  const results = useQuery({ queryKey: ['contest', id, 'results'], queryFn: () => contestApi.results(id) });
  const [asking, setAsking] = useState<{ text: string; run: () => Promise<unknown> } | null>(null);
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => {
      notify(t('done'));
      setAsking(null);
      qc.invalidateQueries({ queryKey: ['contest'] });
    },
  });
  if (contest.isLoading) return <PageLoader />;
  if (!contest.data) return <ErrorAlert error={contest.error} />;
  const c = contest.data;
  const ended = c.config.rounds.filter((r) => new Date(`${r.endsAt}:00+07:00`).getTime() <= Date.now());
  const closedRounds = new Set(results.data?.rounds.map((r) => r.roundKey));
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{c.title}</Title>
          <Text c="dimmed">
            {c.unitName} · <Badge color={STATUS_COLOR[c.status]}>{t(c.status)}</Badge> · {t('participants')}:{' '}
            {formatNumber(c.counts.participants, locale)} · {t('attempts')}:{' '}
            {formatNumber(c.counts.attempts, locale)}
          </Text>
          <Anchor href={`/?contest=${c.slug}`} target="_blank">
            {t('publicPage')}
          </Anchor>
        </div>
        <Group>
          {c.status === 'draft' ? (
            <Button onClick={() => setAsking({ text: t('openConfirm'), run: () => contestApi.open(id) })}>
              {t('openContest')}
            </Button>
          ) : null}
          {c.status !== 'draft'
            ? ended
                .filter((r) => !closedRounds.has(r.key))
                .map((r) => (
                  <Button
                    key={r.key}
                    variant="light"
                    onClick={() =>
                      setAsking({
                        text: t('closeRoundConfirm', { round: r.name }),
                        run: () => contestApi.closeRound(id, r.key),
                      })
                    }
                  >
                    {t('closeRound', { round: r.name })}
                  </Button>
                ))
            : null}
          {c.status === 'open' ? (
            <Button
              color="red"
              variant="light"
              onClick={() => setAsking({ text: t('closeContestConfirm'), run: () => contestApi.close(id) })}
            >
              {t('closeContest')}
            </Button>
          ) : null}
          {c.status !== 'draft' ? (
            <Button component="a" href={`/api/contest/contests/${id}/results.xlsx`} variant="default">
              {t('download')}
            </Button>
          ) : null}
          {c.status !== 'draft' ? (
            <Button component="a" href={`/api/contest/contests/${id}/results.docx`} variant="default">
              {t('downloadDecision')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Tabs defaultValue={c.status === 'draft' ? 'summary' : 'results'}>
        <Tabs.List>
          <Tabs.Tab value="summary">{t('summary')}</Tabs.Tab>
          <Tabs.Tab value="results">{t('results')}</Tabs.Tab>
          <Tabs.Tab value="participation">{t('participation')}</Tabs.Tab>
          {c.status !== 'draft' ? (
            <Tabs.Tab value="flags">{locale === 'en' ? 'Suspicion review' : 'Dấu hiệu bất thường'}</Tabs.Tab>
          ) : null}
          {c.status !== 'draft' ? <Tabs.Tab value="items">{t('itemStats')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="summary" pt="md">
          {c.status === 'draft' ? (
            <EditDraft contest={c} />
          ) : (
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {c.summary}
            </Code>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          {results.error ? <ErrorAlert error={results.error} /> : null}
          {results.data?.rounds.length === 0 ? <Text>{t('noResults')}</Text> : null}
          {results.data?.rounds.map((round) => (
            <Stack key={round.roundKey} mb="lg">
              <Group justify="space-between">
                <Title order={3}>{round.roundName}</Title>
                {round.groups.some((g) => g.rows.some((r) => r.prize)) ? (
                  <Button
                    component="a"
                    variant="default"
                    size="xs"
                    href={`/api/contest/contests/${id}/certificates.pdf?round=${encodeURIComponent(round.roundKey)}`}
                  >
                    {t('printCertificates')}
                  </Button>
                ) : null}
              </Group>
              {round.predictionTrueValue !== null ? (
                <Text>{t('truth', { v: round.predictionTrueValue })}</Text>
              ) : null}
              {round.groups.map((g) => (
                <Stack key={g.groupKey} gap={4}>
                  <Title order={4}>{g.groupName}</Title>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('rank')}</Table.Th>
                        <Table.Th>{t('name')}</Table.Th>
                        <Table.Th>{t('unitName')}</Table.Th>
                        <Table.Th>{t('score')}</Table.Th>
                        <Table.Th>{t('prediction')}</Table.Th>
                        <Table.Th>{t('duration')}</Table.Th>
                        <Table.Th>{t('prize')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {g.rows.slice(0, 40).map((r) => (
                        <Table.Tr key={r.participantId}>
                          <Table.Td>{r.rank}</Table.Td>
                          <Table.Td>{r.name}</Table.Td>
                          <Table.Td>{r.unitName}</Table.Td>
                          <Table.Td>
                            {r.score}/{r.total}
                          </Table.Td>
                          <Table.Td>
                            {r.predictionValue ?? '—'}
                            {r.predictionDistance !== null ? ` (±${r.predictionDistance})` : ''}
                          </Table.Td>
                          <Table.Td>{seconds(r.durationMs)}</Table.Td>
                          <Table.Td>
                            {r.prize ? (
                              <Badge color="yellow">
                                {TIER_LABELS[locale === 'en' ? 'en' : 'vi'][r.prize]}
                              </Badge>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Stack>
              ))}
            </Stack>
          ))}
          {results.data && results.data.collective.length > 0 ? (
            <Stack gap={4}>
              <Title order={3}>{t('collective')}</Title>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rank')}</Table.Th>
                    <Table.Th>{t('unitName')}</Table.Th>
                    <Table.Th>{t('participants')}</Table.Th>
                    <Table.Th>{t('rate')}</Table.Th>
                    <Table.Th>{t('points')}</Table.Th>
                    <Table.Th>{t('total')}</Table.Th>
                    <Table.Th>{t('prize')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.data.collective.slice(0, 60).map((r) => (
                    <Table.Tr key={r.unitId}>
                      <Table.Td>{r.rank || '—'}</Table.Td>
                      <Table.Td>{r.unitName}</Table.Td>
                      <Table.Td>{formatNumber(r.participants, locale)}</Table.Td>
                      <Table.Td>{formatPercent(r.rate, locale)}</Table.Td>
                      <Table.Td>{r.prizePoints}</Table.Td>
                      <Table.Td>{formatNumber(r.score, locale, 2)}</Table.Td>
                      <Table.Td>{r.prize}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="participation" pt="md">
          <ParticipationPanel contest={c} />
        </Tabs.Panel>
        <Tabs.Panel value="items" pt="md">
          <ItemStatsPanel contest={c} />
        </Tabs.Panel>
        <Tabs.Panel value="flags" pt="md">
          {c.status !== 'draft' ? <FlagsPanel contestId={c.id} /> : null}
        </Tabs.Panel>
      </Tabs>
      <AppModal opened={!!asking} onClose={() => setAsking(null)} title={t('confirm')}>
        <Stack>
          <Text>{asking?.text}</Text>
          {act.error ? <ErrorAlert error={act.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('cancel')}
            </Button>
            <Button loading={act.isPending} onClick={() => asking && act.mutate(asking.run)}>
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}

function EditDraft({ contest }: { contest: ContestView }) {
  const { t } = useContestT();
  const qc = useQueryClient();
  const [title, setTitle] = useState(contest.title);
  const [slug, setSlug] = useState(contest.slug);
  const [config, setConfig] = useState(JSON.stringify(contest.config, null, 2));
  const bank = useQuery({
    queryKey: ['contest', 'bank', contest.unitId],
    queryFn: () => contestApi.questions(contest.unitId),
  });
  const save = useMutation({
    mutationFn: () => contestApi.update(contest.id, { title, slug, config: JSON.parse(config) }),
    onSuccess: () => {
      notify(t('done'));
      qc.invalidateQueries({ queryKey: ['contest', contest.id] });
    },
  });
  return (
    <Stack>
      <TextInput label={t('contestTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <TextInput label={t('slug')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} />
      <ConfigEditor
        title={title}
        value={config}
        onChange={setConfig}
        categories={new Map((bank.data?.categories ?? []).map((c) => [c.id, c.name]))}
      />
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Group justify="flex-end">
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!parseConfig(config).success}
        >
          {t('save')}
        </Button>
      </Group>
    </Stack>
  );
}
