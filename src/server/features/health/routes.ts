import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { mailDeliverySchema } from '../../../shared/mail/schema.js';
import { readMigrationState } from '../../db/migrate.js';
import type { AppDeps, ZodApp } from '../../deps.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    migrations: z.object({
      latest: z.string().nullable(),
      applied: z.number(),
      total: z.number(),
      pending: z.array(z.string()),
    }),
  }),
  mail: z.object({ delivery: mailDeliverySchema }),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export function registerHealthRoutes(app: ZodApp, deps: AppDeps, version: string) {
  app.get(
    '/api/health',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['operations'],
        summary: 'Database kind and migration state',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      let reachable = true;
      try {
        await deps.db.execute(sql`select 1`);
      } catch {
        reachable = false;
      }
      const migrations = reachable
        ? await readMigrationState(deps.database)
        : { latest: null, applied: 0, total: 0, pending: [] };
      const ok = reachable && migrations.pending.length === 0;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        database: { kind: deps.database.kind, reachable, migrations },
        mail: { delivery: deps.mailer.sends ? 'smtp' : 'outbox' },
        version,
        uptimeSeconds: Math.round(process.uptime()),
      });
    },
  );
}
