import type {
  Home,
  Letter,
  LetterList,
  LetterPreview,
  ReminderLog,
  ReminderSettingsInput,
  ReminderSettingsView,
  SendLetter,
  UrgingUnits,
} from '../../../../core/contracts/steer-urging.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';

// The public face of Steer's urging (reminders, urging letters) and the unit officer's home. Types only.

export type ReminderRunResult = {
  /** The Vietnam date the run judged tasks on. */
  date: string;
  /** False when today's run had already finished (nothing was looked at). */
  ran: boolean;
  tasks: number;
  /** Reminders newly recorded (and so notified) by this run. */
  sent: number;
};

/** The daily reminder job (no actor: it runs in the background). */
export type SteerReminderJob = {
  /** Sends the reminders due today, once per key; `force` runs again even if today's run has finished. */
  run(options?: { force?: boolean }): Promise<ReminderRunResult>;
};

export type SteerUrgingService = {
  /** Units in the caller's scope (steer.manage) with overdue or due-soon tasks, most urgent first. */
  units(actor: Actor | null, asOf?: string): Promise<UrgingUnits>;
  /** What a letter to the unit would list today (steer.manage on the unit). */
  preview(actor: Actor | null, unitId: number): Promise<LetterPreview>;
  /** Writes the letter, logs it in the unit's tasks' history, notifies the unit's officers, audited. */
  send(ctx: AuditContext, unitId: number, input: SendLetter): Promise<Letter>;
  /** Letters sent, newest first, to units the caller reads (steer.read). */
  letters(
    actor: Actor | null,
    query: { unitId?: number; page: number; pageSize: number },
  ): Promise<LetterList>;
  /** The letter as it was sent, as a DOCX (steer.read on its unit). */
  letterDocx(actor: Actor | null, id: number): Promise<{ fileName: string; data: Buffer }>;
  /** Reminders sent about the unit's tasks (steer.read on the unit). */
  reminders(
    actor: Actor | null,
    query: { unitId: number; page: number; pageSize: number },
  ): Promise<ReminderLog>;
  settings(actor: Actor | null): Promise<ReminderSettingsView>;
  updateSettings(ctx: AuditContext, input: ReminderSettingsInput): Promise<ReminderSettingsView>;
};

export type SteerHomeService = {
  /** The unit officer's home: the unit's tasks by urgency, this week's reports, returns, extensions, letters. */
  home(actor: Actor | null, query: { unitId?: number; asOf?: string }): Promise<Home>;
};
