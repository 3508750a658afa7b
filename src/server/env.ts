import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Configuration, from environment variables only (listed in the README). */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Kaizen Navi <no-reply@kaizen-navi.local>'),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * Which proxies may say who the client is (X-Forwarded-For/Proto): false, or a comma-separated
   * list of their addresses/CIDRs (or loopback, uniquelocal). true believes any sender, which lets
   * clients forge their address: only behind a proxy that overwrites those headers.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | string => {
      const value = v.trim();
      if (value === '' || value === 'false' || value === '0') return false;
      if (value === 'true') return true;
      return value;
    }),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Demo data on an empty database; unset means yes on the embedded database, no on PostgreSQL. */
  SEED_DEMO: booleanFromString.optional(),
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_PER_ADDRESS_AND_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_SLOWDOWN_MS: z.coerce.number().int().min(0).max(3000).default(250),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Whether to seed demo data: asked for, or by default only for the embedded database, never production PostgreSQL. */
export function shouldSeedDemo(env: Env): boolean {
  return env.SEED_DEMO ?? !env.DATABASE_URL;
}
