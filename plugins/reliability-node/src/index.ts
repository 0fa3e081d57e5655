/**
 * Node.js parts of the reliability plugins.
 *
 * @packageDocumentation
 */

export {
  summarizeK6JsonStream,
  type K6JsonStreamOptions,
} from './k6/summarizeK6JsonStream';
