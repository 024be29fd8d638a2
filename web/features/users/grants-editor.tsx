import { ActionIcon, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { ROLES, type Role } from '../../../core/accounts/permissions.js';
import { useT } from '../../i18n/i18n-context.js';
import { UnitPicker } from '../units/unit-picker.js';

export type GrantDraft = { key: number; role: Role; unitId: number | null; unitName: string };

type Props = {
  grants: GrantDraft[];
  onChange: (grants: GrantDraft[]) => void;
  errors: Record<string, string>;
  onTouch: (field: string) => void;
};

let nextKey = 1;
export function newGrantDraft(
  role: Role = 'officer',
  unitId: number | null = null,
  unitName = '',
): GrantDraft {
  nextKey += 1;
  return { key: nextKey, role, unitId, unitName };
}

/** Rows of role + unit; each role covers the picked unit's whole subtree. */
export function GrantsEditor({ grants, onChange, errors, onTouch }: Props) {
  const t = useT();
  const update = (key: number, change: Partial<GrantDraft>) =>
    onChange(grants.map((g) => (g.key === key ? { ...g, ...change } : g)));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('users.grants')}
      </Text>
      {grants.length === 0 ? (
        <Text size="sm" c={errors.grants ? 'red.8' : 'gray.7'}>
          {errors.grants ?? t('users.noGrants')}
        </Text>
      ) : null}
      {grants.map((g, index) => (
        <Paper key={g.key} withBorder p="xs">
          <Group align="flex-end" wrap="wrap" gap="xs">
            <Select
              label={t('users.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              value={g.role}
              onChange={(v) => {
                onTouch(`grants.${index}.role`);
                if (v) update(g.key, { role: v as Role });
              }}
              allowDeselect={false}
              error={errors[`grants.${index}.role`]}
              w={{ base: '100%', xs: 200 }}
            />
            <div style={{ flex: 1, minWidth: 220 }}>
              <UnitPicker
                label={t('users.unit')}
                value={g.unitId}
                initialLabel={g.unitName}
                onChange={(u) => {
                  onTouch(`grants.${index}.unitId`);
                  update(g.key, { unitId: u?.id ?? null, unitName: u?.name ?? '' });
                }}
                error={errors[`grants.${index}.unitId`]}
                testId={`grant-unit-${index}`}
              />
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('users.removeGrant')}
              onClick={() => onChange(grants.filter((x) => x.key !== g.key))}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Button
        variant="light"
        size="xs"
        onClick={() => {
          onTouch('grants');
          onChange([...grants, newGrantDraft()]);
        }}
        w="fit-content"
      >
        + {t('users.addGrant')}
      </Button>
    </Stack>
  );
}
