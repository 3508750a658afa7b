import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  SheetTemplateSummary,
  sheetSampleSchema,
  sheetTemplateVersionSchema,
} from '../../../shared/sheets/api-schema.js';
import { api, segment } from '../../lib/api.js';

export type SheetSample = z.infer<typeof sheetSampleSchema>;
export type SheetTemplateVersion = z.infer<typeof sheetTemplateVersionSchema>;
export type { SheetTemplateSummary };
export type ImportFormat = 'yaml' | 'json';

const base = (orgId: string) => `/api/orgs/${segment(orgId)}/sheet-templates`;

export const sheetTemplatesQueryKey = (orgId: string) => ['orgs', orgId, 'sheet-templates'] as const;

export function sheetTemplatesQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: sheetTemplatesQueryKey(orgId),
    queryFn: () => api.get<SheetTemplateSummary[]>(base(orgId)),
  });
}

export const sheetSamplesQueryOptions = queryOptions({
  queryKey: ['sheet-samples'] as const,
  queryFn: () => api.get<SheetSample[]>('/api/sheet-samples'),
  staleTime: Number.POSITIVE_INFINITY,
});

export function sheetVersionsQueryOptions(orgId: string, templateId: string) {
  return queryOptions({
    queryKey: [...sheetTemplatesQueryKey(orgId), templateId, 'versions'] as const,
    queryFn: () => api.get<SheetTemplateVersion[]>(`${base(orgId)}/${segment(templateId)}/versions`),
  });
}

/** Where a version is downloaded as a file; the server names the file. */
export function sheetExportHref(orgId: string, templateId: string, version: number, format: ImportFormat): string {
  return `${base(orgId)}/${segment(templateId)}/versions/${version}/export?format=${format}`;
}

interface Created {
  templateId: string;
  version: number;
}

export const sheetApi = {
  copySample: (orgId: string, sampleKey: string) => api.post<Created>(`${base(orgId)}/from-sample`, { sampleKey }),
  importFile: (orgId: string, format: ImportFormat, text: string) =>
    api.post<Created>(`${base(orgId)}/import`, { format, text }),
};

/** The format a file is in, by its name; undefined for anything we do not read. */
export function formatOfFileName(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

/** A new template or version changes the list and that template's versions. */
export function useRefreshSheets(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sheetTemplatesQueryKey(orgId) });
}
