import { Button, Checkbox, Group, NumberInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FeedbackCategory, FeedbackCategoryInput } from '../../../core/contracts/feedback.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { UnitPicker } from '../units/unit-picker.js';
import { feedbackApi } from './feedback-api.js';
import { useFT } from './feedback-i18n.js';
import { FeedbackNav } from './queue-page.js';

// Categories (lĩnh vực) of citizen reports: answer deadline, photo rule, default handling unit, taking reports.

const empty: FeedbackCategoryInput = {
  code: '',
  nameVi: '',
  nameEn: '',
  deadlineAmount: 10,
  deadlineKind: 'working_days',
  photoRequired: false,
  receiveHours: 8,
  defaultUnitId: null,
  active: true,
};

export function FeedbackCategoriesPage() {
  const t = useFT();
  const { locale } = useI18n();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['feedback', 'categories'], queryFn: feedbackApi.categories });
  const [editing, setEditing] = useState<{
    id: number | null;
    draft: FeedbackCategoryInput;
    unitName: string;
  } | null>(null);
  const save = useMutation({
    mutationFn: () =>
      editing?.id
        ? feedbackApi.updateCategory(editing.id, editing.draft)
        : feedbackApi.createCategory(editing?.draft ?? empty),
    onSuccess: () => {
      setEditing(null);
      notify(t('f.done'));
      void client.invalidateQueries({ queryKey: ['feedback', 'categories'] });
    },
  });
  const edit = (c: FeedbackCategory) =>
    setEditing({
      id: c.id,
      unitName: c.defaultUnitName ?? '',
      draft: {
        code: c.code,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        deadlineAmount: c.deadlineAmount,
        deadlineKind: c.deadlineKind,
        photoRequired: c.photoRequired,
        receiveHours: c.receiveHours,
        defaultUnitId: c.defaultUnitId,
        active: c.active,
      },
    });
  const set = (patch: Partial<FeedbackCategoryInput>) =>
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, ...patch } } : e));
  if (list.isLoading) return <PageLoader />;
  return (
    <Stack>
      <Title order={1}>{t('f.categories')}</Title>
      <FeedbackNav />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Group>
        <Button onClick={() => setEditing({ id: null, draft: empty, unitName: '' })}>
          {t('f.newCategory')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('f.code')}</Table.Th>
              <Table.Th>{t('f.category')}</Table.Th>
              <Table.Th>{t('f.receiveHours')}</Table.Th>
              <Table.Th>{t('f.deadlineAmount')}</Table.Th>
              <Table.Th>{t('f.photoRequired')}</Table.Th>
              <Table.Th>{t('f.unit')}</Table.Th>
              <Table.Th>{t('f.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.code}</Table.Td>
                <Table.Td>{locale === 'vi' ? c.nameVi : c.nameEn}</Table.Td>
                <Table.Td>{c.receiveHours}</Table.Td>
                <Table.Td>
                  {c.deadlineAmount} {t(c.deadlineKind === 'working_days' ? 'f.workingDays' : 'f.days2')}
                </Table.Td>
                <Table.Td>{t(c.photoRequired ? 'f.yes' : 'f.no')}</Table.Td>
                <Table.Td>{c.defaultUnitName ?? '—'}</Table.Td>
                <Table.Td>{t(c.active ? 'f.yes' : 'f.no')}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => edit(c)}>
                    {t('f.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing?.id ? 'f.edit' : 'f.newCategory')}
      >
        {editing ? (
          <Stack>
            {save.error ? <ErrorAlert error={save.error} /> : null}
            <TextInput
              label={t('f.code')}
              value={editing.draft.code}
              onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
            />
            <TextInput
              label={t('f.nameVi')}
              value={editing.draft.nameVi}
              onChange={(e) => set({ nameVi: e.currentTarget.value })}
            />
            <TextInput
              label={t('f.nameEn')}
              value={editing.draft.nameEn}
              onChange={(e) => set({ nameEn: e.currentTarget.value })}
            />
            <Group grow>
              <NumberInput
                label={t('f.deadlineAmount')}
                min={1}
                max={90}
                value={editing.draft.deadlineAmount}
                onChange={(v) => set({ deadlineAmount: Number(v) || 1 })}
              />
              <Select
                label={t('f.deadlineKind')}
                value={editing.draft.deadlineKind}
                onChange={(v) => set({ deadlineKind: v === 'days' ? 'days' : 'working_days' })}
                data={[
                  { value: 'working_days', label: t('f.workingDays') },
                  { value: 'days', label: t('f.days2') },
                ]}
              />
            </Group>
            <NumberInput
              label={t('f.receiveHours')}
              min={1}
              max={80}
              value={editing.draft.receiveHours}
              onChange={(v) => set({ receiveHours: Number(v) || 8 })}
            />
            <UnitPicker
              label={t('f.defaultUnit')}
              value={editing.draft.defaultUnitId}
              initialLabel={editing.unitName}
              onChange={(u) => set({ defaultUnitId: u?.id ?? null })}
            />
            <Checkbox
              label={t('f.photoRequired')}
              checked={editing.draft.photoRequired}
              onChange={(e) => set({ photoRequired: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('f.active')}
              checked={editing.draft.active}
              onChange={(e) => set({ active: e.currentTarget.checked })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('f.cancel')}
              </Button>
              <Button loading={save.isPending} onClick={() => save.mutate()}>
                {t('f.save')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </AppModal>
    </Stack>
  );
}
