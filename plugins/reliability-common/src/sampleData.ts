/*
 * How sample data is told apart from what pipelines publish. The portal's
 * development sample history (docs/operations/sample-data.md) is published
 * through the same services as real data, with these marks in fields every
 * publication already has, so each page can say which records are samples.
 */

/** Idempotency keys of sample publications start with this. @public */
export const SAMPLE_KEY_PREFIX = 'sample:';

/** Releases of sample runs and gate verdicts end with this (semver build metadata). @public */
export const SAMPLE_RELEASE_SUFFIX = '+sample';

/** Whether an idempotency key is a sample publication's. @public */
export function isSampleKey(key: string | undefined): boolean {
  return key?.startsWith(SAMPLE_KEY_PREFIX) ?? false;
}

/** Whether a release (of a run, an SLO judgement or a gate verdict) is a sample one. @public */
export function isSampleRelease(release: string | undefined): boolean {
  return release?.endsWith(SAMPLE_RELEASE_SUFFIX) ?? false;
}

/** Whether a drill was pushed as sample data (its source is `push:<key>`). @public */
export function isSampleDrill(drill: { source: string }): boolean {
  return drill.source.startsWith(`push:${SAMPLE_KEY_PREFIX}`);
}
