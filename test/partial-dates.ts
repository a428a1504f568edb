import fc from 'fast-check';

export type Precision = 'year' | 'month' | 'day';

/** How precisely a random date is recorded: a year, a month, or (twice as often) a day. */
export const aPrecision = fc.constantFrom<Precision>('year', 'month', 'day', 'day');

/** An ISO day as recorded to that precision: "2021", "2021-03" or "2021-03-14". */
export const recordedAs = (day: string, precision: Precision): string =>
  precision === 'year' ? day.slice(0, 4) : precision === 'month' ? day.slice(0, 7) : day;
