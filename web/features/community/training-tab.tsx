import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import qrcode from 'qrcode-generator';
import { useState } from 'react';
import type { AttendanceImport, CourseView } from '../../../core/contracts/community-training.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { api, postFile } from '../../lib/api-client.js';
import { formatDate } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { useCT } from './community-i18n.js';

/** A session's check-in code as a QR image (a GIF data URL), for the organiser to show on the day. */
function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(4, 2);
}

// Training courses seen from a unit: the courses organised by it or above, a course's sessions (check-in codes for
// its organisers, to show as a QR code on the day), registered officials with their attendance, a check-in by code
// and the certificate download; the organiser imports a session's attendance from the online platform's list
// (preview with row errors, then commit).

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
            <Table.Tr key={s.id} data-testid="course-session">
              <Table.Td>{formatDate(s.sessionDate, locale)}</Table.Td>
              <Table.Td>{s.place}</Table.Td>
              <Table.Td>
                {s.checkinCode && (
                  <Group gap="xs" wrap="nowrap">
                    <img
                      src={qrDataUrl(s.checkinCode)}
                      width={84}
                      height={84}
                      alt={vi ? `Mã QR điểm danh ${s.checkinCode}` : `Check-in QR code ${s.checkinCode}`}
                      data-testid="checkin-qr"
                    />
                    <Badge variant="outline">{s.checkinCode}</Badge>
                  </Group>
                )}
              </Table.Td>
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
      {d.can.manage && <AttendanceImportForm course={d} />}
    </Stack>
  );
}

function AttendanceImportForm({ course }: { course: CourseView }) {
  const { locale } = useCT();
  const vi = locale !== 'en';
  const qc = useQueryClient();
  const session = useSession();
  const [sessionId, setSessionId] = useState<string | null>(
    course.sessions[0] ? String(course.sessions[0].id) : null,
  );
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (commit: boolean) =>
      postFile<AttendanceImport>(
        `/api/training/courses/${course.id}/attendance-import?sessionId=${sessionId}&commit=${commit}`,
        file!,
        session.data?.csrfToken ?? '',
      ),
    onSuccess: async (r) => {
      if (r.committed) {
        notify(vi ? `Đã ghi điểm danh ${r.created} học viên` : `Recorded ${r.created} attendances`);
        await qc.invalidateQueries({ queryKey: ['community', 'course', course.id] });
      }
    },
  });
  const result = run.data;
  return (
    <Stack gap="xs" data-testid="attendance-import">
      <Title order={5}>
        {vi ? 'Nhập điểm danh từ nền tảng trực tuyến' : 'Import attendance from the online platform'}
      </Title>
      <Group align="end" wrap="wrap">
        <Select
          label={vi ? 'Buổi học' : 'Session'}
          data={course.sessions.map((s) => ({
            value: String(s.id),
            label: `${formatDate(s.sessionDate, locale)} · ${s.place}`,
          }))}
          value={sessionId}
          onChange={setSessionId}
          allowDeselect={false}
        />
        <FileInput
          label={vi ? 'Tệp danh sách (.xlsx, .csv)' : 'List file (.xlsx, .csv)'}
          accept=".xlsx,.csv"
          value={file}
          onChange={setFile}
          clearable
          w={240}
        />
        <Button
          variant="light"
          disabled={!file || !sessionId}
          loading={run.isPending}
          onClick={() => run.mutate(false)}
        >
          {vi ? 'Xem trước' : 'Preview'}
        </Button>
        <Button
          disabled={!file || !sessionId || !result || result.errors.length > 0 || result.committed}
          loading={run.isPending}
          onClick={() => run.mutate(true)}
        >
          {vi ? 'Ghi điểm danh' : 'Record attendance'}
        </Button>
      </Group>
      {result && (
        <Alert color={result.errors.length ? 'red' : 'green'}>
          <Stack gap={2}>
            <Text size="sm">
              {vi
                ? `${result.rows} dòng, ${result.valid} học viên khớp${result.committed ? `, đã ghi ${result.created}` : ''}${result.certificates ? `, cấp ${result.certificates} giấy chứng nhận` : ''}`
                : `${result.rows} rows, ${result.valid} matched${result.committed ? `, ${result.created} recorded` : ''}${result.certificates ? `, ${result.certificates} certificates issued` : ''}`}
            </Text>
            {result.errors.map((e) => (
              <Text size="sm" key={`${e.row}-${e.field}`}>
                {vi ? `Dòng ${e.row}` : `Row ${e.row}`}: {e.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {run.error && <ErrorAlert error={run.error} />}
    </Stack>
  );
}
