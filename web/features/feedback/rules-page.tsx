import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FeedbackCalendarDay, FeedbackRoutingRule } from '../../../core/contracts/feedback.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DateField } from '../../components/date-field.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatDate, todayInVietnam } from '../../lib/format.js';
import { UnitPicker } from '../units/unit-picker.js';
import { feedbackApi } from './feedback-api.js';
import { useFT } from './feedback-i18n.js';
import { FeedbackNav } from './queue-page.js';

// The province's rules for citizen reports: routing rules (category × area → handling unit; the nearest area
// wins, then the category's default unit, then the province's triage) and the working calendar deadlines count
// on (public holidays and swapped working days; Vietnam's 2025–2027 holidays shipped). Read by all staff,
// changed by the secretariat; removing asks for a confirmation.

const WEEKDAYS = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export function FeedbackRulesPage() {
  const t = useFT();
  return (
    <Stack>
      <Title order={1}>{t('f.rules')}</Title>
      <FeedbackNav />
      <RoutingRules />
      <Calendar />
    </Stack>
  );
}

function RoutingRules() {
  const t = useFT();
  const { locale } = useI18n();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['feedback', 'routing-rules'], queryFn: feedbackApi.routingRules });
  const categories = useQuery({ queryKey: ['feedback', 'categories'], queryFn: feedbackApi.categories });
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [area, setArea] = useState<{ id: number; name: string } | null>(null);
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(null);
  const [removing, setRemoving] = useState<FeedbackRoutingRule | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['feedback', 'routing-rules'] });
  const add = useMutation({
    mutationFn: () =>
      feedbackApi.createRoutingRule({
        categoryId: Number(categoryId),
        areaUnitId: area?.id ?? 0,
        unitId: unit?.id ?? 0,
      }),
    onSuccess: () => {
      setArea(null);
      setUnit(null);
      notify(t('f.done'));
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => feedbackApi.deleteRoutingRule(id),
    onSuccess: () => {
      setRemoving(null);
      notify(t('f.done'));
      void refresh();
    },
  });
  if (rules.isLoading) return <PageLoader />;
  return (
    <Stack gap="sm">
      <Title order={2}>{t('f.routingRules')}</Title>
      <Text size="sm" c="dimmed">
        {t('f.routingHelp')}
      </Text>
      {rules.error ? <ErrorAlert error={rules.error} /> : null}
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="routing-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('f.category')}</Table.Th>
              <Table.Th>{t('f.ruleArea')}</Table.Th>
              <Table.Th>{t('f.unit')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rules.data?.items ?? []).length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>{t('f.noRules')}</Table.Td>
              </Table.Tr>
            ) : null}
            {(rules.data?.items ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.categoryName}</Table.Td>
                <Table.Td>{r.areaName}</Table.Td>
                <Table.Td>{r.unitName}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red.9" onClick={() => setRemoving(r)}>
                    {t('f.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {add.error ? <ErrorAlert error={add.error} /> : null}
      <Group align="flex-end" wrap="wrap" grow>
        <Select
          label={t('f.category')}
          value={categoryId}
          onChange={setCategoryId}
          data={(categories.data?.items ?? []).map((c) => ({
            value: String(c.id),
            label: locale === 'vi' ? c.nameVi : c.nameEn,
          }))}
        />
        <UnitPicker label={t('f.ruleArea')} value={area?.id ?? null} onChange={setArea} testId="rule-area" />
        <UnitPicker label={t('f.unit')} value={unit?.id ?? null} onChange={setUnit} testId="rule-unit" />
      </Group>
      <Group>
        <Button disabled={!categoryId || !area || !unit} loading={add.isPending} onClick={() => add.mutate()}>
          {t('f.addRule')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={removing !== null}
        title={t('f.removeRule')}
        confirmLabel={t('f.remove')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(null)}
      >
        <Text>
          {removing
            ? t('f.removeRuleText', {
                category: removing.categoryName,
                area: removing.areaName,
                unit: removing.unitName,
              })
            : ''}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

function Calendar() {
  const t = useFT();
  const { locale } = useI18n();
  const client = useQueryClient();
  const [year, setYear] = useState(todayInVietnam().slice(0, 4));
  const calendar = useQuery({
    queryKey: ['feedback', 'calendar', year],
    queryFn: () => feedbackApi.calendar(Number(year)),
  });
  const [day, setDay] = useState<string | null>('');
  const [kind, setKind] = useState<string | null>('holiday');
  const [name, setName] = useState('');
  const [removing, setRemoving] = useState<FeedbackCalendarDay | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['feedback', 'calendar'] });
  const save = useMutation({
    mutationFn: () =>
      feedbackApi.setCalendarDay(day ?? '', {
        kind: kind === 'working_day' ? 'working_day' : 'holiday',
        name,
      }),
    onSuccess: (d) => {
      setDay('');
      setName('');
      notify(t('f.done'));
      if (d.day.slice(0, 4) !== year) setYear(d.day.slice(0, 4));
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (d: string) => feedbackApi.deleteCalendarDay(d),
    onSuccess: () => {
      setRemoving(null);
      notify(t('f.done'));
      void refresh();
    },
  });
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const weekday = (iso: string) => WEEKDAYS[locale][new Date(`${iso}T00:00:00Z`).getUTCDay()];
  return (
    <Stack gap="sm">
      <Title order={2}>{t('f.calendar')}</Title>
      <Text size="sm" c="dimmed">
        {t('f.calendarHelp')}
      </Text>
      <Group>
        <Select
          label={t('f.year')}
          value={year}
          onChange={(v) => v && setYear(v)}
          data={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String)}
          w={140}
          allowDeselect={false}
        />
      </Group>
      {calendar.error ? <ErrorAlert error={calendar.error} /> : null}
      <Table.ScrollContainer minWidth={480}>
        <Table striped data-testid="calendar-days">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('f.day')}</Table.Th>
              <Table.Th>{t('f.dayKind')}</Table.Th>
              <Table.Th>{t('f.dayName')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(calendar.data?.items ?? []).length === 0 && !calendar.isLoading ? (
              <Table.Tr>
                <Table.Td colSpan={4}>{t('f.noDays')}</Table.Td>
              </Table.Tr>
            ) : null}
            {(calendar.data?.items ?? []).map((d) => (
              <Table.Tr key={d.day}>
                <Table.Td>
                  {weekday(d.day)}, {formatDate(d.day, locale)}
                </Table.Td>
                <Table.Td>{t(d.kind === 'holiday' ? 'f.holiday' : 'f.workingDay')}</Table.Td>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red.9" onClick={() => setRemoving(d)}>
                    {t('f.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Group align="flex-end" wrap="wrap" grow>
        <DateField label={t('f.day')} value={day ?? ''} onChange={setDay} testId="calendar-day" />
        <Select
          label={t('f.dayKind')}
          value={kind}
          onChange={setKind}
          allowDeselect={false}
          data={[
            { value: 'holiday', label: t('f.holiday') },
            { value: 'working_day', label: t('f.workingDay') },
          ]}
        />
        <TextInput label={t('f.dayName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </Group>
      <Group>
        <Button disabled={!day || !name.trim()} loading={save.isPending} onClick={() => save.mutate()}>
          {t('f.saveDay')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={removing !== null}
        title={t('f.removeDay')}
        confirmLabel={t('f.remove')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.day)}
        onClose={() => setRemoving(null)}
      >
        <Text>
          {removing
            ? t('f.removeDayText', { day: formatDate(removing.day, locale), name: removing.name })
            : ''}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
