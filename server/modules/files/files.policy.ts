import type { Actor } from '../../lib/actor.js';
import type { FileRow } from './files.repository.js';

// Who may download a stored file. For now the uploader and admins; modules that attach files to a unit
// (evidence, progress reports, feedback photos) will widen this to readers of that unit.
export function canDownloadFile(actor: Actor | null, file: Pick<FileRow, 'uploadedBy'>): boolean {
  if (actor?.kind !== 'user') return false;
  if (file.uploadedBy !== null && file.uploadedBy === actor.userId) return true;
  return actor.grants.some((g) => g.role === 'admin');
}
