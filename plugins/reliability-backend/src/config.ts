import { Config } from '@backstage/config';
import {
  DisruptionType,
  DrTargets,
} from '@readiness/plugin-reliability-common';

/** RTO/RPO targets by disruption type from `reliability.drills.targets`. */
export function readDrTargets(
  config: Config,
): Partial<Record<DisruptionType | 'default', DrTargets>> {
  const section = config.getOptionalConfig('reliability.drills.targets');
  if (!section) return {};
  return Object.fromEntries(
    section.keys().map(type => [
      type,
      {
        rtoMinutes: section.getNumber(`${type}.rtoMinutes`),
        rpoMinutes: section.getNumber(`${type}.rpoMinutes`),
      },
    ]),
  );
}
