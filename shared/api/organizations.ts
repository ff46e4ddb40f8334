/** Request schemas of `/api/organizations`. */
import { z } from 'zod';
import { ORGANIZATION_TYPES } from '../domain';
import { visibleTextField } from './fields';

/** ISO 3166-1 alpha-2 country code; accepted in any case, stored upper case. */
export const countryField = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
  .transform((value) => value.toUpperCase());

const organizationName = visibleTextField(200);

/** `POST /api/organizations` */
export const CreateOrganizationBody = z.object({
  name: organizationName,
  type: z.enum(ORGANIZATION_TYPES),
  country: countryField,
});
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

/** `PATCH /api/organizations/:id` */
export const UpdateOrganizationBody = CreateOrganizationBody.partial().refine(
  (body) => Object.values(body).some((value) => value !== undefined),
  'nothing to change',
);
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

/** `GET /api/organizations?type=` */
export const ListOrganizationsQuery = z.object({ type: z.enum(ORGANIZATION_TYPES).optional() });
