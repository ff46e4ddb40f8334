/** Contract: organisations. */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/errors';
import {
  buildDocument,
  buildOrganization,
  buildUser,
  buildWorkspace,
} from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { MISSING_ID, tick } from './helpers';

/** Registers the organisation tests. */
export function describeOrganizationsContract(getStorage: GetStorage): void {
  describe('organizations', () => {
    it('creates and reads an organisation, upper-casing the country', async () => {
      const storage = getStorage();
      const organization = await storage.createOrganization({
        name: 'Stuttgart',
        type: 'city',
        country: 'de',
      });
      expect(organization).toMatchObject({ name: 'Stuttgart', type: 'city', country: 'DE' });
      expect(organization.createdAt).toBeInstanceOf(Date);
      expect(await storage.getOrganization({ id: organization.id })).toEqual(organization);
      expect(await storage.getOrganization({ id: MISSING_ID })).toBeNull();
    });

    it('lists organisations by name, optionally of one type', async () => {
      const storage = getStorage();
      await buildOrganization(storage, { name: 'Vienna', type: 'city', country: 'AT' });
      await buildOrganization(storage, { name: 'Bamberg University', type: 'research' });
      await buildOrganization(storage, { name: 'Bologna', type: 'city', country: 'IT' });
      expect((await storage.listOrganizations({})).map((o) => o.name)).toEqual([
        'Bamberg University',
        'Bologna',
        'Vienna',
      ]);
      expect((await storage.listOrganizations({ type: 'city' })).map((o) => o.name)).toEqual([
        'Bologna',
        'Vienna',
      ]);
      expect(await storage.listOrganizations({ type: 'partner' })).toEqual([]);
    });

    it('updates an organisation and refuses a missing one', async () => {
      const storage = getStorage();
      const organization = await buildOrganization(storage, { name: 'Old' });
      await tick();
      const updated = await storage.updateOrganization({
        id: organization.id,
        patch: { name: 'New', type: 'partner', country: 'nl' },
      });
      expect(updated).toMatchObject({
        id: organization.id,
        name: 'New',
        type: 'partner',
        country: 'NL',
      });
      expect(updated.updatedAt.getTime()).toBeGreaterThan(organization.updatedAt.getTime());
      await expect(
        storage.updateOrganization({ id: MISSING_ID, patch: { name: 'x' } }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('deletes an organisation, detaching its users and case studies', async () => {
      const storage = getStorage();
      const city = await buildOrganization(storage);
      const user = await buildUser(storage, { organizationId: city.id });
      const workspace = await buildWorkspace(storage, { owner: user });
      const document = await buildDocument(storage, {
        workspace,
        createdBy: user,
        kind: 'case-study',
        cityId: city.id,
      });
      await storage.deleteOrganization({ id: city.id });
      expect(await storage.getOrganization({ id: city.id })).toBeNull();
      expect((await storage.getUserById({ id: user.id }))?.organizationId).toBeNull();
      expect((await storage.getDocument({ id: document.id }))?.cityId).toBeNull();
      await expect(storage.deleteOrganization({ id: city.id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });
}
