/** Turns version records into what the API sends (never the state). */
import type { VersionDto } from '../../shared/api/versions';
import type { Storage, VersionSummary } from '../storage/types';

/** Presents versions with their authors' names, looked up in one storage call. */
export async function presentVersions(input: {
  storage: Storage;
  versions: VersionSummary[];
}): Promise<VersionDto[]> {
  const ids = [
    ...new Set(input.versions.flatMap((version) => (version.authorId ? [version.authorId] : []))),
  ];
  const users = ids.length > 0 ? await input.storage.listUsers({ ids }) : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  return input.versions.map((version) => {
    const name = version.authorId ? names.get(version.authorId) : undefined;
    return {
      id: version.id,
      documentId: version.documentId,
      label: version.label,
      author: version.authorId && name ? { id: version.authorId, name } : null,
      createdAt: version.createdAt.toISOString(),
    };
  });
}

/** One version (see `presentVersions`). */
export async function presentVersion(input: {
  storage: Storage;
  version: VersionSummary;
}): Promise<VersionDto> {
  const [presented] = await presentVersions({ storage: input.storage, versions: [input.version] });
  return presented!;
}
