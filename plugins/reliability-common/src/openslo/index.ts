export { readOpenSlo } from './readOpenSlo';
export type * from './types';
