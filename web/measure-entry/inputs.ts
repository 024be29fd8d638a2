import type { Component, ComponentValue } from '../../core/contracts/measure-framework.js';
import { valueFields } from '../features/measure/framework-parts.js';
import { el } from '../lib/dom.js';
import { et, locale, mt, named } from './texts.js';

// The input of one component, chosen by its value type, as plain form controls. Each control reports the
// component's new value (null when emptied) through `onChange`; a number that does not parse reports nothing
// and says so under the field, so a half-typed "3," never becomes a wrong value.

export type InputProps = {
  component: Component;
  value: ComponentValue | null;
  disabled: boolean;
  /** The id of the element that carries the field's error message (described-by). */
  errorId: string;
  onChange: (value: ComponentValue | null) => void;
};

const fieldId = (code: string, part = '') => `f-${code.replace(/[^A-Za-z0-9_-]/g, '_')}${part}`;

/** A typed number in the reader's convention ("1.234,5" in Vietnamese, "1,234.5" in English); NaN if none. */
export function parseNumber(text: string, lang: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normal = lang === 'vi' ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

export function formatNumber(value: number | undefined, lang: string): string {
  if (value === undefined) return '';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 6 }).format(value);
}

function numberField(
  id: string,
  label: string,
  initial: number | undefined,
  props: InputProps,
  testId: string,
  onNumber: (n: number | null) => void,
  suffix?: string,
) {
  const lang = locale();
  const note = el('p', { class: 'field-note', id: `${id}-note`, hidden: '' });
  const input = el('input', {
    id,
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    'data-testid': testId,
    'aria-describedby': `${id}-note ${props.errorId}`,
  });
  input.value = formatNumber(initial, lang);
  input.disabled = props.disabled;
  input.addEventListener('input', () => {
    // "3," is a number being typed, not a mistake: wait for the next key.
    if (/[.,]$/.test(input.value.trim())) return;
    const n = parseNumber(input.value, lang);
    const bad = n !== null && Number.isNaN(n);
    note.textContent = bad ? et('e.notNumber') : '';
    note.hidden = !bad;
    input.toggleAttribute('aria-invalid', bad);
    if (!bad) onNumber(n);
  });
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    suffix ? el('div', { class: 'suffixed' }, input, el('span', { 'aria-hidden': 'true' }, suffix)) : input,
    note,
  );
}

export function componentInput(props: InputProps): HTMLElement {
  const { component: c, value } = props;
  const v = valueFields(value);
  const id = fieldId(c.code);
  switch (c.valueType) {
    case 'number':
    case 'percent': {
      // "Số liệu (cuộc họp)": the unit alone read as a label would say what to count, not that it is the value.
      const label = c.unitOfMeasure ? `${mt('m.input')} (${c.unitOfMeasure})` : mt('m.input');
      return numberField(
        id,
        label,
        v.number,
        props,
        `input-${c.code}`,
        (n) => props.onChange(n === null ? null : { number: n }),
        c.valueType === 'percent' ? '%' : undefined,
      );
    }
    case 'ratio': {
      let num = v.numerator ?? null;
      let den = v.denominator ?? null;
      const send = () =>
        props.onChange(num === null && den === null ? null : { numerator: num ?? 0, denominator: den ?? 0 });
      return el(
        'div',
        { class: 'pair' },
        numberField(id, mt('m.numerator'), v.numerator, props, `input-${c.code}-num`, (n) => {
          num = n;
          send();
        }),
        numberField(`${id}-den`, mt('m.denominator'), v.denominator, props, `input-${c.code}-den`, (n) => {
          den = n;
          send();
        }),
      );
    }
    case 'boolean': {
      const choices = [
        ['yes', mt('m.yes')],
        ['no', mt('m.no')],
      ] as const;
      return el(
        'fieldset',
        { class: 'segmented', 'data-testid': `input-${c.code}` },
        el('legend', { class: 'visually-hidden' }, named(c)),
        ...choices.map(([key, label]) => {
          const radio = el('input', { type: 'radio', name: id, id: `${id}-${key}`, value: key });
          radio.checked = v.bool === (key === 'yes');
          radio.disabled = props.disabled;
          radio.addEventListener('change', () => props.onChange({ bool: key === 'yes' }));
          return el('label', { for: `${id}-${key}` }, radio, el('span', {}, label));
        }),
      );
    }
    case 'choice': {
      const options = c.rule.kind === 'choice' ? c.rule.options : [];
      const select = el(
        'select',
        { id, 'data-testid': `input-${c.code}`, 'aria-describedby': props.errorId },
        el('option', { value: '' }, '—'),
        ...options.map((o) =>
          el('option', { value: o.value }, locale() === 'en' && o.labelEn ? o.labelEn : o.label),
        ),
      );
      select.value = v.choice ?? '';
      select.disabled = props.disabled;
      select.addEventListener('change', () => props.onChange(select.value ? { choice: select.value } : null));
      return el('div', { class: 'field' }, el('label', { for: id }, mt('m.choose')), select);
    }
    default: {
      // A date, or a document's number.
      const isDate = c.valueType === 'date';
      const input = el('input', {
        id,
        type: isDate ? 'date' : 'text',
        'data-testid': `input-${c.code}`,
        'aria-describedby': props.errorId,
      });
      input.value = (isDate ? v.date : v.documentRef) ?? '';
      input.disabled = props.disabled;
      input.addEventListener('input', () => {
        const text = input.value;
        props.onChange(text ? (isDate ? { date: text } : { documentRef: text }) : null);
      });
      return el(
        'div',
        { class: 'field' },
        el('label', { for: id }, isDate ? mt('m.docDate') : mt('m.docNumber')),
        input,
      );
    }
  }
}
