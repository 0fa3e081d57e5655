/**
 * Python SDKs for the api-portal backend. Add the module to a backend with
 * the api-portal plugin and every OpenAPI or Swagger definition the portal
 * collects is offered as a typed Python package; the generator is exported
 * too.
 *
 * @packageDocumentation
 */

export { default } from './module';
export { PythonSdkGenerator } from './PythonSdkGenerator';
