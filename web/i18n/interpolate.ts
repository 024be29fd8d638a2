export type MessageParams = Record<string, string | number>;

/** Fills {name} placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function fillPlaceholders(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
