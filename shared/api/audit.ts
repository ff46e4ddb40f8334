/** Query of `GET /api/audit` (network admin). */
import { z } from 'zod';

/** Newest first, `limit` per page; pass the last event's `at` as `before` for the next page. */
export const ListAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/, 'not an audit action name')
    .optional(),
});
