import type { MessageKey } from '../../i18n/vi.js';
import type { GrantDraft } from './grants-editor.js';

// Checks the new/edit-user form before it is sent, so an empty name or unit reads as what to do ("Nhập họ tên",
// "Chọn đơn vị") rather than the server's generic length and range messages. Keys match the server's field paths.
export function userFormProblems(fullName: string, grants: Pick<GrantDraft, 'unitId'>[]) {
  const problems: Record<string, MessageKey> = {};
  if (!fullName.trim()) problems.fullName = 'users.needName';
  grants.forEach((g, index) => {
    if (g.unitId === null) problems[`grants.${index}.unitId`] = 'users.needUnit';
  });
  return problems;
}
