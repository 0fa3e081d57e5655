/**
 * Node.js parts of the api-portal plugins: the SDK generators (TypeScript,
 * Python), the deterministic SDK archive, the artifact store interface, the
 * extension points that add languages and stores, and Postman collections.
 *
 * @packageDocumentation
 */

export type {
  SdkArtifact,
  SdkArtifactMetadata,
  SdkArtifactStore,
  SdkFile,
  SdkFiles,
  SdkGenerationInput,
  SdkGenerator,
} from './sdk/types';
export { packSdk, SDK_ARCHIVE_CONTENT_TYPE } from './sdk/archive';
export { sdkArtifactKey, type SdkContentAddress } from './sdk/artifactKey';
export { builtInSdkGenerators } from './sdk/builtInSdkGenerators';
export { PythonSdkGenerator } from './sdk/python/PythonSdkGenerator';
export {
  TypeScriptSdkGenerator,
  type TypeScriptSdkGeneratorOptions,
} from './sdk/typescript/TypeScriptSdkGenerator';
export {
  describeSpec,
  type SpecSummary,
  type SpecVersion,
} from './sdk/openapi/document';
export { assertSelfContained } from './sdk/openapi/references';
export { childProcessEnv } from './sdk/childEnv';
export {
  apiPortalArtifactStoreExtensionPoint,
  apiPortalSdkGeneratorsExtensionPoint,
  type ApiPortalArtifactStoreExtensionPoint,
  type ApiPortalSdkGeneratorsExtensionPoint,
} from './extensions/extensionPoints';
export { SdkGeneratorRegistry } from './extensions/SdkGeneratorRegistry';
export { toPostmanCollection, type PostmanCollectionOptions } from './postman';
