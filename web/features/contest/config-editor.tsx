import { Alert, Code, Stack, Textarea, Title } from '@mantine/core';
import { rulesSummary } from '../../../core/contest/summary.js';
import { ContestConfigSchema } from '../../../core/contracts/contest.js';
import { useContestT } from './contest-i18n.js';

// The contest configuration as JSON with a live check by the engine's own schema and the Vietnamese rules
// summary it generates, so the organiser sees the thể lệ text before saving.

export const CONFIG_TEMPLATE = {
  rulesText: 'Thể lệ cuộc thi…',
  eligibility: {
    minAge: 15,
    residence: 'province',
    excluded: 'Thành viên Ban Tổ chức, Tổ biên soạn câu hỏi, Tổ thư ký',
  },
  groups: [
    {
      key: 'officials',
      name: 'Cán bộ, công chức, viên chức',
      prizes: [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 3 },
        { tier: 'third', count: 5 },
        { tier: 'consolation', count: 10 },
      ],
    },
    {
      key: 'citizens',
      name: 'Nhân dân',
      prizes: [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 5 },
        { tier: 'third', count: 10 },
        { tier: 'consolation', count: 15 },
      ],
    },
  ],
  rounds: [{ key: 'dot-1', name: 'Đợt 1', startsAt: '2026-12-10T00:00', endsAt: '2027-01-10T00:00' }],
  questionsPerAttempt: 15,
  selection: { mode: 'random', quotas: [{ categoryId: null, difficulty: null, count: 15 }] },
  shuffleQuestions: true,
  shuffleOptions: true,
  timeLimitSeconds: 600,
  graceSeconds: 15,
  attemptsPerRound: 3,
  counting: 'best',
  prediction: { question: 'Có bao nhiêu người trả lời đúng tất cả các câu hỏi?', target: 'perfect_scorers' },
  tieBreaks: ['prediction', 'duration', 'submitted_at'],
  onePrizePerPerson: true,
  registration: [
    { field: 'fullName', required: true },
    { field: 'phone', required: true, unique: true },
    { field: 'cccd', required: false, unique: true },
    { field: 'unit', required: true },
  ],
  verification: 'none',
  retentionDays: 365,
  collective: {
    formula: 'rate_plus_points',
    points: { first: 10, second: 8, third: 6, consolation: 4 },
    prizes: [{ label: 'Giải tập thể', count: 3 }],
  },
};

export function parseConfig(text: string) {
  try {
    return ContestConfigSchema.safeParse(JSON.parse(text));
  } catch (e) {
    return {
      success: false as const,
      error: { issues: [{ path: [], message: String((e as Error).message) }] },
    };
  }
}

export function ConfigEditor({
  title,
  value,
  onChange,
  categories,
}: {
  title: string;
  value: string;
  onChange: (v: string) => void;
  categories: Map<number, string>;
}) {
  const { t } = useContestT();
  const parsed = parseConfig(value);
  return (
    <Stack gap="xs">
      <Textarea
        label={t('config')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={12}
        maxRows={24}
        styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
        data-testid="contest-config"
      />
      {parsed.success ? (
        <>
          <Title order={4}>{t('preview')}</Title>
          <Code block data-testid="contest-summary-preview" style={{ whiteSpace: 'pre-wrap' }}>
            {rulesSummary(title || '…', parsed.data, categories)}
          </Code>
        </>
      ) : (
        <Alert color="red" title={t('configErrors')}>
          {parsed.error.issues.slice(0, 8).map((i) => (
            <div key={`${i.path.join('.')}:${i.message}`}>
              {i.path.join('.') || '—'}: {i.message}
            </div>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
