import { z } from 'zod';
import { PermissionSchema, RoleSchema } from '../accounts/permissions.js';
import { LOCALES } from '../i18n/locale.js';
import { foldVietnamese } from '../units/fold.js';

// Request and response shapes of the accounts API (auth, users, API tokens, audit log).
// The server validates with these; the web app builds against the inferred types.

export const PASSWORD_MIN = 10;
// PostgreSQL text cannot hold NUL: refusing it here keeps odd input a 400 instead of a database error.
const Text = () => z.string().refine((v) => !v.includes('\0'), { message: 'invalid' });
const Id = z.coerce.number().int().positive().max(2_147_483_647);
const IdNumber = z.number().int().positive().max(2_147_483_647);
const Email = z.email().max(254);
const NewPassword = Text().min(PASSWORD_MIN).max(200);
const Instant = z.iso.datetime({ offset: true });
export const LocaleSchema = z.enum(LOCALES);

export const GrantInputSchema = z.strictObject({ role: RoleSchema, unitId: IdNumber });
export type GrantInput = z.infer<typeof GrantInputSchema>;
export const GrantViewSchema = z
  .object({ role: RoleSchema, unitId: z.number(), unitName: z.string() })
  .meta({ id: 'Grant' });
export type GrantView = z.infer<typeof GrantViewSchema>;

// --- auth
export const LoginBodySchema = z.strictObject({
  email: Text().trim().min(1).max(254),
  password: Text().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const SessionUserSchema = z.object({
  id: z.number(),
  email: z.string(),
  fullName: z.string(),
  locale: LocaleSchema,
});
export const SessionInfoSchema = z
  .object({
    user: SessionUserSchema,
    grants: z.array(GrantViewSchema),
    csrfToken: z.string(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const PasswordChangeBodySchema = z.strictObject({
  currentPassword: Text().min(1).max(200),
  newPassword: NewPassword,
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBodySchema>;

export const PasswordResetRequestBodySchema = z.strictObject({ email: Email });
export const PasswordResetConfirmBodySchema = z.strictObject({
  token: Text().min(10).max(200),
  newPassword: NewPassword,
});
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBodySchema>;

// --- users
export const UserListQuerySchema = z.strictObject({
  q: Text().trim().max(100).optional(),
  unitId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const UserViewSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    fullName: z.string(),
    isActive: z.boolean(),
    locale: LocaleSchema,
    grants: z.array(GrantViewSchema),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserViewSchema>;
export const UserListSchema = z.object({ items: z.array(UserViewSchema), total: z.number() });
export type UserList = z.infer<typeof UserListSchema>;

const Grants = z.array(GrantInputSchema).max(50);
export const UserCreateBodySchema = z.strictObject({
  email: Email,
  fullName: Text().trim().min(1).max(200),
  password: NewPassword.optional(),
  locale: LocaleSchema.optional(),
  grants: Grants.min(1),
});
export type UserCreateBody = z.infer<typeof UserCreateBodySchema>;

export const UserPatchBodySchema = z.strictObject({
  fullName: Text().trim().min(1).max(200).optional(),
  isActive: z.boolean().optional(),
  locale: LocaleSchema.optional(),
});
export type UserPatchBody = z.infer<typeof UserPatchBodySchema>;

export const GrantsPutBodySchema = z.strictObject({ grants: Grants });
export type GrantsPutBody = z.infer<typeof GrantsPutBodySchema>;

export const IdParamsSchema = z.strictObject({ id: Id });

// --- API tokens
export const TokenCreateBodySchema = z.strictObject({
  name: Text().trim().min(1).max(100),
  unitId: IdNumber,
  permissions: z.array(PermissionSchema).min(1).max(50),
  expiresAt: Instant.optional(),
});
export type TokenCreateBody = z.infer<typeof TokenCreateBodySchema>;

export const TokenViewSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    tokenPrefix: z.string(),
    unitId: z.number(),
    permissions: z.array(PermissionSchema),
    createdBy: z.number(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Token' });
export type TokenView = z.infer<typeof TokenViewSchema>;
export const TokenListSchema = z.object({ items: z.array(TokenViewSchema) });
export const TokenCreatedSchema = z.object({
  id: z.number(),
  name: z.string(),
  token: z.string(),
  tokenPrefix: z.string(),
  unitId: z.number(),
  permissions: z.array(PermissionSchema),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
export type TokenCreated = z.infer<typeof TokenCreatedSchema>;

// --- audit log
export const AuditQuerySchema = z.strictObject({
  entity: Text().max(100).optional(),
  entityId: Text().max(100).optional(),
  actorUserId: Id.optional(),
  /** The person who acted, by name (diacritics ignored) or e-mail fragment. */
  actor: Text().trim().max(100).optional(),
  /** Changes to objects of this unit or of any unit below it. */
  unitId: Id.optional(),
  action: Text().max(100).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  q: Text().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  beforeId: Id.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditItemSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorLabel: z.string(),
    actorUserId: z.number().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    /** The object's readable name when it has one (a user's name or e-mail), for the viewer's words. */
    entityLabel: z.string().nullable(),
    /** The unit the changed object belongs to, when known. */
    unitId: z.number().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditItem = z.infer<typeof AuditItemSchema>;
export const AuditPageSchema = z.object({
  items: z.array(AuditItemSchema),
  nextBeforeId: z.number().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** The stored search form of a user's name (users.search_name): the one place that decides how names fold. */
export function userSearchName(fullName: string): string {
  return foldVietnamese(fullName);
}
