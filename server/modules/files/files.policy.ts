import type { Permission } from '../../../core/accounts/permissions.js';
import { type Actor, canOnUnit } from '../../lib/actor.js';
import type { FileRow } from '../../lib/file-store.js';

// Who may read or reuse a stored file. A file belongs to the person who uploaded it and, once attached to
// something of a unit (evidence of a unit's entry), to that unit. Pure: callers pass the ancestors of the
// file's unit (none while it has no unit).

export type FileOwnership = Pick<FileRow, 'uploadedBy' | 'unitId'>;

/** The person who uploaded it (an API token never counts as its creator's person). */
function isUploader(actor: Actor | null, file: FileOwnership): boolean {
  return actor?.kind === 'user' && file.uploadedBy !== null && file.uploadedBy === actor.userId;
}

/** Its uploader, or whoever may read the unit it belongs to. An admin grant elsewhere gives nothing. */
export function canDownloadFile(
  actor: Actor | null,
  file: FileOwnership,
  unitAncestors: readonly number[],
): boolean {
  if (isUploader(actor, file)) return true;
  return file.unitId !== null && canOnUnit(actor, 'units.read', unitAncestors);
}

/**
 * Attaching a file to something (e.g. a unit's evidence) hands it to readers of that thing: only its uploader
 * or someone holding `writePermission` on the unit the file already belongs to may do so.
 */
export function canAttachFile(
  actor: Actor | null,
  file: FileOwnership,
  unitAncestors: readonly number[],
  writePermission: Permission,
): boolean {
  if (isUploader(actor, file)) return true;
  return file.unitId !== null && canOnUnit(actor, writePermission, unitAncestors);
}
