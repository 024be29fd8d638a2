import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useLocation, useNavigate, useParams } from 'react-router';
import type { NewsItem } from '../../../core/contracts/news.js';
import {
  NEWS_KIND_LABELS,
  NEWS_KINDS,
  NEWS_PILLAR_LABELS,
  NEWS_PILLARS,
  NEWS_STATUS_LABELS,
  type NewsKind,
  type NewsPillar,
  parseBody,
} from '../../../core/news/news.js';
import { AppModal } from '../../components/app-modal.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { ApiError } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { UnitPicker } from '../units/unit-picker.js';
import { newsApi } from './news-api.js';
import { useNT } from './news-i18n.js';
import { STATUS_COLOR } from './news-list-page.js';

// Writing and approving one item: the draft autosaves (by revision: someone else's newer save is reported,
// never overwritten), leaving with unsaved changes asks first, a preview shows the text as the portal will;
// sending for approval, approving (a second person), returning and withdrawing each ask for confirmation.

type Form = {
  kind: NewsKind;
  title: string;
  slug: string;
  summary: string;
  body: string;
  pillars: NewsPillar[];
  units: { id: number; name: string }[];
};
const EMPTY: Form = { kind: 'news', title: '', slug: '', summary: '', body: '', pillars: [], units: [] };
const AUTOSAVE_MS = 1500;

const formOf = (item: NewsItem): Form => ({
  kind: item.kind,
  title: item.title,
  slug: item.slug,
  summary: item.summary,
  body: item.body,
  pillars: item.pillars,
  units: item.units,
});

const payloadOf = (f: Form) => ({
  kind: f.kind,
  title: f.title,
  slug: f.slug.trim() || null,
  summary: f.summary,
  body: f.body,
  pillars: f.pillars,
  unitIds: f.units.map((u) => u.id),
});

/** 'YYYY-MM-DDTHH:mm' typed as Vietnam time → a UTC instant. */
const vietnamInstant = (local: string) => new Date(`${local}:00+07:00`).toISOString();

function Preview({ form }: { form: Form }) {
  return (
    <Card withBorder data-testid="news-preview">
      <Title order={3}>{form.title}</Title>
      <Text fw={600} my="xs">
        {form.summary}
      </Text>
      {parseBody(form.body).map((b, i) =>
        b.kind === 'paragraph' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their order.
          <Text key={i} mb="xs">
            {b.text}
          </Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their order.
          <ul key={i}>
            {b.items.map((x, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their order.
              <li key={j}>{x}</li>
            ))}
          </ul>
        ),
      )}
    </Card>
  );
}

export function NewsEditorPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  // The draft just created keeps its editor (and what is being typed): only another item mounts a new one.
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const item = useQuery({ queryKey: ['news', 'item', id], queryFn: () => newsApi.get(id!), enabled: !!id });
  if (id && !justCreated && item.isLoading) return <PageLoader />;
  if (id && item.error) return <ErrorAlert error={item.error} />;
  return <Editor key={justCreated ? 'new' : (id ?? 'new')} item={item.data ?? null} />;
}

