import { describe, expect, it } from 'vitest';
import type { AttachmentRole, CaseAttachment } from '../../../shared/cases/case-schema.js';
import { pickSlidePhotos } from './case-slide-photos.js';

let next = 0;
function file(role: AttachmentRole, mediaType = role === 'document' ? 'application/pdf' : 'image/png'): CaseAttachment {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    fileName: `${role}-${next}`,
    mediaType,
    sizeBytes: 100,
    role,
    createdAt: '2026-05-01T00:00:00Z',
  };
}
const names = (list: CaseAttachment[]) => list.map((a) => a.role);

describe('pickSlidePhotos', () => {
  it('takes nothing from a withheld or empty list', () => {
    expect(pickSlidePhotos(null)).toEqual({ before: [], after: [], other: [] });
    expect(pickSlidePhotos([])).toEqual({ before: [], after: [], other: [] });
  });

  it('prefers before and after photos, two each, and leaves no room for others', () => {
    const picked = pickSlidePhotos([
      file('photo'),
      file('before'),
      file('before'),
      file('before'),
      file('after'),
      file('after'),
      file('after'),
    ]);
    expect(picked.before).toHaveLength(2);
    expect(picked.after).toHaveLength(2);
    expect(picked.other).toHaveLength(0);
  });

  it('fills the room left with other photos, at most two, and never a document', () => {
    const picked = pickSlidePhotos([file('document'), file('before'), file('photo'), file('photo'), file('photo')]);
    expect(names(picked.before)).toEqual(['before']);
    expect(picked.after).toEqual([]);
    expect(names(picked.other)).toEqual(['photo', 'photo']);
  });

  it('keeps the order the case lists them in', () => {
    const first = file('after');
    const second = file('after');
    expect(pickSlidePhotos([first, second]).after).toEqual([first, second]);
  });

  it('skips a photo whose file is not an image', () => {
    expect(pickSlidePhotos([file('photo', 'application/pdf')]).other).toEqual([]);
  });
});
