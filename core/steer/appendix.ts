import type { Locale } from '../i18n/locale.js';
import { foldVietnamese } from '../units/fold.js';
import { splitUnitNames } from '../units/name-match.js';
import { resolveDeadline } from './deadline.js';
import { deadlineErrorMessage } from './labels.js';
import type { DeadlineErrorCode, ResolvedDeadline } from './types.js';

// A plan's task appendix ("Phụ lục nhiệm vụ") as a sheet of cells → task groups, tasks and sub-tasks, with
// row-level errors. Pure: the server reads the xlsx into an AppendixSheet (values and merged ranges) and
// matches unit names afterwards. Real appendices put a title above the header, word their headers in many
// ways, split "Đơn vị thực hiện" into "Chủ trì" / "Phối hợp" on a second header row, number the columns
// "(1) (2) (3)" under it, group tasks under Roman numerals and merge a lead unit or a deadline down over
// the rows it applies to. All of that is read here.

export type AppendixCell = string | number | Date | null;
/** 1-based rows and columns, inclusive. */
export type CellRange = { top: number; left: number; bottom: number; right: number };
/** `rows[0]` is the sheet's row 1; cells are 0-based (column A is cells[0]). */
export type AppendixSheet = { rows: AppendixCell[][]; merges: CellRange[] };

export const APPENDIX_COLUMNS = [
  'stt',
  'title',
  'lead',
  'coordinators',
  'deadline',
  'product',
  'note',
] as const;
export type AppendixColumn = (typeof APPENDIX_COLUMNS)[number];
export const REQUIRED_APPENDIX_COLUMNS: readonly AppendixColumn[] = ['stt', 'title', 'lead', 'deadline'];

export const APPENDIX_COLUMN_LABELS: Readonly<Record<AppendixColumn, { vi: string; en: string }>> = {
  stt: { vi: 'STT', en: 'No.' },
  title: { vi: 'Nội dung nhiệm vụ', en: 'Task' },
  lead: { vi: 'Đơn vị chủ trì', en: 'Lead unit' },
  coordinators: { vi: 'Đơn vị phối hợp', en: 'Coordinating units' },
  deadline: { vi: 'Thời gian hoàn thành', en: 'Deadline' },
  product: { vi: 'Sản phẩm / Kết quả đầu ra', en: 'Expected product' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

export type AppendixIssueCode =
  | 'stt_invalid'
  | 'stt_duplicate'
  | 'parent_missing'
  | 'subtask_depth'
  | 'group_title_missing'
  | 'title_missing'
  | 'title_too_long'
  | 'text_too_long'
  | 'lead_missing'
  | 'lead_several'
  | 'deadline'
  | 'too_many_tasks';

export type AppendixIssue = {
  /** The sheet's row number, as Excel shows it. */
  row: number;
  column: AppendixColumn | null;
  code: AppendixIssueCode;
  params?: Record<string, string | number>;
};

export type AppendixTask = {
  row: number;
  /** STT as written ("1", "2.3", "a"), null for an unnumbered sub-task. */
  code: string | null;
  title: string;
  description: string | null;
  leadName: string | null;
  coordinatorNames: string[];
  deadlineText: string;
  deadline: ResolvedDeadline | null;
  product: string | null;
  children: AppendixTask[];
};

export type AppendixGroup = {
  /** null for tasks written before the first Roman-numeral row. */
  row: number | null;
  code: string | null;
  title: string | null;
  tasks: AppendixTask[];
};

export type ParsedAppendix = {
  /** The (last) header row; data starts below it. 0 when none was found. */
  headerRow: number;
  columns: Partial<Record<AppendixColumn, number>>;
  /** Required columns the header lacks: the file is refused, naming them. */
  missing: AppendixColumn[];
  groups: AppendixGroup[];
  issues: AppendixIssue[];
  taskCount: number;
};

export type AppendixOptions = { year?: number; maxTasks?: number };

const MAX_TITLE = 2000;
const MAX_TEXT = 2000;
const HEADER_SCAN_ROWS = 15;

// ---------------------------------------------------------------- cells

function textOf(cell: AppendixCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const d = String(cell.getUTCDate()).padStart(2, '0');
    const m = String(cell.getUTCMonth() + 1).padStart(2, '0');
    return `${d}/${m}/${cell.getUTCFullYear()}`;
  }
  return String(cell)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

type Grid = {
  /** The value shown in (row, col): a merged range's value fills all of it (used for headers). */
  filled(row: number, col: number): string;
  /** A data cell: a range merged down fills each row of its first column; `inherited` when not the top row. */
  data(row: number, col: number): { text: string; inherited: boolean };
  rowCount: number;
};

function gridOf(sheet: AppendixSheet): Grid {
  const masterOf = new Map<string, CellRange>();
  for (const r of sheet.merges) {
    // A merge over a whole sheet is not an appendix; cap what is indexed.
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 50_000) continue;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) masterOf.set(`${row}:${col}`, r);
  }
  const raw = (row: number, col: number) => textOf(sheet.rows[row - 1]?.[col - 1] ?? null);
  return {
    rowCount: sheet.rows.length,
    filled(row, col) {
      const m = masterOf.get(`${row}:${col}`);
      return m ? raw(m.top, m.left) : raw(row, col);
    },
    data(row, col) {
      const m = masterOf.get(`${row}:${col}`);
      if (!m) return { text: raw(row, col), inherited: false };
      // Merged across: the value belongs to the first column only (a group title spanning the table).
      if (col !== m.left) return { text: '', inherited: true };
      return { text: raw(m.top, m.left), inherited: row !== m.top };
    },
  };
}

