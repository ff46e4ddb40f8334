/** Shared check of the document use cases: `cityId` must name an organisation of type city. */
import { ValidationError } from '../errors';
import type { Storage } from '../storage/types';

/** Throws 400 `invalid_city` unless `cityId` is null/absent or a city organisation. */
export async function assertCity(input: {
  storage: Storage;
  cityId: string | null | undefined;
}): Promise<void> {
  if (input.cityId === null || input.cityId === undefined) return;
  const organization = await input.storage.getOrganization({ id: input.cityId });
  if (!organization || organization.type !== 'city') {
    throw new ValidationError(
      'cityId must be an organisation of type city.',
      undefined,
      'invalid_city',
    );
  }
}
