import { ActionIcon, Anchor, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { UnitSummary } from '../../../core/contracts/units.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useT } from '../../i18n/i18n-context.js';
import { type UnitFilter, useUnitChildren } from './units-api.js';

function TreeNode({ unit, filter, depth }: { unit: UnitSummary; filter: UnitFilter; depth: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const hasChildren = unit.childCount > 0;
  const label = t(open ? 'units.collapse' : 'units.expand', { name: unit.name });
  return (
    <li>
      <Group gap={4} wrap="nowrap" pl={depth * 16} py={2}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={label}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : (
          <span style={{ width: 22, display: 'inline-block' }} />
        )}
        <Anchor component={Link} to={`/units/${unit.id}`} size="sm">
          {unit.type} {unit.name}
        </Anchor>
        {hasChildren ? (
          <Text span size="xs" c="gray.7">
            ({unit.childCount})
          </Text>
        ) : null}
      </Group>
      {open ? <TreeLevel parentId={unit.id} filter={filter} depth={depth + 1} /> : null}
    </li>
  );
}

function TreeLevel({
  parentId,
  filter,
  depth,
}: {
  parentId: number | null;
  filter: UnitFilter;
  depth: number;
}) {
  const t = useT();
  const children = useUnitChildren(parentId, filter);
  if (children.isPending) return <Loader size="xs" ml={depth * 16 + 24} />;
  if (children.error) return <ErrorAlert error={children.error} />;
  if (depth === 0 && children.data.items.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        {t('units.noResults')}
      </Text>
    );
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {children.data.items.map((unit) => (
        <TreeNode key={unit.id} unit={unit} filter={filter} depth={depth} />
      ))}
    </ul>
  );
}

/** Lazy tree: each level is fetched when its parent is opened. */
export function UnitTree({ filter, label }: { filter: UnitFilter; label: string }) {
  return (
    <nav aria-label={label}>
      <TreeLevel parentId={null} filter={filter} depth={0} />
    </nav>
  );
}