// ---------------------------------------------------------------- header

function columnOf(label: string): AppendixColumn | null {
  const s = foldVietnamese(label)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return null;
  if (/^(?:stt|tt|so tt|so thu tu|thu tu)$/.test(s)) return 'stt';
  if (/\bphoi hop\b/.test(s)) return 'coordinators';
  if (/\bchu tri\b/.test(s)) return 'lead';
  if (/\b(?:thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian)\b/.test(s)) return 'deadline';
  if (/\b(?:san pham|ket qua)\b/.test(s)) return 'product';
  if (/\bghi chu\b/.test(s)) return 'note';
  if (/\b(?:nhiem vu|noi dung|giai phap|cong viec|ten de an|hoat dong)\b/.test(s)) return 'title';
  if (/\b(?:don vi|co quan)\b.*\bthuc hien\b|^don vi$|^co quan$/.test(s)) return 'lead';
  return null;
}

function classify(labels: string[]): Partial<Record<AppendixColumn, number>> {
  const out: Partial<Record<AppendixColumn, number>> = {};
  for (const [i, label] of labels.entries()) {
    const kind = columnOf(label);
    if (kind && out[kind] === undefined) out[kind] = i + 1;
  }
  return out;
}

function widthOf(sheet: AppendixSheet): number {
  let w = 0;
  for (const r of sheet.rows.slice(0, HEADER_SCAN_ROWS + 2)) w = Math.max(w, r.length);
  return Math.min(w, 40);
}

type Header = { row: number; columns: Partial<Record<AppendixColumn, number>> };

/** The header: the row (or pair of rows, for a split "Đơn vị thực hiện") naming the most known columns. */
function findHeader(grid: Grid, width: number): Header | null {
  let best: Header | null = null;
  let bestScore = 1;
  const last = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let row = 1; row <= last; row++) {
    const one: string[] = [];
    const below: string[] = [];
    for (let col = 1; col <= width; col++) {
      one.push(grid.filled(row, col));
      below.push(row < grid.rowCount ? grid.filled(row + 1, col) : '');
    }
    const candidates: [Partial<Record<AppendixColumn, number>>, number][] = [[classify(one), row]];
    // "Đơn vị thực hiện" split into "Chủ trì" | "Phối hợp" on the row below: read the pair as one header.
    if (below.some((b, i) => b !== one[i] && ['lead', 'coordinators'].includes(columnOf(b) ?? ''))) {
      const pair = one.map((top, i) => (below[i] && below[i] !== top && columnOf(below[i]) ? below[i] : top));
      candidates.push([classify(pair), row + 1]);
    }
    for (const [columns, at] of candidates) {
      if (columns.title === undefined) continue;
      const score = Object.keys(columns).length;
      if (score > bestScore) {
        best = { row: at, columns };
        bestScore = score;
      }
    }
  }
  return best;
}

/** "(1) (2) (3)…" or "1 2 3…" under the header: the columns' numbers, not a task. */
function isColumnNumberRow(grid: Grid, row: number, width: number): boolean {
  const values: string[] = [];
  for (let col = 1; col <= width; col++) {
    const t = grid.filled(row, col);
    if (t) values.push(t);
  }
  return values.length >= 3 && values.every((v) => /^\(?\d{1,2}\)?$/.test(v));
}

// ---------------------------------------------------------------- rows

const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

type Stt =
  | { kind: 'group'; code: string; title: string | null }
  | { kind: 'task'; code: string }
  | { kind: 'sub'; code: string; parent: string }
  | { kind: 'letter'; code: string }
  | { kind: 'bullet' }
  | { kind: 'empty' }
  | { kind: 'other'; text: string };

