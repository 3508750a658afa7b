import { describe, expect, it } from 'vitest';
import {
  fiscalYearOf,
  fiscalYearRange,
  formatDate,
  formatDateTime,
  formatEraYear,
  formatFiscalYear,
  formatNumber,
  toIsoDay,
} from './format.js';

describe('formatDate', () => {
  it('shows the Japanese era beside the date', () => {
    expect(formatDate('2026-11-22', 'ja')).toBe('2026年11月22日（令和8年）');
    expect(formatDate('2026-11-22', 'en')).toBe('22 Nov 2026 (Reiwa 8)');
  });

  it('reads instants in Japan time', () => {
    // 23:30 UTC on 21 Nov is already 22 Nov in Japan.
    expect(formatDate('2026-11-21T23:30:00Z', 'ja')).toBe('2026年11月22日（令和8年）');
  });

  it('calls the first year of an era 元年 in Japanese', () => {
    expect(formatDate('2019-05-01', 'ja')).toBe('2019年5月1日（令和元年）');
    expect(formatDate('2019-05-01', 'en')).toBe('1 May 2019 (Reiwa 1)');
    expect(formatDate('2019-04-30', 'ja')).toBe('2019年4月30日（平成31年）');
  });

  it('returns an empty string for values that are not dates', () => {
    expect(formatDate('not a date', 'ja')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('adds the time of day in 24-hour form', () => {
    expect(formatDateTime('2026-11-22T05:05:00Z', 'ja')).toBe('2026年11月22日 14:05（令和8年）');
    expect(formatDateTime('2026-11-22T05:05:00Z', 'en')).toBe('22 Nov 2026, 14:05 (Reiwa 8)');
  });
});

describe('formatEraYear', () => {
  it('names the era and its year', () => {
    expect(formatEraYear('2026-01-01', 'ja')).toBe('令和8年');
    expect(formatEraYear('1989-01-10', 'en')).toBe('Heisei 1');
  });
});

describe('fiscal years', () => {
  it('start on 1 April', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
  });

  it('cover April to March', () => {
    expect(fiscalYearRange(2026)).toEqual({ start: '2026-04-01', end: '2027-03-31' });
  });

  it('are named with their era', () => {
    expect(formatFiscalYear(2026, 'ja')).toBe('2026年度（令和8年度）');
    expect(formatFiscalYear(2019, 'ja')).toBe('2019年度（令和元年度）');
    expect(formatFiscalYear(2026, 'en')).toBe('FY2026 (Reiwa 8)');
  });
});

describe('toIsoDay', () => {
  it('gives the Japanese calendar day', () => {
    expect(toIsoDay('2026-03-31T15:00:00Z')).toBe('2026-04-01');
  });
});

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(formatNumber(327692, 'ja')).toBe('327,692');
  });
});
