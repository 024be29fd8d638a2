import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AppModal } from '../../../components/app-modal.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { PageLoader } from '../../../components/page-loader.js';
import { TableHeader } from '../../../components/table-header.js';
import { useFieldErrors } from '../../../components/use-field-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { postFile } from '../../../lib/api-client.js';
import { formatDate } from '../../../lib/format.js';
import { useSession } from '../../auth/use-session.js';
import { SteerNav } from '../steer-nav.js';
import { ConclusionsSection } from './conclusions-section.js';
import { MeetingForm } from './meeting-form.js';
import { type MeetingDetail, meetingKey, meetingsApi, useMeeting } from './meetings-api.js';
import { useMtT } from './meetings-i18n.js';

// One committee meeting: details, attendees, agenda, documents, the conclusion notice and the conclusions with
// their tasks' live status; the briefing pack to download before the meeting.

function useUpdate(id: number) {
  const queryClient = useQueryClient();
  return (detail: MeetingDetail) => {
    queryClient.setQueryData(meetingKey(id), detail);
    queryClient.invalidateQueries({ queryKey: ['steer', 'meetings', 'list'] });
  };
}

function NoticeSection({ meeting }: { meeting: MeetingDetail }) {
  const t = useMtT();
  const { locale } = useI18n();
  const session = useSession();
  const update = useUpdate(meeting.id);
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({
    numberSymbol: meeting.notice?.numberSymbol ?? '',
    issuedOn: meeting.notice?.issuedOn ?? meeting.date,
    signer: meeting.notice?.signer ?? '',
  });
  const [file, setFile] = useState<File | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      const fileId = file
        ? (await postFile<{ id: string }>('/api/files', file, session.data?.csrfToken ?? '')).id
        : (meeting.notice?.fileId ?? null);
      return meetingsApi.setNotice(meeting.id, { ...form, signer: form.signer || null, fileId });
    },
    onSuccess: (d) => {
      update(d);
      setEditing(false);
      setFile(null);
      notify(t('mt.saved'));
    },
  });
  const { errors, touch } = useFieldErrors(mutation.error);
  const n = meeting.notice;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3">
          {t('mt.notice')}
        </Title>
        {meeting.canManage && !editing ? (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {n ? t('mt.editNotice') : t('mt.saveNotice')}
          </Button>
        ) : null}
      </Group>
      {editing ? (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <ErrorAlert error={mutation.error} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('mt.numberSymbol')}
                placeholder="45/TB-BCĐ"
                required
                value={form.numberSymbol}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  touch('numberSymbol');
                  setForm((f) => ({ ...f, numberSymbol: value }));
                }}
                error={errors.numberSymbol}
              />
              <TextInput
                type="date"
                label={t('mt.issuedOn')}
                required
                value={form.issuedOn}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  touch('issuedOn');
                  setForm((f) => ({ ...f, issuedOn: value }));
                }}
                error={errors.issuedOn}
              />
              <TextInput
                label={t('mt.signer')}
                value={form.signer}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setForm((f) => ({ ...f, signer: value }));
                }}
                error={errors.signer}
              />
            </SimpleGrid>
            <FileInput
              label={t('mt.signedFile')}
              placeholder={n?.fileName ?? undefined}
              value={file}
              onChange={setFile}
              clearable
              accept="application/pdf,image/*"
              error={errors.fileId}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('mt.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('mt.saveNotice')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : n ? (
        <Text>
          <b>{t('mt.noticeLine', { number: n.numberSymbol, date: formatDate(n.issuedOn, locale) })}</b>
          {n.signer ? ` · ${t('mt.signer')}: ${n.signer}` : ''}
          {n.fileId ? (
            <>
              {' · '}
              <Anchor href={`/api/files/${n.fileId}`}>{n.fileName}</Anchor>
            </>
          ) : null}
        </Text>
      ) : (
        <Text c="dimmed">{t('mt.noNotice')}</Text>
      )}
    </Card>
  );
}

