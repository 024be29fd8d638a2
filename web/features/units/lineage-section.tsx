import { ActionIcon, Anchor, NumberInput, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { LineageGraph } from '../../../core/contracts/units.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { api } from '../../lib/api-client.js';
import { formatDate, formatPercent } from '../../lib/format.js';
import { edgeLabel } from './lineage-layout.js';
import { useLineage } from './units-api.js';
import { useUeT } from './units-edit-i18n.js';

const LineageGraphChart = lazy(() =>
  import('./lineage-graph.js').then((m) => ({ default: m.LineageGraphChart })),
);

/** The same edges as the graph, as a table: readable by screen readers and on any phone. */
function EdgeTable({ graph, canEdit }: { graph: LineageGraph; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const ue = useUeT();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<LineageGraph['edges'][number] | null>(null);
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/api/lineage/${id}`),
    onSuccess: async () => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: ['units'] });
    },
  });
  const names = new Map(graph.nodes.map((n) => [n.id, `${n.type} ${n.name}`]));
  const nameOf = (id: number) => names.get(id) ?? String(id);
  const words = { full: t('units.edgeFull'), partial: t('units.edgePartial') };
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <TableHeader
          columns={[
            t('units.edgeFrom'),
            t('units.edgeTo'),
            t('units.edgeKind'),
            t('units.effectiveDate'),
            ...(canEdit ? [''] : []),
          ]}
        />
        <Table.Tbody>
          {graph.edges.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Anchor component={Link} to={`/units/${e.fromUnitId}`}>
                  {names.get(e.fromUnitId) ?? e.fromUnitId}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/units/${e.toUnitId}`}>
                  {names.get(e.toUnitId) ?? e.toUnitId}
                </Anchor>
              </Table.Td>
              <Table.Td>{edgeLabel(e, words, (s) => formatPercent(s, locale))}</Table.Td>
              <Table.Td>{formatDate(e.effectiveDate, locale)}</Table.Td>
              {canEdit ? (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size={44}
                    aria-label={ue('ue.lnDelete', { from: nameOf(e.fromUnitId), to: nameOf(e.toUnitId) })}
                    onClick={() => setDeleting(e)}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmDialog
        opened={deleting !== null}
        title={ue('ue.lnDeleteTitle')}
        confirmLabel={ue('ue.delete')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      >
        <ErrorAlert error={remove.error} />
        <Text size="sm">
          {deleting
            ? ue('ue.lnDeleteWhat', { from: nameOf(deleting.fromUnitId), to: nameOf(deleting.toUnitId) })
            : null}
        </Text>
      </ConfirmDialog>
    </Table.ScrollContainer>
  );
}

export function LineageSection({
  unitId,
  unitName,
  canEdit = false,
}: {
  unitId: number;
  unitName: string;
  canEdit?: boolean;
}) {
  const { t } = useI18n();
  const [depth, setDepth] = useState(2);
  const lineage = useLineage(unitId, depth);
  const hasEdges = (lineage.data?.edges.length ?? 0) > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lineage-heading">
      <Title order={2} size="h4" id="lineage-heading">
        {t('units.lineage')}
      </Title>
      <Text size="sm" c="gray.7" mb="xs">
        {t('units.lineageHelp')}
      </Text>
      <NumberInput
        label={t('units.depth')}
        value={depth}
        min={1}
        max={10}
        onChange={(v) => setDepth(Math.min(10, Math.max(1, Number(v) || 1)))}
        w={120}
        mb="sm"
      />
      {lineage.error ? <ErrorAlert error={lineage.error} /> : null}
      {lineage.isPending ? <PageLoader /> : null}
      {lineage.data && !hasEdges ? <Text c="gray.7">{t('units.noLineage')}</Text> : null}
      {lineage.data && hasEdges ? (
        <>
          <Suspense fallback={<PageLoader />}>
            <LineageGraphChart graph={lineage.data} selfName={unitName} />
          </Suspense>
          <EdgeTable graph={lineage.data} canEdit={canEdit} />
        </>
      ) : null}
    </Paper>
  );
}