function sttOf(cell: AppendixCell, text: string): Stt {
  if (typeof cell === 'number' && Number.isFinite(cell) && cell > 0) {
    if (Number.isInteger(cell)) return { kind: 'task', code: String(cell) };
    const code = String(cell);
    return { kind: 'sub', code, parent: code.slice(0, code.lastIndexOf('.')) };
  }
  const t = text.trim();
  if (!t) return { kind: 'empty' };
  const withTitle = /^(?:phan\s+|muc\s+)?([IVXLC]+)\s*[.):-]\s*(\S.*)$/su.exec(
    t.replace(/^(?:Phần|PHẦN|Mục|MỤC)\s+/u, (m) => foldVietnamese(m)),
  );
  if (withTitle && ROMAN.test(withTitle[1]))
    return { kind: 'group', code: withTitle[1], title: withTitle[2].trim() };
  const bare = t.replace(/^(?:Phần|PHẦN|Mục|MỤC)\s+/u, '').replace(/[.)]$/, '');
  if (ROMAN.test(bare)) return { kind: 'group', code: bare, title: null };
  if (/^\d{1,4}$/.test(bare)) return { kind: 'task', code: String(Number(bare)) };
  if (/^\d{1,4}(?:\.\d{1,4})+$/.test(bare)) {
    return { kind: 'sub', code: bare, parent: bare.slice(0, bare.lastIndexOf('.')) };
  }
  if (/^[a-zđ]$/u.test(bare)) return { kind: 'letter', code: bare };
  if (/^[-+•*–]$/.test(bare)) return { kind: 'bullet' };
  return { kind: 'other', text: t };
}

// ---------------------------------------------------------------- parse

