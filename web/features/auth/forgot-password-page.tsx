import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.js';
import { fieldErrorsOf } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n-context.js';
import { requestPasswordReset } from './auth-api.js';
import { AuthCard } from './auth-card.js';

export function ForgotPasswordPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  const errors = fieldErrorsOf(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <AuthCard title={t('auth.forgotTitle')}>
      {mutation.isSuccess ? (
        <Alert color="green" role="status" mb="md">
          {t('auth.forgotSent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="gray.7">
              {t('auth.forgotHelp')}
            </Text>
            {mutation.error && !errors.email ? <ErrorAlert error={mutation.error} /> : null}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
            />
            <Button type="submit" loading={mutation.isPending}>
              {t('auth.forgotSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor href="/app/login" size="sm" display="block" mt="md">
        {t('auth.backToLogin')}
      </Anchor>
    </AuthCard>
  );
}
