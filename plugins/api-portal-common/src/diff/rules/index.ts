/*
 * The breaking-change rules, one per file (file name = rule id). The order
 * is the order of the docs: paths and operations, parameters, request
 * bodies, responses, security, diagnostics.
 */
import { pathRemoved } from './path-removed';
import { pathAdded } from './path-added';
import { operationRemoved } from './operation-removed';
import { operationAdded } from './operation-added';
import { operationIdChanged } from './operation-id-changed';
import { operationDeprecated } from './operation-deprecated';
import { parameterRemoved } from './parameter-removed';
import { parameterRenamed } from './parameter-renamed';
import { parameterLocationChanged } from './parameter-location-changed';
import { parameterBecameRequired } from './parameter-became-required';
import { requiredParameterAdded } from './required-parameter-added';
import { optionalParameterAdded } from './optional-parameter-added';
import { parameterTypeChanged } from './parameter-type-changed';
import { parameterConstraintNarrowed } from './parameter-constraint-narrowed';
import { requestBodyBecameRequired } from './request-body-became-required';
import { requestMediaTypeRemoved } from './request-media-type-removed';
import { newRequiredRequestProperty } from './new-required-request-property';
import { requestPropertyBecameRequired } from './request-property-became-required';
import { requestPropertyRemoved } from './request-property-removed';
import { requestPropertyNoLongerAllowed } from './request-property-no-longer-allowed';
import { requestPropertyTypeChanged } from './request-property-type-changed';
import { requestConstraintNarrowed } from './request-constraint-narrowed';
import { requestEnumValueRemoved } from './request-enum-value-removed';
import { requestEnumValueAdded } from './request-enum-value-added';
import { responseSuccessStatusRemoved } from './response-success-status-removed';
import { responseErrorStatusRemoved } from './response-error-status-removed';
import { responseMediaTypeRemoved } from './response-media-type-removed';
import { responsePropertyRemoved } from './response-property-removed';
import { responsePropertyTypeChanged } from './response-property-type-changed';
import { responsePropertyBecameOptional } from './response-property-became-optional';
import { responseEnumValueAdded } from './response-enum-value-added';
import { securityRequirementAdded } from './security-requirement-added';
import { securityRequirementChanged } from './security-requirement-changed';
import { securitySchemeRemoved } from './security-scheme-removed';
import { unresolvedRef } from './unresolved-ref';
import { diffIncomplete } from './diff-incomplete';
import type { DiffRule } from '../types';

/**
 * Every breaking-change rule, as data: id, description, whether it is
 * breaking, severity, scope and check. Documented one line each in
 * `docs/api-portal/diff-rules.md`.
 *
 * @public
 */
export const API_DIFF_RULES: readonly DiffRule[] = [
  pathRemoved,
  pathAdded,
  operationRemoved,
  operationAdded,
  operationIdChanged,
  operationDeprecated,
  parameterRemoved,
  parameterRenamed,
  parameterLocationChanged,
  parameterBecameRequired,
  requiredParameterAdded,
  optionalParameterAdded,
  parameterTypeChanged,
  parameterConstraintNarrowed,
  requestBodyBecameRequired,
  requestMediaTypeRemoved,
  newRequiredRequestProperty,
  requestPropertyBecameRequired,
  requestPropertyRemoved,
  requestPropertyNoLongerAllowed,
  requestPropertyTypeChanged,
  requestConstraintNarrowed,
  requestEnumValueRemoved,
  requestEnumValueAdded,
  responseSuccessStatusRemoved,
  responseErrorStatusRemoved,
  responseMediaTypeRemoved,
  responsePropertyRemoved,
  responsePropertyTypeChanged,
  responsePropertyBecameOptional,
  responseEnumValueAdded,
  securityRequirementAdded,
  securityRequirementChanged,
  securitySchemeRemoved,
  unresolvedRef,
  diffIncomplete,
];
