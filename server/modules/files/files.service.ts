import { requireSignedIn } from '../../lib/access-guard.js';
import { canDownloadFile } from './files.policy.js';
import type { FileAccessDeps, FileAccessService } from './files.types.js';

// Uploading and downloading through the API. The bytes and rows are kept by the shared store (lib/file-store);
// this service decides who may put a file there and who may take one out.
export function createFileAccessService({ files, guard }: FileAccessDeps): FileAccessService {
  return {
    upload(actor, source, upload, ctx) {
      const signedIn = requireSignedIn(actor);
      return files.store(source, { ...upload, uploadedBy: signedIn.userId }, ctx);
    },
    async forDownload(actor, publicId) {
      // A file without a unit has no ancestors (unit 0 does not exist): only its uploader passes.
      const { entity } = await guard.forEntity(
        actor,
        (a, ancestors, file) => canDownloadFile(a, file, ancestors),
        () => files.getByPublicId(publicId),
        (file) => file.unitId ?? 0,
      );
      return entity;
    },
    pathOf: (file) => files.pathOf(file),
    open: (file) => files.open(file),
  };
}
