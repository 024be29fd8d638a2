import { Anchor, Grid, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate, todayInVietnam } from '../../lib/format.js';
import { UnitTree } from './unit-tree.js';
import { structureAt, type UnitFilter, useStructures, useUnitSearch } from './units-api.js';

function SearchResults({ q, filter }: { q: string; filter: UnitFilter }) {
  const { t } = useI18n();
  const search = useUnitSearch(q, filter);
  if (search.error) return <ErrorAlert error={search.error} />;
  if (!search.data) return null;
  return (
    <section aria-labelledby="unit-results-heading">
      <Title order={2} size="h4" id="unit-results-heading" mb="xs">
        {t('units.results')} · {t('common.total', { count: search.data.total })}
      </Title>
      {search.data.items.length === 0 ? <Text c="gray.7">{t('units.noResults')}</Text> : null}
      <ul data-testid="unit-search-results" style={{ paddingLeft: '1.2rem', margin: 0 }}>
        {search.data.items.map((u) => (
          <li key={u.id}>
            <Anchor component={Link} to={`/units/${u.id}`}>
              {u.type} {u.name}
            </Anchor>{' '}
            <Text span size="xs" c="gray.7">
              · {u.code} · {u.structureName}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function UnitsPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? todayInVietnam();
  const q = params.get('q') ?? '';
  const [debouncedQ] = useDebouncedValue(q, 300);
  const structures = useStructures();
  const items = structures.data?.items ?? [];
  const structureId = Number(params.get('structureId')) || structureAt(items, asOf)?.id;
  const filter = useMemo<UnitFilter>(() => ({ asOf, structureId }), [asOf, structureId]);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) v ? next.set(k, v) : next.delete(k);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    document.title = `${t('units.title')} – DXBoard`;
  }, [t]);
  return (
    <Stack>
      <Title order={1}>{t('units.title')}</Title>
      {structures.error ? <ErrorAlert error={structures.error} /> : null}
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t('units.asOf')}
          value={asOf}
          onChange={(e) => update({ asOf: e.currentTarget.value || null, structureId: null })}
          w={170}
        />
        <Select
          label={t('units.structure')}
          data={items.map((s) => ({
            value: String(s.id),
            label: `${s.name} (${formatDate(s.validFrom, locale)}–${s.validTo ? formatDate(s.validTo, locale) : t('units.validNow')})`,
          }))}
          value={structureId ? String(structureId) : null}
          onChange={(v) => update({ structureId: v })}
          allowDeselect={false}
          w={{ base: '100%', xs: 320 }}
        />
        <TextInput
          type="search"
          label={t('units.searchLabel')}
          placeholder={t('units.searchPlaceholder')}
          value={q}
          onChange={(e) => update({ q: e.currentTarget.value || null })}
          style={{ flex: 1, minWidth: 220 }}
          data-testid="unit-search"
        />
      </Group>
      <Grid>
        {debouncedQ.trim().length >= 2 ? (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md">
              <SearchResults q={debouncedQ} filter={filter} />
            </Paper>
          </Grid.Col>
        ) : null}
        <Grid.Col span={{ base: 12, md: debouncedQ.trim().length >= 2 ? 6 : 12 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('units.tree')}
            </Title>
            {structureId || structures.isSuccess ? (
              <UnitTree filter={filter} label={t('units.tree')} />
            ) : null}
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
