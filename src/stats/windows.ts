import { addDays, spanOf, spansOverlap, spanWithin, type DaySpan } from './calendar.js';
import type { Range } from './range.js';

/**
 * Windows around an anchor date that may itself be partial ("the 30 days before the batch").
 *
 * For each reading D of the anchor the window is a set of days; an event is certainly in the window
 * when every reading of the anchor and every reading of the event date put it inside (the event's
 * span lies in the intersection of all the windows), and possibly in it when some reading does (it
 * meets their union). For a precise anchor both collapse to the plain window.
 */
export type WindowSide = 'before' | 'after';

export interface AnchoredWindow {
  /** Days in the window under every reading of the anchor; null when no day is (anchor too vague). */
  certain: DaySpan | null;
  /** Days in the window under at least one reading. */
  possible: DaySpan;
}

/** 'before': D−days … D−1; 'after': D+1 … D+days. The anchor day itself belongs to neither. */
export function windowAround(anchor: string, side: WindowSide, days: number): AnchoredWindow {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`window must be a whole number of days ≥ 1, got ${days}`);
  const { first, last } = spanOf(anchor);
  if (side === 'before') {
    const certain = { first: addDays(last, -days), last: addDays(first, -1) };
    return {
      certain: certain.first <= certain.last ? certain : null,
      possible: { first: addDays(first, -days), last: addDays(last, -1) },
    };
  }
  const certain = { first: addDays(last, 1), last: addDays(first, days) };
  return {
    certain: certain.first <= certain.last ? certain : null,
    possible: { first: addDays(first, 1), last: addDays(last, days) },
  };
}

/** The anchor day itself: certain only when both dates are the same precise day. */
export function sameDayWindow(anchor: string): AnchoredWindow {
  const span = spanOf(anchor);
  return { certain: span.first === span.last ? span : null, possible: span };
}

/** How many of the partial dates fall in the window: {min: certainly, max: possibly}. */
export function countInWindow(dates: readonly string[], window: AnchoredWindow): Range {
  return countDatesInWindow(
    dates.map((on) => ({ on, count: 1 })),
    window,
  );
}

/** The same, for dates each standing for `count` events (a GROUP BY row of a database). */
export function countDatesInWindow(
  dates: readonly { on: string; count: number }[],
  window: AnchoredWindow,
): Range {
  let min = 0;
  let max = 0;
  for (const { on, count } of dates) {
    const span = spanOf(on);
    if (window.certain && spanWithin(span, window.certain)) min += count;
    if (spansOverlap(span, window.possible)) max += count;
  }
  return { min, max };
}
