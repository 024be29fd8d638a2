import { Group, NumberInput, SegmentedControl, Select, TextInput } from '@mantine/core';
import type { Component, ComponentValue } from '../../../core/contracts/measure-framework.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { valueFields } from './framework-parts.js';
import { useMT } from './measure-i18n.js';

type Props = {
  component: Component;
  value: ComponentValue | null;
  onChange: (value: ComponentValue | null) => void;
  /** A message, or true to mark the input invalid while the reason is shown elsewhere (a broken rule). */
  error?: string | boolean;
  disabled?: boolean;
};

const num = (v: string | number) => (v === '' || v === null ? null : Number(v));

/** The input for one component, chosen by its value type; empty input clears the value. */
export function ComponentInput({ component, value, onChange, error, disabled }: Props) {
  const t = useMT();
  const { locale } = useI18n();
  // "Số liệu (cuộc họp)": the unit alone ("cuộc họp") read as a label says what to count, not that it is the value.
  const label = component.unitOfMeasure ? `${t('m.input')} (${component.unitOfMeasure})` : t('m.input');
  const thousands = locale === 'vi' ? '.' : ',';
  const decimal = locale === 'vi' ? ',' : '.';
  const numberProps = { thousandSeparator: thousands, decimalSeparator: decimal, disabled, error };
  const v = valueFields(value);
  switch (component.valueType) {
    case 'number':
    case 'percent': {
      const current = v.number ?? '';
      return (
        <NumberInput
          {...numberProps}
          label={label}
          suffix={component.valueType === 'percent' ? ' %' : undefined}
          value={current}
          onChange={(x) => {
            const n = num(x);
            onChange(n === null ? null : { number: n });
          }}
          data-testid={`input-${component.code}`}
        />
      );
    }
    case 'ratio': {
      const a = v.numerator ?? '';
      const b = v.denominator ?? '';
      const set = (na: number | null, nb: number | null) =>
        onChange(na === null && nb === null ? null : { numerator: na ?? 0, denominator: nb ?? 0 });
      return (
        <Group grow align="flex-start">
          <NumberInput
            {...numberProps}
            label={t('m.numerator')}
            value={a}
            min={0}
            onChange={(x) => set(num(x), b === '' ? null : Number(b))}
            data-testid={`input-${component.code}-num`}
          />
          <NumberInput
            {...numberProps}
            error={undefined}
            label={t('m.denominator')}
            value={b}
            min={0}
            onChange={(x) => set(a === '' ? null : Number(a), num(x))}
            data-testid={`input-${component.code}-den`}
          />
        </Group>
      );
    }
    case 'boolean': {
      const current = v.bool === undefined ? '' : v.bool ? 'yes' : 'no';
      return (
        <SegmentedControl
          aria-label={component.name}
          disabled={disabled}
          data={[
            { value: 'yes', label: t('m.yes') },
            { value: 'no', label: t('m.no') },
          ]}
          value={current}
          onChange={(x) => onChange({ bool: x === 'yes' })}
          data-testid={`input-${component.code}`}
        />
      );
    }
    case 'choice': {
      const options = component.rule.kind === 'choice' ? component.rule.options : [];
      return (
        <Select
          label={t('m.choose')}
          disabled={disabled}
          error={error}
          clearable
          data={options.map((o) => ({
            value: o.value,
            label: locale === 'en' && o.labelEn ? o.labelEn : o.label,
          }))}
          value={v.choice ?? null}
          onChange={(x) => onChange(x ? { choice: x } : null)}
          data-testid={`input-${component.code}`}
        />
      );
    }
    case 'date':
      return (
        <TextInput
          type="date"
          label={t('m.docDate')}
          disabled={disabled}
          error={error}
          value={v.date ?? ''}
          onChange={(e) => onChange(e.currentTarget.value ? { date: e.currentTarget.value } : null)}
          data-testid={`input-${component.code}`}
        />
      );
    default:
      return (
        <TextInput
          label={t('m.docNumber')}
          disabled={disabled}
          error={error}
          value={v.documentRef ?? ''}
          onChange={(e) => onChange(e.currentTarget.value ? { documentRef: e.currentTarget.value } : null)}
          data-testid={`input-${component.code}`}
        />
      );
  }
}
