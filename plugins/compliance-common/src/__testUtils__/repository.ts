import fs from 'node:fs';
import { Entity } from '@backstage/catalog-model';
import { corpusPath, repositoryPath } from '@readiness/test-corpus';
import { parseAllDocuments } from 'yaml';
import { FrameworkSourceFile } from '../frameworks/loadFrameworks';

/** A file of this repository, under its repository-relative path. */
export function repositoryFile(relative: string): FrameworkSourceFile {
  return {
    path: relative,
    content: fs.readFileSync(repositoryPath(relative), 'utf8'),
  };
}

/** The framework and mapping files of compliance/frameworks. */
export function repositoryFrameworkFiles(): FrameworkSourceFile[] {
  return fs
    .readdirSync(repositoryPath('compliance', 'frameworks'))
    .filter(name => name.endsWith('.yaml'))
    .sort()
    .map(name => repositoryFile(`compliance/frameworks/${name}`));
}

/** A file of the corpus's oscal folder, reported as `oscal/<relative>`. */
export function oscalFile(relative: string): FrameworkSourceFile {
  return {
    path: `oscal/${relative}`,
    content: fs.readFileSync(corpusPath('oscal', relative), 'utf8'),
  };
}

/** Every entity of the sample catalog and of the portal's own catalog file. */
export function sampleEntities(): Entity[] {
  const files = [
    'catalog-info.yaml',
    'catalog/org.yaml',
    'catalog/platform.yaml',
    ...fs
      .readdirSync(repositoryPath('services'))
      .map(service => `services/${service}/catalog-info.yaml`),
  ];
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(repositoryPath(file), 'utf8')).map(
      document => document.toJS() as Entity,
    ),
  );
}
