export { GdprRegisterContent } from './GdprRegisterContent';
