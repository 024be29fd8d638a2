// The one element builder of the light pages (public portal, measure entry form; plain DOM, no framework): attributes whose value is undefined
// and null children are left out, so optional parts read inline.
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}
