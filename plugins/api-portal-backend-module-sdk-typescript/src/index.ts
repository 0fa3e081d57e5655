/**
 * TypeScript SDKs for the api-portal backend. Add the module to a backend
 * with the api-portal plugin and every OpenAPI or Swagger definition the
 * portal collects is offered as a TypeScript SDK; the generator is exported
 * too, for a module that wants other options.
 *
 * @packageDocumentation
 */

export { default } from './module';
export {
  TypeScriptSdkGenerator,
  type TypeScriptSdkGeneratorOptions,
} from './TypeScriptSdkGenerator';
