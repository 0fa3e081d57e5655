export { EntityGdprContent } from './EntityGdprContent';
