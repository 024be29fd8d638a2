import { Alert, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { SubmissionView } from '../../../core/contracts/measure.js';
import type {
  Component,
  ComponentResult,
  ComponentValue,
} from '../../../core/contracts/measure-framework.js';
import type { ConsistencyViolation } from '../../../core/measure/consistency-violations.js';
import { describeExplanation } from '../../../core/measure/messages.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { ComponentInput, ConsistencyNote, KpiBadge, NotApplicableSwitch } from './component-input.js';
import { useET } from './entry-i18n.js';
import { appraisalCut, itemAnchor } from './entry-status.js';
import { EvidenceEditor, EvidenceList } from './evidence-panel.js';
import { useMT } from './measure-i18n.js';
import { fmtPoints, UNCUT_BADGE } from './measure-shared.js';

// One component of the officer's entry page: input, points (self and appraised), the appraiser's comment
// and the evidence (editable while the submission is, listed read-only afterwards).

type Row = SubmissionView['components'][number];

export function ComponentCard(props: {
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
  const et = useET();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const notForUnit = result?.explanation.code === 'not_applicable_to_unit';
  const isNa = !!value && 'notApplicable' in value;
  const isFormula = c.rule.kind === 'formula';
  const needsFix = !!row?.needsFix;
  const cut = appraisalCut(row);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      id={itemAnchor(c.code)}
      tabIndex={-1}
      data-testid={`component-${c.code}`}
      style={{
        scrollMarginTop: 80,
        ...(needsFix || props.error ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : {}),
      }}
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
            {needsFix ? (
              <Badge color="red" {...UNCUT_BADGE}>
                {t('m.toFix')}
              </Badge>
            ) : null}
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
        {cut ? (
          <Text size="sm" data-testid={`appraised-${c.code}`}>
            {et('e.self')}: <s>{fmtPoints(cut.self, tag)}</s> → {et('e.appraised')}:{' '}
            <b>{et('e.points', { points: fmtPoints(cut.appraised, tag) })}</b>
          </Text>
        ) : null}
        {row?.appraisalComment ? (
          <Alert
            color={needsFix ? 'red' : 'blue'}
            variant="light"
            p="xs"
            title={et('e.comment')}
            data-testid={`comment-${c.code}`}
          >
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
        {/* After a cut the self-vs-appraised line says it; the engine's explanation would only name the override. */}
        {result && !cut ? (
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
          ) : row?.evidence.length ? (
            <Box data-testid={`evidence-${c.code}`}>
              <Text size="sm" fw={600}>
                {et('e.evidenceSubmitted')}
              </Text>
              <EvidenceList ids={props.ids} evidence={row.evidence} />
            </Box>
          ) : null
        ) : null}
      </Stack>
    </Paper>
  );
}