function DocumentsSection({ meeting }: { meeting: MeetingDetail }) {
  const t = useMtT();
  const session = useSession();
  const update = useUpdate(meeting.id);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [removing, setRemoving] = useState<{ id: number; title: string } | null>(null);
  const add = useMutation({
    mutationFn: async () => {
      const uploaded = await postFile<{ id: string }>(
        '/api/files',
        file as File,
        session.data?.csrfToken ?? '',
      );
      return meetingsApi.addDocument(meeting.id, {
        fileId: uploaded.id,
        title: title || (file as File).name,
      });
    },
    onSuccess: (d) => {
      update(d);
      setTitle('');
      setFile(null);
    },
  });
  const remove = useMutation({
    mutationFn: (documentId: number) => meetingsApi.removeDocument(meeting.id, documentId),
    onSuccess: (d) => {
      update(d);
      setRemoving(null);
    },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="xs">
        {t('mt.documents')}
      </Title>
      {!meeting.documents.length ? <Text c="dimmed">{t('mt.noDocuments')}</Text> : null}
      <List spacing={4} mb="sm">
        {meeting.documents.map((d) => (
          <List.Item key={d.id}>
            <Group gap="xs" wrap="nowrap">
              <Anchor href={`/api/files/${d.fileId}`}>{d.title}</Anchor>
              {meeting.canManage ? (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(d)}>
                  {t('mt.removeDocument')}
                </Button>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
      {meeting.canManage ? (
        <Stack gap="xs">
          <ErrorAlert error={add.error} />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('mt.documentTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <FileInput label={t('mt.documentFile')} value={file} onChange={setFile} clearable w={220} />
            <Button size="sm" disabled={!file} loading={add.isPending} onClick={() => add.mutate()}>
              {t('mt.addDocument')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <AppModal opened={removing !== null} onClose={() => setRemoving(null)} title={t('mt.removeDocument')}>
        <Stack>
          <ErrorAlert error={remove.error} />
          <Text>{t('mt.confirmDeleteDocument', { title: removing?.title ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('mt.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing.id)}
            >
              {t('mt.delete')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}

export function MeetingPage() {
  const t = useMtT();
  const { locale } = useI18n();
  const id = Number(useParams().id);
  const meeting = useMeeting(id);
  const update = useUpdate(id);
  const [editing, setEditing] = useState(false);
  const [briefing, setBriefing] = useState(false);
  if (meeting.isPending) return <PageLoader />;
  if (!meeting.data) return <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  return (
    <Stack gap="md">
      <SteerNav />
      <Anchor component={Link} to="/steer/meetings" size="sm">
        ← {t('mt.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{m.title}</Title>
          <Group gap="xs">
            <Badge variant="light">{t(`mt.kind.${m.kind}`)}</Badge>
            <Text size="sm">
              {m.time} · {formatDate(m.date, locale)}
            </Text>
            {m.isDemo ? (
              <Badge variant="outline" color="grape">
                {t('mt.demo')}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => setBriefing(true)} data-testid="briefing-button">
            {t('mt.briefing')}
          </Button>
          {m.canManage ? <Button onClick={() => setEditing(true)}>{t('mt.editMeeting')}</Button> : null}
        </Group>
      </Group>

      <Card withBorder>
        <Title order={2} size="h3" mb="xs">
          {t('mt.details')}
        </Title>
        <Stack gap={4}>
          <Text>
            {t('mt.committee')}: {m.unitName}
          </Text>
          <Text>
            {t('mt.chair')}: {m.chairName}
            {m.chairTitle ? `, ${m.chairTitle}` : ''}
          </Text>
          {m.location ? (
            <Text>
              {t('mt.location')}: {m.location}
            </Text>
          ) : null}
          {m.previousMeeting ? (
            <Anchor component={Link} to={`/steer/meetings/${m.previousMeeting.id}`} size="sm">
              {t('mt.previous', {
                title: m.previousMeeting.title,
                date: formatDate(m.previousMeeting.date, locale),
              })}
            </Anchor>
          ) : null}
        </Stack>
      </Card>

      {/* What was decided comes first (a leader reads it on a phone); then who met, on what, with which papers. */}
      <NoticeSection key={`${m.notice?.numberSymbol}-${m.notice?.issuedOn}`} meeting={m} />
      <ConclusionsSection meeting={m} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h3" mb="xs">
            {t('mt.attendees')}
          </Title>
          {m.attendees.length ? (
            <Table.ScrollContainer minWidth={280}>
              <Table>
                <TableHeader columns={[t('mt.unit'), t('mt.representative')]} />
                <Table.Tbody>
                  {m.attendees.map((a) => (
                    <Table.Tr key={a.unitId}>
                      <Table.Td>{a.unitName}</Table.Td>
                      <Table.Td>{a.representative ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Text c="dimmed">{t('mt.noAttendees')}</Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h3" mb="xs">
            {t('mt.agenda')}
          </Title>
          {m.agenda.length ? (
            <List type="ordered" spacing={4}>
              {m.agenda.map((a) => (
                <List.Item key={a.position}>
                  {a.title}
                  {a.presenterUnitName ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      ({a.presenterUnitName})
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">{t('mt.noAgenda')}</Text>
          )}
        </Card>
      </SimpleGrid>

      <DocumentsSection meeting={m} />

      <AppModal opened={editing} onClose={() => setEditing(false)} title={t('mt.editMeeting')} size="lg">
        <MeetingForm
          committees={[]}
          meeting={m}
          onDone={(d) => {
            update(d);
            setEditing(false);
            notify(t('mt.saved'));
          }}
        />
      </AppModal>
      <AppModal opened={briefing} onClose={() => setBriefing(false)} title={t('mt.briefingTitle')}>
        <Stack>
          <Text size="sm">{t('mt.briefingNote')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setBriefing(false)}>
              {t('mt.cancel')}
            </Button>
            <Button
              component="a"
              href={meetingsApi.briefingUrl(m.id)}
              download
              onClick={() => setBriefing(false)}
              data-testid="briefing-download"
            >
              {t('mt.download')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}
