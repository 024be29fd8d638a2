import {
  Alert,
  Button,
  Chip,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  type ActivityKind,
  SKILL_LABELS,
  SKILLS,
  type Skill,
} from '../../../core/community/community.js';
import type { ActivityInput, TeamView } from '../../../core/contracts/community.js';
import { notify } from '../../components/notify.js';
import { ApiError } from '../../lib/api-client.js';
import { todayInVietnam } from '../../lib/format.js';
import { communityApi } from './community-api.js';
import { useCT } from './community-i18n.js';
import {
  DRAFT_KEY,
  enqueue,
  flushQueue,
  type QueuedActivity,
  readQueue,
  removeFromQueue,
  type SendResult,
} from './offline-queue.js';

// "Log an activity" on a phone in a minute, offline-tolerant: the draft is kept in localStorage as it is typed;
// on send the entry is queued first, then sent; without a connection it waits and goes when the browser is
// online again. A refusal keeps the entry with its message.

type Draft = {
  teamId: string | null;
  activityDate: string;
  place: string;
  kind: ActivityKind;
  skills: Skill[];
  peopleReached: number | string;
  householdsReached: number | string;
  note: string;
};

const emptyDraft = (teamId: string | null): Draft => ({
  teamId,
  activityDate: todayInVietnam(),
  place: '',
  kind: 'home',
  skills: [],
  peopleReached: '',
  householdsReached: '',
  note: '',
});

function loadDraft(teamId: string | null): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Draft | null;
    return saved ? { ...emptyDraft(teamId), ...saved } : emptyDraft(teamId);
  } catch {
    return emptyDraft(teamId);
  }
}

async function send(input: ActivityInput): Promise<SendResult> {
  try {
    await communityApi.logActivity(input);
    return { ok: true };
  } catch (err) {
    if (err instanceof ApiError && err.problem.status >= 400 && err.problem.status < 500) {
      const field = err.problem.errors?.[0]?.message;
      return { ok: false, offline: false, message: field ?? err.problem.detail ?? err.problem.title };
    }
    return { ok: false, offline: true };
  }
}

export function ActivityForm({ teams }: { teams: TeamView[] }) {
  const { t, label } = useCT();
  const qc = useQueryClient();
  const manageable = teams.filter((tm) => tm.can.manage && tm.status !== 'dissolved');
  const [draft, setDraft] = useState<Draft>(() => loadDraft(manageable[0] ? String(manageable[0].id) : null));
  const [queue, setQueue] = useState<QueuedActivity[]>(() => readQueue(localStorage));
  const [online, setOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  }, [draft]);

  const flush = useCallback(async () => {
    const result = await flushQueue(localStorage, send);
    setQueue(readQueue(localStorage));
    if (result.sent) {
      notify(t('saved'));
      await qc.invalidateQueries({ queryKey: ['community'] });
    }
  }, [qc, t]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (navigator.onLine) void flush();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [flush]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const ready =
    draft.teamId &&
    draft.place.trim() &&
    draft.skills.length > 0 &&
    draft.peopleReached !== '' &&
    draft.activityDate;

  async function submit() {
    if (!ready) return;
    enqueue(localStorage, {
      teamId: Number(draft.teamId),
      activityDate: draft.activityDate,
      place: draft.place.trim(),
      kind: draft.kind,
      skills: draft.skills,
      peopleReached: Number(draft.peopleReached),
      householdsReached: Number(draft.householdsReached || 0),
      note: draft.note.trim() || null,
      photoFileIds: [],
      clientKey: null,
    });
    setDraft({ ...emptyDraft(draft.teamId), activityDate: draft.activityDate, kind: draft.kind });
    setQueue(readQueue(localStorage));
    if (navigator.onLine) await flush();
    else notify(t('queued'), 'blue');
  }

  return (
    <Stack gap="sm" maw={520} data-testid="activity-form">
      {!online && <Alert color="orange">{t('offline')}</Alert>}
      {queue.length > 0 && (
        <Alert color={queue.some((q) => q.error) ? 'red' : 'blue'} data-testid="activity-queue">
          <Stack gap={4}>
            {queue.some((q) => !q.error) && (
              <Text size="sm">{t('waiting', { n: queue.filter((q) => !q.error).length })}</Text>
            )}
            {queue
              .filter((q) => q.error)
              .map((q) => (
                <Group key={q.key} justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
                    {q.input.place} ({q.input.activityDate}): {t('refused', { msg: q.error ?? '' })}
                  </Text>
                  <Button
                    size="xs"
                    variant="light"
                    // Never squeezed to a letter by a long refusal message on a 360 px phone.
                    style={{ flexShrink: 0 }}
                    onClick={() => {
                      setDraft({
                        teamId: String(q.input.teamId),
                        activityDate: q.input.activityDate,
                        place: q.input.place,
                        kind: q.input.kind,
                        skills: q.input.skills,
                        peopleReached: q.input.peopleReached,
                        householdsReached: q.input.householdsReached,
                        note: q.input.note ?? '',
                      });
                      removeFromQueue(localStorage, q.key);
                      setQueue(readQueue(localStorage));
                    }}
                  >
                    {t('discard')}
                  </Button>
                </Group>
              ))}
            {online && queue.some((q) => !q.error) && (
              <Button size="xs" variant="light" onClick={() => void flush()}>
                {t('retry')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <Select
        label={t('team')}
        data={manageable.map((tm) => ({ value: String(tm.id), label: `${tm.name} (${tm.communeName})` }))}
        value={draft.teamId}
        onChange={(v) => set('teamId', v)}
        searchable
        size="md"
      />
      <TextInput
        type="date"
        label={t('date')}
        value={draft.activityDate}
        max={todayInVietnam()}
        onChange={(e) => set('activityDate', e.currentTarget.value)}
        size="md"
      />
      <Select
        label={t('kind')}
        data={ACTIVITY_KINDS.map((k) => ({ value: k, label: label(ACTIVITY_KIND_LABELS[k]) }))}
        value={draft.kind}
        onChange={(v) => v && set('kind', v as ActivityKind)}
        size="md"
        allowDeselect={false}
      />
      <TextInput
        label={t('place')}
        value={draft.place}
        onChange={(e) => set('place', e.currentTarget.value)}
        size="md"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('skills')}
        </Text>
        <Chip.Group multiple value={draft.skills} onChange={(v) => set('skills', v as Skill[])}>
          <Group gap={6}>
            {SKILLS.map((s) => (
              <Chip key={s} value={s} size="md">
                {label(SKILL_LABELS[s])}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
      <Group grow>
        <NumberInput
          label={t('people')}
          min={0}
          value={draft.peopleReached}
          onChange={(v) => set('peopleReached', v)}
          size="md"
        />
        <NumberInput
          label={t('households')}
          min={0}
          value={draft.householdsReached}
          onChange={(v) => set('householdsReached', v)}
          size="md"
        />
      </Group>
      <Textarea
        label={t('note')}
        value={draft.note}
        onChange={(e) => set('note', e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Button size="md" onClick={() => void submit()} disabled={!ready} data-testid="activity-submit">
        {t('send')}
      </Button>
    </Stack>
  );
}