/** Reads an appendix sheet. Never throws on content: what cannot be read becomes an issue with its row. */
export function parseAppendix(sheet: AppendixSheet, options: AppendixOptions = {}): ParsedAppendix {
  const maxTasks = options.maxTasks ?? 3000;
  const grid = gridOf(sheet);
  const width = widthOf(sheet);
  const header = findHeader(grid, width);
  const columns = header?.columns ?? {};
  const missing = REQUIRED_APPENDIX_COLUMNS.filter((c) => columns[c] === undefined);
  const result: ParsedAppendix = {
    headerRow: header?.row ?? 0,
    columns,
    missing,
    groups: [],
    issues: [],
    taskCount: 0,
  };
  if (!header || missing.length) return result;

  const issues = result.issues;
  const issue = (
    row: number,
    column: AppendixColumn | null,
    code: AppendixIssueCode,
    params?: AppendixIssue['params'],
  ) => issues.push(params ? { row, column, code, params } : { row, column, code });
  const cell = (row: number, col: AppendixColumn) => {
    const at = columns[col];
    return at === undefined ? { text: '', inherited: false } : grid.data(row, at);
  };

  let group: AppendixGroup = { row: null, code: null, title: null, tasks: [] };
  result.groups.push(group);
  let codes = new Map<string, AppendixTask>();
  let lastTop: AppendixTask | null = null;
  let last: AppendixTask | null = null;
  let lastRowOfLast = 0;
  let stopped = false;

  let start = header.row + 1;
  if (start <= grid.rowCount && isColumnNumberRow(grid, start, width)) start++;

  for (let row = start; row <= grid.rowCount && !stopped; row++) {
    const sttCell = cell(row, 'stt');
    const title = cell(row, 'title');
    const lead = cell(row, 'lead');
    const coordinators = cell(row, 'coordinators');
    const deadline = cell(row, 'deadline');
    const product = cell(row, 'product');
    const note = cell(row, 'note');
    const own = [title, lead, coordinators, deadline, product, note].filter((c) => c.text && !c.inherited);
    if (!sttCell.text && own.length === 0) continue;

    const sttAt = columns.stt as number;
    const sttRaw = sttCell.inherited ? null : (sheet.rows[row - 1]?.[sttAt - 1] ?? null);
    const stt = sttCell.inherited ? ({ kind: 'empty' } as Stt) : sttOf(sttRaw, sttCell.text);

    if (stt.kind === 'group') {
      const groupTitle = stt.title ?? (title.text || firstTextRight(grid, row, sttAt, width));
      if (!groupTitle) issue(row, 'title', 'group_title_missing');
      if (result.groups.some((g) => g.code === stt.code))
        issue(row, 'stt', 'stt_duplicate', { stt: stt.code });
      group = { row, code: stt.code, title: groupTitle || stt.code, tasks: [] };
      result.groups.push(group);
      codes = new Map();
      lastTop = null;
      last = null;
      continue;
    }

    // A row continuing the task above: its STT merged down from it, or unnumbered without a lead of its own.
    const continuesLast =
      last !== null &&
      ((sttCell.inherited && row === lastRowOfLast + 1) ||
        (stt.kind === 'empty' && !(lead.text && !lead.inherited)));
    if (continuesLast && last) {
      lastRowOfLast = row;
      if (title.text && !title.inherited) last.description = joinText(last.description, title.text);
      if (
        lead.text &&
        !lead.inherited &&
        last.leadName &&
        foldVietnamese(lead.text) !== foldVietnamese(last.leadName)
      )
        issue(row, 'lead', 'lead_several', { names: `${last.leadName}; ${lead.text}` });
      if (coordinators.text && !coordinators.inherited)
        for (const n of splitUnitNames(coordinators.text))
          if (!last.coordinatorNames.includes(n)) last.coordinatorNames.push(n);
      if (product.text && !product.inherited) last.product = joinText(last.product, product.text);
      continue;
    }

    if (stt.kind === 'other') {
      // A note or a signature line below the table; only a row that reads like a task is an error.
      if ((lead.text && !lead.inherited) || (deadline.text && !deadline.inherited))
        issue(row, 'stt', 'stt_invalid', { stt: stt.text.slice(0, 40) });
      continue;
    }

    let parent: AppendixTask | null = null;
    if (stt.kind === 'sub') {
      parent = codes.get(stt.parent) ?? null;
      if (!parent) {
        issue(row, 'stt', 'parent_missing', { stt: stt.code, parent: stt.parent });
        continue;
      }
      // Plan → group → task → sub-task: a sub-task of a sub-task has no place to go.
      if (!group.tasks.includes(parent)) {
        issue(row, 'stt', 'subtask_depth', { stt: stt.code });
        continue;
      }
    } else if (stt.kind === 'letter' || stt.kind === 'bullet' || stt.kind === 'empty') {
      parent = lastTop;
      // Text under the header before the first task (a sub-heading) is not a task.
      if (
        !parent &&
        stt.kind === 'empty' &&
        !(lead.text && !lead.inherited) &&
        !(deadline.text && !deadline.inherited)
      )
        continue;
      if (!parent) {
        issue(row, 'stt', 'stt_invalid', { stt: sttCell.text || '—' });
        continue;
      }
    }

    if (result.taskCount >= maxTasks) {
      issue(row, null, 'too_many_tasks', { max: maxTasks });
      stopped = true;
      break;
    }

    const code = stt.kind === 'task' || stt.kind === 'sub' || stt.kind === 'letter' ? stt.code : null;
    if (code && (stt.kind === 'task' || stt.kind === 'sub') && codes.has(code))
      issue(row, 'stt', 'stt_duplicate', { stt: code });

    if (!title.text) issue(row, 'title', 'title_missing');
    else if (title.text.length > MAX_TITLE) issue(row, 'title', 'title_too_long', { max: MAX_TITLE });
    for (const [col, c] of [
      ['product', product],
      ['note', note],
    ] as const)
      if (c.text.length > MAX_TEXT) issue(row, col, 'text_too_long', { max: MAX_TEXT });

    const leadNames = lead.text ? splitUnitNames(lead.text) : [];
    let leadName: string | null = leadNames[0] ?? parent?.leadName ?? null;
    if (leadNames.length > 1) {
      issue(row, 'lead', 'lead_several', { names: leadNames.join('; ') });
      leadName = null;
    } else if (!leadName) issue(row, 'lead', 'lead_missing');

    const deadlineText = deadline.text || parent?.deadlineText || '';
    const resolved = resolveDeadline(deadlineText, options.year ? { year: options.year } : {});
    if (!resolved.ok)
      issue(row, 'deadline', 'deadline', { deadlineCode: resolved.error.code, text: resolved.error.text });

    const task: AppendixTask = {
      row,
      code,
      title: title.text.slice(0, MAX_TITLE),
      description: note.text ? note.text.slice(0, MAX_TEXT) : null,
      leadName,
      coordinatorNames: coordinators.text ? splitUnitNames(coordinators.text) : [],
      deadlineText,
      deadline: resolved.ok ? resolved.deadline : null,
      product: product.text ? product.text.slice(0, MAX_TEXT) : null,
      children: [],
    };
    result.taskCount++;
    if (parent) parent.children.push(task);
    else {
      group.tasks.push(task);
      lastTop = task;
    }
    if (code && (stt.kind === 'task' || stt.kind === 'sub')) codes.set(code, task);
    last = task;
    lastRowOfLast = row;
  }
  // Drop the leading implicit group when the appendix starts with a Roman numeral.
  if (result.groups[0].row === null && result.groups[0].tasks.length === 0) result.groups.shift();
  issues.sort((a, b) => a.row - b.row);
  return result;
}

