import type { Localised, NotificationTemplate } from '../notifications.types.js';

// Message templates other modules register once (e.g. 'steer.task_due_soon'), so an event can carry a key and
// parameters instead of finished texts. Rendered when the event is recorded: a later wording change never
// rewrites a notification someone already received.

const templates = new Map<string, NotificationTemplate>();

export function registerNotificationTemplates(entries: Record<string, NotificationTemplate>): void {
  for (const [key, template] of Object.entries(entries)) templates.set(key, template);
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function renderTemplate(
  key: string,
  params: Record<string, string | number> = {},
): { title: Localised; body: Localised } {
  const template = templates.get(key);
  if (!template) throw new Error(`notify: no notification template "${key}" is registered`);
  const both = (t: Localised): Localised => ({ vi: fill(t.vi, params), en: fill(t.en, params) });
  return { title: both(template.title), body: both(template.body) };
}
