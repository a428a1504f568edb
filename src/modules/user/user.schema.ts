import { z } from 'zod';
import { passwordProblem } from '../../lib/password.js';
import { ROLES } from './access.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(320));

export const passwordSchema = z.string().superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

export const addUserSchema = z
  .object({
    email: emailSchema,
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    password: passwordSchema,
    canPublish: z.boolean().default(false).describe('An editor whose changes are published without review'),
    confidentialAccess: z
      .boolean()
      .default(false)
      .describe('May see confidential fields (admins always may)'),
  })
  .strict();
export type AddUser = z.output<typeof addUserSchema>;

export const changeAccessSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    canPublish: z.boolean().optional(),
    confidentialAccess: z.boolean().optional(),
  })
  .strict();
export type ChangeAccess = z.output<typeof changeAccessSchema>;

export const userRecordSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  canPublish: z.boolean(),
  confidentialAccess: z.boolean(),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const loginSchema = z
  .object({
    email: emailSchema,
    password: z.string().min(1).max(1024),
    totp: z
      .string()
      .trim()
      .max(10)
      .optional()
      .describe('The 6-digit code of the authenticator app, when enabled'),
  })
  .strict();

export const apiTokenRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "weekly export script"'),
    scope: z.enum(['read', 'write']).default('read'),
  })
  .strict();

export const apiTokenRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(['read', 'write']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
