import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context.js';

export function NotFoundPage() {
  const t = useT();
  return (
    <Stack>
      <Title order={1}>404</Title>
      <Text>{t('common.notFound')}</Text>
      <Anchor component={Link} to="/">
        {t('nav.home')}
      </Anchor>
    </Stack>
  );
}
