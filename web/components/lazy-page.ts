/**
 * Loads a page's module together with the whole Mantine stylesheet. The staff app's entry carries only the Mantine
 * styles of its shell and home page (web/staff/mantine-shell.css), so those stay small; every other page is loaded through here (Vite puts the stylesheet in before the page renders).
 */
export function withAllStyles<M>(page: Promise<M>): Promise<M> {
  return Promise.all([page, import('./mantine-styles.js')]).then(([m]) => m);
}
