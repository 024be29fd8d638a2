import { Alert, Button, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConsistencyRule, Framework } from '../../../core/contracts/measure-framework.js';
import { AppModal } from '../../components/app-modal.js';
import { notify } from '../../components/notify.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ApiError } from '../../lib/api-client.js';
import { ruleMessage, useCT } from './consistency-i18n.js';
import { measureApi } from './measure-api.js';
import { useMT } from './measure-i18n.js';

// The framework's consistency rules: listed for everyone who may read the framework, added, edited and
// removed by those who may edit it. Saved as a whole definition through the framework update endpoint, whose
// validator (syntax, unknown codes, duplicates) answers with field errors shown beside the rule's inputs.

type Fields = keyof ConsistencyRule;
const EMPTY: ConsistencyRule = { code: '', expression: '', message: '', messageEn: '' };

/** The definition with rule `at` replaced by `next` (appended when `at` is past the end, dropped when null). */
function withRule(fw: Framework, at: number, next: ConsistencyRule | null): Framework {
  const rules = [...(fw.consistencyRules ?? [])];
  if (next === null) rules.splice(at, 1);
  else rules[at] = { ...next, messageEn: next.messageEn?.trim() || undefined };
  return { ...structuredClone(fw), consistencyRules: rules };
}

/** Field errors for rule `at`, keyed by its field; anything else about the definition goes under `_other`. */
export function ruleErrors(error: unknown, at: number): Partial<Record<Fields | '_other', string>> {
  if (!(error instanceof ApiError)) return error instanceof Error ? { _other: error.message } : {};
  const prefix = `body.definition.consistencyRules.${at}.`;
  const out: Partial<Record<Fields | '_other', string>> = {};
  for (const e of error.problem.errors ?? []) {
    if (e.field.startsWith(prefix)) out[e.field.slice(prefix.length).split('.')[0] as Fields] ??= e.message;
    else out._other = out._other ? `${out._other}; ${e.message}` : e.message;
  }
  if (!error.problem.errors?.length) out._other = error.message;
  return out;
}

function useSaveRules(id: number, onDone: (createdNewVersion: boolean) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: Framework) => measureApi.saveFramework(id, definition),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['measure'] });
      onDone(r.createdNewVersion);
    },
  });
}

function RuleForm(props: { id: number; fw: Framework; at: number; onClose: () => void }) {
  const t = useMT();
  const ct = useCT();
  const [rule, setRule] = useState<ConsistencyRule>({ ...EMPTY, ...props.fw.consistencyRules?.[props.at] });
  const save = useSaveRules(props.id, (createdNewVersion) => {
    notify(createdNewVersion ? t('m.newVersion') : ct('c.saved'));
    props.onClose();
  });
  const errors = ruleErrors(save.error, props.at);
  const field = (key: Fields) => ({
    value: rule[key] ?? '',
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setRule((r) => ({ ...r, [key]: value }));
    },
  });
  return (
    <Stack>
      {errors._other ? (
        <Alert color="red" role="alert">
          {errors._other}
        </Alert>
      ) : null}
      <TextInput label={ct('c.code')} required {...field('code')} data-testid="rule-code" />
      <TextInput
        label={ct('c.expression')}
        description={ct('c.expressionHint')}
        required
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        {...field('expression')}
        data-testid="rule-expression"
      />
      <Textarea label={ct('c.message')} required autosize minRows={2} {...field('message')} />
      <Textarea label={ct('c.messageEn')} autosize minRows={2} {...field('messageEn')} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('m.cancel')}
        </Button>
        <Button onClick={() => save.mutate(withRule(props.fw, props.at, rule))} loading={save.isPending}>
          {t('m.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function RemoveRule(props: { id: number; fw: Framework; at: number; onClose: () => void }) {
  const t = useMT();
  const ct = useCT();
  const rule = props.fw.consistencyRules?.[props.at];
  const remove = useSaveRules(props.id, (createdNewVersion) => {
    notify(createdNewVersion ? t('m.newVersion') : ct('c.removed'));
    props.onClose();
  });
  const error = ruleErrors(remove.error, props.at);
  const message = Object.values(error).join('; ');
  return (
    <Stack>
      {message ? (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      ) : null}
      <Text>{ct('c.removeConfirm', { code: rule?.code ?? '', expression: rule?.expression ?? '' })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('m.cancel')}
        </Button>
        <Button
          color="red"
          onClick={() => remove.mutate(withRule(props.fw, props.at, null))}
          loading={remove.isPending}
        >
          {ct('c.remove')}
        </Button>
      </Group>
    </Stack>
  );
}

type Dialog = { kind: 'edit' | 'remove'; at: number } | null;

export function ConsistencyRulesSection({
  id,
  fw,
  canEdit,
}: {
  id: number;
  fw: Framework;
  canEdit: boolean;
}) {
  const ct = useCT();
  const { locale } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const rules = fw.consistencyRules ?? [];
  const close = () => setDialog(null);
  const editing = dialog?.kind === 'edit' ? dialog.at : null;
  return (
    <Stack component="section" gap="xs" mt="lg" aria-labelledby="consistency-rules-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="consistency-rules-title">
          {ct('c.title')}
        </Title>
        {canEdit ? (
          <Button size="xs" onClick={() => setDialog({ kind: 'edit', at: rules.length })}>
            {ct('c.add')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {ct('c.note')}
      </Text>
      {rules.length === 0 ? (
        <Text size="sm">{ct('c.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table fz="sm" striped data-testid="consistency-rules">
            <TableHeader
              columns={[
                ct('c.code'),
                ct('c.expression'),
                ct('c.message'),
                ...(canEdit ? [ct('c.actions')] : []),
              ]}
            />
            <Table.Tbody>
              {rules.map((r, i) => (
                <Table.Tr key={r.code}>
                  <Table.Td>{r.code}</Table.Td>
                  <Table.Td ff="monospace">{r.expression}</Table.Td>
                  <Table.Td>{ruleMessage(r, locale)}</Table.Td>
                  {canEdit ? (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={`${ct('c.edit')} ${r.code}`}
                        onClick={() => setDialog({ kind: 'edit', at: i })}
                      >
                        {ct('c.edit')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={`${ct('c.remove')} ${r.code}`}
                        onClick={() => setDialog({ kind: 'remove', at: i })}
                      >
                        {ct('c.remove')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AppModal
        opened={editing !== null}
        onClose={close}
        size="lg"
        title={
          editing !== null && editing < rules.length
            ? ct('c.editTitle', { code: rules[editing].code })
            : ct('c.addTitle')
        }
      >
        {editing !== null ? <RuleForm id={id} fw={fw} at={editing} onClose={close} /> : null}
      </AppModal>
      <AppModal opened={dialog?.kind === 'remove'} onClose={close} title={ct('c.removeTitle')}>
        {dialog?.kind === 'remove' ? <RemoveRule id={id} fw={fw} at={dialog.at} onClose={close} /> : null}
      </AppModal>
    </Stack>
  );
}
