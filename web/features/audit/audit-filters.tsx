import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../core/i18n/audit-labels.js';
import { matchesFolded } from '../../../core/units/fold.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { UnitPicker } from '../units/unit-picker.js';
import { type AuditFilters, EMPTY_FILTERS, parseDayMonthYear } from './audit-query.js';

const WIDTH = { base: '100%', xs: 200 };

export function AuditFilterForm({ onApply }: { onApply: (f: AuditFilters) => void }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_FILTERS);
  const actions = useMemo(
    () =>
      Object.entries(AUDIT_ACTION_LABELS)
        .map(([value, words]) => ({ value, label: words[locale] }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [locale],
  );
  const entities = useMemo(
    () => Object.entries(AUDIT_ENTITY_LABELS).map(([value, words]) => ({ value, label: words[locale] })),
    [locale],
  );
  const badDay = (text: string) => (text && !parseDayMonthYear(text) ? t('audit.dayFormat') : null);
  const day = (key: 'from' | 'to', label: string) => (
    <TextInput
      label={label}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      value={draft[key]}
      error={badDay(draft[key])}
      onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
      w={{ base: '100%', xs: 150 }}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badDay(draft.from) && !badDay(draft.to)) onApply(draft);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('audit.filter')}>
      <Group align="flex-start" wrap="wrap" gap="sm">
        {/* The server folds the name, so "lanh dao" finds "Lãnh đạo"; readers without users.manage can use it. */}
        <TextInput
          type="search"
          label={t('audit.actor')}
          placeholder={t('audit.actorPlaceholder')}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
          w={WIDTH}
        />
        <div style={{ width: 'min(100%, 260px)' }}>
          <UnitPicker
            label={t('audit.unit')}
            value={draft.unit?.id ?? null}
            initialLabel={draft.unit?.name}
            onChange={(unit) => setDraft({ ...draft, unit })}
            testId="audit-unit"
          />
        </div>
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          searchable
          clearable
          data={actions}
          value={draft.action || null}
          onChange={(action) => setDraft({ ...draft, action: action ?? '' })}
          filter={({ options, search }) =>
            options.filter((o) => 'label' in o && matchesFolded(o.label, search))
          }
          w={WIDTH}
        />
        <Select
          label={t('audit.entity')}
          placeholder={t('audit.anyEntity')}
          clearable
          data={entities}
          value={draft.entity || null}
          onChange={(entity) => setDraft({ ...draft, entity: entity ?? '' })}
          w={WIDTH}
        />
        {day('from', t('audit.from'))}
        {day('to', t('audit.to'))}
        <TextInput
          type="search"
          label={t('audit.text')}
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          w={WIDTH}
        />
        <Group gap="sm" mt={{ base: 0, xs: 25 }}>
          <Button type="submit">{t('audit.filter')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY_FILTERS);
              onApply(EMPTY_FILTERS);
            }}
          >
            {t('audit.reset')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
