/**
 * Files the portal takes as data, read with every problem placed at its
 * file, JSON pointer and line; and the durations such files name.
 *
 * @packageDocumentation
 */

export {
  describeValue,
  FileProblems,
  jsonPointer,
  parseDataFile,
} from './dataFile';
export type {
  DataFile,
  DataFileProblem,
  DataPath,
  ParsedDataFile,
} from './dataFile';
export {
  DURATION_UNITS,
  formatDuration,
  parseIsoDuration,
  subtractDuration,
} from './durations';
