import { Alert, Title } from '@mantine/core';
import { useT } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/vi.js';

/** Honest placeholder for a module a later release fills in. */
export function UnderConstructionPage({ moduleKey }: { moduleKey: MessageKey }) {
  const t = useT();
  const name = t(moduleKey);
  return (
    <>
      <Title order={1} mb="md">
        {name}
      </Title>
      <Alert color="yellow" title={t('construction.title')}>
        {t('construction.body', { module: name })}
      </Alert>
    </>
  );
}
