import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MEETING_KINDS, type MeetingKind } from '../../../../core/contracts/steer-meetings.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { todayInVietnam } from '../../../lib/format.js';
import { UnitPicker } from '../../units/unit-picker.js';
import { type MeetingDetail, meetingKey, meetingsApi } from './meetings-api.js';
import { useMtT } from './meetings-i18n.js';

// Adding or editing a meeting: its details, attendees by unit and agenda. What was typed stays in the form when
// the server refuses it (the errors show beside the fields).

type Attendee = { unitId: number | null; unitName: string; representative: string };
type AgendaItem = { title: string; presenterUnitId: number | null; presenterUnitName: string };

export function MeetingForm({
  committees,
  meeting,
  onDone,
}: {
  /** Units the caller manages (for a new meeting). */
  committees: { unitId: number; unitName: string }[];
  meeting?: MeetingDetail;
  onDone: (detail: MeetingDetail) => void;
}) {
  const t = useMtT();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    unitId: (meeting?.unitId ?? committees[0]?.unitId ?? null) as number | null,
    title: meeting?.title ?? '',
    kind: (meeting?.kind ?? 'regular_quarterly') as MeetingKind,
    date: meeting?.date ?? todayInVietnam(),
    time: meeting?.time ?? '08:00',
    location: meeting?.location ?? '',
    chairName: meeting?.chairName ?? '',
    chairTitle: meeting?.chairTitle ?? '',
  });
  const [attendees, setAttendees] = useState<Attendee[]>(
    meeting?.attendees.map((a) => ({ ...a, representative: a.representative ?? '' })) ?? [],
  );
  const [agenda, setAgenda] = useState<AgendaItem[]>(
    meeting?.agenda.map((a) => ({
      title: a.title,
      presenterUnitId: a.presenterUnitId,
      presenterUnitName: a.presenterUnitName ?? '',
    })) ?? [],
  );
  const mutation = useMutation({
    mutationFn: () => {
      const body = {
        title: form.title,
        kind: form.kind,
        date: form.date,
        time: form.time,
        location: form.location || null,
        chairName: form.chairName,
        chairTitle: form.chairTitle || null,
        attendees: attendees
          .filter((a) => a.unitId !== null)
          .map((a) => ({ unitId: a.unitId as number, representative: a.representative || null })),
        agenda: agenda
          .filter((a) => a.title.trim())
          .map((a) => ({ title: a.title, presenterUnitId: a.presenterUnitId })),
      };
      return meeting
        ? meetingsApi.update(meeting.id, body)
        : meetingsApi.create({ ...body, unitId: form.unitId ?? 0 });
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(meetingKey(detail.id), detail);
      queryClient.invalidateQueries({ queryKey: ['steer', 'meetings', 'list'] });
      onDone(detail);
    },
  });
  const { errors, touch } = useFieldErrors(mutation.error);
  const set = (key: keyof typeof form) => (value: string | null) => {
    touch(key);
    setForm((f) => ({ ...f, [key]: value ?? '' }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={mutation.error} />
        {!meeting && committees.length > 1 ? (
          <Select
            label={t('mt.committee')}
            data={committees.map((c) => ({ value: String(c.unitId), label: c.unitName }))}
            value={form.unitId ? String(form.unitId) : null}
            onChange={(v) => setForm((f) => ({ ...f, unitId: v ? Number(v) : null }))}
            error={errors.unitId}
            allowDeselect={false}
          />
        ) : null}
        <TextInput
          label={t('mt.meetingTitle')}
          required
          value={form.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('mt.kind')}
            data={MEETING_KINDS.map((k) => ({ value: k, label: t(`mt.kind.${k}`) }))}
            value={form.kind}
            onChange={(v) => setForm((f) => ({ ...f, kind: (v ?? f.kind) as MeetingKind }))}
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={t('mt.date')}
            required
            value={form.date}
            onChange={(e) => set('date')(e.currentTarget.value)}
            error={errors.date}
          />
          <TextInput
            type="time"
            label={t('mt.time')}
            required
            value={form.time}
            onChange={(e) => set('time')(e.currentTarget.value)}
            error={errors.time}
          />
        </SimpleGrid>
        <TextInput
          label={t('mt.location')}
          value={form.location}
          onChange={(e) => set('location')(e.currentTarget.value)}
          error={errors.location}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('mt.chairName')}
            required
            value={form.chairName}
            onChange={(e) => set('chairName')(e.currentTarget.value)}
            error={errors.chairName}
          />
          <TextInput
            label={t('mt.chairTitle')}
            value={form.chairTitle}
            onChange={(e) => set('chairTitle')(e.currentTarget.value)}
            error={errors.chairTitle}
          />
        </SimpleGrid>

        <Text fw={600}>{t('mt.attendees')}</Text>
        {attendees.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
          <Group key={i} align="flex-end" wrap="nowrap">
            <div style={{ flex: 2 }}>
              <UnitPicker
                label={t('mt.unit')}
                value={a.unitId}
                initialLabel={a.unitName}
                onChange={(u) =>
                  setAttendees((rows) =>
                    rows.map((r, j) =>
                      j === i ? { ...r, unitId: u?.id ?? null, unitName: u?.name ?? '' } : r,
                    ),
                  )
                }
                error={errors[`attendees.${i}.unitId`]}
              />
            </div>
            <TextInput
              style={{ flex: 1 }}
              label={t('mt.representative')}
              value={a.representative}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setAttendees((rows) => rows.map((r, j) => (j === i ? { ...r, representative: value } : r)));
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('mt.remove')}
              onClick={() => setAttendees((rows) => rows.filter((_, j) => j !== i))}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            setAttendees((rows) => [...rows, { unitId: null, unitName: '', representative: '' }])
          }
        >
          {t('mt.addAttendee')}
        </Button>

        <Text fw={600}>{t('mt.agenda')}</Text>
        {agenda.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 2 }}
              label={`${t('mt.agendaItem')} ${i + 1}`}
              value={a.title}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setAgenda((rows) => rows.map((r, j) => (j === i ? { ...r, title: value } : r)));
              }}
              error={errors[`agenda.${i}.title`]}
            />
            <div style={{ flex: 1 }}>
              <UnitPicker
                label={t('mt.presenter')}
                value={a.presenterUnitId}
                initialLabel={a.presenterUnitName}
                onChange={(u) =>
                  setAgenda((rows) =>
                    rows.map((r, j) =>
                      j === i
                        ? { ...r, presenterUnitId: u?.id ?? null, presenterUnitName: u?.name ?? '' }
                        : r,
                    ),
                  )
                }
                error={errors[`agenda.${i}.presenterUnitId`]}
              />
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('mt.remove')}
              onClick={() => setAgenda((rows) => rows.filter((_, j) => j !== i))}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            setAgenda((rows) => [...rows, { title: '', presenterUnitId: null, presenterUnitName: '' }])
          }
        >
          {t('mt.addAgenda')}
        </Button>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('mt.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
