import { attachmentImageTypes, type CaseAttachment } from '../../../shared/cases/case-schema.js';

export interface SlidePhotos {
  before: CaseAttachment[];
  after: CaseAttachment[];
  /** Photos marked neither before nor after, only where the sheet has room left. */
  other: CaseAttachment[];
}

const imageTypes: readonly string[] = attachmentImageTypes;

/**
 * The photos a one-page presentation has room for: at most two before and two after, as on the
 * 5-minute slide, then other photos up to `max` in all (and never more than two of them).
 * Documents and anything that is not an image stay on the case page.
 */
export function pickSlidePhotos(attachments: CaseAttachment[] | null, max = 4): SlidePhotos {
  const images = (attachments ?? []).filter((a) => a.role !== 'document' && imageTypes.includes(a.mediaType));
  const before = images.filter((a) => a.role === 'before').slice(0, Math.min(2, max));
  const after = images.filter((a) => a.role === 'after').slice(0, Math.min(2, Math.max(0, max - before.length)));
  const room = Math.max(0, Math.min(2, max - before.length - after.length));
  const other = images.filter((a) => a.role === 'photo').slice(0, room);
  return { before, after, other };
}
