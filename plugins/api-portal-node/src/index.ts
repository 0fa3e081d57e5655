/**
 * Interfaces and extension points of the api-portal backend for backend
 * modules: the SDK generator contract and its registry, the artifact store
 * interface, the environment a generator gives the processes it starts, and
 * the extension point for sample SDK downloads, and the service through
 * which other backends read the portal's record of APIs.
 * The generators themselves are modules
 * (`@readiness/plugin-api-portal-backend-module-sdk-typescript`, `-python`).
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
export { childProcessEnv } from './sdk/childEnv';
export {
  apiPortalArtifactStoreExtensionPoint,
  apiPortalSdkGeneratorsExtensionPoint,
  type ApiPortalArtifactStoreExtensionPoint,
  type ApiPortalSdkGeneratorsExtensionPoint,
} from './extensions/extensionPoints';
export { SdkGeneratorRegistry } from './extensions/SdkGeneratorRegistry';
export * from './extensions/sampleDownloads';
export * from './service/apiPortalService';
