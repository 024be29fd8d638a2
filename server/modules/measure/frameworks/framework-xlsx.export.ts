import ExcelJS from 'exceljs';
import type { Component, Framework, Group, MainIndex } from '../../../../core/contracts/measure-framework.js';
import { neutraliseRow, type SheetCell } from '../../../lib/spreadsheet-safe.js';
import { styleHeader } from './framework-xlsx.cells.js';
import {
  BAND_COLUMNS,
  BANDS_SHEET,
  FLAG,
  INFO_FIELDS,
  INFO_SHEET,
  LEVELS,
  NO_PILLAR,
  NODE_COLUMNS,
  NODES_SHEET,
  type NodeColumnKey,
} from './framework-xlsx.columns.js';
import { addRulesSheet } from './framework-xlsx.rules.js';

// A framework as an xlsx workbook that people can read and edit, and that imports back unchanged.

type NodeRow = Partial<Record<NodeColumnKey, SheetCell>>;

const flag = (b: boolean | undefined) => (b ? FLAG : null);

function groupRow(g: Group): NodeRow {
  return { code: g.code, level: LEVELS.group, name: g.name, nameEn: g.nameEn, maxPoints: g.maxPoints };
}

function mainRow(m: MainIndex, parent: string): NodeRow {
  return {
    code: m.code,
    parentCode: parent,
    level: LEVELS.main,
    name: m.name,
    nameEn: m.nameEn,
    description: m.description,
    maxPoints: m.maxPoints,
    pillar: m.pillar,
  };
}

function componentRow(c: Component, parent: string): NodeRow {
  const { kind, ...params } = c.rule;
  return {
    code: c.code,
    parentCode: parent,
    level: LEVELS.component,
    name: c.name,
    nameEn: c.nameEn,
    description: c.description,
    maxPoints: c.maxPoints,
    pillar: c.pillar === null ? NO_PILLAR : c.pillar,
    valueType: c.valueType,
    unitOfMeasure: c.unitOfMeasure,
    ruleKind: kind,
    ruleParams: Object.keys(params).length ? JSON.stringify(params) : null,
    requiredEvidence: c.requiredEvidence,
    dataSource: c.dataSource,
    verifyingAgency: c.verifyingAgency,
    appliesTo: c.appliesTo ? JSON.stringify(c.appliesTo) : null,
    informational: flag(c.informational),
    kpiCode: c.kpiCode,
    isExample: flag(c.isExample),
  };
}

function nodeRows(framework: Framework): NodeRow[] {
  return framework.groups.flatMap((g) => [
    groupRow(g),
    ...g.mainIndices.flatMap((m) => [
      mainRow(m, g.code),
      ...m.components.map((c) => componentRow(c, m.code)),
    ]),
  ]);
}

export async function buildFrameworkWorkbook(framework: Framework): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'DXBoard';
  const nodes = book.addWorksheet(NODES_SHEET);
  nodes.columns = NODE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const rows = nodeRows(framework);
  for (const row of rows) nodes.addRow(neutraliseRow(NODE_COLUMNS.map((c) => row[c.key] ?? null)));
  styleHeader(nodes, NODE_COLUMNS.length, rows.length + 1);

  const info = book.addWorksheet(INFO_SHEET);
  info.columns = [
    { header: 'Trường', width: 16 },
    { header: 'Nội dung', width: 30 },
    { header: 'Giá trị', width: 60 },
  ];
  const fw = framework as Record<string, unknown>;
  for (const f of INFO_FIELDS) {
    const value = f.key === 'isExample' ? flag(framework.isExample) : (fw[f.key] as SheetCell);
    info.addRow(neutraliseRow([f.key, f.label, value ?? null]));
  }
  styleHeader(info, 3, INFO_FIELDS.length + 1);

  const bands = book.addWorksheet(BANDS_SHEET);
  bands.columns = BAND_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const b of framework.bands)
    bands.addRow(neutraliseRow([b.code, b.name, b.nameEn ?? null, b.minValue]));
  styleHeader(bands, BAND_COLUMNS.length, framework.bands.length + 1);
  addRulesSheet(book, framework.consistencyRules ?? []);
  return Buffer.from(await book.xlsx.writeBuffer());
}
