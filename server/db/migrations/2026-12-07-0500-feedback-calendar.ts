import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Feedback (issue 12), second step: the working calendar as data and routing rules.
// - feedback_calendar_days: days off that would be working days (public holidays, compensatory days: 'holiday')
//   and weekend days worked in exchange for a bridge day ('working_day'); seeded with Vietnam's public holidays
//   2025–2027 as the Government announced them, editable by the province afterwards.
// - feedback_routing_rules: a category × area (a unit and its subtree) → the handling unit, the most specific
//   area winning; a category's default unit applies when no rule matches.
// - feedback_categories.receive_hours: the working hours within which a new report must be routed (received);
//   feedback_reports.receive_due_at: that instant, set when the report arrives.
const SHIPPED: [string, 'holiday' | 'working_day', string][] = [
  ['2025-01-01', 'holiday', 'Tết Dương lịch'],
  ['2025-01-27', 'holiday', 'Tết Nguyên đán'],
  ['2025-01-28', 'holiday', 'Tết Nguyên đán'],
  ['2025-01-29', 'holiday', 'Tết Nguyên đán'],
  ['2025-01-30', 'holiday', 'Tết Nguyên đán'],
  ['2025-01-31', 'holiday', 'Tết Nguyên đán'],
  ['2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương'],
  ['2025-04-26', 'working_day', 'Làm bù cho ngày 02/5'],
  ['2025-04-30', 'holiday', 'Ngày Giải phóng miền Nam'],
  ['2025-05-01', 'holiday', 'Quốc tế Lao động'],
  ['2025-05-02', 'holiday', 'Nghỉ hoán đổi (làm bù 26/4)'],
  ['2025-09-01', 'holiday', 'Quốc khánh'],
  ['2025-09-02', 'holiday', 'Quốc khánh'],
  ['2026-01-01', 'holiday', 'Tết Dương lịch'],
  ['2026-01-02', 'holiday', 'Nghỉ hoán đổi (làm bù 10/1)'],
  ['2026-01-10', 'working_day', 'Làm bù cho ngày 02/01'],
  ['2026-02-16', 'holiday', 'Tết Nguyên đán'],
  ['2026-02-17', 'holiday', 'Tết Nguyên đán'],
  ['2026-02-18', 'holiday', 'Tết Nguyên đán'],
  ['2026-02-19', 'holiday', 'Tết Nguyên đán'],
  ['2026-02-20', 'holiday', 'Tết Nguyên đán'],
  ['2026-04-27', 'holiday', 'Giỗ Tổ Hùng Vương (nghỉ bù)'],
  ['2026-04-30', 'holiday', 'Ngày Giải phóng miền Nam'],
  ['2026-05-01', 'holiday', 'Quốc tế Lao động'],
  ['2026-09-01', 'holiday', 'Quốc khánh'],
  ['2026-09-02', 'holiday', 'Quốc khánh'],
  ['2027-01-01', 'holiday', 'Tết Dương lịch'],
  ['2027-02-04', 'holiday', 'Tết Nguyên đán'],
  ['2027-02-05', 'holiday', 'Tết Nguyên đán'],
  ['2027-02-08', 'holiday', 'Tết Nguyên đán'],
  ['2027-02-09', 'holiday', 'Tết Nguyên đán'],
  ['2027-02-10', 'holiday', 'Tết Nguyên đán'],
  ['2027-04-16', 'holiday', 'Giỗ Tổ Hùng Vương'],
  ['2027-04-30', 'holiday', 'Ngày Giải phóng miền Nam'],
  ['2027-05-03', 'holiday', 'Quốc tế Lao động (nghỉ bù)'],
  ['2027-09-02', 'holiday', 'Quốc khánh'],
  ['2027-09-03', 'holiday', 'Quốc khánh'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('feedback_calendar_days'))
    .addColumn('day', 'text', (c) => c.notNull().unique())
    // 'holiday' | 'working_day'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = '2026-12-07T05:00:00.000Z';
  await db
    .insertInto('feedback_calendar_days')
    .values(SHIPPED.map(([day, kind, name]) => ({ day, kind, name, created_at: now, updated_at: now })))
    .execute();

  await withId(db, db.schema.createTable('feedback_routing_rules'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('feedback_categories.id'))
    .addColumn('area_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('feedback_routing_rules_unique', ['category_id', 'area_unit_id'])
    .execute();

  await db.schema
    .alterTable('feedback_categories')
    .addColumn('receive_hours', 'integer', (c) => c.notNull().defaultTo(8))
    .execute();
  await db.schema.alterTable('feedback_reports').addColumn('receive_due_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback_reports').dropColumn('receive_due_at').execute();
  await db.schema.alterTable('feedback_categories').dropColumn('receive_hours').execute();
  await db.schema.dropTable('feedback_routing_rules').execute();
  await db.schema.dropTable('feedback_calendar_days').execute();
}
