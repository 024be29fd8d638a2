import { Button, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n-context.js';

/** One button that flips vi ↔ en; queries refetch so server-side labels follow the language. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const queryClient = useQueryClient();
  const next = locale === 'vi' ? 'en' : 'vi';
  return (
    <Button
      variant="default"
      size="xs"
      lang={next}
      aria-label={`${t('lang.label')}: ${t('lang.switchTo')}`}
      data-testid="language-switch"
      onClick={() => {
        setLocale(next);
        void queryClient.invalidateQueries();
      }}
    >
      {next === 'en' ? 'EN' : 'VI'}
      <Text span inherit visibleFrom="sm">
        &nbsp;· {t('lang.switchTo')}
      </Text>
    </Button>
  );
}
