import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';
import { readOptionalDuration } from '@readiness/backend-http-utils';
import {
  DEFAULT_DPA_CONTROL,
  DEFAULT_MAX_RETENTION,
} from '@readiness/plugin-compliance-common';

/** What the GDPR records are checked against (`compliance.gdpr`). */
export type GdprOptions = {
  /** The longest an activity may keep personal data. */
  maxRetention: HumanDuration;
  /** The control a processor's DPA evidence is filed for, unless its record names one. */
  dpaControl: string;
};

const CONTROL_REF = /^[A-Za-z0-9_.-]+:[^\s:]+$/;

/** Reads `compliance.gdpr` (the `compliance` section, when there is one). */
export function readGdprOptions(compliance: Config | undefined): GdprOptions {
  const config = compliance?.getOptionalConfig('gdpr');
  const dpaControl =
    config?.getOptionalString('dpaControl') ?? DEFAULT_DPA_CONTROL;
  if (!CONTROL_REF.test(dpaControl)) {
    throw new InputError(
      `compliance.gdpr.dpaControl: "${dpaControl}" is not a control reference such as SOC2:P6.4`,
    );
  }
  return {
    maxRetention: config
      ? readOptionalDuration(config, 'maxRetention', {
          fallback: DEFAULT_MAX_RETENTION,
        })
      : DEFAULT_MAX_RETENTION,
    dpaControl,
  };
}
