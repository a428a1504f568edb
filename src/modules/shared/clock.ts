/** The clock is outside the system: services ask it for the time so tests can fix it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function timestamp(clock: Clock): string {
  return clock().toISOString();
}
