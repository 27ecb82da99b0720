import { z } from 'zod';
import { ROLES } from '../../core/actor.js';
import { idField, versionField } from './common.js';

export const roleSchema = z.enum(ROLES);

export const userOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  jurisdictionId: z.number().nullable(),
  unitId: z.number().nullable(),
  personId: z.number().nullable(),
  /** Where e-mail reminders go. */
  email: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number(),
});

export const sessionUserOut = userOut.pick({
  id: true,
  username: true,
  displayName: true,
  role: true,
  jurisdictionId: true,
  unitId: true,
  personId: true,
});

const username = z
  .string()
  .trim()
  .min(2, { message: '用户名至少 2 个字符 (username: at least 2 characters)' })
  .max(50)
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, {
    message: '用户名只能包含字母、数字、汉字和 _ . - (letters, digits, Chinese characters, _ . - only)',
  });

/** An e-mail address for reminders; an empty string clears it. */
const email = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
  z
    .email({ message: '邮箱格式不正确，请填写如 name@example.gov.cn 的地址 (not a valid e-mail address)' })
    .trim()
    .max(200)
    .nullable(),
);

export const userCreate = z.strictObject({
  username,
  displayName: z.string().trim().max(50).default(''),
  password: z.string().max(128),
  role: roleSchema,
  jurisdictionId: idField.nullable().default(null),
  unitId: idField.nullable().default(null),
  personId: idField.nullable().default(null),
  email: email.default(null),
});

export const userUpdate = z.strictObject({
  version: versionField,
  displayName: z.string().trim().max(50).optional(),
  password: z.string().max(128).optional(),
  role: roleSchema.optional(),
  jurisdictionId: idField.nullable().optional(),
  unitId: idField.nullable().optional(),
  personId: idField.nullable().optional(),
  email: email.optional(),
  disabled: z.boolean().optional(),
  /** Clear a lockout. */
  unlock: z.literal(true).optional(),
});

export const loginBody = z.object({
  username: z.string().trim().min(1, { message: '请输入用户名 (username required)' }).max(100),
  password: z.string().min(1, { message: '请输入密码 (password required)' }).max(200),
});
export const sessionOut = z.object({ user: sessionUserOut, csrfToken: z.string() });

export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().max(128),
});
