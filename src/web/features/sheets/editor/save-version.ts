import { api, segment } from '../../../lib/api.js';

/** Sends edited content; the server checks it again and answers with the version it became. */
export function saveTemplateVersion(orgId: string, templateId: string, content: unknown) {
  return api.post<{ templateId: string; version: number }>(
    `/api/orgs/${segment(orgId)}/sheet-templates/${segment(templateId)}/versions`,
    { content },
  );
}
