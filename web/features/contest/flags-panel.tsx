import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SuspicionKind } from '../../../core/contest/suspicion.js';
import type {
  ContestFlag,
  ContestFlagList,
  ContestFlagReview,
} from '../../../core/contracts/contest-review.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { api } from '../../lib/api-client.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';

// Suspicion review for organisers: the flags the hourly scan found (shared IP block or device, identical wrong
// answers, impossible speed, registration bursts) with their evidence in words, each cleared or confirmed with a
// note; a confirmed flag excludes its people from prizes only when the organiser ticks it. Nobody is banned.

const TEXTS = {
  vi: {
    intro:
      'Các dấu hiệu bất thường do hệ thống tự tìm (mỗi giờ), để người xem xét. Không ai bị loại tự động: chỉ khi Ban Tổ chức xác nhận và đánh dấu loại khỏi giải.',
    none: 'Chưa có dấu hiệu nào.',
    open: 'Chờ xem xét',
    cleared: 'Không vi phạm',
    confirmed: 'Đã xác nhận',
    all: 'Tất cả',
    people: 'Người liên quan',
    evidence: 'Căn cứ',
    found: 'Phát hiện lúc',
    review: 'Xem xét',
    clear: 'Không vi phạm',
    confirm: 'Xác nhận vi phạm',
    note: 'Ghi chú (bắt buộc)',
    exclude: 'Loại những người này khỏi giải thưởng',
    save: 'Lưu kết luận',
    saved: 'Đã lưu kết luận',
    excluded: 'Loại khỏi giải',
    round: 'Đợt',
    downloadPeople: 'Tải danh sách người dự thi (có CCCD, điện thoại)',
    more: 'và {n} người khác',
  },
  en: {
    intro:
      'Unusual patterns the system found (hourly), for a person to review. Nobody is excluded automatically: only when the organisers confirm and tick exclusion.',
    none: 'No flags yet.',
    open: 'To review',
    cleared: 'Cleared',
    confirmed: 'Confirmed',
    all: 'All',
    people: 'People',
    evidence: 'Evidence',
    found: 'Found at',
    review: 'Review',
    clear: 'Clear',
    confirm: 'Confirm',
    note: 'Note (required)',
    exclude: 'Exclude these people from prizes',
    save: 'Save the decision',
    saved: 'Decision saved',
    excluded: 'Excluded from prizes',
    round: 'Round',
    downloadPeople: 'Download participants (with CCCD and phone)',
    more: 'and {n} more',
  },
} as const;

const KIND: Record<SuspicionKind, { vi: string; en: string }> = {
  shared_ip_block: { vi: 'Nhiều tài khoản cùng một dải mạng', en: 'Many accounts on one IP block' },
  shared_device: { vi: 'Nhiều tài khoản cùng một thiết bị', en: 'Several accounts on one device' },
  identical_answers: { vi: 'Trùng các câu trả lời sai', en: 'Identical wrong answers' },
  impossible_speed: { vi: 'Tốc độ làm bài bất thường', en: 'Impossible speed' },
  registration_burst: { vi: 'Đăng ký dồn dập', en: 'Registration burst' },
};

type Lang = 'vi' | 'en';

function evidenceText(f: ContestFlag, lang: Lang): string {
  const e = f.evidence as Record<string, number | string | number[]>;
  const vi = lang === 'vi';
  switch (f.kind) {
    case 'shared_ip_block':
      return vi ? `${e.participants} người cùng một dải mạng` : `${e.participants} people on one IP block`;
    case 'shared_device':
      return vi
        ? `${e.participants} người cùng một thiết bị và dải mạng`
        : `${e.participants} people on one device`;
    case 'identical_answers':
      return vi
        ? `${e.identicalWrongAnswers} câu trả lời sai giống hệt nhau (bài ${(e.attemptIds as number[]).join(', ')})`
        : `${e.identicalWrongAnswers} identical wrong answers (attempts ${(e.attemptIds as number[]).join(', ')})`;
    case 'impossible_speed':
      return vi
        ? `Đúng ${e.score}/${e.total} câu, ${Math.round(Number(e.msPerQuestion) / 100) / 10} giây mỗi câu`
        : `${e.score}/${e.total} right, ${Math.round(Number(e.msPerQuestion) / 100) / 10} s a question`;
    case 'registration_burst':
      return vi
        ? `${e.registrations} lượt đăng ký từ một dải mạng trong ${e.windowMinutes} phút`
        : `${e.registrations} registrations from one block within ${e.windowMinutes} minutes`;
  }
}

const SHOWN = 8;
/** How many people a flag concerns (the evidence's count when the stored list is capped). */
const peopleOf = (f: ContestFlag) =>
  Math.max(f.participants.length, Number((f.evidence as { participants?: number }).participants ?? 0));

const STATUS_COLOR = { open: 'orange', cleared: 'gray', confirmed: 'red' } as const;

