import { Alert, Badge, Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { SubmissionView } from '../../../core/contracts/measure.js';
import type {
  Component,
  ComponentResult,
  ComponentValue,
} from '../../../core/contracts/measure-framework.js';
import {
  type ConsistencyViolation,
  consistencyViolations,
  violationsByComponent,
} from '../../../core/measure/consistency-violations.js';
import { describeExplanation } from '../../../core/measure/messages.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { ComponentInput, ConsistencyNote, KpiBadge, NotApplicableSwitch } from './component-input.js';
import { EvidenceEditor } from './evidence-panel.js';
import { KpiPrefillButton } from './kpi-prefill-button.js';
import { measureApi, type ValuesMap } from './measure-api.js';
import { useMT } from './measure-i18n.js';
import { fmtPoints, StatusBadge } from './measure-shared.js';
import { ScorePanel } from './score-panel.js';
import {
  componentsOf,
  errorsByComponent,
  mainIndicesOf,
  submissionKey,
  useFramework,
  useLivePreview,
} from './use-submission.js';

type Row = SubmissionView['components'][number];

function ComponentCard(props: {
  component: Component;
  row: Row | undefined;
  value: ComponentValue | null;
  result: ComponentResult | undefined;
  error?: string;
  evidenceError?: string;
  /** Consistency rules the entered values break that involve this component (checked as the user types). */
  broken?: ConsistencyViolation[];
  canEdit: boolean;
  ids: { periodId: number; unitId: number };
  onChange: (v: ComponentValue | null) => void;
  onEvidenceChanged: () => void;
}) {
  const { component: c, row, value, result, canEdit } = props;
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const notForUnit = result?.explanation.code === 'not_applicable_to_unit';
  const isNa = !!value && 'notApplicable' in value;
  const isFormula = c.rule.kind === 'formula';
  const needsFix = !!row?.needsFix;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid={`component-${c.code}`}
      style={needsFix ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Box>
            <Text fw={600} size="sm">
              {c.code}. {locale === 'en' && c.nameEn ? c.nameEn : c.name}
            </Text>
            {c.requiredEvidence ? (
              <Text size="xs" c="dimmed">
                {t('m.evidenceRequired')}: {c.requiredEvidence}
              </Text>
            ) : null}
          </Box>
          <Group gap={6} wrap="nowrap">
            {needsFix ? <Badge color="red">{t('m.toFix')}</Badge> : null}
            <KpiBadge component={c} />
            <Badge
              variant="outline"
              size="lg"
              data-testid={`points-${c.code}`}
              style={{ flexShrink: 0, overflow: 'visible' }}
              styles={{ label: { overflow: 'visible' } }}
            >
              {fmtPoints(result?.points ?? 0, tag)} / {fmtPoints(c.maxPoints, tag)}
            </Badge>
          </Group>
        </Group>
        {needsFix && row?.appraisalComment ? (
          <Alert color="red" variant="light" p="xs" title={t('m.appraiserComment')}>
            {row.appraisalComment}
          </Alert>
        ) : null}
        {notForUnit ? (
          <Text size="sm" c="dimmed">
            {t('m.notForUnit')}
          </Text>
        ) : isFormula ? (
          <Text size="sm" c="dimmed">
            {t('m.formulaAuto')}
          </Text>
        ) : (
          <>
            {!isNa ? (
              <ComponentInput
                component={c}
                value={value}
                onChange={props.onChange}
                error={props.error ?? (props.broken?.length ? true : undefined)}
                disabled={!canEdit}
              />
            ) : null}
            <ConsistencyNote code={c.code} broken={props.broken} />
            <NotApplicableSwitch
              checked={isNa}
              disabled={!canEdit}
              onChange={(on) => props.onChange(on ? { notApplicable: true } : null)}
            />
            {isNa && props.error ? (
              <Text size="sm" c="red.8">
                {props.error}
              </Text>
            ) : null}
          </>
        )}
        {result ? (
          <Text
            size="xs"
            c={result.status === 'not_evaluable' ? 'orange.9' : 'dimmed'}
            data-testid={`explain-${c.code}`}
          >
            {describeExplanation(result.explanation, locale)}
          </Text>
        ) : null}
        {!notForUnit && !isFormula ? (
          canEdit ? (
            <EvidenceEditor
              ids={props.ids}
              code={c.code}
              evidence={row?.evidence ?? []}
              onChanged={props.onEvidenceChanged}
              error={props.evidenceError}
            />
          ) : null
        ) : null}
      </Stack>
    </Paper>
  );
}

export function EntryPage() {
  const t = useMT();
  const periodId = Number(useParams().periodId);
  const unitId = Number(useParams().unitId);
  const ids = { periodId, unitId };
  const queryClient = useQueryClient();
  const key = submissionKey(periodId, unitId);
  const submission = useQuery({ queryKey: key, queryFn: () => measureApi.submission(periodId, unitId) });
  const { period, framework } = useFramework(periodId);
  const [edits, setEdits] = useState<ValuesMap>({});
  const canEdit = !!submission.data?.actions.canEdit;
  const preview = useLivePreview(periodId, unitId, edits, canEdit);
  const fw = framework.data?.definition;
  const codes = useMemo(() => componentsOf(fw).map((c) => c.code), [fw]);
  const afterWrite = (view: SubmissionView) => {
    queryClient.setQueryData(key, view);
    setEdits({});
  };
  const save = useMutation({
    mutationFn: () => measureApi.saveValues(periodId, unitId, { values: edits }),
    onSuccess: (view) => {
      afterWrite(view);
      notify(t('m.saved'));
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      if (Object.keys(edits).length)
        afterWrite(await measureApi.saveValues(periodId, unitId, { values: edits }));
      return measureApi.submit(periodId, unitId);
    },
    onSuccess: (view) => {
      afterWrite(view);
      notify(t('m.submitted'));
    },
  });
  if (submission.isPending || period.isPending || framework.isPending)
    return submission.error ? <ErrorAlert error={submission.error} /> : <PageLoader />;
  if (!submission.data || !fw)
    return <ErrorAlert error={submission.error ?? period.error ?? framework.error} />;
  const view = submission.data;
  const rows = new Map(view.components.map((r) => [r.code, r]));
  const entered = (code: string): ComponentValue | null =>
    code in edits ? (edits[code] ?? null) : ((rows.get(code)?.value as ComponentValue | null) ?? null);
  const score = Object.keys(edits).length && preview.data ? preview.data : view.selfScore;
  const results = new Map(score.components.map((c) => [c.code, c]));
  const lastError = save.error ?? submit.error ?? preview.error;
  const errors = errorsByComponent(lastError, codes);
  const hasFieldErrors = Object.keys(errors).length > 0;
  // The same check the server runs on submit, over saved values overlaid with unsaved edits.
  const violations = consistencyViolations(fw, Object.fromEntries(codes.map((c) => [c, entered(c)])));
  const brokenBy = violationsByComponent(violations);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  return (
    <>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={1}>{view.unitName}</Title>
        <StatusBadge status={view.status} />
      </Group>
      <Text c="dimmed" mb="md">
        {period.data?.name}
      </Text>
      {view.status === 'returned' ? (
        <Alert color="red" mb="md" title={t('m.status.returned')} data-testid="returned-notice">
          {t('m.returnedNotice', { comment: view.returnComment ?? '' })}
        </Alert>
      ) : null}
      {!canEdit ? (
        <Alert color="gray" mb="md">
          {t('m.readOnly', { status: t(`m.status.${view.status}`) })}
        </Alert>
      ) : null}
      {lastError && !hasFieldErrors ? <ErrorAlert error={lastError} /> : null}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            {mainIndicesOf(fw).map((mi) => (
              <Box key={mi.code} component="section" aria-labelledby={`mi-title-${mi.code}`}>
                <Title order={2} size="h3" mb="xs" id={`mi-title-${mi.code}`}>
                  {mi.name} ({fmtPoints(mi.maxPoints, 'vi-VN')} {t('m.points').toLowerCase()})
                </Title>
                <Stack gap="sm">
                  {mi.components.map((c) => (
                    <ComponentCard
                      key={c.code}
                      component={c}
                      row={rows.get(c.code)}
                      value={entered(c.code)}
                      result={results.get(c.code)}
                      error={errors[c.code]}
                      evidenceError={errors[`evidence:${c.code}`]}
                      broken={brokenBy.get(c.code)}
                      canEdit={canEdit}
                      ids={ids}
                      onChange={(v) => setEdits((e) => ({ ...e, [c.code]: v }))}
                      onEvidenceChanged={refresh}
                    />
                  ))}
                </Stack>
              </Box>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="sm" style={{ position: 'sticky', top: 72 }}>
            <ScorePanel
              score={score}
              mainIndices={mainIndicesOf(fw)}
              busy={preview.isFetching}
              violations={violations}
            />
            {canEdit ? (
              <Group grow>
                <Button
                  variant="default"
                  onClick={() => save.mutate()}
                  loading={save.isPending}
                  disabled={!Object.keys(edits).length}
                >
                  {t('m.saveDraft')}
                </Button>
                <Button
                  onClick={() => submit.mutate()}
                  loading={submit.isPending}
                  disabled={!view.actions.canSubmit && !Object.keys(edits).length}
                >
                  {t('m.submit')}
                </Button>
              </Group>
            ) : null}
            {canEdit ? (
              <KpiPrefillButton framework={fw} ids={ids} onDone={(v) => queryClient.setQueryData(key, v)} />
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
