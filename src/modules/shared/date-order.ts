import { ruleViolated } from '../../lib/errors.js';
import { isCertainlyBefore } from '../../lib/partial-date.js';

/** Refuses a record whose `later` date is certainly before its `earlier` date. */
export function assertNotBefore(
  record: Record<string, unknown>,
  earlierField: string,
  laterField: string,
): void {
  const earlier = record[earlierField];
  const later = record[laterField];
  if (typeof earlier === 'string' && typeof later === 'string' && isCertainlyBefore(later, earlier)) {
    throw ruleViolated(laterField, `${later} is before ${earlierField} ${earlier}`);
  }
}
