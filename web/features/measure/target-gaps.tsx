import { Badge, Paper, Progress, Table, Text, Title } from '@mantine/core';
import type { TargetGap } from '../../../core/contracts/measure.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { fmtValue } from './measure-shared.js';
import { useTT } from './targets-i18n.js';

// A unit's distance to the period's plan targets: value, target, what is still missing, met or not, and a
// bar of the value with the target marked on it.

function ValueBar({ gap, label }: { gap: TargetGap; label: string }) {
  const value = Math.max(0, Math.min(1, gap.value ?? 0));
  return (
    <div style={{ position: 'relative', minWidth: 140 }}>
      <Progress
        value={value * 100}
        color={gap.met ? 'teal.7' : 'orange.6'}
        size="lg"
        radius="sm"
        aria-label={label}
      />
      {/* The target as a tick on the bar, so the shortfall is seen, not only read. */}
      <div
        aria-hidden
        style={{
          position: 'absolute',
          top: -3,
          bottom: -3,
          left: `calc(${gap.target * 100}% - 1px)`,
          width: 2,
          background: 'var(--mantine-color-dark-6)',
        }}
      />
    </div>
  );
}

export function TargetGapsPanel({ gaps, names }: { gaps: TargetGap[]; names: Map<string, string> }) {
  const tt = useTT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  if (!gaps.length) return null;
  const nameOf = (g: TargetGap) =>
    g.kind === 'total' ? tt('tg.total') : `${g.code}. ${names.get(g.code) ?? g.name}`;
  return (
    <Paper withBorder p="md" radius="md" data-testid="profile-targets">
      <Title order={2} size="h4" mb="xs">
        {tt('tg.gapTitle')}
      </Title>
      <Table.ScrollContainer minWidth={620}>
        <Table fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tt('tg.node')}</Table.Th>
              <Table.Th ta="right">{tt('tg.value')}</Table.Th>
              <Table.Th ta="right">{tt('tg.target')}</Table.Th>
              <Table.Th ta="right">{tt('tg.gap')}</Table.Th>
              <Table.Th />
              <Table.Th w="30%" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gaps.map((g) => {
              const name = nameOf(g);
              return (
                <Table.Tr key={`${g.kind}:${g.code}`}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td ta="right">{fmtValue(g.value, tag)}</Table.Td>
                  <Table.Td ta="right">{fmtValue(g.target, tag)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {fmtValue(g.gap, tag)}
                  </Table.Td>
                  <Table.Td>
                    {g.value === null ? (
                      <Text size="xs" c="dimmed">
                        {tt('tg.notEvaluable')}
                      </Text>
                    ) : (
                      <Badge color={g.met ? 'teal.9' : 'red.9'} variant="filled">
                        {g.met ? tt('tg.met') : tt('tg.notMet')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ValueBar
                      gap={g}
                      label={tt('tg.barLabel', {
                        name,
                        value: fmtValue(g.value, tag),
                        target: fmtValue(g.target, tag),
                      })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
