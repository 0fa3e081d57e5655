import { PythonSdkGenerator } from './python/PythonSdkGenerator';
import type { SdkGenerator } from './types';
import {
  TypeScriptSdkGenerator,
  TypeScriptSdkGeneratorOptions,
} from './typescript/TypeScriptSdkGenerator';

/**
 * The generators the api-portal backend ships with: TypeScript and Python.
 *
 * @public
 */
export function builtInSdkGenerators(
  options: { typescript?: TypeScriptSdkGeneratorOptions } = {},
): SdkGenerator[] {
  return [
    new TypeScriptSdkGenerator(options.typescript),
    new PythonSdkGenerator(),
  ];
}