export function FlagsPanel({ contestId }: { contestId: number }) {
  const { locale } = useI18n();
  const lang: Lang = locale === 'en' ? 'en' : 'vi';
  const t = TEXTS[lang];
  const [status, setStatus] = useState<'open' | 'cleared' | 'confirmed' | 'all'>('open');
  const [reviewing, setReviewing] = useState<ContestFlag | null>(null);
  const queryClient = useQueryClient();
  const flags = useQuery({
    queryKey: ['contest', contestId, 'flags', status],
    queryFn: () =>
      api.get<ContestFlagList>(
        `/api/contest/contests/${contestId}/flags`,
        status === 'all' ? {} : { status },
      ),
  });
  const counts = flags.data?.counts;
  return (
    <Stack>
      <Text c="dimmed">{t.intro}</Text>
      <Group justify="space-between">
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={(['open', 'confirmed', 'cleared', 'all'] as const).map((s) => ({
            value: s,
            label: s === 'all' || !counts ? t[s] : `${t[s]} (${formatNumber(counts[s], locale)})`,
          }))}
        />
        <Button component="a" variant="default" href={`/api/contest/contests/${contestId}/participants.xlsx`}>
          {t.downloadPeople}
        </Button>
      </Group>
      {flags.error ? <ErrorAlert error={flags.error} /> : null}
      {flags.data && flags.data.items.length === 0 ? <Alert color="gray">{t.none}</Alert> : null}
      {flags.data && flags.data.items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.evidence}</Table.Th>
              <Table.Th>{t.people}</Table.Th>
              <Table.Th>{t.found}</Table.Th>
              <Table.Th>{t.review}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flags.data.items.map((f) => (
              <Table.Tr key={f.id} style={{ verticalAlign: 'top' }}>
                <Table.Td maw={320}>
                  <Text fw={600}>{KIND[f.kind][lang]}</Text>
                  <Text size="sm">{evidenceText(f, lang)}</Text>
                  {f.roundKey ? (
                    <Text size="sm" c="dimmed">
                      {t.round}: {f.roundKey}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td maw={280}>
                  {f.participants.slice(0, SHOWN).map((p) => (
                    <Text key={p.id} size="sm">
                      {p.fullName}
                      {p.unitName ? ` — ${p.unitName}` : ''}
                    </Text>
                  ))}
                  {peopleOf(f) > SHOWN ? (
                    <Text size="sm" c="dimmed">
                      {t.more.replace('{n}', formatNumber(peopleOf(f) - SHOWN, locale))}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDateTime(f.createdAt, locale)}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color={STATUS_COLOR[f.status]} variant="light">
                      {t[f.status]}
                    </Badge>
                    {f.excludeFromPrizes ? (
                      <Badge color="red" variant="outline">
                        {t.excluded}
                      </Badge>
                    ) : null}
                    {f.note ? <Text size="sm">{f.note}</Text> : null}
                    <Button size="xs" variant="default" onClick={() => setReviewing(f)}>
                      {t.review}
                    </Button>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {reviewing ? (
        <ReviewModal
          flag={reviewing}
          lang={lang}
          onClose={() => setReviewing(null)}
          onSaved={() => {
            setReviewing(null);
            notify(t.saved);
            void queryClient.invalidateQueries({ queryKey: ['contest', contestId, 'flags'] });
          }}
        />
      ) : null}
    </Stack>
  );
}

function ReviewModal(props: { flag: ContestFlag; lang: Lang; onClose: () => void; onSaved: () => void }) {
  const t = TEXTS[props.lang];
  const [decision, setDecision] = useState<ContestFlagReview['decision']>(
    props.flag.status === 'confirmed' ? 'confirmed' : 'cleared',
  );
  const [note, setNote] = useState(props.flag.note ?? '');
  const [exclude, setExclude] = useState(props.flag.excludeFromPrizes);
  const save = useMutation({
    mutationFn: () =>
      api.post<ContestFlag>(`/api/contest/contest-flags/${props.flag.id}/review`, {
        decision,
        note,
        excludeFromPrizes: decision === 'confirmed' && exclude,
      }),
    onSuccess: props.onSaved,
  });
  return (
    <AppModal opened onClose={props.onClose} title={`${t.review}: ${KIND[props.flag.kind][props.lang]}`}>
      <Stack>
        <Text size="sm">{evidenceText(props.flag, props.lang)}</Text>
        <SegmentedControl
          value={decision}
          onChange={(v) => setDecision(v as ContestFlagReview['decision'])}
          data={[
            { value: 'cleared', label: t.clear },
            { value: 'confirmed', label: t.confirm },
          ]}
        />
        <Textarea
          label={t.note}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          autosize
          minRows={2}
        />
        {decision === 'confirmed' ? (
          <Checkbox
            label={t.exclude}
            checked={exclude}
            onChange={(e) => setExclude(e.currentTarget.checked)}
          />
        ) : null}
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={note.trim().length < 3}>
            {t.save}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
