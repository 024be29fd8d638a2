import {
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportResult } from '../../../core/contracts/contest.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { useSession } from '../auth/use-session.js';
import { UnitPicker } from '../units/unit-picker.js';
import { contestApi } from './contest-api.js';
import { useContestT } from './contest-i18n.js';

// The question bank of an organising unit: questions by category and difficulty, a question added by hand,
// an import from GIFT, Aiken or xlsx previewed row by row with its errors before anything is written.

type Format = 'gift' | 'aiken' | 'xlsx';

async function readFile(file: File, format: Format): Promise<string> {
  if (format !== 'xlsx') return file.text();
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function BankPage() {
  const { t } = useContestT();
  const session = useSession();
  const first = session.data?.grants[0];
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(
    first ? { id: first.unitId, name: first.unitName } : null,
  );
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [archiving, setArchiving] = useState<number | null>(null);
  const qc = useQueryClient();
  const bank = useQuery({
    queryKey: ['contest', 'bank', unit?.id],
    queryFn: () => contestApi.questions(unit!.id),
    enabled: !!unit,
  });
  const archive = useMutation({
    mutationFn: (id: number) => contestApi.archiveQuestion(id),
    onSuccess: () => {
      notify(t('done'));
      setArchiving(null);
      qc.invalidateQueries({ queryKey: ['contest', 'bank'] });
    },
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('bank')}</Title>
        <Group>
          <Button variant="light" onClick={() => setImporting(true)} disabled={!unit}>
            {t('import')}
          </Button>
          <Button onClick={() => setAdding(true)} disabled={!unit}>
            {t('addQuestion')}
          </Button>
        </Group>
      </Group>
      <UnitPicker label={t('unit')} value={unit?.id ?? null} initialLabel={unit?.name} onChange={setUnit} />
      {bank.error ? <ErrorAlert error={bank.error} /> : null}
      <Group>
        {bank.data?.categories.map((c) => (
          <Badge key={c.id} variant="light" size="lg">
            {c.name}: {c.questions}
          </Badge>
        ))}
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('question')}</Table.Th>
            <Table.Th>{t('category')}</Table.Th>
            <Table.Th>{t('difficulty')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bank.data?.items.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td>
                <Text size="sm">{q.text}</Text>
                <Text size="xs" c="dimmed">
                  {q.options.map((o) => `${o.correct ? '✔ ' : ''}${o.text}`).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>{q.category}</Table.Td>
              <Table.Td>{t(q.difficulty)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" color="red" onClick={() => setArchiving(q.id)}>
                  {t('archive')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {adding && unit ? <AddQuestion unitId={unit.id} onClose={() => setAdding(false)} /> : null}
      {importing && unit ? <ImportQuestions unitId={unit.id} onClose={() => setImporting(false)} /> : null}
      <AppModal opened={archiving !== null} onClose={() => setArchiving(null)} title={t('archive')}>
        <Stack>
          <Text>{t('archiveConfirm')}</Text>
          {archive.error ? <ErrorAlert error={archive.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setArchiving(null)}>
              {t('cancel')}
            </Button>
            <Button
              color="red"
              loading={archive.isPending}
              onClick={() => archiving && archive.mutate(archiving)}
            >
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}

function AddQuestion({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t } = useContestT();
  const qc = useQueryClient();
  const [category, setCategory] = useState('');
  const [difficulty, setDifficulty] = useState<'easy' | 'medium' | 'hard'>('medium');
  const [text, setText] = useState('');
  const [options, setOptions] = useState([
    { text: '', correct: true },
    { text: '', correct: false },
    { text: '', correct: false },
    { text: '', correct: false },
  ]);
  const add = useMutation({
    mutationFn: () => {
      const filled = options.filter((o) => o.text.trim());
      return contestApi.addQuestion({
        unitId,
        category,
        difficulty,
        kind: filled.filter((o) => o.correct).length > 1 ? 'multiple' : 'single',
        text,
        options: filled,
      });
    },
    onSuccess: () => {
      notify(t('done'));
      qc.invalidateQueries({ queryKey: ['contest', 'bank'] });
      onClose();
    },
  });
  return (
    <AppModal opened onClose={onClose} title={t('addQuestion')} size="lg">
      <Stack>
        <TextInput
          label={t('category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
          required
        />
        <Select
          label={t('difficulty')}
          value={difficulty}
          onChange={(v) => setDifficulty((v as typeof difficulty) ?? 'medium')}
          data={(['easy', 'medium', 'hard'] as const).map((d) => ({ value: d, label: t(d) }))}
          allowDeselect={false}
        />
        <Textarea
          label={t('question')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          required
          autosize
          minRows={2}
        />
        <Text fw={600} size="sm">
          {t('options')}
        </Text>
        {options.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the options are edited in place, by position
          <Group key={i} wrap="nowrap">
            <Checkbox
              aria-label={t('correct')}
              checked={o.correct}
              onChange={(e) =>
                setOptions(options.map((x, j) => (j === i ? { ...x, correct: e.currentTarget.checked } : x)))
              }
            />
            <TextInput
              style={{ flex: 1 }}
              value={o.text}
              aria-label={`${t('options')} ${i + 1}`}
              onChange={(e) =>
                setOptions(options.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)))
              }
            />
          </Group>
        ))}
        <Button
          variant="subtle"
          onClick={() => setOptions([...options, { text: '', correct: false }])}
          disabled={options.length >= 8}
        >
          {t('addOption')}
        </Button>
        {add.error ? <ErrorAlert error={add.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button onClick={() => add.mutate()} loading={add.isPending}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function ImportQuestions({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t } = useContestT();
  const qc = useQueryClient();
  const [format, setFormat] = useState<Format>('gift');
  const [file, setFile] = useState<File | null>(null);
  const [category, setCategory] = useState('');
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const run = useMutation({
    mutationFn: async (mode: 'preview' | 'commit') =>
      contestApi.importQuestions(
        { unitId, format, mode, category: category || undefined },
        await readFile(file as File, format),
      ),
    onSuccess: (result, mode) => {
      if (mode === 'preview') return setPreview(result);
      notify(t('done'));
      qc.invalidateQueries({ queryKey: ['contest', 'bank'] });
      onClose();
    },
  });
  return (
    <AppModal opened onClose={onClose} title={t('import')} size="xl">
      <Stack>
        <Select
          label={t('format')}
          value={format}
          onChange={(v) => setFormat((v as Format) ?? 'gift')}
          allowDeselect={false}
          data={[
            { value: 'gift', label: 'GIFT (Moodle)' },
            { value: 'aiken', label: 'Aiken' },
            { value: 'xlsx', label: 'Excel (.xlsx)' },
          ]}
        />
        <FileInput
          label={t('file')}
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
          }}
          accept=".txt,.gift,.xlsx"
        />
        <TextInput
          label={t('category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
        />
        {run.error ? <ErrorAlert error={run.error} /> : null}
        {preview ? (
          <>
            <Text>{t('valid', { valid: preview.valid, invalid: preview.invalid })}</Text>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('row')}</Table.Th>
                  <Table.Th>{t('question')}</Table.Th>
                  <Table.Th>{t('errors')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.slice(0, 200).map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.question ? `${r.question.text} (${r.question.category})` : '—'}</Table.Td>
                    <Table.Td c="red">{r.errors.join('; ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => run.mutate('preview')}
            disabled={!file}
            loading={run.isPending && !preview}
          >
            {t('importPreview')}
          </Button>
          <Button
            onClick={() => run.mutate('commit')}
            disabled={!preview || preview.valid === 0}
            loading={run.isPending && !!preview}
          >
            {t('importCommit', { n: preview?.valid ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
