/** Organisations (cities, research institutes, partners) in SQLite. */
import { randomUUID } from 'node:crypto';
import type { OrganizationType } from '../../../shared/domain';
import { organizationNotFound } from '../notFound';
import type { Organization, OrganizationPatch } from '../types';
import type { OrganizationMethods } from '../port/organizations';
import { compilePatch, encode, fromMs, type PatchColumns } from './codec';
import { normalizeCountry } from '../normalize';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface OrganizationRow {
  id: string;
  name: string;
  type: string;
  country: string;
  created_at: number;
  updated_at: number;
}

const ORGANIZATION_COLUMNS: PatchColumns<OrganizationPatch> = {
  name: { column: 'name', encode: encode.text },
  type: { column: 'type', encode: encode.text },
  country: { column: 'country', encode: normalizeCountry },
};

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    type: row.type as OrganizationType,
    country: row.country,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}

/** The organisation part of the SQLite adapter. */
export function createSqliteOrganizations({ stmt }: SqliteContext): OrganizationMethods {
  const get = (id: string): Organization | null => {
    const row = stmt('SELECT * FROM organizations WHERE id = ?').get(id) as
      OrganizationRow | undefined;
    return row ? toOrganization(row) : null;
  };

  return {
    async createOrganization({ name, type, country }) {
      const now = Date.now();
      const id = randomUUID();
      translateSqlite(() =>
        stmt(
          'INSERT INTO organizations (id, name, type, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(id, name, type, normalizeCountry(country), now, now),
      );
      return get(id) as Organization;
    },

    async getOrganization({ id }) {
      return translateSqlite(() => get(id));
    },

    async listOrganizations({ type }) {
      const rows = translateSqlite(() =>
        type
          ? stmt('SELECT * FROM organizations WHERE type = ? ORDER BY name, rowid').all(type)
          : stmt('SELECT * FROM organizations ORDER BY name, rowid').all(),
      ) as OrganizationRow[];
      return rows.map(toOrganization);
    },

    async updateOrganization({ id, patch }) {
      const { assignments, params } = compilePatch(patch, ORGANIZATION_COLUMNS);
      const result = translateSqlite(() =>
        stmt(
          `UPDATE organizations SET ${[...assignments, 'updated_at = ?'].join(', ')} WHERE id = ?`,
        ).run(...params, Date.now(), id),
      );
      if (result.changes === 0) throw organizationNotFound();
      return get(id) as Organization;
    },

    async deleteOrganization({ id }) {
      // Users and documents pointing at it are detached (ON DELETE SET NULL), not deleted.
      const result = translateSqlite(() => stmt('DELETE FROM organizations WHERE id = ?').run(id));
      if (result.changes === 0) throw organizationNotFound();
    },
  };
}