function Editor({ item: initial }: { item: NewsItem | null }) {
  const { t, label, locale } = useNT();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [item, setItem] = useState<NewsItem | null>(initial);
  const [form, setForm] = useState<Form>(initial ? formOf(initial) : EMPTY);
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(
    session.data?.grants[0]
      ? { id: session.data.grants[0].unitId, name: session.data.grants[0].unitName }
      : null,
  );
  const [dirty, setDirtyState] = useState(false);
  // The blocker reads the ref: a save that navigates at once (creating the draft) must not ask to leave.
  const dirtyRef = useRef(false);
  const setDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  };
  const [stale, setStale] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const [dialog, setDialog] = useState<null | 'submit' | 'approve' | 'return' | 'withdraw'>(null);
  const [publishAt, setPublishAt] = useState('');
  const [reason, setReason] = useState('');
  const [newUnit, setNewUnit] = useState<{ id: number; name: string } | null>(null);
  const editable = !item || item.can.edit;

  const change = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
  };
  const accept = (next: NewsItem) => {
    setItem(next);
    queryClient.setQueryData(['news', 'item', next.id], next);
    void queryClient.invalidateQueries({ queryKey: ['news', 'list'] });
  };

  const create = useMutation({
    mutationFn: () => newsApi.create({ unitId: unit!.id, ...payloadOf(form) }),
    onSuccess: (created) => {
      setDirty(false);
      accept(created);
      navigate(`/news/${created.id}`, { replace: true, state: { created: true } });
    },
  });
  const save = useMutation({
    mutationFn: (f: Form) => newsApi.update(item!.id, { ...payloadOf(f), revision: item!.revision }),
    onSuccess: (saved, sent) => {
      accept(saved);
      setSavedAt(saved.updatedAt);
      // Typing that went on during the save keeps the page dirty for the next autosave.
      setForm((current) => {
        if (current === sent) setDirty(false);
        return current;
      });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) setStale(true);
    },
  });

  // Autosave: a pause in typing saves the draft (once the draft exists and nobody saved over it).
  const [debounced] = useDebouncedValue(form, AUTOSAVE_MS);
  const attempted = useRef<Form | null>(null);
  useEffect(() => {
    if (!item || !editable || !dirty || stale || save.isPending || attempted.current === debounced) return;
    if (!debounced.title.trim() || !debounced.summary.trim() || !debounced.body.trim()) return;
    attempted.current = debounced;
    save.mutate(debounced);
  }, [debounced, item, editable, dirty, stale, save.isPending, save.mutate]);

  // Never lose typed input: the router asks before leaving, the browser before a reload or closing the tab.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const act = useMutation({
    mutationFn: async (kind: 'submit' | 'approve' | 'return' | 'withdraw') => {
      const id = item!.id;
      if (kind === 'submit') {
        // What is on the screen is what goes for approval.
        if (dirty) {
          const saved = await newsApi.update(id, { ...payloadOf(form), revision: item!.revision });
          accept(saved);
          setDirty(false);
        }
        return newsApi.submit(id, { publishAt: publishAt ? vietnamInstant(publishAt) : null });
      }
      if (kind === 'approve') return newsApi.approve(id);
      if (kind === 'return') return newsApi.returnToAuthor(id, reason);
      return newsApi.withdraw(id, reason);
    },
    onSuccess: (next) => {
      accept(next);
      setForm(formOf(next));
      setDialog(null);
      setReason('');
      notify(label(NEWS_STATUS_LABELS[next.status]), 'green');
    },
  });

  const fieldErrors =
    (create.error ?? save.error) instanceof ApiError
      ? ((create.error ?? save.error) as ApiError).fieldErrors()
      : {};
  const ownItem = item?.status === 'pending' && !item.can.approve && session.data?.grants.length;

  return (
    <Stack maw={860}>
      <Anchor component={Link} to="/news">
        {t('back')}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{item ? item.title || t('title') : t('write')}</Title>
        {item && (
          <Badge
            size="lg"
            variant="light"
            tt="none"
            color={STATUS_COLOR[item.status]}
            data-testid="news-status"
          >
            {label(NEWS_STATUS_LABELS[item.status])}
          </Badge>
        )}
      </Group>
      {item?.returnNote && item.status === 'draft' && (
        <Alert color="orange">{t('returnedNote', { note: item.returnNote })}</Alert>
      )}
      {stale && <Alert color="red">{t('stale')}</Alert>}
      {item && (
        <Text size="sm" c="dimmed">
          {t('author')}: {item.authorName}
          {item.approverName ? ` · ${t('approver')}: ${item.approverName}` : ''}
          {item.publishedAt ? ` · ${t('publishedAt')}: ${formatDateTime(item.publishedAt, locale)}` : ''}
          {item.status === 'scheduled' && item.publishAt
            ? ` · ${t('publishAt')}: ${formatDateTime(item.publishAt, locale)}`
            : ''}
        </Text>
      )}
      {item?.status === 'published' && (
        <Anchor href={`/?news=${item.slug}`} target="_blank">
          {t('publicLink')}
        </Anchor>
      )}
      {editable && (
        <Group>
          <Button variant={preview ? 'default' : 'filled'} onClick={() => setPreview(false)}>
            {t('edit')}
          </Button>
          <Button
            variant={preview ? 'filled' : 'default'}
            onClick={() => setPreview(true)}
            data-testid="news-preview-toggle"
          >
            {t('preview')}
          </Button>
        </Group>
      )}
      {preview || !editable ? (
        <Preview form={form} />
      ) : (
        <Stack>
          {!item && (
            <UnitPicker
              label={t('unit')}
              value={unit?.id ?? null}
              initialLabel={unit?.name}
              onChange={setUnit}
            />
          )}
          <Select
            label={t('kind')}
            data={NEWS_KINDS.map((k) => ({ value: k, label: label(NEWS_KIND_LABELS[k]) }))}
            value={form.kind}
            onChange={(v) => v && change({ kind: v as NewsKind })}
            allowDeselect={false}
            data-testid="news-kind"
          />
          <TextInput
            label={t('headline')}
            required
            maxLength={200}
            value={form.title}
            onChange={(e) => change({ title: e.currentTarget.value })}
            error={fieldErrors.title}
            data-testid="news-title"
          />
          <TextInput
            label={t('slug')}
            maxLength={120}
            value={form.slug}
            onChange={(e) => change({ slug: e.currentTarget.value })}
            error={fieldErrors.slug}
          />
          <Textarea
            label={t('summary')}
            required
            maxLength={400}
            autosize
            minRows={2}
            value={form.summary}
            onChange={(e) => change({ summary: e.currentTarget.value })}
            error={fieldErrors.summary}
            data-testid="news-summary"
          />
          <Textarea
            label={t('body')}
            description={t('bodyHint')}
            required
            autosize
            minRows={8}
            value={form.body}
            onChange={(e) => change({ body: e.currentTarget.value })}
            error={fieldErrors.body}
            data-testid="news-body"
          />
          <Checkbox.Group
            label={t('pillars')}
            value={form.pillars}
            onChange={(v) => change({ pillars: v as NewsPillar[] })}
          >
            <Group mt="xs">
              {NEWS_PILLARS.map((p) => (
                <Checkbox key={p} value={p} label={label(NEWS_PILLAR_LABELS[p])} />
              ))}
            </Group>
          </Checkbox.Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('units')}
            </Text>
            <Group gap="xs">
              {form.units.map((u) => (
                <Button
                  key={u.id}
                  size="xs"
                  variant="light"
                  onClick={() => change({ units: form.units.filter((x) => x.id !== u.id) })}
                  aria-label={`${u.name} ×`}
                >
                  {u.name} ×
                </Button>
              ))}
            </Group>
            <Group align="end">
              <UnitPicker label={t('addUnit')} value={newUnit?.id ?? null} onChange={setNewUnit} />
              <Button
                variant="default"
                disabled={!newUnit || form.units.some((u) => u.id === newUnit.id)}
                onClick={() => {
                  if (newUnit) change({ units: [...form.units, newUnit] });
                  setNewUnit(null);
                }}
              >
                +
              </Button>
            </Group>
          </Stack>
          {item && (
            <FileInput
              label={t('cover')}
              accept="image/jpeg,image/png,image/webp"
              placeholder={item.hasCover ? t('hasCover') : undefined}
              onChange={async (file) => {
                if (!file) return;
                try {
                  accept(await newsApi.cover(item.id, file, session.data?.csrfToken ?? ''));
                  notify(t('hasCover'), 'green');
                } catch (error) {
                  notify(error instanceof Error ? error.message : String(error), 'red');
                }
              }}
            />
          )}
          {item?.hasCover && (
            <img
              src={`/api/news/items/${item.id}/cover?r=${item.revision}`}
              alt=""
              style={{ maxWidth: 320, borderRadius: 8 }}
            />
          )}
          {(create.error || (save.error && !stale)) && <ErrorAlert error={create.error ?? save.error} />}
          {!item && (
            <Button
              onClick={() => create.mutate()}
              loading={create.isPending}
              disabled={!unit}
              data-testid="news-create"
            >
              {t('create')}
            </Button>
          )}
          {item && (
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="news-save-state">
              {save.isPending
                ? t('saving')
                : dirty
                  ? t('unsaved')
                  : savedAt
                    ? t('saved', { time: formatDateTime(savedAt, locale) })
                    : ''}
            </Text>
          )}
        </Stack>
      )}
      {item && (
        <Group>
          {item.can.submit && (
            <Button onClick={() => setDialog('submit')} data-testid="news-submit" disabled={stale}>
              {t('submit')}
            </Button>
          )}
          {item.can.approve && (
            <Button onClick={() => setDialog('approve')} data-testid="news-approve">
              {t('approve')}
            </Button>
          )}
          {item.can.approve && (
            <Button variant="default" onClick={() => setDialog('return')} data-testid="news-return">
              {t('returnIt')}
            </Button>
          )}
          {item.can.withdraw && (
            <Button
              color="red"
              variant="light"
              onClick={() => setDialog('withdraw')}
              data-testid="news-withdraw"
            >
              {t('withdraw')}
            </Button>
          )}
        </Group>
      )}
      {ownItem ? <Text size="sm">{t('ownItem')}</Text> : null}
      {act.error && <ErrorAlert error={act.error} />}

      <ConfirmDialog
        opened={dialog === 'submit'}
        title={t('submitTitle')}
        confirmLabel={t('submit')}
        loading={act.isPending}
        onConfirm={() => act.mutate('submit')}
        onClose={() => setDialog(null)}
      >
        <Text>{t('submitText')}</Text>
        <TextInput
          type="datetime-local"
          label={t('schedule')}
          value={publishAt}
          onChange={(e) => setPublishAt(e.currentTarget.value)}
        />
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'approve'}
        title={t('approveTitle')}
        confirmLabel={t('approve')}
        loading={act.isPending}
        onConfirm={() => act.mutate('approve')}
        onClose={() => setDialog(null)}
      >
        <Text>
          {item?.publishAt && item.publishAt > new Date().toISOString()
            ? t('approveAt', { time: formatDateTime(item.publishAt, locale) })
            : t('approveNow')}
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'return' || dialog === 'withdraw'}
        title={dialog === 'return' ? t('returnTitle') : t('withdrawTitle')}
        confirmLabel={dialog === 'return' ? t('returnIt') : t('withdraw')}
        color={dialog === 'withdraw' ? 'red' : undefined}
        loading={act.isPending}
        canConfirm={reason.trim().length > 0}
        onConfirm={() => dialog && act.mutate(dialog)}
        onClose={() => setDialog(null)}
      >
        {dialog === 'withdraw' && <Text>{t('withdrawText')}</Text>}
        <Textarea
          label={dialog === 'return' ? t('note') : t('reason')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </ConfirmDialog>
      <AppModal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('leaveTitle')}
        centered
      >
        <Text mb="md">{t('leaveText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" data-autofocus onClick={() => blocker.reset?.()}>
            {t('stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('leave')}
          </Button>
        </Group>
      </AppModal>
    </Stack>
  );
}
