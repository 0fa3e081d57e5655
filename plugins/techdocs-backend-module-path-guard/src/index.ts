/**
 * A guard in front of the TechDocs backend: static docs requests whose decoded
 * path leaves the folder of the entity they name are refused before TechDocs
 * authorizes that entity (docs/access/techdocs-paths.md says why).
 *
 * @packageDocumentation
 */

export { default } from './module';
export { checkDocsPath, type DocsPathVerdict } from './docsPath';
export { createDocsPathGuard } from './guard';
