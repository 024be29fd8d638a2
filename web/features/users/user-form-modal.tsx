import {
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { UserView } from '../../../core/contracts/accounts.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { useFieldErrors } from '../../components/use-field-errors.js';
import { useT } from '../../i18n/i18n-context.js';
import { type GrantDraft, GrantsEditor, newGrantDraft } from './grants-editor.js';
import { userFormProblems } from './user-form-checks.js';
import { useCreateUser, useUpdateUser } from './users-api.js';

type Props = { user: UserView | null; opened: boolean; onClose: () => void };

function toGrantInputs(grants: GrantDraft[]) {
  // An unpicked unit is sent as 0 so the server's field error lands beside that row.
  return grants.map((g) => ({ role: g.role, unitId: g.unitId ?? 0 }));
}

/** Create (user = null) or edit a user: profile, status, language and scoped roles. */
export function UserFormModal({ user, opened, onClose }: Props) {
  const t = useT();
  const [email, setEmail] = useState(user?.email ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Locale>(user?.locale ?? 'vi');
  const [isActive, setIsActive] = useState(user?.isActive ?? true);
  const [grants, setGrants] = useState<GrantDraft[]>(
    user ? user.grants.map((g) => newGrantDraft(g.role, g.unitId, g.unitName)) : [newGrantDraft()],
  );
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const server = useFieldErrors(mutation.error);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const errors = { ...server.errors, ...problems };
  const hasFieldErrors = server.hasAny;
  const touch = (field: string) => {
    server.touch(field);
    if (problems[field])
      setProblems(Object.fromEntries(Object.entries(problems).filter(([k]) => k !== field)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = userFormProblems(fullName, grants);
    setProblems(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    if (Object.keys(found).length) return;
    const done = () => {
      notify(user ? t('users.saved') : t('users.created', { email }));
      onClose();
    };
    if (user) {
      const patch = {
        ...(fullName !== user.fullName ? { fullName } : {}),
        ...(locale !== user.locale ? { locale } : {}),
        ...(isActive !== user.isActive ? { isActive } : {}),
      };
      update.mutate({ id: user.id, patch, grants: toGrantInputs(grants) }, { onSuccess: done });
    } else {
      const body = { email: email.trim(), fullName, locale, grants: toGrantInputs(grants) };
      create.mutate(password ? { ...body, password } : body, { onSuccess: done });
    }
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={user ? t('users.edit') : t('users.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {mutation.error && !hasFieldErrors ? <ErrorAlert error={mutation.error} /> : null}
          <TextInput
            label={t('users.email')}
            type="email"
            required
            disabled={Boolean(user)}
            value={email}
            onChange={(e) => {
              touch('email');
              setEmail(e.currentTarget.value);
            }}
            error={errors.email}
          />
          <TextInput
            label={t('users.fullName')}
            required
            value={fullName}
            onChange={(e) => {
              touch('fullName');
              setFullName(e.currentTarget.value);
            }}
            error={errors.fullName}
          />
          {user ? null : (
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordHelp')}
              autoComplete="new-password"
              value={password}
              onChange={(e) => {
                touch('password');
                setPassword(e.currentTarget.value);
              }}
              error={errors.password}
            />
          )}
          <div>
            <Text size="sm" fw={500} mb={4} id="user-locale-label">
              {t('users.locale')}
            </Text>
            <SegmentedControl
              aria-labelledby="user-locale-label"
              value={locale}
              onChange={(v) => setLocale(v as Locale)}
              data={[
                { value: 'vi', label: t('lang.vi') },
                { value: 'en', label: t('lang.en') },
              ]}
            />
          </div>
          {user ? (
            <Switch
              label={isActive ? t('users.active') : t('users.inactive')}
              checked={isActive}
              onChange={(e) => setIsActive(e.currentTarget.checked)}
            />
          ) : null}
          <GrantsEditor grants={grants} onChange={setGrants} errors={errors} onTouch={touch} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {user ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
