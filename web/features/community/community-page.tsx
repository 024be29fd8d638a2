import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  type MemberRole,
  ORGANISATION_LABELS,
  ORGANISATIONS,
  type Organisation,
  SKILL_LABELS,
  TEAM_STATUS_LABELS,
} from '../../../core/community/community.js';
import type { TeamView } from '../../../core/contracts/community.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { useFieldErrors } from '../../components/use-field-errors.js';
import { formatDate, formatNumber, todayInVietnam } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { UnitPicker } from '../units/unit-picker.js';
import { ActivityForm } from './activity-form.js';
import { communityApi } from './community-api.js';
import { useCT } from './community-i18n.js';
import { TrainingTab } from './training-tab.js';

// Community teams of a commune (or of every commune below the chosen unit): the teams with their members and
// activities, the phone-friendly "log an activity" form (offline-tolerant), and the monthly roll-up with
// targets and laggard communes.

const STATUS_COLOR = { active: 'green', inactive: 'gray', dissolved: 'red' } as const;

export function CommunityPage() {
  const { t } = useCT();
  const session = useSession();
  const first = session.data?.grants[0];
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(
    first ? { id: first.unitId, name: first.unitName } : null,
  );
  const [year, setYear] = useState(todayInVietnam().slice(0, 4));
  const [teamId, setTeamId] = useState<number | null>(null);
  const teams = useQuery({
    queryKey: ['community', 'teams', unit?.id],
    queryFn: () => communityApi.teams(unit!.id),
    enabled: !!unit,
  });

  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Group align="end" wrap="wrap">
        <UnitPicker label={t('unit')} value={unit?.id ?? null} initialLabel={unit?.name} onChange={setUnit} />
        <Select
          label={t('year')}
          w={110}
          data={['2025', '2026', '2027'].map((y) => ({ value: y, label: y }))}
          value={year}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
        />
      </Group>
      {!unit && <Alert>{t('pickUnit')}</Alert>}
      {unit && (
        <Tabs defaultValue="teams" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="teams">{t('teams')}</Tabs.Tab>
            <Tabs.Tab value="log" data-testid="tab-log">
              {t('log')}
            </Tabs.Tab>
            <Tabs.Tab value="rollup">{t('rollup')}</Tabs.Tab>
            <Tabs.Tab value="training">{t('training')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="teams" pt="md">
            {teams.isLoading ? (
              <PageLoader />
            ) : teams.error ? (
              <ErrorAlert error={teams.error} />
            ) : (
              <TeamsList teams={teams.data?.items ?? []} unitId={unit.id} onOpen={setTeamId} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="log" pt="md">
            <ActivityForm teams={teams.data?.items ?? []} />
          </Tabs.Panel>
          <Tabs.Panel value="rollup" pt="md">
            <RollupView unitId={unit.id} year={Number(year)} onPickUnit={setUnit} />
          </Tabs.Panel>
          <Tabs.Panel value="training" pt="md">
            <TrainingTab unitId={unit.id} />
          </Tabs.Panel>
        </Tabs>
      )}
      {teamId !== null && <TeamModal id={teamId} onClose={() => setTeamId(null)} />}
    </Stack>
  );
}

function TeamsList({
  teams,
  unitId,
  onOpen,
}: {
  teams: TeamView[];
  unitId: number;
  onOpen: (id: number) => void;
}) {
  const { t, label, locale } = useCT();
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group>
        <Button variant="light" onClick={() => setAdding(true)}>
          {t('addTeam')}
        </Button>
      </Group>
      {teams.length === 0 ? (
        <Text c="dimmed">{t('none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team')}</Table.Th>
                <Table.Th>{t('commune')}</Table.Th>
                <Table.Th>{t('decision')}</Table.Th>
                <Table.Th>{t('members')}</Table.Th>
                <Table.Th>{t('activities')}</Table.Th>
                <Table.Th>{t('lastActivity')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((tm) => (
                <Table.Tr
                  key={tm.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => onOpen(tm.id)}
                  data-testid="team-row"
                >
                  <Table.Td>
                    {/* A real button, so the team opens from the keyboard too. */}
                    <UnstyledButton
                      fw={500}
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(tm.id);
                      }}
                    >
                      {tm.name}
                    </UnstyledButton>
                    <Text size="xs" c="dimmed">
                      {tm.unitName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{tm.communeName}</Table.Td>
                  <Table.Td>
                    {tm.decisionNumber ?? '—'} · {formatDate(tm.decisionDate, locale)}
                  </Table.Td>
                  <Table.Td>{tm.memberCount}</Table.Td>
                  <Table.Td>{tm.activityCount}</Table.Td>
                  <Table.Td>
                    {tm.lastActivityDate ? formatDate(tm.lastActivityDate, locale) : t('none')}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[tm.status]} variant="light">
                      {label(TEAM_STATUS_LABELS[tm.status])}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <NewTeamModal communeId={unitId} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function NewTeamModal({ communeId, onClose }: { communeId: number; onClose: () => void }) {
  const { t } = useCT();
  const qc = useQueryClient();
  const villages = useQuery({
    queryKey: ['community', 'villages', communeId],
    queryFn: () => communityApi.villages(communeId),
  });
  const [villageId, setVillageId] = useState<string | null>(null);
  const [newVillage, setNewVillage] = useState({ code: '', name: '' });
  const [team, setTeam] = useState({
    name: '',
    decisionNumber: '',
    decisionDate: todayInVietnam(),
    decisionSigner: '',
  });
  const addVillage = useMutation({
    mutationFn: () =>
      communityApi.addVillage({ communeId, code: newVillage.code, name: newVillage.name, type: 'thôn' }),
    onSuccess: async (v) => {
      setVillageId(String(v.id));
      setNewVillage({ code: '', name: '' });
      await villages.refetch();
    },
  });
  const create = useMutation({
    mutationFn: () =>
      communityApi.createTeam({
        unitId: Number(villageId),
        name: team.name,
        decisionNumber: team.decisionNumber || null,
        decisionDate: team.decisionDate,
        decisionSigner: team.decisionSigner || null,
        decisionFileId: null,
        status: 'active',
      }),
    onSuccess: async () => {
      notify(t('save'));
      await qc.invalidateQueries({ queryKey: ['community'] });
      onClose();
    },
  });
  const fieldErrors = useFieldErrors(create.error);
  const free = (villages.data?.items ?? []).filter((v) => v.teamId === null && v.validTo === null);
  return (
    <AppModal opened onClose={onClose} title={t('addTeam')}>
      <Stack>
        {villages.error && <ErrorAlert error={villages.error} />}
        <Select
          label={t('village')}
          data={free.map((v) => ({ value: String(v.id), label: v.name }))}
          value={villageId}
          onChange={setVillageId}
          error={fieldErrors.errors.unitId}
        />
        <Card withBorder p="xs">
          <Text size="sm" fw={500}>
            {t('addVillage')}
          </Text>
          <Group align="end" grow>
            <TextInput
              label={t('code')}
              value={newVillage.code}
              onChange={(e) => setNewVillage({ ...newVillage, code: e.currentTarget.value })}
            />
            <TextInput
              label={t('name')}
              value={newVillage.name}
              onChange={(e) => setNewVillage({ ...newVillage, name: e.currentTarget.value })}
            />
            <Button
              variant="light"
              onClick={() => addVillage.mutate()}
              disabled={!newVillage.code || !newVillage.name}
              loading={addVillage.isPending}
            >
              {t('addVillage')}
            </Button>
          </Group>
          {addVillage.error && <ErrorAlert error={addVillage.error} />}
        </Card>
        <TextInput
          label={t('name')}
          value={team.name}
          onChange={(e) => setTeam({ ...team, name: e.currentTarget.value })}
        />
        <Group grow>
          <TextInput
            label={t('decisionNumber')}
            value={team.decisionNumber}
            onChange={(e) => setTeam({ ...team, decisionNumber: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('decisionDate')}
            value={team.decisionDate}
            onChange={(e) => setTeam({ ...team, decisionDate: e.currentTarget.value })}
          />
        </Group>
        <TextInput
          label={t('signer')}
          value={team.decisionSigner}
          onChange={(e) => setTeam({ ...team, decisionSigner: e.currentTarget.value })}
        />
        {create.error && <ErrorAlert error={create.error} />}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            onClick={() => create.mutate()}
            disabled={!villageId || !team.name}
            loading={create.isPending}
          >
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function TeamModal({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, label, locale } = useCT();
  const qc = useQueryClient();
  const team = useQuery({ queryKey: ['community', 'team', id], queryFn: () => communityApi.team(id) });
  const acts = useQuery({
    queryKey: ['community', 'team-activities', id],
    queryFn: () => communityApi.activities(team.data!.communeId, id),
    enabled: !!team.data,
  });
  const [member, setMember] = useState({
    fullName: '',
    phone: '',
    role: 'member' as MemberRole,
    organisation: 'youth_union' as Organisation,
    startDate: todayInVietnam(),
  });
  const add = useMutation({
    mutationFn: () => communityApi.addMember(id, { ...member, phone: member.phone || null, endDate: null }),
    onSuccess: async () => {
      setMember({ ...member, fullName: '', phone: '' });
      await qc.invalidateQueries({ queryKey: ['community'] });
    },
  });
  const errors = useFieldErrors(add.error);
  const d = team.data;
  return (
    <AppModal opened onClose={onClose} title={d?.name ?? t('team')} size="xl">
      {team.isLoading && <PageLoader />}
      {team.error && <ErrorAlert error={team.error} />}
      {d && (
        <Stack>
          <Text size="sm">
            {d.unitName} · {d.communeName} · {t('decision')}: {d.decisionNumber ?? '—'} (
            {formatDate(d.decisionDate, locale)}){d.decisionSigner ? ` · ${d.decisionSigner}` : ''}
          </Text>
          <Title order={4}>{t('members')}</Title>
          {d.members.some((m) => m.phoneMasked) && (
            <Text size="xs" c="dimmed">
              {t('masked')}
            </Text>
          )}
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fullName')}</Table.Th>
                  <Table.Th>{t('role')}</Table.Th>
                  <Table.Th>{t('organisation')}</Table.Th>
                  <Table.Th>{t('phone')}</Table.Th>
                  <Table.Th>{t('startDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.members.map((m) => (
                  <Table.Tr key={m.id} opacity={m.endDate ? 0.5 : 1}>
                    <Table.Td>
                      {m.fullName}
                      {m.otherTeams > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('otherTeams', { n: m.otherTeams })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{label(MEMBER_ROLE_LABELS[m.role])}</Table.Td>
                    <Table.Td>{label(ORGANISATION_LABELS[m.organisation])}</Table.Td>
                    <Table.Td>{m.phone ?? '—'}</Table.Td>
                    <Table.Td>
                      {formatDate(m.startDate, locale)}
                      {m.endDate ? ` – ${formatDate(m.endDate, locale)}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {d.can.manage && (
            <Card withBorder>
              <Stack gap="xs">
                <Text fw={500}>{t('addMember')}</Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('fullName')}
                    value={member.fullName}
                    onChange={(e) => setMember({ ...member, fullName: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('phone')}
                    value={member.phone}
                    inputMode="tel"
                    error={errors.errors.phone}
                    onChange={(e) => setMember({ ...member, phone: e.currentTarget.value })}
                  />
                  <Select
                    label={t('role')}
                    data={MEMBER_ROLES.map((r) => ({ value: r, label: label(MEMBER_ROLE_LABELS[r]) }))}
                    value={member.role}
                    onChange={(v) => v && setMember({ ...member, role: v as MemberRole })}
                    allowDeselect={false}
                  />
                  <Select
                    label={t('organisation')}
                    data={ORGANISATIONS.map((o) => ({ value: o, label: label(ORGANISATION_LABELS[o]) }))}
                    value={member.organisation}
                    onChange={(v) => v && setMember({ ...member, organisation: v as Organisation })}
                    allowDeselect={false}
                  />
                  <TextInput
                    type="date"
                    label={t('startDate')}
                    value={member.startDate}
                    error={errors.errors.startDate}
                    onChange={(e) => setMember({ ...member, startDate: e.currentTarget.value })}
                  />
                </SimpleGrid>
                {add.error && <ErrorAlert error={add.error} />}
                <Group justify="end">
                  <Button onClick={() => add.mutate()} disabled={!member.fullName} loading={add.isPending}>
                    {t('addMember')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          )}
          <Title order={4}>{t('activities')}</Title>
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('date')}</Table.Th>
                  <Table.Th>{t('place')}</Table.Th>
                  <Table.Th>{t('skills')}</Table.Th>
                  <Table.Th>{t('people')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(acts.data?.items ?? []).map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{formatDate(a.activityDate, locale)}</Table.Td>
                    <Table.Td>{a.place}</Table.Td>
                    <Table.Td>{a.skills.map((s) => label(SKILL_LABELS[s])).join(', ')}</Table.Td>
                    <Table.Td>{a.peopleReached}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </AppModal>
  );
}

/** Communes and laggards come a page at a time (a country has 3,321 communes); the rest is the whole unit's. */
const ROLLUP_PAGE = 100;

function RollupView({
  unitId,
  year,
  onPickUnit,
}: {
  unitId: number;
  year: number;
  onPickUnit: (unit: { id: number; name: string }) => void;
}) {
  const { t, label, locale } = useCT();
  const [showAll, setShowAll] = useState(false);
  const r = useInfiniteQuery({
    queryKey: ['community', 'rollup', unitId, year],
    queryFn: ({ pageParam }) => communityApi.rollup(unitId, year, pageParam, ROLLUP_PAGE),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.page.offset + last.page.limit;
      return next < Math.max(last.page.communes, last.page.laggards) ? next : undefined;
    },
  });
  if (r.isLoading) return <PageLoader />;
  if (r.error) return <ErrorAlert error={r.error} />;
  const d = r.data!.pages[0]!;
  const loaded = r.data!.pages.flatMap((p) => p.communes);
  // Communes with neither a team nor a target are hidden unless asked for (most of a province, at first).
  const communes = showAll ? loaded : loaded.filter((c) => c.teams > 0 || c.targets.sessions !== null);
  const laggards = r.data!.pages.flatMap((p) => p.laggards);
  const more = (shown: number, total: number, testId: string) =>
    shown < total ? (
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {t('showing', { shown: formatNumber(shown, locale), total: formatNumber(total, locale) })}
        </Text>
        <Button
          variant="light"
          size="xs"
          loading={r.isFetchingNextPage}
          onClick={() => r.fetchNextPage()}
          data-testid={testId}
        >
          {t('showMore')}
        </Button>
      </Group>
    ) : null;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, locale));
  const downloads = [
    ['registryXlsx', `/api/community/exports/registry.xlsx?unitId=${unitId}`],
    ['registryDocx', `/api/community/exports/registry.docx?unitId=${unitId}`],
    ['reportXlsx', `/api/community/exports/report.xlsx?unitId=${unitId}&year=${year}`],
    ['reportDocx', `/api/community/exports/report.docx?unitId=${unitId}&year=${year}`],
  ] as const;
  return (
    <Stack>
      <Group gap="xs" role="group" aria-label={t('exports')}>
        {downloads.map(([key, href]) => (
          <Button key={key} component="a" href={href} variant="light" size="xs" data-testid={`export-${key}`}>
            {t(key)}
          </Button>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(
          [
            ['teams', d.totals.teams],
            ['members', d.totals.members],
            ['sessions', d.totals.sessions],
            ['people', d.totals.people],
          ] as const
        ).map(([k, v]) => (
          <Card key={k} withBorder>
            <Text size="sm" c="dimmed">
              {t(k)}
            </Text>
            <Text fw={700} size="xl">
              {formatNumber(v, locale)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {d.areas.length > 0 && (
        <>
          <Title order={4}>{t('areas')}</Title>
          <Text size="sm" c="dimmed">
            {t('areaHint')}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="rollup-areas">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('area')}</Table.Th>
                  <Table.Th>{t('communesWithTeams')}</Table.Th>
                  <Table.Th>{t('teams')}</Table.Th>
                  <Table.Th>{t('sessions')}</Table.Th>
                  <Table.Th>{t('people')}</Table.Th>
                  <Table.Th>{t('laggards')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.areas.map((a) => (
                  <Table.Tr key={a.unitId}>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => onPickUnit({ id: a.unitId, name: a.unitName })}
                      >
                        {a.unitName}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      {formatNumber(a.communesWithTeams, locale)} / {formatNumber(a.communes, locale)}
                    </Table.Td>
                    <Table.Td>{formatNumber(a.teams, locale)}</Table.Td>
                    <Table.Td>{formatNumber(a.sessions, locale)}</Table.Td>
                    <Table.Td>{formatNumber(a.people, locale)}</Table.Td>
                    <Table.Td>{formatNumber(a.laggards, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Title order={4}>{t('laggards')}</Title>
      {laggards.length === 0 ? (
        <Text c="dimmed">{t('noLaggards')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="laggards">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('commune')}</Table.Th>
                <Table.Th>{t('reasons')}</Table.Th>
                <Table.Th>{t('sessions')}</Table.Th>
                <Table.Th>{t('people')}</Table.Th>
                <Table.Th>{t('teams')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {laggards.map((l) => (
                <Table.Tr key={l.communeId}>
                  <Table.Td>{l.communeName}</Table.Td>
                  <Table.Td>{l.reasons.map((x) => t(`r_${x}` as 'r_teams')).join(', ')}</Table.Td>
                  <Table.Td>
                    {l.sessions} / {n(l.expectedSessions)}
                  </Table.Td>
                  <Table.Td>
                    {formatNumber(l.people, locale)} / {n(l.expectedPeople)}
                  </Table.Td>
                  <Table.Td>
                    {l.teams} / {n(l.targetTeams)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more(laggards.length, d.page.laggards, 'more-laggards')}
      <Title order={4}>{t('rollup')}</Title>
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('month')}</Table.Th>
              <Table.Th>{t('sessions')}</Table.Th>
              <Table.Th>{t('people')}</Table.Th>
              <Table.Th>{t('households')}</Table.Th>
              <Table.Th>{t('cumulative')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>
                  {m.month}/{d.year}
                </Table.Td>
                <Table.Td>{m.sessions}</Table.Td>
                <Table.Td>{formatNumber(m.people, locale)}</Table.Td>
                <Table.Td>{formatNumber(m.households, locale)}</Table.Td>
                <Table.Td>
                  {m.cumSessions} · {formatNumber(m.cumPeople, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={4}>{t('perSkill')}</Title>
      <Table>
        <Table.Tbody>
          {d.perSkill.map((s) => (
            <Table.Tr key={s.skill}>
              <Table.Td>{label(SKILL_LABELS[s.skill])}</Table.Td>
              <Table.Td>
                {s.sessions} {t('sessions').toLowerCase()}
              </Table.Td>
              <Table.Td>
                {formatNumber(s.people, locale)} {t('people').toLowerCase()}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" align="end">
        <Title order={4}>{t('commune')}</Title>
        <Switch
          label={t('showAllCommunes')}
          checked={showAll}
          onChange={(e) => setShowAll(e.currentTarget.checked)}
          data-testid="show-all-communes"
        />
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="rollup-communes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commune')}</Table.Th>
              <Table.Th>{t('teams')}</Table.Th>
              <Table.Th>{t('sessions')}</Table.Th>
              <Table.Th>{t('people')}</Table.Th>
              <Table.Th>{t('target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {communes.map((c) => (
              <Table.Tr key={c.communeId}>
                <Table.Td>{c.communeName}</Table.Td>
                <Table.Td>
                  {c.teams} / {c.villages}
                </Table.Td>
                <Table.Td>{c.sessions}</Table.Td>
                <Table.Td>{formatNumber(c.people, locale)}</Table.Td>
                <Table.Td>
                  {n(c.targets.sessions)} · {n(c.targets.people)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more(loaded.length, d.page.communes, 'more-communes')}
      <TargetsEditor unitId={unitId} year={year} />
    </Stack>
  );
}

function TargetsEditor({ unitId, year }: { unitId: number; year: number }) {
  const { t } = useCT();
  const qc = useQueryClient();
  const current = useQuery({
    queryKey: ['community', 'targets', unitId, year],
    queryFn: () => communityApi.targets(unitId, year),
    retry: false,
  });
  const [form, setForm] = useState<{
    teams: number | string;
    sessions: number | string;
    people: number | string;
  } | null>(null);
  const save = useMutation({
    mutationFn: () =>
      communityApi.putTargets({
        communeId: unitId,
        year,
        teams: form!.teams === '' ? null : Number(form!.teams),
        sessions: form!.sessions === '' ? null : Number(form!.sessions),
        people: form!.people === '' ? null : Number(form!.people),
        perSkill: current.data?.perSkill ?? [],
      }),
    onSuccess: async () => {
      setForm(null);
      await qc.invalidateQueries({ queryKey: ['community'] });
    },
  });
  // Targets belong to a commune: the editor shows only when the chosen unit is one.
  if (!current.data) return null;
  const f = form ?? {
    teams: current.data.teams ?? '',
    sessions: current.data.sessions ?? '',
    people: current.data.people ?? '',
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={500}>
          {t('target')} {year}
        </Text>
        <Group grow>
          <NumberInput
            label={t('teams')}
            min={0}
            value={f.teams}
            onChange={(v) => setForm({ ...f, teams: v })}
          />
          <NumberInput
            label={t('sessions')}
            min={0}
            value={f.sessions}
            onChange={(v) => setForm({ ...f, sessions: v })}
          />
          <NumberInput
            label={t('people')}
            min={0}
            value={f.people}
            onChange={(v) => setForm({ ...f, people: v })}
          />
        </Group>
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="end">
          <Button onClick={() => save.mutate()} disabled={!form} loading={save.isPending}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
