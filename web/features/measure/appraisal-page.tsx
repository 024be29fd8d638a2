import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { SubmissionView } from '../../../core/contracts/measure.js';
import type { Component } from '../../../core/contracts/measure-framework.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { formatDate } from '../../lib/format.js';
import { errorsByComponent } from './entry-status.js';
import { EvidenceList } from './evidence-panel.js';
import { measureApi } from './measure-api.js';
import { type MeasureT, useMT } from './measure-i18n.js';
import { fmtPoints, StatusBadge } from './measure-shared.js';
import { usePT } from './publish-i18n.js';
import { ScorePanel } from './score-panel.js';
import { componentsOf, mainIndicesOf, useFramework } from './use-submission.js';
import { describeValue } from './value-text.js';

const roundPoints = (v: number | null | undefined) =>
  v === null || v === undefined ? '' : Math.round(v * 100) / 100;

type Draft = { points?: number | null; comment: string; fix: boolean };

function AppraisalRow({
  c,
  row,
  draft,
  setDraft,
  ids,
  error,
  disabled,
}: {
  c: Component;
  row: SubmissionView['components'][number] | undefined;
  draft: Draft;
  setDraft: (d: Draft) => void;
  ids: { periodId: number; unitId: number };
  error?: string;
  disabled: boolean;
}) {
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  return (
    <Table.Tr data-testid={`appraise-${c.code}`} bg={draft.fix ? 'var(--mantine-color-red-0)' : undefined}>
      <Table.Td maw={320}>
        <Text size="sm" fw={600}>
          {c.code}
        </Text>
        <Text size="sm">{locale === 'en' && c.nameEn ? c.nameEn : c.name}</Text>
      </Table.Td>
      <Table.Td>{describeValue(row?.value, c, t, tag, locale)}</Table.Td>
      <Table.Td ta="right" data-testid={`self-${c.code}`} style={{ whiteSpace: 'nowrap' }}>
        {fmtPoints(row?.selfPoints, tag)} / {fmtPoints(c.maxPoints, tag)}
      </Table.Td>
      <Table.Td miw={110}>
        <NumberInput
          size="xs"
          aria-label={`${t('m.appraisedScore')} ${c.code}`}
          min={0}
          max={c.maxPoints}
          decimalSeparator={locale === 'vi' ? ',' : '.'}
          value={roundPoints(draft.points ?? row?.appraisedPoints ?? row?.selfPoints)}
          onChange={(x) => setDraft({ ...draft, points: x === '' ? null : Number(x) })}
          error={error}
          disabled={disabled}
        />
      </Table.Td>
      <Table.Td>
        <EvidenceList ids={ids} evidence={row?.evidence ?? []} />
      </Table.Td>
      <Table.Td miw={200}>
        <TextInput
          size="xs"
          aria-label={`${t('m.comment')} ${c.code}`}
          value={draft.comment}
          onChange={(e) => setDraft({ ...draft, comment: e.currentTarget.value })}
          disabled={disabled}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={`${t('m.markToFix')} ${c.code}`}
          checked={draft.fix}
          onChange={(e) => setDraft({ ...draft, fix: e.currentTarget.checked })}
          disabled={disabled}
        />
      </Table.Td>
    </Table.Tr>
  );
}

