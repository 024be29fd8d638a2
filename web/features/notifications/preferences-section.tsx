import { Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CategoryPreference, EmailMode, WebhookMode } from '../../../core/notifications/categories.js';
import { EMAIL_MODES, WEBHOOK_MODES } from '../../../core/notifications/categories.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { TableHeader } from '../../components/table-header.js';
import { usePreferences, useSavePreferences } from './notifications-api.js';
import { useNT } from './notifications-i18n.js';

/** Per category: email at once, in the daily digest or off; the message relay at once or off. */
export function PreferencesSection() {
  const t = useNT();
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [draft, setDraft] = useState<CategoryPreference[]>([]);
  useEffect(() => {
    if (prefs.data) setDraft(prefs.data.items);
  }, [prefs.data]);
  if (!prefs.data) return <ErrorAlert error={prefs.error} />;
  const { webhookAvailable, digestHour } = prefs.data;
  const change = (category: string, patch: Partial<CategoryPreference>) =>
    setDraft(draft.map((p) => (p.category === category ? { ...p, ...patch } : p)));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notification-prefs-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="notification-prefs-title">
          {t('n.prefs.title')}
        </Title>
        <Text size="sm">{t('n.prefs.intro', { hour: digestHour })}</Text>
        {webhookAvailable ? null : (
          <Text size="sm" c="gray.7">
            {t('n.prefs.webhookOff')}
          </Text>
        )}
        <Table.ScrollContainer minWidth={460}>
          <Table>
            <TableHeader
              columns={[
                t('n.prefs.category'),
                t('n.prefs.email'),
                ...(webhookAvailable ? [t('n.prefs.webhook')] : []),
              ]}
            />
            <Table.Tbody>
              {draft.map((p) => {
                const name = t(`n.category.${p.category}`);
                return (
                  <Table.Tr key={p.category}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`${t('n.prefs.email')}: ${name}`}
                        value={p.email}
                        onChange={(e) => change(p.category, { email: e.currentTarget.value as EmailMode })}
                        data={EMAIL_MODES.map((m) => ({ value: m, label: t(`n.email.${m}`) }))}
                      />
                    </Table.Td>
                    {webhookAvailable ? (
                      <Table.Td>
                        <NativeSelect
                          aria-label={`${t('n.prefs.webhook')}: ${name}`}
                          value={p.webhook}
                          onChange={(e) =>
                            change(p.category, { webhook: e.currentTarget.value as WebhookMode })
                          }
                          data={WEBHOOK_MODES.map((m) => ({ value: m, label: t(`n.webhook.${m}`) }))}
                        />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={save.error} />
        <Group>
          <Button
            onClick={() => save.mutate({ items: draft }, { onSuccess: () => notify(t('n.prefs.saved')) })}
            loading={save.isPending}
          >
            {t('n.prefs.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
