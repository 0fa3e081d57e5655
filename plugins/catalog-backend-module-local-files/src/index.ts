/**
 * Relative `$text` placeholders for catalog files read from disk.
 *
 * @packageDocumentation
 */

export { default } from './module';
export { createLocalTextPlaceholderResolver } from './localTextPlaceholderResolver';
