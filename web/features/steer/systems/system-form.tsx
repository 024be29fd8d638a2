import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { SystemUpdate, SystemView } from '../../../../core/contracts/steer-registers.js';
import {
  HOSTING_LABELS,
  HOSTINGS,
  NATIONAL_DATABASE_LABELS,
  NATIONAL_DATABASES,
  PURPOSE_CATEGORIES,
  PURPOSE_CATEGORY_LABELS,
  SYSTEM_SCOPE_LABELS,
  SYSTEM_SCOPES,
  SYSTEM_STATUS_LABELS,
  SYSTEM_STATUSES,
} from '../../../../core/steer/registers.js';
import { label, useRT } from '../products/registers-i18n.js';

// The fields of an information system, for registering, editing and confirming-with-changes. Controlled: the
// caller keeps the values, so nothing typed is lost when a dialog closes or a save is refused.

export type SystemDraft = SystemUpdate;

export const emptySystem = (): SystemDraft => ({
  name: '',
  purpose: '',
  purposeCategory: 'document_management',
  scope: 'unit',
  users: '',
  status: 'operating',
  investmentVnd: null,
  yearlyBudgetVnd: null,
  startDate: null,
  goLiveDate: null,
  retirementDate: null,
  hosting: 'provincial_dc',
  lgspIntegrated: false,
  nationalDbs: [],
  dataShared: null,
  dataConsumed: null,
  securityLevel: null,
  securityPlanApproved: false,
  securityDecisionNumber: null,
  securityDecisionDate: null,
  lastReviewDate: null,
  reviewFindings: null,
});

export function draftOf(v: SystemView): SystemDraft {
  const { id: _i, unitId: _u, unitName: _n, createdAt: _c, updatedAt: _up, can: _can, ...rest } = v;
  return rest;
}

export function SystemFields({
  value,
  onChange,
  errors,
}: {
  value: SystemDraft;
  onChange: (v: SystemDraft) => void;
  errors: Record<string, string>;
}) {
  const { t, locale } = useRT();
  const set = <K extends keyof SystemDraft>(k: K, v: SystemDraft[K]) => onChange({ ...value, [k]: v });
  const opts = (values: readonly string[], table: Readonly<Record<string, { vi: string; en: string }>>) =>
    values.map((v) => ({ value: v, label: label(table, v, locale) }));
  const date = (
    k: 'startDate' | 'goLiveDate' | 'retirementDate' | 'securityDecisionDate' | 'lastReviewDate',
    l: string,
  ) => (
    <TextInput
      type="date"
      label={l}
      value={value[k] ?? ''}
      onChange={(e) => set(k, e.currentTarget.value || null)}
      error={errors[k]}
    />
  );
  const text = (k: 'dataShared' | 'dataConsumed' | 'reviewFindings', l: string) => (
    <Textarea
      label={l}
      autosize
      minRows={2}
      value={value[k] ?? ''}
      onChange={(e) => set(k, e.currentTarget.value || null)}
      error={errors[k]}
    />
  );
  return (
    <Stack gap="sm">
      <TextInput
        label={t('r.name')}
        required
        value={value.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
      />
      <Textarea
        label={t('r.purpose')}
        required
        autosize
        minRows={2}
        value={value.purpose}
        onChange={(e) => set('purpose', e.currentTarget.value)}
        error={errors.purpose}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('r.purposeCategory')}
          data={opts(PURPOSE_CATEGORIES, PURPOSE_CATEGORY_LABELS)}
          value={value.purposeCategory}
          onChange={(v) => v && set('purposeCategory', v as SystemDraft['purposeCategory'])}
          allowDeselect={false}
          error={errors.purposeCategory}
        />
        <Select
          label={t('r.scope')}
          data={opts(SYSTEM_SCOPES, SYSTEM_SCOPE_LABELS)}
          value={value.scope}
          onChange={(v) => v && set('scope', v as SystemDraft['scope'])}
          allowDeselect={false}
        />
        <Select
          label={t('r.status')}
          data={opts(SYSTEM_STATUSES, SYSTEM_STATUS_LABELS)}
          value={value.status}
          onChange={(v) => v && set('status', v as SystemDraft['status'])}
          allowDeselect={false}
        />
      </SimpleGrid>
      <TextInput
        label={t('r.users')}
        required
        value={value.users}
        onChange={(e) => set('users', e.currentTarget.value)}
        error={errors.users}
      />
      <Title order={4}>{t('r.money')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('r.investment')}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          value={value.investmentVnd ?? ''}
          onChange={(v) => set('investmentVnd', v === '' ? null : Number(v))}
          error={errors.investmentVnd}
        />
        <NumberInput
          label={t('r.budget')}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          value={value.yearlyBudgetVnd ?? ''}
          onChange={(v) => set('yearlyBudgetVnd', v === '' ? null : Number(v))}
          error={errors.yearlyBudgetVnd}
        />
      </SimpleGrid>
      <Title order={4}>{t('r.dates')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {date('startDate', t('r.startDate'))}
        {date('goLiveDate', t('r.goLive'))}
        {date('retirementDate', t('r.retirement'))}
      </SimpleGrid>
      <Title order={4}>{t('r.integration')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('r.hosting')}
          data={opts(HOSTINGS, HOSTING_LABELS)}
          value={value.hosting}
          onChange={(v) => v && set('hosting', v as SystemDraft['hosting'])}
          allowDeselect={false}
        />
        <Checkbox
          mt="lg"
          label={t('r.lgsp')}
          checked={value.lgspIntegrated}
          onChange={(e) => set('lgspIntegrated', e.currentTarget.checked)}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('r.nationalDbs')}
        data={opts(NATIONAL_DATABASES, NATIONAL_DATABASE_LABELS)}
        value={value.nationalDbs}
        onChange={(v) => set('nationalDbs', v as SystemDraft['nationalDbs'])}
        error={errors.nationalDbs}
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('dataShared', t('r.dataShared'))}
        {text('dataConsumed', t('r.dataConsumed'))}
      </SimpleGrid>
      <Title order={4}>{t('r.security')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('r.securityLevel')}
          placeholder={t('r.noLevel')}
          clearable
          data={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: t('r.levelShort', { level: l }) }))}
          value={value.securityLevel ? String(value.securityLevel) : null}
          onChange={(v) => set('securityLevel', v ? Number(v) : null)}
          error={errors.securityLevel}
        />
        <Checkbox
          mt="lg"
          label={t('r.securityApproved')}
          checked={value.securityPlanApproved}
          onChange={(e) => set('securityPlanApproved', e.currentTarget.checked)}
        />
      </SimpleGrid>
      {value.securityPlanApproved ? (
        <Group grow>
          <TextInput
            label={t('r.decisionNumber')}
            value={value.securityDecisionNumber ?? ''}
            onChange={(e) => set('securityDecisionNumber', e.currentTarget.value || null)}
            error={errors.securityDecisionNumber}
          />
          {date('securityDecisionDate', t('r.decisionDate'))}
        </Group>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {date('lastReviewDate', t('r.lastReview'))}
        {text('reviewFindings', t('r.findings'))}
      </SimpleGrid>
    </Stack>
  );
}
