import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { SdkArtifactStore, SdkGenerator } from '../sdk/types';

/**
 * Lets backend modules add SDK languages to the api-portal backend; the
 * backend itself has none, so the languages offered are the modules'.
 *
 * @public
 */
export interface ApiPortalSdkGeneratorsExtensionPoint {
  /**
   * Adds generators. Adding a second generator for a language that already
   * has one (for instance a second `typescript` next to the TypeScript
   * module's) throws.
   */
  addGenerator(...generators: SdkGenerator[]): void;
}

/**
 * The extension point for SDK generators.
 *
 * @public
 */
export const apiPortalSdkGeneratorsExtensionPoint =
  createExtensionPoint<ApiPortalSdkGeneratorsExtensionPoint>({
    id: 'api-portal.sdk-generators',
  });

/**
 * Lets one backend module replace where built SDK archives are kept.
 *
 * @public
 */
export interface ApiPortalArtifactStoreExtensionPoint {
  /** Sets the store; a second call throws instead of replacing the first. */
  setArtifactStore(store: SdkArtifactStore): void;
}

/**
 * The extension point for the SDK artifact store; without it the backend
 * keeps archives in its database.
 *
 * @public
 */
export const apiPortalArtifactStoreExtensionPoint =
  createExtensionPoint<ApiPortalArtifactStoreExtensionPoint>({
    id: 'api-portal.artifact-store',
  });
