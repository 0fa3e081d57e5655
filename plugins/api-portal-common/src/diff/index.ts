export { diffApiDefinitions } from './diffApiDefinitions';
export { API_DIFF_RULES } from './rules';
export { API_DIFF_ENGINE_VERSION, diffRulesFingerprint } from './ruleSet';
export { ApiDocument } from './model';
export type {
  ApiDocumentKind,
  MediaTypeModel,
  OperationModel,
  ParameterModel,
  PathModel,
  RequestBodyModel,
  ResponseModel,
} from './model';
export type { ParameterPair, ParameterPairing } from './parameters';
export type {
  SchemaAlternative,
  SchemaBound,
  SchemaEnum,
  SchemaProperty,
  SchemaView,
} from './schemaView';
export type { SecurityAlternative, SecurityRequirements } from './security';
export type {
  ApiChange,
  ApiChangeLocation,
  ApiChangeSeverity,
  DiffOptions,
  DiffRule,
  DiffRuleContexts,
  DiffRuleOf,
  DiffRuleScope,
  OperationPair,
  ReportChange,
  RuleReport,
  SchemaOrigin,
  SchemaPair,
} from './types';
