import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CourseView } from '../../../core/contracts/community-training.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { api } from '../../lib/api-client.js';
import { formatDate } from '../../lib/format.js';
import { useCT } from './community-i18n.js';

// Training courses seen from a unit: the courses organised by it or above, a course's sessions (check-in codes for
// its organisers, to show as a QR code on the day), registered officials with their attendance, a check-in by code
// and the certificate download.

type CourseItem = Pick<
  CourseView,
  'id' | 'title' | 'organiser' | 'startsOn' | 'endsOn' | 'mode' | 'capacity'
>;

export function TrainingTab({ unitId }: { unitId: number }) {
  const { locale } = useCT();
  const vi = locale !== 'en';
  const [open, setOpen] = useState<number | null>(null);
  const courses = useQuery({
    queryKey: ['community', 'courses', unitId],
    queryFn: () => api.get<{ items: CourseItem[] }>('/api/training/courses', { unitId }),
  });
  if (courses.isLoading) return <PageLoader />;
  if (courses.error) return <ErrorAlert error={courses.error} />;
  return (
    <Stack>
      {(courses.data?.items ?? []).length === 0 && (
        <Text c="dimmed">{vi ? 'Chưa có khoá tập huấn' : 'No course yet'}</Text>
      )}
      {(courses.data?.items ?? []).map((c) => (
        <Card key={c.id} withBorder>
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Text fw={600}>{c.title}</Text>
              <Text size="sm" c="dimmed">
                {c.organiser} · {formatDate(c.startsOn, locale)} – {formatDate(c.endsOn, locale)}
              </Text>
            </Stack>
            <Button variant="light" onClick={() => setOpen(open === c.id ? null : c.id)}>
              {vi ? 'Chi tiết' : 'Details'}
            </Button>
          </Group>
          {open === c.id && <CourseDetail id={c.id} />}
        </Card>
      ))}
    </Stack>
  );
}

function CourseDetail({ id }: { id: number }) {
  const { locale } = useCT();
  const vi = locale !== 'en';
  const qc = useQueryClient();
  const course = useQuery({
    queryKey: ['community', 'course', id],
    queryFn: () => api.get<CourseView>(`/api/training/courses/${id}`),
  });
  const [code, setCode] = useState('');
  const [registrationId, setRegistrationId] = useState<string | null>(null);
  const checkIn = useMutation({
    mutationFn: () =>
      api.post<{ certificateCode: string | null }>('/api/training/attendance', {
        code,
        registrationId: Number(registrationId),
      }),
    onSuccess: async (r) => {
      notify(
        r.certificateCode
          ? vi
            ? `Đã điểm danh, cấp chứng nhận ${r.certificateCode}`
            : `Checked in; certificate ${r.certificateCode}`
          : vi
            ? 'Đã điểm danh'
            : 'Checked in',
      );
      await qc.invalidateQueries({ queryKey: ['community', 'course', id] });
    },
  });
  if (course.isLoading) return <PageLoader />;
  if (course.error) return <ErrorAlert error={course.error} />;
  const d = course.data!;
  return (
    <Stack mt="sm">
      <Title order={5}>{vi ? 'Buổi học' : 'Sessions'}</Title>
      <Table>
        <Table.Tbody>
          {d.sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{formatDate(s.sessionDate, locale)}</Table.Td>
              <Table.Td>{s.place}</Table.Td>
              <Table.Td>{s.checkinCode && <Badge variant="outline">{s.checkinCode}</Badge>}</Table.Td>
              <Table.Td>
                {s.attended} {vi ? 'người dự' : 'attended'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{vi ? 'Học viên' : 'Participants'}</Title>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Tbody>
            {d.registrations.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.fullName}</Table.Td>
                <Table.Td>{r.unitName}</Table.Td>
                <Table.Td>
                  {r.attended}/{d.sessions.length}
                </Table.Td>
                <Table.Td>
                  {r.certificateCode ? (
                    <a href={`/api/training/registrations/${r.id}/certificate.pdf`}>
                      {vi ? 'Giấy chứng nhận' : 'Certificate'}
                    </a>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group align="end" wrap="wrap">
        <Select
          label={vi ? 'Học viên' : 'Participant'}
          data={d.registrations.map((r) => ({ value: String(r.id), label: r.fullName }))}
          value={registrationId}
          onChange={setRegistrationId}
        />
        <TextInput
          label={vi ? 'Mã điểm danh (QR)' : 'Check-in code (QR)'}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Button
          onClick={() => checkIn.mutate()}
          disabled={!code || !registrationId}
          loading={checkIn.isPending}
        >
          {vi ? 'Điểm danh' : 'Check in'}
        </Button>
      </Group>
      {checkIn.error && <ErrorAlert error={checkIn.error} />}
    </Stack>
  );
}
