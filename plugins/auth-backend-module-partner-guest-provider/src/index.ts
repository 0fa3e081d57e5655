/**
 * A development sign-in provider that signs in as a sample partner user, so
 * the partner view of the portal can be seen and tested locally.
 *
 * @packageDocumentation
 */

export { default } from './module';
