/** Network settings an admin can change (`/api/settings`). */
import { z } from 'zod';

/** Every setting with its value when never set. */
export interface NetworkSettingsDto {
  /** When true, anyone may register without an invitation. */
  openRegistration: boolean;
}

/** `PATCH /api/settings` */
export const UpdateSettingsBody = z.object({ openRegistration: z.boolean() });
export type UpdateSettingsBody = z.infer<typeof UpdateSettingsBody>;
