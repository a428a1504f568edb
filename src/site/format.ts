import { parsePartialDate } from '../lib/partial-date.js';
import type { Range } from '../stats/range.js';
import type { Locale } from './locale.js';

/**
 * Formatting per locale. A partial date is shown with its precision: "2021", "August 2021",
 * "14 August 2021" — never as the 1st of January.
 */

// British order ("20 January 1980") reads unambiguously to an international audience.
const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', be: 'be', ru: 'ru' };

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: 'UTC' });
    cache.set(key, format);
  }
  return format;
}

/** Formatted dates by locale and text: pages show the same few thousand dates again and again. */
const formattedDates = new Map<string, string>();
// Three locales of every day of a few decades: beyond it the map starts again.
const FORMATTED_DATES = 50_000;

export function formatPartialDate(text: string | null | undefined, locale: Locale): string {
  if (!text) return '';
  const key = `${locale}|${text}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    if (formattedDates.size >= FORMATTED_DATES) formattedDates.clear();
    formatted = formatUnremembered(text, locale);
    formattedDates.set(key, formatted);
  }
  return formatted;
}

function formatUnremembered(text: string, locale: Locale): string {
  const parsed = parsePartialDate(text);
  if (!parsed) return text;
  const date = new Date(Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1));
  switch (parsed.precision) {
    case 'year':
      return String(parsed.year);
    case 'month':
      return dateFormat(locale, { year: 'numeric', month: 'long' }).format(date);
    case 'day':
      return dateFormat(locale, { dateStyle: 'long' }).format(date);
  }
}

/** "14 August" (no year): for birthdays. */
export function formatDayOfYear(isoDay: string, locale: Locale): string {
  return dateFormat(locale, { day: 'numeric', month: 'long' }).format(new Date(`${isoDay}T00:00:00Z`));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Making an Intl.NumberFormat costs far more than using one, and pages format thousands of numbers. */
export function formatNumber(value: number, locale: Locale, digits = 0): string {
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** "12" or "10–12": a count that partial dates leave uncertain is shown as its range. */
export function formatCount(range: Range, locale: Locale, digits = 0): string {
  const min = formatNumber(range.min, locale, digits);
  return range.min === range.max ? min : `${min}–${formatNumber(range.max, locale, digits)}`;
}

/** One Intl object per locale (and kind): making one costs far more than using it. */
function perLocale<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) {
      value = make(locale);
      made.set(locale, value);
    }
    return value;
  };
}

const percentFormat = perLocale(
  (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
);
const regionNames = perLocale((locale) => new Intl.DisplayNames(locale, { type: 'region' }));
const pluralRules = perLocale((locale) => new Intl.PluralRules(locale));

export function formatPercent(share: number, locale: Locale): string {
  return percentFormat(locale).format(share);
}

export function countryName(code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  try {
    return regionNames(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Picks the plural form of a count in the locale ("1 day", "2 дні", "5 дзён"). */
export function plural(
  locale: Locale,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>>,
): string {
  const rule = pluralRules(locale).select(count);
  const form = forms[rule] ?? forms.other ?? '';
  return form.replace('{n}', formatNumber(count, locale));
}
