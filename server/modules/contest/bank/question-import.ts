import type { ImportResult } from '../../../../core/contracts/contest.js';
import { firstForbiddenControl } from '../../../lib/text-safety.js';
import { readFirstSheet } from '../../../lib/xlsx-rows.js';

// Reading questions from the formats teachers use: GIFT (Moodle), Aiken, and an xlsx sheet with the columns
// Chủ đề | Mức độ | Câu hỏi | A | B | C | D | E | F | Đáp án. Each question is checked on its own and reported
// with its row (line or sheet row) and errors; nothing is written here. Size limits are checked by the caller
// before any parsing; these parsers also stop after MAX_QUESTIONS.

export const MAX_QUESTIONS = 2000;
export type ParsedRow = ImportResult['rows'][number];
type Difficulty = 'easy' | 'medium' | 'hard';

const DIFFICULTY_WORDS: Record<string, Difficulty> = {
  de: 'easy',
  dễ: 'easy',
  easy: 'easy',
  'trung bình': 'medium',
  'trung binh': 'medium',
  tb: 'medium',
  medium: 'medium',
  kho: 'hard',
  khó: 'hard',
  hard: 'hard',
};

function finish(
  row: number,
  q: {
    category: string;
    difficulty: Difficulty;
    text: string;
    options: { text: string; correct: boolean }[];
  },
  extra: string[] = [],
): ParsedRow {
  const errors = [...extra];
  if (!q.text.trim()) errors.push('Thiếu nội dung câu hỏi');
  if (q.text.length > 2000) errors.push('Câu hỏi dài quá 2.000 ký tự');
  if (q.options.length < 2) errors.push('Cần ít nhất 2 phương án');
  if (q.options.length > 8) errors.push('Tối đa 8 phương án');
  if (q.options.some((o) => !o.text.trim() || o.text.length > 500))
    errors.push('Phương án trống hoặc dài quá 500 ký tự');
  const correct = q.options.filter((o) => o.correct).length;
  if (correct === 0) errors.push('Chưa có đáp án đúng');
  if ([q.text, ...q.options.map((o) => o.text)].some((t) => firstForbiddenControl(t)))
    errors.push('Có ký tự điều khiển không hợp lệ');
  return {
    row,
    question: errors.length
      ? null
      : {
          category: q.category,
          difficulty: q.difficulty,
          kind: correct > 1 ? 'multiple' : 'single',
          text: q.text.trim(),
          options: q.options,
        },
    errors,
  };
}

