export type * from './types';
export { NOT_APPLICABLE_ANNOTATION } from './types';
export {
  readApplicability,
  type ApplicabilityRuleSet,
} from './readApplicability';
export {
  entityRefOf,
  evaluateApplicability,
  type ApplicabilityContext,
} from './evaluateApplicability';
export {
  readNotApplicableDeclarations,
  type NotApplicableDeclaration,
} from './notApplicable';
