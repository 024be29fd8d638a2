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
