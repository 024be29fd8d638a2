import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.js';
import { todayInVietnam } from '../../lib/format.js';
import { useUnitSearch } from './units-api.js';

type Props = {
  label: string;
  value: number | null;
  onChange: (unit: { id: number; name: string } | null) => void;
  error?: string;
  initialLabel?: string;
  testId?: string;
};

/** Picks a unit by typing part of its name (accents optional); the server folds diacritics. */
export function UnitPicker({ label, value, onChange, error, initialLabel, testId }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [selectedLabel, setSelectedLabel] = useState(initialLabel ?? '');
  const results = useUnitSearch(debounced, { asOf: todayInVietnam() }, 15);
  const options = (results.data?.items ?? []).map((u) => ({
    value: String(u.id),
    label: `${u.type} ${u.name} (${u.code})`,
  }));
  if (value && !options.some((o) => o.value === String(value))) {
    options.unshift({ value: String(value), label: selectedLabel || String(value) });
  }
  return (
    <Select
      label={label}
      placeholder={t('users.unitPlaceholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      data={options}
      value={value ? String(value) : null}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the text (without diacritics); do not filter again here.
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.trim().length >= 2 ? t('units.noResults') : undefined}
      onChange={(v, option) => {
        setSelectedLabel(option?.label ?? '');
        onChange(v ? { id: Number(v), name: option?.label ?? '' } : null);
      }}
      error={error}
      data-testid={testId}
    />
  );
}
