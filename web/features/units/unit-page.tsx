import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { UnitDetail } from '../../../core/contracts/units.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { LineageSection } from './lineage-section.js';
import { HeadcountsModal, LineageModal, UnitFormModal } from './unit-edit-forms.js';
import { useLineage, useUnit, useUnitChildren } from './units-api.js';
import { useUeT } from './units-edit-i18n.js';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}

function UnitFacts({ unit }: { unit: UnitDetail }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="details-heading">
      <Title order={2} size="h4" id="details-heading" mb="sm">
        {t('units.details')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <Field label={t('units.code')} value={unit.code} />
        <Field label={t('units.type')} value={unit.type} />
        <Field label={t('units.level')} value={String(unit.level)} />
        <Field label={t('units.structure')} value={unit.structureName} />
        <Field label={t('units.validFrom')} value={formatDate(unit.validFrom, locale)} />
        <Field
          label={t('units.validTo')}
          value={unit.validTo ? formatDate(unit.validTo, locale) : t('units.validNow')}
        />
      </SimpleGrid>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('units.headcounts')}
      </Title>
      {unit.headcounts.length === 0 ? (
        <Text c="gray.7">{t('common.none')}</Text>
      ) : (
        <Table>
          <TableHeader
            columns={[t('units.metric'), t('units.asOf'), { label: t('units.value'), numeric: true }]}
          />
          <Table.Tbody>
            {unit.headcounts.map((h) => (
              <Table.Tr key={`${h.metric}-${h.asOf}`}>
                <Table.Td>
                  {h.metric === 'population' ? t('units.population') : t('units.officials')}
                </Table.Td>
                <Table.Td>{formatDate(h.asOf, locale)}</Table.Td>
                <Table.Td ta="right">{formatNumber(h.value, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Children({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  const children = useUnitChildren(unit.id, {}, unit.childCount > 0);
  if (unit.childCount === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="children-heading">
      <Title order={2} size="h4" id="children-heading" mb="xs">
        {t('units.children')} ({unit.childCount})
      </Title>
      {children.error ? <ErrorAlert error={children.error} /> : null}
      <Group gap="xs">
        {children.data?.items.map((c) => (
          <Anchor key={c.id} component={Link} to={`/units/${c.id}`} size="sm">
            {c.type} {c.name}
          </Anchor>
        ))}
      </Group>
    </Paper>
  );
}

type Editing = 'child' | 'edit' | 'headcounts' | 'lineage' | null;

/** The buttons the server allows on this unit (allowedActions), each opening its form. */
function UnitActions({ unit }: { unit: UnitDetail }) {
  const t = useUeT();
  const [editing, setEditing] = useState<Editing>(null);
  const lineage = useLineage(unit.id, 2);
  const can = (a: UnitDetail['allowedActions'][number]) => unit.allowedActions.includes(a);
  const close = () => setEditing(null);
  if (!['addChild', 'edit', 'editHeadcounts', 'editLineage'].some((a) => can(a as never))) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {can('edit') ? (
        <Button variant="light" onClick={() => setEditing('edit')} data-testid="unit-edit">
          {t('ue.edit')}
        </Button>
      ) : null}
      {can('addChild') ? (
        <Button variant="light" onClick={() => setEditing('child')} data-testid="unit-add-child">
          {t('ue.addChild')}
        </Button>
      ) : null}
      {can('editHeadcounts') ? (
        <Button variant="light" onClick={() => setEditing('headcounts')} data-testid="unit-headcounts">
          {t('ue.headcounts')}
        </Button>
      ) : null}
      {can('editLineage') ? (
        <Button variant="light" onClick={() => setEditing('lineage')} data-testid="unit-lineage">
          {t('ue.lineage')}
        </Button>
      ) : null}
      {editing === 'edit' ? <UnitFormModal opened onClose={close} unit={unit} /> : null}
      {editing === 'child' ? <UnitFormModal opened onClose={close} parent={unit} /> : null}
      {editing === 'headcounts' ? <HeadcountsModal opened onClose={close} unit={unit} /> : null}
      {editing === 'lineage' ? (
        <LineageModal opened onClose={close} unit={unit} graph={lineage.data} />
      ) : null}
    </Group>
  );
}

export function UnitPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const unit = useUnit(id);
  useEffect(() => {
    if (unit.data) document.title = `${unit.data.type} ${unit.data.name} – DXBoard`;
  }, [unit.data]);
  if (unit.isPending) return <PageLoader />;
  if (unit.error) return <ErrorAlert error={unit.error} />;
  const u = unit.data;
  return (
    <Stack>
      <Breadcrumbs separator="›" aria-label={t('units.ancestors')}>
        <Anchor component={Link} to="/units">
          {t('units.title')}
        </Anchor>
        {u.ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={`/units/${a.id}`}>
            {a.type} {a.name}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={1}>
          {u.type} {u.name}
        </Title>
        {u.validTo ? (
          <Badge color="gray">{`${t('units.validTo')} ${formatDate(u.validTo, locale)}`}</Badge>
        ) : null}
      </Group>
      <UnitActions unit={u} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <UnitFacts unit={u} />
            <Children unit={u} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <LineageSection
            unitId={u.id}
            unitName={`${u.type} ${u.name}`}
            canEdit={u.allowedActions.includes('editLineage')}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
