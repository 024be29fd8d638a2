import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { SubmissionView } from '../../../core/contracts/measure.js';
import type { Framework } from '../../../core/contracts/measure-framework.js';
import type { KpiPrefillResult } from '../../../core/contracts/measure-kpi-prefill.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { api } from '../../lib/api-client.js';
import { useMT } from './measure-i18n.js';
import { componentsOf } from './use-submission.js';

type Props = {
  framework: Framework;
  ids: { periodId: number; unitId: number };
  onDone: (view: SubmissionView) => void;
};

/** "Lấy số liệu từ KPI": saves the year's KPI figures into the KPI-linked components (shown only if any). */
export function KpiPrefillButton({ framework, ids, onDone }: Props) {
  const t = useMT();
  const prefill = useMutation({
    mutationFn: () =>
      api.post<KpiPrefillResult>(
        `/api/measure/periods/${ids.periodId}/units/${ids.unitId}/submission/prefill-from-kpis`,
      ),
    onSuccess: ({ prefilled, missing, ...view }) => {
      onDone(view);
      notify(t('m.kpiPrefilled', { n: prefilled.length }));
      if (missing.length) notify(t('m.kpiMissing', { codes: missing.map((m) => m.code).join(', ') }), 'blue');
    },
  });
  if (!componentsOf(framework).some((c) => c.kpiCode)) return null;
  return (
    <>
      <Button
        variant="default"
        onClick={() => prefill.mutate()}
        loading={prefill.isPending}
        data-testid="kpi-prefill"
      >
        {t('m.kpiPrefill')}
      </Button>
      {prefill.error ? <ErrorAlert error={prefill.error} /> : null}
    </>
  );
}
