import { ConflictError, InputError } from '@backstage/errors';
import type { SdkGenerator } from '../sdk/types';
import type { ApiPortalSdkGeneratorsExtensionPoint } from './extensionPoints';

const LANGUAGE_ID = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * The generators a backend builds SDKs with, one per language. The backend
 * hands it to modules as the implementation of
 * {@link apiPortalSdkGeneratorsExtensionPoint}.
 *
 * @public
 */
export class SdkGeneratorRegistry
  implements ApiPortalSdkGeneratorsExtensionPoint
{
  readonly #generators = new Map<string, SdkGenerator>();

  constructor(generators: SdkGenerator[] = []) {
    this.addGenerator(...generators);
  }

  addGenerator(...generators: SdkGenerator[]): void {
    for (const generator of generators) {
      if (!LANGUAGE_ID.test(generator.language)) {
        throw new InputError(
          `SDK generator language '${generator.language}' must be lower-case letters, digits and dashes`,
        );
      }
      if (this.#generators.has(generator.language)) {
        throw new ConflictError(
          `An SDK generator for '${generator.language}' is already registered`,
        );
      }
      this.#generators.set(generator.language, generator);
    }
  }

  /** The generator of a language, if there is one. */
  get(language: string): SdkGenerator | undefined {
    return this.#generators.get(language);
  }

  /** All generators, in the order they were added. */
  list(): SdkGenerator[] {
    return [...this.#generators.values()];
  }
}
