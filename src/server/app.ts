import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps, ZodApp } from './deps.js';
import { registerAuditRoutes } from './features/audit/routes.js';
import { registerAuthRoutes } from './features/auth/routes.js';
import { registerCareerRoutes } from './features/career/routes.js';
import { registerCaseImportRoutes } from './features/case-import/routes.js';
import { registerCaseStatsRoutes } from './features/case-stats/routes.js';
import { registerCaseRoutes } from './features/cases/routes.js';
import { registerDepartmentRoutes } from './features/departments/routes.js';
import { registerHealthRoutes } from './features/health/routes.js';
import { registerLocalGovernmentRoutes } from './features/local-governments/routes.js';
import { registerMemberRoutes } from './features/members/routes.js';
import { registerOrgRoutes } from './features/orgs/routes.js';
import { registerPlanDraftRoutes } from './features/plan-drafts/routes.js';
import { registerPlanRoutes } from './features/plans/routes.js';
import { registerRoundRoutes } from './features/rounds/routes.js';
import { registerSceneGridRoutes } from './features/scene-grid/routes.js';
import { registerSheetRoutes } from './features/sheets/routes.js';
import { registerWorkshopRoutes } from './features/workshops/routes.js';
import { registerAuth } from './plugins/auth.js';
import { answerFrameworkError, registerErrorHandling } from './plugins/errors.js';
import { registerResponseHeaders } from './plugins/headers.js';
import { registerJsonBody } from './plugins/json-body.js';
import { registerRequestTextCheck } from './plugins/request-text.js';

export const APP_VERSION = '0.1.0';
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web UI from dist/web (off in API tests). */
  serveWeb?: boolean;
  /** Where the built web UI is; dist/web unless a test says otherwise. */
  webRoot?: string;
}

/** Builds the whole HTTP application around its dependencies; main.ts listens, tests inject(). */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<ZodApp> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: deps.env.BODY_LIMIT,
    trustProxy: deps.env.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: answerFrameworkError,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const root = options.webRoot ?? webRoot;
  const serveWeb = Boolean(options.serveWeb && existsSync(path.join(root, 'index.html')));
  registerErrorHandling(app, {
    // Client-side routes (/orgs/…, /login …) all load the same page; /api and files stay 404.
    pageFallback: serveWeb
      ? (request, reply) => {
          const pathname = request.url.split('?')[0] ?? '';
          if (request.method !== 'GET' || pathname.startsWith('/api') || path.extname(pathname)) return undefined;
          return reply.header('cache-control', 'no-cache').sendFile('index.html');
        }
      : undefined,
  });
  registerJsonBody(app);
  registerRequestTextCheck(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.env.COOKIE_SECURE === 'true' ? undefined : false,
    crossOriginEmbedderPolicy: false,
  });
  registerResponseHeaders(app);
  await app.register(fastifyCookie);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kaizen Navi API',
        description: 'カイゼンナビ API. Sessions are cookies; errors are RFC 9457 problem+json.',
        version: APP_VERSION,
      },
      tags: [
        { name: 'auth' },
        { name: 'organisations' },
        { name: 'departments' },
        { name: 'members' },
        { name: 'audit' },
        { name: 'sheets' },
        { name: 'platform' },
        { name: 'operations' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, { db: deps.db, now: deps.now });

  app.get('/api/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  registerHealthRoutes(app, deps, APP_VERSION);
  registerAuthRoutes(app, deps);
  registerLocalGovernmentRoutes(app);
  registerOrgRoutes(app, deps);
  registerDepartmentRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerSheetRoutes(app, deps);
  registerRoundRoutes(app, deps);
  registerPlanDraftRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerSceneGridRoutes(app, deps);
  registerCaseStatsRoutes(app, deps);
  registerCaseImportRoutes(app, deps);
  registerWorkshopRoutes(app, deps);
  registerCareerRoutes(app, deps);

  if (serveWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // Vite puts a content hash in every asset's name, so a year of caching is safe.
      setHeaders: (res, filePath) => {
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}