export function AppraisalPage() {
  const t = useMT();
  const pt = usePT();
  const { locale } = useI18n();
  const [asking, setAsking] = useState<'approve' | 'return' | null>(null);
  const periodId = Number(useParams().periodId);
  const unitId = Number(useParams().unitId);
  const ids = { periodId, unitId };
  const queryClient = useQueryClient();
  const key = ['measure', 'appraisal', periodId, unitId];
  const appraisal = useQuery({ queryKey: key, queryFn: () => measureApi.appraisal(periodId, unitId) });
  const { framework } = useFramework(periodId);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [overall, setOverall] = useState('');
  const done = (message: string) => (view: SubmissionView) => {
    queryClient.setQueryData(key, view);
    void queryClient.invalidateQueries({ queryKey: ['measure'] });
    setDrafts({});
    notify(message);
  };
  const components = () =>
    Object.fromEntries(
      Object.entries(drafts).map(([code, d]) => [code, { points: d.points, comment: d.comment || null }]),
    );
  const save = useMutation({
    mutationFn: () => measureApi.appraise(periodId, unitId, components()),
    onSuccess: done(t('m.appraisalSaved')),
  });
  const ret = useMutation({
    mutationFn: () =>
      measureApi.returnSubmission(periodId, unitId, {
        comment: overall,
        components: Object.entries(drafts)
          .filter(([, d]) => d.fix)
          .map(([code, d]) => ({ code, comment: d.comment })),
      }),
    onSuccess: done(t('m.returned')),
  });
  const approve = useMutation({
    mutationFn: async () => {
      if (Object.keys(drafts).length) await measureApi.appraise(periodId, unitId, components());
      return measureApi.approve(periodId, unitId);
    },
    onSuccess: done(t('m.approved')),
  });
  const fw = framework.data?.definition;
  if (appraisal.isPending || framework.isPending)
    return appraisal.error ? <ErrorAlert error={appraisal.error} /> : <PageLoader />;
  if (!appraisal.data || !fw) return <ErrorAlert error={appraisal.error ?? framework.error} />;
  const view = appraisal.data;
  const rows = new Map(view.components.map((r) => [r.code, r]));
  const lastError = save.error ?? ret.error ?? approve.error;
  const errors = errorsByComponent(
    lastError,
    componentsOf(fw).map((c) => c.code),
  );
  const canAppraise = view.actions.canAppraise;
  const toFix = Object.values(drafts).filter((d) => d.fix).length;
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>
          {t('m.appraise')}: {view.unitName}
        </Title>
        <StatusBadge status={view.status} />
      </Group>
      {lastError && !Object.keys(errors).length ? <ErrorAlert error={lastError} /> : null}
      {!canAppraise ? (
        <Alert color="gray" mb="md">
          {t('m.readOnly', { status: t(`m.status.${view.status}`) })}
        </Alert>
      ) : null}
      <Group align="flex-start" gap="md" mb="md" grow preventGrowOverflow={false}>
        <ScorePanel score={view.selfScore} mainIndices={mainIndicesOf(fw)} title={t('m.selfScore')} />
        {view.appraisedScore ? (
          <ScorePanel
            score={view.appraisedScore}
            mainIndices={mainIndicesOf(fw)}
            title={t('m.appraisedScore')}
          />
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="xs">
          <TableHeader
            columns={[
              t('m.component'),
              t('m.input'),
              { label: t('m.selfScore'), numeric: true },
              t('m.appraisedScore'),
              t('m.evidence'),
              t('m.comment'),
              t('m.toFix'),
            ]}
          />
          <Table.Tbody>
            {componentsOf(fw).map((c) => (
              <AppraisalRow
                key={c.code}
                c={c}
                row={rows.get(c.code)}
                draft={drafts[c.code] ?? { comment: rows.get(c.code)?.appraisalComment ?? '', fix: false }}
                setDraft={(d) => setDrafts((all) => ({ ...all, [c.code]: d }))}
                ids={ids}
                error={errors[c.code]}
                disabled={!canAppraise}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canAppraise ? (
        <Stack mt="md" maw={720}>
          <Textarea
            label={t('m.returnComment')}
            value={overall}
            onChange={(e) => setOverall(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <Button
              variant="default"
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={!Object.keys(drafts).length}
            >
              {t('m.saveAppraisal')}
            </Button>
            <Button
              color="red"
              variant="light"
              onClick={() => setAsking('return')}
              disabled={!toFix || !overall.trim()}
            >
              {t('m.return')} ({toFix})
            </Button>
            <Button color="green.9" onClick={() => setAsking('approve')} data-testid="appraisal-approve">
              {t('m.approve')}
            </Button>
          </Group>
          <ConfirmDialog
            opened={asking !== null}
            title={pt(asking === 'return' ? 'ap.return.title' : 'ap.approve.title', { unit: view.unitName })}
            confirmLabel={asking === 'return' ? t('m.return') : t('m.approve')}
            color={asking === 'return' ? 'red' : 'green.9'}
            loading={ret.isPending || approve.isPending}
            onConfirm={() => {
              setAsking(null);
              if (asking === 'return') ret.mutate();
              else approve.mutate();
            }}
            onClose={() => setAsking(null)}
          >
            <Text size="sm">
              {asking === 'return'
                ? pt('ap.return.what', { n: toFix })
                : pt('ap.approve.what', {
                    points: fmtPoints(
                      (view.appraisedScore ?? view.selfScore).total.points,
                      locale === 'en' ? 'en-GB' : 'vi-VN',
                    ),
                  })}
            </Text>
          </ConfirmDialog>
        </Stack>
      ) : null}
    </>
  );
}
