import { z } from 'zod';

// Citizen single sign-on (OpenID Connect): what public pages read to show the "Đăng nhập bằng …" button, and
// the signed-in citizen's own masked view.

export const SsoStatusSchema = z.object({
  enabled: z.boolean(),
  /** The provider's name for the button, null when single sign-on is not configured. */
  providerName: z.string().nullable(),
});
export type SsoStatus = z.infer<typeof SsoStatusSchema>;

export const SsoStartQuerySchema = z.strictObject({
  /** A path on this site to come back to after signing in (anything else goes to '/'). */
  returnTo: z.string().max(500).optional(),
});

export const SsoCallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export const SsoMeSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  provider: z.string(),
});
export type SsoMe = z.infer<typeof SsoMeSchema>;
