import { z } from 'zod';

/** Everything the server reads from the environment, checked once at start. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL 须以 postgres:// 开头 (must start with postgres://)' })
    .optional(),
  MINXIN_DATA_DIR: z.string().min(1).default('./data'),
  MINXIN_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  MINXIN_DEMO_PASSWORD: z.string().min(1).optional(),
  MINXIN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set behind HTTPS so cookies carry the Secure flag. */
  MINXIN_SECURE_COOKIES: z.enum(['auto', 'on', 'off']).default('auto'),
  MINXIN_TRUST_PROXY: z.enum(['on', 'off']).default('off'),
  MINXIN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  MINXIN_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  MINXIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  MINXIN_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Worker threads reading imported files off the request thread (src/server/workers); 0: on it, for debugging. */
  MINXIN_IMPORT_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** Pin the business date (YYYY-MM-DD) of a training or demo installation; unset: the real date. */
  MINXIN_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'MINXIN_TODAY 须为 YYYY-MM-DD (must be YYYY-MM-DD)' })
    .optional(),
  /** Reminders: seconds between scheduler runs (0: no scheduler in this process). */
  MINXIN_REMINDER_INTERVAL: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .default(300),
  /** Reminders: how long a run's lease lasts unless renewed; a crashed holder's runs are taken over after it. */
  MINXIN_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(600),
  /** smtp://user:pass@host:port or smtps://…; without it no e-mail is sent. */
  MINXIN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, {
      message: 'MINXIN_SMTP_URL 须以 smtp:// 或 smtps:// 开头 (must start with smtp:// or smtps://)',
    })
    .optional(),
  MINXIN_MAIL_FROM: z.string().min(3).default('民心工程 <minxin@localhost>'),
  /** The address people open the application at, for links in e-mail and robot messages. */
  MINXIN_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, {
      message: 'MINXIN_PUBLIC_URL 须以 http:// 或 https:// 开头 (must be an http(s) URL)',
    })
    .optional(),
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量设置有误，请修改后重启 (invalid environment):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  // No reminder scheduler in tests unless a test asks for one.
  return { ...loadConfig({}), MINXIN_LOG_LEVEL: 'silent', MINXIN_REMINDER_INTERVAL: 0, ...overrides };
}
