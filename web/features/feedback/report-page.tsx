import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FeedbackReport } from '../../../core/contracts/feedback.js';
import { FEEDBACK_STATUS_LABELS, REFUSE_KIND_LABELS } from '../../../core/feedback/labels.js';
import { REFUSE_KINDS } from '../../../core/feedback/lifecycle.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { postFile } from '../../lib/api-client.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { UnitPicker } from '../units/unit-picker.js';
import { feedbackApi } from './feedback-api.js';
import { useFT } from './feedback-i18n.js';
import { FeedbackNav, STATUS_COLOR } from './queue-page.js';

// One citizen report: its details, the whole timeline (internal notes marked), and the actions the server says
// the caller may take now (assign, accept, answer with evidence, refuse, close, note, extension), each asking
// for a confirmation first.

type Dialog = 'assign' | 'answer' | 'refuse' | 'merge' | 'close' | 'extension' | null;

export function FeedbackReportPage() {
  const id = Number(useParams().id);
  const t = useFT();
  const { locale } = useI18n();
  const client = useQueryClient();
  const session = useSession();
  const report = useQuery({ queryKey: ['feedback', 'report', id], queryFn: () => feedbackApi.report(id) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(null);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | null>('duplicate');
  const [days, setDays] = useState<number | string>(5);
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [note, setNote] = useState('');
  const [intoCode, setIntoCode] = useState('');
  const done = (r: FeedbackReport) => {
    client.setQueryData(['feedback', 'report', id], r);
    void client.invalidateQueries({ queryKey: ['feedback', 'queue'] });
    setDialog(null);
    setText('');
    setFiles([]);
    notify(t('f.done'));
  };
  const act = useMutation({
    mutationFn: async (action: string): Promise<FeedbackReport> => {
      switch (action) {
        case 'assign':
          return feedbackApi.assign(id, { unitId: unit?.id ?? 0, reason: text || undefined });
        case 'accept':
          return feedbackApi.accept(id);
        case 'answer':
          return feedbackApi.answer(id, { answer: text, fileIds: files.map((f) => f.id) });
        case 'refuse':
          return feedbackApi.refuse(id, { kind: kind ?? 'duplicate', reason: text });
        case 'close':
          return feedbackApi.close(id);
        case 'merge': {
          // The code typed names the report kept; its id comes from the queue's search.
          const code = intoCode.trim().toUpperCase();
          const found = (await feedbackApi.queue({ q: code, pageSize: 5 })).items.find(
            (i) => i.code === code,
          );
          return feedbackApi.merge(id, { intoId: found?.id ?? 0, reason: text || undefined });
        }
        case 'extension':
          return feedbackApi.extension(id, { days: Number(days), reason: text });
        case 'approve':
          return feedbackApi.decideExtension(id, true);
        case 'reject':
          return feedbackApi.decideExtension(id, false);
        default:
          return feedbackApi.note(id, note);
      }
    },
    onSuccess: (r, action) => {
      if (action === 'note') setNote('');
      done(r);
    },
  });
  if (report.isLoading) return <PageLoader />;
  if (report.error || !report.data) return <ErrorAlert error={report.error} />;
  const r = report.data;
  const can = r.can;
  const upload = async (file: File | null) => {
    if (!file) return;
    const up = await postFile<{ id: string; originalName: string }>(
      '/api/files?purpose=evidence',
      file,
      session.data?.csrfToken ?? '',
    );
    setFiles((f) => [...f, { id: up.id, name: up.originalName }]);
  };
  const fileLink = (f: { id: string; name: string }) => (
    <a key={f.id} href={`/api/files/${f.id}`}>
      {f.name}
    </a>
  );

  return (
    <Stack>
      <FeedbackNav />
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>
          {r.code}: {r.title}
        </Title>
        <Badge size="lg" color={STATUS_COLOR[r.status]} variant="filled" tt="none">
          {FEEDBACK_STATUS_LABELS[r.status][locale]}
        </Badge>
      </Group>
      {r.deadlineState === 'overdue' ? <Alert color="red">{t('f.state.overdue')}</Alert> : null}
      {r.duplicateOf ? (
        <Alert color="gray" data-testid="duplicate-of">
          {t('f.duplicateOf')}{' '}
          <Anchor component={Link} to={`/feedback/reports/${r.duplicateOf.id}`}>
            {r.duplicateOf.code}
          </Anchor>
        </Alert>
      ) : null}
      <Card withBorder>
        <Stack gap="xs">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Text>
          <Text size="sm">
            {t('f.category')}: {r.categoryName} · {t('f.unit')}: {r.unitName}
          </Text>
          <Text size="sm">
            {t('f.address')}: {[r.address, r.areaName].filter(Boolean).join(', ') || '—'}
            {r.lat !== null ? ` (${r.lat.toFixed(5)}, ${r.lng?.toFixed(5)})` : ''}
          </Text>
          <Text size="sm">
            {t('f.reporter')}: {r.reporterName ?? '—'} · {t('f.contact')}: {r.contact}
          </Text>
          <Text size="sm">
            {t('f.deadline')}: {formatDate(r.deadline, locale)}
          </Text>
          {r.status === 'received' && r.receiveDueAt ? (
            <Text size="sm" data-testid="receive-due">
              {t('f.receiveDue')}: {formatDateTime(r.receiveDueAt, locale)}
            </Text>
          ) : null}
          {r.photos.length ? (
            <Group>
              {r.photos.map((p) => (
                <img
                  key={p.id}
                  src={`/api/files/${p.id}`}
                  alt={t('f.photos')}
                  style={{ maxWidth: 240, borderRadius: 8 }}
                />
              ))}
            </Group>
          ) : null}
          {r.satisfaction ? (
            <Text size="sm">
              {t('f.satisfaction')}: {t(r.satisfaction === 'satisfied' ? 'f.satisfied' : 'f.unsatisfied')}
              {r.satisfactionReason ? ` — ${r.satisfactionReason}` : ''}
            </Text>
          ) : null}
          {r.extension?.status === 'pending' ? (
            <Alert color="yellow">
              {t('f.extensionPending', { days: r.extension.days, reason: r.extension.reason })}
            </Alert>
          ) : null}
        </Stack>
      </Card>
      {act.error ? <ErrorAlert error={act.error} /> : null}
      <Group wrap="wrap">
        {can.actions.includes('assign') ? (
          <Button onClick={() => setDialog('assign')}>{t('f.assign')}</Button>
        ) : null}
        {can.actions.includes('accept') ? (
          <Button variant="light" onClick={() => act.mutate('accept')} loading={act.isPending}>
            {t('f.accept')}
          </Button>
        ) : null}
        {can.actions.includes('answer') ? (
          <Button onClick={() => setDialog('answer')}>{t('f.answer')}</Button>
        ) : null}
        {can.requestExtension ? (
          <Button variant="light" onClick={() => setDialog('extension')}>
            {t('f.extension')}
          </Button>
        ) : null}
        {can.decideExtension ? (
          <>
            <Button variant="light" onClick={() => act.mutate('approve')}>
              {t('f.approve')}
            </Button>
            <Button variant="default" onClick={() => act.mutate('reject')}>
              {t('f.reject')}
            </Button>
          </>
        ) : null}
        {can.actions.includes('close') ? (
          <Button variant="default" onClick={() => setDialog('close')}>
            {t('f.close')}
          </Button>
        ) : null}
        {can.actions.includes('refuse') ? (
          <Button color="red.9" variant="outline" onClick={() => setDialog('refuse')}>
            {t('f.refuse')}
          </Button>
        ) : null}
        {can.actions.includes('refuse') ? (
          <Button variant="outline" onClick={() => setDialog('merge')}>
            {t('f.merge')}
          </Button>
        ) : null}
      </Group>

      <Title order={2}>{t('f.timeline')}</Title>
      <Timeline bulletSize={16}>
        {r.events.map((e) => (
          <Timeline.Item
            key={e.id}
            title={`${e.status ? FEEDBACK_STATUS_LABELS[e.status][locale] : t('f.note')}${e.isPublic ? '' : ` (${t('f.internal')})`}`}
          >
            <Text size="sm" c="dimmed">
              {formatDateTime(e.createdAt, locale)}
              {e.unitName ? ` · ${e.unitName}` : ''}
              {e.userName ? ` · ${e.userName}` : ''}
            </Text>
            {e.text ? <Text style={{ whiteSpace: 'pre-wrap' }}>{e.text}</Text> : null}
            <Group gap="xs">{e.files.map(fileLink)}</Group>
          </Timeline.Item>
        ))}
      </Timeline>
      {can.note ? (
        <Stack gap="xs">
          <Textarea label={t('f.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group>
            <Button variant="light" disabled={!note.trim()} onClick={() => act.mutate('note')}>
              {t('f.addNote')}
            </Button>
          </Group>
        </Stack>
      ) : null}

      <AppModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog
            ? t(`f.${dialog === 'answer' ? 'answerTitle' : dialog === 'merge' ? 'mergeTitle' : dialog}`)
            : ''
        }
      >
        <Stack>
          {dialog === 'assign' ? (
            <>
              <UnitPicker label={t('f.unit')} value={unit?.id ?? null} onChange={setUnit} />
              <Textarea label={t('f.reason')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
              <Text size="sm">{t('f.assignConfirm')}</Text>
            </>
          ) : null}
          {dialog === 'answer' ? (
            <>
              <Textarea
                label={t('f.answer')}
                autosize
                minRows={4}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
              <Group>
                <FileButton onChange={(f) => void upload(f)} accept="image/*,application/pdf">
                  {(props) => (
                    <Button variant="default" {...props}>
                      {t('f.evidence')}
                    </Button>
                  )}
                </FileButton>
                {files.map((f) => (
                  <Text key={f.id} size="sm">
                    {f.name}
                  </Text>
                ))}
              </Group>
              <Text size="sm">{t('f.answerConfirm')}</Text>
            </>
          ) : null}
          {dialog === 'refuse' ? (
            <>
              <Select
                label={t('f.refuseKind')}
                value={kind}
                onChange={setKind}
                data={REFUSE_KINDS.map((k) => ({ value: k, label: REFUSE_KIND_LABELS[k][locale] }))}
              />
              <Textarea label={t('f.reason')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
              <Text size="sm">{t('f.refuseConfirm')}</Text>
            </>
          ) : null}
          {dialog === 'merge' ? (
            <>
              <TextInput
                label={t('f.mergeInto')}
                placeholder="PA-2026-XXXXXXXX"
                value={intoCode}
                onChange={(e) => setIntoCode(e.currentTarget.value)}
              />
              <Textarea label={t('f.reason')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
              <Text size="sm">{t('f.mergeConfirm')}</Text>
            </>
          ) : null}
          {dialog === 'extension' ? (
            <>
              <NumberInput label={t('f.days')} min={1} max={30} value={days} onChange={setDays} />
              <Textarea label={t('f.reason')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            </>
          ) : null}
          {dialog === 'close' ? <Text>{t('f.closeConfirm')}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('f.cancel')}
            </Button>
            <Button loading={act.isPending} onClick={() => dialog && act.mutate(dialog)}>
              {t('f.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}
