import { Box, Button, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { ComponentValue } from '../../../core/contracts/measure-framework.js';
import {
  consistencyViolations,
  violationsByComponent,
} from '../../../core/measure/consistency-violations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { RefusedSummary, StatusBanner } from './entry-banner.js';
import { ComponentCard } from './entry-component-card.js';
import { useET } from './entry-i18n.js';
import { refusedItems, savedAtLabel } from './entry-status.js';
import { KpiPrefillButton } from './kpi-prefill-button.js';
import { measureApi } from './measure-api.js';
import { useMT } from './measure-i18n.js';
import { fmtPoints, StatusBadge } from './measure-shared.js';
import { ScorePanel } from './score-panel.js';
import { useEntryDraft } from './use-entry-draft.js';
import {
  componentsOf,
  errorsByComponent,
  mainIndicesOf,
  submissionKey,
  useFramework,
  useLivePreview,
} from './use-submission.js';

export function EntryPage() {
  const t = useMT();
  const et = useET();
  const { locale } = useI18n();
  const periodId = Number(useParams().periodId);
  const unitId = Number(useParams().unitId);
  const ids = { periodId, unitId };
  const queryClient = useQueryClient();
  const key = submissionKey(periodId, unitId);
  const submission = useQuery({ queryKey: key, queryFn: () => measureApi.submission(periodId, unitId) });
  const { period, framework } = useFramework(periodId);
  const canEdit = !!submission.data?.actions.canEdit;
  const draft = useEntryDraft(periodId, unitId, canEdit);
  const { edits, setEdits, save } = draft;
  const preview = useLivePreview(periodId, unitId, edits, canEdit);
  const fw = framework.data?.definition;
  const components = useMemo(() => componentsOf(fw), [fw]);
  const codes = useMemo(() => components.map((c) => c.code), [components]);
  const [confirming, setConfirming] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submit = useMutation({
    mutationFn: async () => {
      await draft.flush();
      return measureApi.submit(periodId, unitId);
    },
    onSuccess: (view) => {
      queryClient.setQueryData(key, view);
      notify(t('m.submitted'));
    },
  });
  const refused = useMemo(
    () => refusedItems(submit.error, components, locale),
    [submit.error, components, locale],
  );
  useEffect(() => {
    // The officer pressed submit in the side panel: bring the reasons to where they can be read.
    if (refused.length && summaryRef.current) {
      summaryRef.current.scrollIntoView({ block: 'start' });
      summaryRef.current.focus({ preventScroll: true });
    }
  }, [refused]);
  if (submission.isPending || period.isPending || framework.isPending)
    return submission.error ? <ErrorAlert error={submission.error} /> : <PageLoader />;
  if (!submission.data || !fw)
    return <ErrorAlert error={submission.error ?? period.error ?? framework.error} />;
  const view = submission.data;
  const rows = new Map(view.components.map((r) => [r.code, r]));
  const entered = (code: string): ComponentValue | null =>
    code in edits ? (edits[code] ?? null) : ((rows.get(code)?.value as ComponentValue | null) ?? null);
  const approved = view.status === 'approved' && view.appraisedScore;
  const score = approved
    ? view.appraisedScore
    : Object.keys(edits).length && preview.data
      ? preview.data
      : view.selfScore;
  if (!score) return null;
  const results = new Map(score.components.map((c) => [c.code, c]));
  const lastError = submit.error ?? save.error ?? preview.error;
  const errors = errorsByComponent(lastError, codes);
  const hasFieldErrors = Object.keys(errors).length > 0;
  // The same check the server runs on submit, over saved values overlaid with unsaved edits.
  const violations = consistencyViolations(fw, Object.fromEntries(codes.map((c) => [c, entered(c)])));
  const brokenBy = violationsByComponent(violations);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const lastSaved =
    draft.savedAt ??
    view.components.reduce<Date | null>((latest, r) => {
      const at = r.updatedAt ? new Date(r.updatedAt) : null;
      return at && (!latest || at > latest) ? at : latest;
    }, null);
  const saveState = save.isPending
    ? et('e.saving')
    : save.error && hasFieldErrors
      ? et('e.saveFailed')
      : draft.dirty
        ? et('e.unsaved')
        : lastSaved
          ? et('e.savedAt', { time: savedAtLabel(lastSaved) })
          : null;
  return (
    <>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={1}>{view.unitName}</Title>
        <StatusBadge status={view.status} />
      </Group>
      <Text c="dimmed" mb="md">
        {period.data?.name}
      </Text>
      <StatusBanner view={view} />
      <RefusedSummary ref={summaryRef} items={refused} />
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
              title={approved ? t('m.appraisedPoints') : undefined}
            />
            {canEdit ? (
              <Group grow>
                <Button
                  variant="default"
                  onClick={() => save.mutate(edits)}
                  loading={save.isPending}
                  disabled={!draft.dirty}
                >
                  {t('m.saveDraft')}
                </Button>
                <Button
                  onClick={() => setConfirming(true)}
                  loading={submit.isPending}
                  disabled={!view.actions.canSubmit && !draft.dirty}
                >
                  {t('m.submit')}
                </Button>
              </Group>
            ) : null}
            {canEdit && saveState ? (
              <Text size="sm" c="dimmed" role="status" data-testid="save-state">
                {saveState}
              </Text>
            ) : null}
            {canEdit ? (
              <KpiPrefillButton framework={fw} ids={ids} onDone={(v) => queryClient.setQueryData(key, v)} />
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={et('e.confirm.title')} centered>
        <Text size="sm" mb="md">
          {et('e.confirm.body')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {et('e.confirm.cancel')}
          </Button>
          <Button
            data-autofocus
            onClick={() => {
              setConfirming(false);
              submit.mutate();
            }}
          >
            {et('e.confirm.ok')}
          </Button>
        </Group>
      </Modal>
      <Modal
        opened={draft.blocker.state === 'blocked'}
        onClose={() => draft.blocker.reset?.()}
        title={et('e.leave.title')}
        centered
      >
        <Text size="sm" mb="md">
          {et('e.leave.body')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" data-autofocus onClick={() => draft.blocker.reset?.()}>
            {et('e.leave.stay')}
          </Button>
          <Button color="red" onClick={() => draft.blocker.proceed?.()}>
            {et('e.leave.go')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
