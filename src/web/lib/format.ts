import type { Language } from './i18n/language.js';

/** Municipal work happens on Japanese calendar days, wherever the browser thinks it is. */
const TIME_ZONE = 'Asia/Tokyo';
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export type DateInput = string | Date;

function toDate(value: DateInput): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const date = DAY_PATTERN.test(value) ? new Date(`${value}T00:00:00+09:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

function eraParts(date: Date, language: Language): { era: string; year: string } {
  const locale = language === 'ja' ? 'ja-JP-u-ca-japanese' : 'en-US-u-ca-japanese';
  const parts = new Intl.DateTimeFormat(locale, { era: 'long', year: 'numeric', timeZone: TIME_ZONE }).formatToParts(
    date,
  );
  let year = part(parts, 'year');
  // The first year of an era is 元年 in Japanese; engines disagree on whether Intl says so.
  if (language === 'ja' && year === '1') year = '元';
  if (language === 'en' && year === '元') year = '1';
  return { era: part(parts, 'era'), year };
}

/** The Japanese era year alone: 令和8年 / Reiwa 8. */
export function formatEraYear(value: DateInput, language: Language): string {
  const date = toDate(value);
  if (!date) return '';
  const { era, year } = eraParts(date, language);
  return language === 'ja' ? `${era}${year}年` : `${era} ${year}`;
}

function formatDay(date: Date, language: Language): string {
  if (language === 'ja') {
    return new Intl.DateTimeFormat('ja-JP', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: TIME_ZONE,
    }).format(date);
  }
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** The clock time in Japan: 14:05. */
export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(date);
}

function withEra(text: string, date: Date, language: Language): string {
  const era = formatEraYear(date, language);
  return language === 'ja' ? `${text}（${era}）` : `${text} (${era})`;
}

/** A calendar day with its era beside it: 2026年11月22日（令和8年） / 22 Nov 2026 (Reiwa 8). */
export function formatDate(value: DateInput, language: Language): string {
  const date = toDate(value);
  if (!date) return '';
  return withEra(formatDay(date, language), date, language);
}

/** A moment with its era: 2026年11月22日 14:05（令和8年） / 22 Nov 2026, 14:05 (Reiwa 8). */
export function formatDateTime(value: DateInput, language: Language): string {
  const date = toDate(value);
  if (!date) return '';
  const separator = language === 'ja' ? ' ' : ', ';
  return withEra(`${formatDay(date, language)}${separator}${formatTime(date)}`, date, language);
}

/** YYYY-MM-DD of the day in Japan, the form date inputs and the API use. */
export function toIsoDay(value: DateInput): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** 年度 of a day: it starts on 1 April, so 2027-03-31 still belongs to 2026年度. */
export function fiscalYearOf(value: DateInput): number {
  const day = toIsoDay(value);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** First and last day of a fiscal year, inclusive. */
export function fiscalYearRange(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

/**
 * 2026年度（令和8年度） / FY2026 (Reiwa 8). The era is read at the end of the calendar year,
 * which makes FY2019 令和元年度 as the government called it.
 */
export function formatFiscalYear(fiscalYear: number, language: Language): string {
  const reference = `${fiscalYear}-12-31`;
  const era = formatEraYear(reference, language);
  if (language === 'ja') return `${fiscalYear}年度（${era}度）`;
  return `FY${fiscalYear} (${era})`;
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB').format(value);
}
