import { describe, expect, it } from 'vitest';
import { dropChangedErrors, isEmail } from './validation.js';

describe('isEmail', () => {
  it('accepts ordinary addresses and refuses text without a domain', () => {
    expect(isEmail('kaizen@city.example.jp')).toBe(true);
    expect(isEmail('kaizen@')).toBe(false);
    expect(isEmail('')).toBe(false);
  });
});

describe('dropChangedErrors', () => {
  it('keeps errors only for fields that did not change', () => {
    const errors = { name: 'required', lgCode: 'bad' };
    expect(dropChangedErrors(errors, { name: '', lgCode: '1' }, { name: '郡山市', lgCode: '1' })).toEqual({
      lgCode: 'bad',
    });
  });
});
