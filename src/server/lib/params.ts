import { z } from 'zod';
import { idSchema } from '../../shared/common/schema.js';

/** Path parameters of organisation routes; extend with the id of the resource below the organisation. */
export const orgParams = z.strictObject({ orgId: idSchema });

export function orgParamsWith<K extends string>(key: K) {
  return orgParams.extend({ [key]: idSchema } as Record<K, typeof idSchema>);
}
