/*
 * Which way a statistic should move. Trends of k6 runs are durations, so
 * higher is worse; of rates, failures and errors are worse when higher and
 * checks are better when higher; other rates say nothing on their own.
 */

export type ChangeVerdict = 'worse' | 'better' | 'neutral';

export function changeVerdict(
  metric: string,
  statistic: string,
  change: number,
): ChangeVerdict {
  if (change === 0) return 'neutral';
  let higherIsWorse: boolean | undefined;
  if (statistic !== 'rate') {
    higherIsWorse = true;
  } else if (/fail|error/i.test(metric)) {
    higherIsWorse = true;
  } else if (/^checks\b/.test(metric)) {
    higherIsWorse = false;
  }
  if (higherIsWorse === undefined) return 'neutral';
  return change > 0 === higherIsWorse ? 'worse' : 'better';
}
