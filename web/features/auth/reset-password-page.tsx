import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.js';
import { fieldErrorsOf } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n-context.js';
import { confirmPasswordReset } from './auth-api.js';
import { AuthCard } from './auth-card.js';

export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({ mutationFn: () => confirmPasswordReset(token, password) });
  const errors = fieldErrorsOf(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differ = password !== confirm;
    setMismatch(differ);
    if (!differ) mutation.mutate();
  };
  let body = (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && !errors.newPassword ? <ErrorAlert error={mutation.error} /> : null}
        <PasswordInput
          label={t('auth.newPassword')}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.newPassword}
        />
        <PasswordInput
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={mismatch ? t('auth.passwordsDiffer') : undefined}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('auth.resetSubmit')}
        </Button>
      </Stack>
    </form>
  );
  if (!token) body = <Alert color="red">{t('auth.resetMissingToken')}</Alert>;
  if (mutation.isSuccess) body = <Alert color="green">{t('auth.resetDone')}</Alert>;
  return (
    <AuthCard title={t('auth.resetTitle')}>
      {body}
      <Anchor href="/app/login" size="sm" display="block" mt="md">
        {t('auth.backToLogin')}
      </Anchor>
    </AuthCard>
  );
}
