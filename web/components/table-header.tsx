import { Table } from '@mantine/core';

/** A column label; numeric columns are right-aligned so digits line up with their cells. */
export type HeaderColumn = string | { label: string; numeric: true };

export function TableHeader({ columns }: { columns: readonly HeaderColumn[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <Table.Th key={column}>{column}</Table.Th>
          ) : (
            <Table.Th key={column.label} ta="right">
              {column.label}
            </Table.Th>
          ),
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