/** GIFT: "::title:: text {=right ~wrong ~%50%half}", "$CATEGORY: name", "// comments", blank-line separated. */
export function parseGift(content: string, defaultCategory: string): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let category = defaultCategory;
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  let buf: string[] = [];
  let startLine = 1;
  const flush = () => {
    const block = buf.join('\n').trim();
    buf = [];
    if (!block || rows.length >= MAX_QUESTIONS) return;
    const open = block.indexOf('{');
    const close = block.lastIndexOf('}');
    if (open < 0 || close < open) {
      rows.push({ row: startLine, question: null, errors: ['Thiếu phần đáp án trong ngoặc { }'] });
      return;
    }
    const text = block
      .slice(0, open)
      .replace(/^::[^:]*::/, '')
      .replace(/\\([{}=~#:])/g, '$1')
      .trim();
    const body = block.slice(open + 1, close);
    const options: { text: string; correct: boolean }[] = [];
    for (const m of body.matchAll(/([=~])(%-?\d+(?:\.\d+)?%)?((?:\\.|[^=~\\])*)/g)) {
      const weight = m[2] ? Number(m[2].slice(1, -1)) : null;
      const optText = m[3]
        .replace(/#.*$/s, '')
        .replace(/\\([{}=~#:])/g, '$1')
        .trim();
      if (!optText && m[1] === '~' && !weight) continue;
      options.push({ text: optText, correct: m[1] === '=' || (weight !== null && weight > 0) });
    }
    const extra = /^\s*(T|F|TRUE|FALSE)\s*$/i.test(body)
      ? ['Câu đúng/sai chưa được hỗ trợ; hãy viết thành phương án']
      : [];
    rows.push(finish(startLine, { category, difficulty: 'medium', text, options }, extra));
  };
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.startsWith('//')) return;
    const cat = /^\$CATEGORY:\s*(.+)$/i.exec(line.trim());
    if (cat) {
      flush();
      category = cat[1].split('/').pop()?.trim() || defaultCategory;
      return;
    }
    if (!line.trim()) {
      flush();
      startLine = i + 2;
      return;
    }
    if (buf.length === 0) startLine = i + 1;
    buf.push(line);
  });
  flush();
  return rows;
}

/** Aiken: the question, options "A. …" / "B) …", then "ANSWER: B" (several letters for multiple choice). */
export function parseAiken(content: string, defaultCategory: string): ParsedRow[] {
  const rows: ParsedRow[] = [];
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  let text: string[] = [];
  let options: { letter: string; text: string }[] = [];
  let start = 1;
  lines.forEach((raw, i) => {
    if (rows.length >= MAX_QUESTIONS) return;
    const line = raw.trim();
    if (!line) return;
    const answer = /^ANSWER:\s*([A-H](?:\s*,\s*[A-H])*)\s*$/i.exec(line);
    const option = /^([A-H])[.)]\s+(.*)$/.exec(line);
    if (answer) {
      const letters = answer[1].toUpperCase().split(/\s*,\s*/);
      const unknown = letters.filter((l) => !options.some((o) => o.letter === l));
      rows.push(
        finish(
          start,
          {
            category: defaultCategory,
            difficulty: 'medium',
            text: text.join(' '),
            options: options.map((o) => ({ text: o.text, correct: letters.includes(o.letter) })),
          },
          unknown.length ? [`Đáp án ${unknown.join(', ')} không có trong các phương án`] : [],
        ),
      );
      text = [];
      options = [];
    } else if (option && text.length) {
      options.push({ letter: option[1], text: option[2] });
    } else {
      if (options.length) {
        rows.push({ row: start, question: null, errors: ['Thiếu dòng ANSWER: sau các phương án'] });
        options = [];
        text = [];
      }
      if (text.length === 0) start = i + 1;
      text.push(line);
    }
  });
  if (text.length || options.length)
    rows.push({ row: start, question: null, errors: ['Thiếu dòng ANSWER: ở cuối câu hỏi'] });
  return rows;
}

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** The xlsx template: row 1 headers; Chủ đề | Mức độ | Câu hỏi | A…F | Đáp án ("B" or "A, C"). */
export async function parseQuestionSheet(
  buffer: Buffer,
  defaultCategory: string,
): Promise<{ rows: ParsedRow[]; issue: string | null }> {
  const rows: ParsedRow[] = [];
  const { issue } = await readFirstSheet(
    buffer,
    { maxRows: MAX_QUESTIONS, maxCells: MAX_QUESTIONS * 12, maxColumns: 10 },
    (r) => {
      if (r.number === 1) return;
      const cell = (i: number) =>
        r.cells[i] === null || r.cells[i] === undefined ? '' : String(r.cells[i]).trim();
      if (r.cells.every((c) => c === null || String(c).trim() === '')) return;
      const level = cell(1).toLowerCase();
      const difficulty = level ? DIFFICULTY_WORDS[level] : 'medium';
      const answers = cell(9)
        .toUpperCase()
        .split(/[\s,;]+/)
        .filter(Boolean);
      const options = LETTERS.map((l, i) => ({ letter: l, text: cell(3 + i) })).filter((o) => o.text);
      const extra: string[] = [];
      if (!difficulty) extra.push(`Mức độ "${cell(1)}" không rõ (dễ, trung bình, khó)`);
      const unknown = answers.filter((a) => !options.some((o) => o.letter === a));
      if (unknown.length) extra.push(`Đáp án ${unknown.join(', ')} không có trong các phương án`);
      rows.push(
        finish(
          r.number,
          {
            category: cell(0) || defaultCategory,
            difficulty: difficulty ?? 'medium',
            text: cell(2),
            options: options.map((o) => ({ text: o.text, correct: answers.includes(o.letter) })),
          },
          extra,
        ),
      );
    },
  );
  return { rows, issue: issue ? issue.code : null };
}
