import { Alert } from '@mantine/core';
import { useT } from '../i18n/i18n-context.js';
import { formErrorOf } from './form-errors.js';

export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  const message = formErrorOf(error, t('common.error'));
  if (!message) return null;
  return (
    <Alert color="red" role="alert" title={t('common.error')} mb="md">
      {message}
    </Alert>
  );
}