function firstTextRight(grid: Grid, row: number, from: number, width: number): string {
  for (let col = from + 1; col <= width; col++) {
    const t = grid.data(row, col).text;
    if (t) return t;
  }
  return '';
}

function joinText(a: string | null, b: string): string {
  return (a ? `${a}\n${b}` : b).slice(0, 10_000);
}

/** Every task of a parsed appendix, depth first, with its group. */
export function* appendixTasks(
  parsed: Pick<ParsedAppendix, 'groups'>,
): Generator<{ group: AppendixGroup; task: AppendixTask; parent: AppendixTask | null }> {
  function* walk(
    group: AppendixGroup,
    tasks: AppendixTask[],
    parent: AppendixTask | null,
  ): Generator<{
    group: AppendixGroup;
    task: AppendixTask;
    parent: AppendixTask | null;
  }> {
    for (const task of tasks) {
      yield { group, task, parent };
      yield* walk(group, task.children, task);
    }
  }
  for (const group of parsed.groups) yield* walk(group, group.tasks, null);
}

// ---------------------------------------------------------------- messages

const ISSUE_MESSAGES: Readonly<Record<Exclude<AppendixIssueCode, 'deadline'>, { vi: string; en: string }>> = {
  stt_invalid: {
    vi: 'Số thứ tự "{stt}" không đọc được (dùng I, II… cho nhóm; 1, 2… cho nhiệm vụ; 1.1 hoặc a, b cho nhiệm vụ con)',
    en: 'The number "{stt}" cannot be read (I, II… for groups; 1, 2… for tasks; 1.1 or a, b for sub-tasks)',
  },
  stt_duplicate: { vi: 'Số thứ tự "{stt}" bị trùng', en: 'The number "{stt}" is repeated' },
  parent_missing: {
    vi: 'Nhiệm vụ con "{stt}" không có nhiệm vụ "{parent}" ở phía trên trong cùng nhóm',
    en: 'Sub-task "{stt}" has no task "{parent}" above it in the same group',
  },
  subtask_depth: {
    vi: 'Chỉ nhận một cấp nhiệm vụ con (như 1.1 hoặc a, b); "{stt}" là cấp thứ ba',
    en: 'Only one level of sub-tasks is kept (like 1.1 or a, b); "{stt}" is a third level',
  },
  group_title_missing: { vi: 'Nhóm nhiệm vụ chưa có tên', en: 'The task group has no title' },
  title_missing: { vi: 'Chưa ghi nội dung nhiệm vụ', en: 'The task has no text' },
  title_too_long: {
    vi: 'Nội dung nhiệm vụ dài quá {max} ký tự',
    en: 'The task text is longer than {max} characters',
  },
  text_too_long: { vi: 'Nội dung ô dài quá {max} ký tự', en: 'The cell is longer than {max} characters' },
  lead_missing: { vi: 'Chưa ghi đơn vị chủ trì', en: 'No lead unit is written' },
  lead_several: {
    vi: 'Mỗi nhiệm vụ chỉ có một đơn vị chủ trì, dòng này ghi nhiều đơn vị: {names}',
    en: 'A task has exactly one lead unit; this row names several: {names}',
  },
  too_many_tasks: {
    vi: 'Phụ lục có quá {max} nhiệm vụ; hãy tách thành nhiều tệp',
    en: 'The appendix has more than {max} tasks; split it into several files',
  },
};

/** The Vietnamese (or English) message of a row issue, without the row number. */
export function appendixIssueMessage(issue: AppendixIssue, locale: Locale = 'vi'): string {
  const p = issue.params ?? {};
  if (issue.code === 'deadline')
    return deadlineErrorMessage(
      { code: String(p.deadlineCode) as DeadlineErrorCode, text: String(p.text ?? '') },
      locale,
    );
  return ISSUE_MESSAGES[issue.code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));
}

/** "STT, Thời gian hoàn thành": the missing columns named as a person reads them. */
export function missingColumnsText(missing: readonly AppendixColumn[], locale: Locale = 'vi'): string {
  return missing.map((c) => APPENDIX_COLUMN_LABELS[c][locale]).join(', ');
}
