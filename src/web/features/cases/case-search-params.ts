import { z } from 'zod';
import {
  caseMethodSchema,
  caseSorts,
  caseStatusSchema,
  effectKindSchema,
  policyFieldSchema,
  populationBandSchema,
} from '../../../shared/cases/case-schema.js';
import { sceneIdSchema } from '../../../shared/cases/scene-grid.js';
import { municipalityTypeSchema } from '../../../shared/orgs/schema.js';

// A value the address cannot hold (an old link, a typo) is dropped rather than refused, so the page
// still opens with the rest of the search.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The search page's state, all of it in the address so a search can be shared, bookmarked and gone back to. */
export const casesSearchSchema = z.object({
  q: optional(z.string().max(200)),
  from: optional(z.enum(['all', 'own', 'others'])),
  sort: optional(z.enum(caseSorts)),
  status: optional(caseStatusSchema),
  sceneId: optional(sceneIdSchema),
  policyField: optional(policyFieldSchema),
  method: optional(caseMethodSchema),
  municipalityType: optional(municipalityTypeSchema),
  prefectureCode: optional(z.string().regex(/^\d{2}$/)),
  populationBand: optional(populationBandSchema),
  fiscalYear: optional(z.coerce.number().int().min(2000).max(2100)),
  tag: optional(z.string().max(30)),
  effectKind: optional(effectKindSchema),
  page: optional(z.coerce.number().int().min(1).max(500)),
});
export type CasesSearch = z.infer<typeof casesSearchSchema>;

/** The facet filters of a search, the ones 「条件をすべて解除」 clears. */
export const caseFilterKeys = [
  'status',
  'sceneId',
  'policyField',
  'method',
  'fiscalYear',
  'municipalityType',
  'prefectureCode',
  'populationBand',
  'tag',
  'effectKind',
] as const satisfies readonly (keyof CasesSearch)[];
export type CaseFilterKey = (typeof caseFilterKeys)[number];

/** Parses the address's search part; anything that does not fit is dropped, never thrown. */
export function parseCasesSearch(search: Record<string, unknown>): CasesSearch {
  const parsed = casesSearchSchema.parse(search);
  // Empty values and defaults stay out of the address.
  return Object.fromEntries(
    Object.entries(parsed).filter(([, value]) => value !== undefined && value !== ''),
  ) as CasesSearch;
}
