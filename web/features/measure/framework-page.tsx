import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Component, Framework } from '../../../core/contracts/measure-framework.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { ApiError } from '../../lib/api-client.js';
import { ConsistencyRulesSection } from './consistency-rules-section.js';
import { analysisApi } from './measure-analysis-api.js';
import { measureApi } from './measure-api.js';
import { type MeasureKey, useMT } from './measure-i18n.js';
import { fmtPoints, StatusBadge } from './measure-shared.js';
import { summarizeRule } from './rule-summary.js';

type Path = { g: number; m: number; c: number };

/** A copy of the definition with one component replaced (the API saves whole definitions). */
function withComponent(fw: Framework, at: Path, next: Component): Framework {
  const copy = structuredClone(fw);
  copy.groups[at.g].mainIndices[at.m].components[at.c] = next;
  return copy;
}

/** Field errors under this component's path, keyed by the field after it (name, maxPoints, rule…). */
function componentErrors(error: unknown, at: Path): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const prefix = `body.definition.groups.${at.g}.mainIndices.${at.m}.components.${at.c}.`;
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    if (e.field.startsWith(prefix)) out[e.field.slice(prefix.length).split('.')[0]] ??= e.message;
    else out._other = out._other ? `${out._other}; ${e.message}` : e.message;
  }
  return out;
}

function EditComponent({
  id,
  fw,
  at,
  onClose,
}: {
  id: number;
  fw: Framework;
  at: Path;
  onClose: () => void;
}) {
  const t = useMT();
  const queryClient = useQueryClient();
  const original = fw.groups[at.g].mainIndices[at.m].components[at.c];
  const [name, setName] = useState(original.name);
  const [maxPoints, setMaxPoints] = useState<number | string>(original.maxPoints);
  const [rule, setRule] = useState(JSON.stringify(original.rule, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      let parsed: Component['rule'];
      try {
        parsed = JSON.parse(rule);
      } catch {
        setJsonError(t('m.invalidJson'));
        throw new Error(t('m.invalidJson'));
      }
      setJsonError(null);
      return measureApi.saveFramework(
        id,
        withComponent(fw, at, { ...original, name, maxPoints: Number(maxPoints), rule: parsed }),
      );
    },
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['measure'] });
      notify(r.createdNewVersion ? t('m.newVersion') : t('m.saved'));
      onClose();
    },
  });
  const errors = componentErrors(save.error, at);
  return (
    <Stack>
      {errors._other ? (
        <Alert color="red" role="alert">
          {errors._other}
        </Alert>
      ) : null}
      <TextInput
        label={t('m.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <NumberInput
        label={t('m.maxPoints')}
        value={maxPoints}
        onChange={setMaxPoints}
        min={0}
        error={errors.maxPoints}
      />
      <Textarea
        label={t('m.ruleParams')}
        value={rule}
        onChange={(e) => setRule(e.currentTarget.value)}
        autosize
        minRows={4}
        ff="monospace"
        error={jsonError ?? errors.rule}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('m.cancel')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('m.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function downloadJson(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

export function FrameworkPage() {
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const id = Number(useParams().id);
  const detail = useQuery({
    queryKey: ['measure', 'framework', id],
    queryFn: () => measureApi.framework(id),
  });
  const [editing, setEditing] = useState<Path | null>(null);
  const exportJson = useMutation({
    mutationFn: () => measureApi.exportFramework(id),
    onSuccess: (def) => downloadJson(`${def.code}-v${def.version}.json`, def),
  });
  if (detail.isPending) return <PageLoader />;
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  const fw = detail.data.definition;
  const label = (x: { name: string; nameEn?: string }) => (locale === 'en' && x.nameEn ? x.nameEn : x.name);
  return (
    <>
      <Anchor component={Link} to="/measure/frameworks" size="sm">
        ← {t('m.frameworks')}
      </Anchor>
      <Group justify="space-between" mt="xs" mb="md" wrap="wrap">
        <Title order={1}>{detail.data.name}</Title>
        <Group gap="xs">
          <Badge variant="outline">
            {t('m.version')} {detail.data.version}
          </Badge>
          <StatusBadge status={detail.data.status} />
          <Button
            size="xs"
            variant="default"
            onClick={() => exportJson.mutate()}
            loading={exportJson.isPending}
          >
            {t('m.exportJson')}
          </Button>
          <Button size="xs" variant="default" component="a" href={analysisApi.frameworkXlsxUrl(id)} download>
            {t('m.export.framework')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={exportJson.error} />
      <Accordion multiple defaultValue={[fw.groups[0]?.code ?? '']} variant="separated">
        {fw.groups.map((g, gi) => (
          <Accordion.Item key={g.code} value={g.code}>
            <Accordion.Control>
              <Text fw={700}>
                {label(g)} · {fmtPoints(g.maxPoints, tag)} {t('m.points').toLowerCase()}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              {g.mainIndices.map((mi, mIdx) => (
                <Stack key={mi.code} gap={4} mb="md">
                  <Title order={2} size="h4">
                    {mi.code}. {label(mi)} ({fmtPoints(mi.maxPoints, tag)})
                  </Title>
                  <Table.ScrollContainer minWidth={900}>
                    <Table fz="sm" striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('m.code')}</Table.Th>
                          <Table.Th>{t('m.name')}</Table.Th>
                          <Table.Th ta="right">{t('m.maxPoints')}</Table.Th>
                          <Table.Th>{t('m.pillar')}</Table.Th>
                          <Table.Th>{t('m.rule')}</Table.Th>
                          <Table.Th>{t('m.evidenceRequired')}</Table.Th>
                          {detail.data.canEdit ? <Table.Th>{t('m.edit')}</Table.Th> : null}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {mi.components.map((c, ci) => {
                          const pillar = c.pillar === undefined ? mi.pillar : c.pillar;
                          return (
                            <Table.Tr key={c.code}>
                              <Table.Td>{c.code}</Table.Td>
                              <Table.Td>{label(c)}</Table.Td>
                              <Table.Td ta="right">{fmtPoints(c.maxPoints, tag)}</Table.Td>
                              <Table.Td>{pillar ? t(`m.pillar.${pillar}` as MeasureKey) : '–'}</Table.Td>
                              <Table.Td>{summarizeRule(c.rule, locale)}</Table.Td>
                              <Table.Td>{c.requiredEvidence ?? '–'}</Table.Td>
                              {detail.data.canEdit ? (
                                <Table.Td>
                                  <Button
                                    size="compact-xs"
                                    variant="subtle"
                                    aria-label={`${t('m.edit')} ${c.code}`}
                                    onClick={() => setEditing({ g: gi, m: mIdx, c: ci })}
                                  >
                                    {t('m.edit')}
                                  </Button>
                                </Table.Td>
                              ) : null}
                            </Table.Tr>
                          );
                        })}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              ))}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <ConsistencyRulesSection id={id} fw={fw} canEdit={detail.data.canEdit} />
      <AppModal opened={!!editing} onClose={() => setEditing(null)} title={t('m.editComponent')} size="lg">
        {editing ? <EditComponent id={id} fw={fw} at={editing} onClose={() => setEditing(null)} /> : null}
      </AppModal>
    </>
  );
}
