import { formatSeconds } from '../cloud/format';

/** Seconds with their unit, as the storyboard prints them: `12.5 s` (to the millisecond, as the checks state them). */
export function secondsText(seconds: number): string {
  return `${formatSeconds(seconds)} s`;
}
