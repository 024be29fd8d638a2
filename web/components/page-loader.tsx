import { Center, Loader } from '@mantine/core';
import { useT } from '../i18n/i18n-context.js';

export function PageLoader() {
  const t = useT();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
