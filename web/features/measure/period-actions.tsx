import { Alert, Button, Group, List, Loader, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Period, PublishPreview } from '../../../core/contracts/measure.js';
import { statusLabel } from '../../../core/measure/labels.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { measureApi } from './measure-api.js';
import { useMT } from './measure-i18n.js';
import { publicationApi } from './publication-api.js';
import { type PublishT, usePT } from './publish-i18n.js';

type Action = 'open' | 'close' | 'publish';
const SHOWN = 12;

/** Units left out of the ranking if published now: the not approved ones (and the excluded, with reasons). */
export function PublishPreviewDetails({ preview, pt }: { preview: PublishPreview; pt: PublishT }) {
  const { locale } = useI18n();
  const rest = preview.notApproved.length - SHOWN;
  return (
    <>
      {preview.notApproved.length ? (
        <Alert color="orange" title={pt('pb.notApproved.title', { n: preview.notApproved.length })}>
          <List size="sm" data-testid="publish-not-approved">
            {preview.notApproved.slice(0, SHOWN).map((u) => (
              <List.Item key={u.unitId}>
                {u.unitName} — {u.status ? statusLabel(u.status, locale) : pt('pb.noSubmission')}
                {u.reopened ? ` (${pt('pb.reopened')})` : ''}
              </List.Item>
            ))}
          </List>
          {rest > 0 ? <Text size="sm">{pt('pb.notApproved.more', { n: rest })}</Text> : null}
        </Alert>
      ) : (
        <Text size="sm">{pt('pb.notApproved.none')}</Text>
      )}
      {preview.excluded.length ? (
        <Alert color="gray" title={pt('pb.excluded.title', { n: preview.excluded.length })}>
          <List size="sm">
            {preview.excluded.map((u) => (
              <List.Item key={u.unitId}>
                {u.unitName}: {u.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </>
  );
}

function PublishBody({ period, pt }: { period: Period; pt: PublishT }) {
  const { locale } = useI18n();
  const preview = useQuery({
    queryKey: ['measure', 'publish-preview', period.id],
    queryFn: () => publicationApi.preview(period.id),
  });
  if (preview.isPending) return <Loader size="sm" />;
  if (!preview.data) return <ErrorAlert error={preview.error} />;
  const p = preview.data;
  return (
    <>
      <Text size="sm" data-testid="publish-what">
        {p.publishedAt
          ? pt('pb.republish.what', {
              at: formatDateTime(p.publishedAt, locale),
              n: p.snapshotCount + 1,
              ranked: p.rankedCount,
            })
          : pt('pb.publish.what', { ranked: p.rankedCount })}
      </Text>
      {period.status === 'open' ? <Text size="sm">{pt('pb.openAlso')}</Text> : null}
      <PublishPreviewDetails preview={p} pt={pt} />
    </>
  );
}

/** Open, close and publish a period; each asks first and says what follows (publishing names who is left out). */
export function PeriodActions({ period, appraiser }: { period: Period; appraiser: boolean }) {
  const t = useMT();
  const pt = usePT();
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Action | null>(null);
  const action = useMutation({
    mutationFn: async (a: Action): Promise<unknown> =>
      a === 'publish' ? measureApi.publish(period.id) : measureApi.periodAction(period.id, a),
    onSuccess: (_d, a) => {
      if (a === 'publish') notify(t('m.published'));
      setAsking(null);
      void queryClient.invalidateQueries({ queryKey: ['measure'] });
    },
    onError: (e) => notify(e.message, 'red'),
  });
  if (!appraiser) return null;
  const republish = period.status === 'published';
  // The period contract carries no allowed-actions list, so the buttons follow the documented state machine.
  const allowed: Action[] =
    period.status === 'draft' ? ['open'] : period.status === 'open' ? ['close', 'publish'] : ['publish'];
  const label = (a: Action) =>
    a === 'publish'
      ? pt(republish ? 'pb.republish.button' : 'pb.publish.button')
      : t(a === 'open' ? 'm.open' : 'm.close');
  return (
    <Group gap="xs" wrap="nowrap">
      {allowed.map((a) => (
        <Button key={a} size="xs" variant="light" onClick={() => setAsking(a)} data-testid={`period-${a}`}>
          {label(a)}
        </Button>
      ))}
      <ConfirmDialog
        opened={asking !== null}
        title={
          asking === 'publish'
            ? pt(republish ? 'pb.republish.title' : 'pb.publish.title', { period: period.name })
            : pt(asking === 'open' ? 'pb.open.title' : 'pb.close.title')
        }
        confirmLabel={
          asking === 'publish'
            ? pt(republish ? 'pb.confirmRepublish' : 'pb.confirmPublish')
            : t(asking === 'open' ? 'm.open' : 'm.close')
        }
        loading={action.isPending}
        onConfirm={() => asking && action.mutate(asking)}
        onClose={() => setAsking(null)}
      >
        {asking === 'publish' ? <PublishBody period={period} pt={pt} /> : null}
        {asking === 'open' ? (
          <Text size="sm">{pt('pb.open.what', { due: formatDate(period.dueOn, locale) })}</Text>
        ) : null}
        {asking === 'close' ? <Text size="sm">{pt('pb.close.what')}</Text> : null}
      </ConfirmDialog>
    </Group>
  );
}
