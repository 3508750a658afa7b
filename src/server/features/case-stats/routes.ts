import {
  caseStatsExportQuerySchema,
  caseStatsQuerySchema,
  caseStatsSchema,
} from '../../../shared/cases/stats-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { sendDownload } from '../../lib/download.js';
import { orgParams } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { pickLocale } from '../../plugins/errors.js';
import { exportCaseStats } from './exports.js';
import * as service from './service.js';

// Every member may see how the organisation's kaizen is going: the numbers are of published cases.
const read = { access: { kind: 'org', permission: 'org.read' } } as const;
const tags = ['cases'];

export function registerCaseStatsRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/case-stats',
    {
      config: read,
      schema: {
        tags,
        summary:
          "Statistics of the organisation's published cases in a fiscal year: departments, months, participation, effects, scenes, awards and a 5-year trend",
        params: orgParams,
        querystring: caseStatsQuerySchema,
        response: { 200: caseStatsSchema },
      },
    },
    async (request) => service.getCaseStats(orgContext(request, deps), request.query.fiscalYear),
  );

  app.get(
    '/api/orgs/:orgId/case-stats/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The same statistics as CSV (UTF-8 with BOM, tables one under another) or xlsx (a sheet per table)',
        params: orgParams,
        querystring: caseStatsExportQuerySchema,
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const file = await exportCaseStats(orgContext(request, deps), query, lang ?? pickLocale(request));
      return sendDownload(reply, file);
    },
  );
}
