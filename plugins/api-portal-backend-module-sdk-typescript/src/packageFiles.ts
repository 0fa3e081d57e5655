import { InputError } from '@backstage/errors';
import {
  apiLabel,
  type SecurityScheme,
} from '@readiness/plugin-api-portal-common';

const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** The npm package name: lower-cased, characters npm refuses replaced by `-`. */
export function toNpmName(packageName: string): string {
  const name = packageName
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9@/._~-]+/g, '-')
    .replace(/^[._]+/, '');
  if (!NPM_NAME.test(name) || name.length > 214) {
    throw new InputError(
      `'${packageName}' cannot be used as an npm package name`,
    );
  }
  return name;
}

/**
 * A semver version for an API version: kept when valid, `2.1` → `2.1.0`,
 * `2023-08-16` → `2023.8.16`, anything else as a pre-release of 0.0.0.
 */
export function toSemver(version: string): string {
  const trimmed = version.trim().replace(/^v(?=\d)/i, '');
  if (SEMVER.test(trimmed)) return trimmed;
  const numeric = /^(\d+)(?:[._-](\d+))?(?:[._-](\d+))?$/.exec(trimmed);
  if (numeric) {
    const [, major, minor = '0', patch = '0'] = numeric;
    return [major, minor, patch].map(n => n.replace(/^0+(?=\d)/, '')).join('.');
  }
  const label = trimmed.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-+|-+$/g, '');
  return label ? `0.0.0-${label}` : '0.0.0';
}

/** `package.json` of the SDK: ESM, built with `tsc`, no runtime dependencies. */
export function renderPackageJson(options: {
  name: string;
  version: string;
  title: string;
  apiVersion: string;
  heyApiVersion: string;
}): string {
  const manifest = {
    name: options.name,
    version: options.version,
    description: `TypeScript SDK for the ${apiLabel(options.title)} ${
      options.apiVersion
    }`,
    type: 'module',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
    },
    files: ['dist', 'src'],
    sideEffects: false,
    scripts: { build: 'tsc -p tsconfig.json', prepare: 'tsc -p tsconfig.json' },
    // The fetch client is generated into src/client, so nothing is needed at runtime.
    dependencies: {},
    devDependencies: { typescript: '^5.5.0' },
    engines: { node: '>=18' },
    generator: `@hey-api/openapi-ts ${options.heyApiVersion}`,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The compiler options of the SDK; the tests type-check with exactly these. */
export function renderTsconfig(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      declaration: true,
      sourceMap: true,
      skipLibCheck: true,
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

interface SdkFunction {
  name: string;
  optionsRequired: boolean;
}

/** The operation functions hey-api wrote, in file order. */
export function sdkFunctions(sdkSource: string): SdkFunction[] {
  const found: SdkFunction[] = [];
  const pattern = /^export const (\w+) = <ThrowOnError[^>]*>\(options(\??):/gm;
  for (const match of sdkSource.matchAll(pattern)) {
    found.push({ name: match[1], optionsRequired: match[2] !== '?' });
  }
  return found;
}

function authSnippet(schemes: SecurityScheme[]): string[] {
  const kinds = new Set(schemes.map(s => s.kind));
  if (kinds.size === 0) return [];
  const lines = ['  // Called for each request that needs credentials.'];
  if (kinds.size === 1 && kinds.has('bearer')) {
    lines.push('  auth: () => process.env.API_TOKEN,');
  } else if (kinds.size === 1 && kinds.has('basic')) {
    lines.push("  auth: () => 'username:password',");
  } else if (kinds.size === 1 && kinds.has('apiKey')) {
    lines.push('  auth: () => process.env.API_KEY,');
  } else {
    lines.push(
      "  auth: auth => (auth.type === 'apiKey' ? process.env.API_KEY : process.env.API_TOKEN),",
    );
  }
  return lines;
}

/** `README.md` of the SDK: install, configure, call, errors. */
export function renderTypeScriptReadme(options: {
  name: string;
  version: string;
  title: string;
  apiVersion: string;
  baseUrl: string;
  schemes: SecurityScheme[];
  functions: SdkFunction[];
}): string {
  const { name, version, title, apiVersion, baseUrl, schemes, functions } =
    options;
  const example = functions.find(f => !f.optionsRequired) ?? functions[0];
  const imports = ['client', ...(example ? [example.name] : [])].join(', ');
  let call: string | undefined;
  if (example) {
    const args = example.optionsRequired
      ? '{ /* path, query and body as the operation needs */ }'
      : '';
    call = `await ${example.name}(${args})`;
  }
  const tarball = `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
  const auth = schemes.map(s => {
    switch (s.kind) {
      case 'bearer':
        return `- \`${s.name}\` (${s.type}): return the access token from \`auth\`; it is sent as \`Authorization: Bearer ...\`.`;
      case 'basic':
        return `- \`${s.name}\` (HTTP basic): return \`'username:password'\` from \`auth\`.`;
      case 'apiKey':
        return `- \`${s.name}\` (API key): return the key from \`auth\`; it is sent in the ${s.in} \`${s.parameterName}\`.`;
      default:
        return `- \`${s.name}\` (${s.type}): not handled by the client; add what it needs with \`headers\` in \`client.setConfig\`.`;
    }
  });
  return [
    `# ${apiLabel(title)} — TypeScript SDK`,
    '',
    `Typed functions for every operation of version ${apiVersion} of the API, generated from its`,
    'OpenAPI description with [@hey-api/openapi-ts](https://heyapi.dev). It uses the platform',
    '`fetch` (Node.js 18+, browsers, Deno, Bun) and has no runtime dependencies.',
    '',
    '## Install',
    '',
    'The archive holds the TypeScript sources; build and pack them once:',
    '',
    '```sh',
    'tar -xzf the-downloaded-archive.tar.gz && cd <the unpacked folder>',
    'npm install && npm pack        # "prepare" compiles src/ to dist/',
    `npm install /path/to/${tarball}   # in your project`,
    '```',
    '',
    '## Usage',
    '',
    '```ts',
    `import { ${imports} } from '${name}';`,
    '',
    'client.setConfig({',
    `  baseUrl: '${baseUrl || 'https://api.example.com'}',`,
    ...authSnippet(schemes),
    '});',
    '',
    ...(call
      ? [
          `const { data, error, response } = ${call};`,
          'if (error) {',
          '  console.error(response.status, error);',
          '} else {',
          '  console.log(data);',
          '}',
        ]
      : ['// The API description defines no operations.']),
    '```',
    '',
    'Each function resolves to `{ data, error, response }`; pass `throwOnError: true` to get',
    'the data or a thrown error instead. Types of every request and response are exported',
    'from the package root (see `src/types.gen.ts`).',
    '',
    '## Authentication',
    '',
    ...(auth.length
      ? auth
      : ['The API description declares no authentication.']),
    '',
  ].join('\n');
}
