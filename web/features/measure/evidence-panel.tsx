import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Evidence } from '../../../core/contracts/measure.js';
import { notify } from '../../components/notify.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ApiError, postFile } from '../../lib/api-client.js';
import { formatDate } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { measureApi } from './measure-api.js';
import { useMT } from './measure-i18n.js';

type Ids = { periodId: number; unitId: number };

export function EvidenceList({
  ids,
  evidence,
  onRemove,
}: {
  ids: Ids;
  evidence: Evidence[];
  onRemove?: (id: number) => void;
}) {
  const t = useMT();
  const { locale } = useI18n();
  if (!evidence.length)
    return (
      <Text size="sm" c="dimmed">
        {t('m.noEvidence')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {evidence.map((e) => (
        <Group key={e.id} gap="xs" wrap="nowrap">
          {e.fileId ? (
            <Anchor size="sm" href={measureApi.evidenceUrl(ids.periodId, ids.unitId, e.id)}>
              {e.fileName}
            </Anchor>
          ) : (
            <Text size="sm">
              {e.document
                ? `${e.document.number}, ${formatDate(e.document.date, locale)}: ${e.document.title}`
                : ''}
            </Text>
          )}
          {onRemove ? (
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={t('m.remove')}
              onClick={() => onRemove(e.id)}
            >
              ×
            </ActionIcon>
          ) : null}
        </Group>
      ))}
    </Stack>
  );
}

export function EvidenceEditor({
  ids,
  code,
  evidence,
  onChanged,
  error,
}: {
  ids: Ids;
  code: string;
  evidence: Evidence[];
  onChanged: () => void;
  error?: string;
}) {
  const t = useMT();
  const session = useSession();
  const [citing, setCiting] = useState(false);
  const [doc, setDoc] = useState({ number: '', date: '', title: '' });
  const onError = (e: Error) => notify(e.message, 'red');
  const attach = useMutation({
    mutationFn: async (input: File | 'cite') => {
      if (input === 'cite')
        return measureApi.addEvidence(ids.periodId, ids.unitId, { componentCode: code, document: doc });
      const uploaded = await postFile<{ id: string }>('/api/files', input, session.data?.csrfToken ?? '');
      return measureApi.addEvidence(ids.periodId, ids.unitId, { componentCode: code, fileId: uploaded.id });
    },
    onSuccess: () => {
      setCiting(false);
      setDoc({ number: '', date: '', title: '' });
      onChanged();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: number) => measureApi.removeEvidence(ids.periodId, ids.unitId, id),
    onSuccess: onChanged,
    onError,
  });
  const fieldErrors = attach.error instanceof ApiError ? attach.error.fieldErrors() : {};
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('m.evidence')}
      </Text>
      <EvidenceList ids={ids} evidence={evidence} onRemove={(id) => remove.mutate(id)} />
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
      <Group gap="xs">
        <FileButton onChange={(f) => f && attach.mutate(f)} accept="application/pdf,image/*,.docx,.xlsx">
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="default"
              loading={attach.isPending && attach.variables !== 'cite'}
            >
              {t('m.upload')}
            </Button>
          )}
        </FileButton>
        <Button size="xs" variant="default" onClick={() => setCiting((c) => !c)}>
          {t('m.cite')}
        </Button>
      </Group>
      {citing ? (
        <Group align="flex-end" gap="xs">
          <TextInput
            size="xs"
            label={t('m.docNumber')}
            value={doc.number}
            error={fieldErrors['document.number']}
            onChange={(e) => setDoc({ ...doc, number: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            type="date"
            label={t('m.docDate')}
            value={doc.date}
            error={fieldErrors['document.date']}
            onChange={(e) => setDoc({ ...doc, date: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            label={t('m.docTitle')}
            value={doc.title}
            error={fieldErrors['document.title']}
            onChange={(e) => setDoc({ ...doc, title: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 160 }}
          />
          <Button
            size="xs"
            onClick={() => attach.mutate('cite')}
            loading={attach.isPending && attach.variables === 'cite'}
          >
            {t('m.add')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
