import { parse } from 'yaml';
import { readDialect } from './dialect';

describe('readDialect', () => {
  it.each([
    ['3.0.0', 'openapi-3.0'],
    ['3.0.3', 'openapi-3.0'],
    ['3.0', 'openapi-3.0'],
    ['3.1.0', 'openapi-3.1'],
    ['3.1.1', 'openapi-3.1'],
    ['3.1', 'openapi-3.1'],
  ])('reads openapi %s as %s', (version, dialect) => {
    expect(readDialect({ openapi: version })).toEqual({
      dialect,
      field: 'openapi',
      version,
    });
  });

  it('reads swagger "2.0" as Swagger 2.0', () => {
    expect(readDialect({ swagger: '2.0' })).toEqual({
      dialect: 'swagger-2.0',
      field: 'swagger',
      version: '2.0',
    });
  });

  it.each(['3.2.0', '3.10.0', '3.01', '3.x'])(
    'names openapi %s as an unsupported version, never as Swagger',
    version => {
      expect(readDialect({ openapi: version, swagger: '2.0' })).toEqual({
        field: 'openapi',
        version,
        problem: 'unsupported-version',
      });
    },
  );

  it('takes no number for a version: YAML reads `swagger: 2.0` as 2', () => {
    expect(readDialect(parse('swagger: 2.0\n'))).toEqual({
      field: 'swagger',
      version: '2',
      problem: 'version-not-a-string',
    });
    expect(readDialect(parse('openapi: 3.1\n'))).toEqual({
      field: 'openapi',
      version: '3.1',
      problem: 'version-not-a-string',
    });
    expect(readDialect(parse('openapi: "3.1.0"\n'))).toMatchObject({
      dialect: 'openapi-3.1',
    });
  });

  it('names other versions as written', () => {
    expect(readDialect({ swagger: '1.2' })).toEqual({
      field: 'swagger',
      version: '1.2',
      problem: 'unsupported-version',
    });
    expect(readDialect({ swagger: ' 2.0 ' })).toMatchObject({
      problem: 'unsupported-version',
    });
    expect(readDialect({ openapi: '2.0' })).toEqual({
      field: 'openapi',
      version: '2.0',
      problem: 'unsupported-version',
    });
  });

  it('prefers a supported dialect when a document declares both fields', () => {
    expect(readDialect({ openapi: '3.0.3', swagger: '2.0' })).toMatchObject({
      dialect: 'openapi-3.0',
    });
    expect(readDialect({ openapi: '2.5', swagger: '2.0' })).toMatchObject({
      dialect: 'swagger-2.0',
    });
    expect(readDialect({ openapi: 3.1, swagger: '2.0' })).toMatchObject({
      dialect: 'swagger-2.0',
    });
    expect(readDialect({ openapi: null, swagger: '2.0' })).toMatchObject({
      dialect: 'swagger-2.0',
    });
  });

  describe('read leniently', () => {
    const lenient = (document: unknown) =>
      readDialect(document, { versions: 'lenient' });

    it('reads any OpenAPI 3 version as the 3.x dialect it starts with', () => {
      expect(lenient({ openapi: '3.2.0' })).toEqual({
        dialect: 'openapi-3.1',
        field: 'openapi',
        version: '3.2.0',
      });
      expect(lenient({ openapi: '3.0-rc1' })).toMatchObject({
        dialect: 'openapi-3.0',
      });
      expect(lenient({ openapi: '3.x', swagger: '2.0' })).toMatchObject({
        dialect: 'openapi-3.1',
      });
      expect(lenient({ openapi: '3.1.1' })).toMatchObject({
        dialect: 'openapi-3.1',
      });
    });

    it('reads swagger 2.0 written as a number as Swagger 2.0', () => {
      expect(lenient(parse('swagger: 2.0\n'))).toEqual({
        dialect: 'swagger-2.0',
        field: 'swagger',
        version: '2',
      });
      expect(lenient({ openapi: '4.0.0', swagger: 2 })).toMatchObject({
        dialect: 'swagger-2.0',
      });
    });

    it('still names versions it cannot read', () => {
      expect(lenient({ openapi: '4.0.0' })).toEqual({
        field: 'openapi',
        version: '4.0.0',
        problem: 'unsupported-version',
      });
      expect(lenient({ swagger: '2' })).toMatchObject({
        problem: 'unsupported-version',
      });
      expect(lenient({ swagger: 3 })).toMatchObject({
        problem: 'version-not-a-string',
      });
      expect(lenient(parse('openapi: 3.1\n'))).toMatchObject({
        problem: 'version-not-a-string',
      });
    });
  });

  it('finds no dialect where no field declares one', () => {
    expect(readDialect({ info: {} })).toEqual({ problem: 'no-version-field' });
    expect(readDialect({ swagger: true })).toEqual({
      problem: 'no-version-field',
    });
    expect(readDialect('openapi: 3.0.0')).toEqual({
      problem: 'no-version-field',
    });
    expect(readDialect(null)).toEqual({ problem: 'no-version-field' });
    expect(readDialect([{ openapi: '3.0.0' }])).toEqual({
      problem: 'no-version-field',
    });
  });
});
