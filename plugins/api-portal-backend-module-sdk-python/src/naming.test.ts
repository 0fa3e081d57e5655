import {
  isPlainFieldName,
  NameScope,
  toPascalCase,
  toSnakeCase,
} from './naming';
import { pythonPackageIdentity, toPep440 } from './packageIdentity';

describe('Python naming', () => {
  it.each([
    ['createJournalEntry', 'create_journal_entry'],
    ['getHTTPResponse_v2', 'get_http_response_v2'],
    ['GET /accounts/{accountId}', 'get_accounts_account_id'],
    ['class', 'class_'],
    ['1st', 'n_1st'],
    ['Émission', 'emission'],
    ['---', 'n_'],
  ])('snake_case(%j) is %j', (input, expected) => {
    expect(toSnakeCase(input)).toBe(expected);
  });

  it.each([
    ['journal_entry', 'JournalEntry'],
    ['io.k8s.api.core.v1.Pod', 'IoK8sApiCoreV1Pod'],
    ['None', 'None_'],
    ['2fa-settings', 'Model2faSettings'],
  ])('PascalCase(%j) is %j', (input, expected) => {
    expect(toPascalCase(input)).toBe(expected);
  });

  it('gives unique names in a scope', () => {
    const scope = new NameScope(['Any', 'self']);
    expect(
      ['Money', 'Money', 'Money', 'Any', 'self', 'id', 'id'].map(n =>
        scope.claim(n),
      ),
    ).toEqual(['Money', 'Money_', 'Money2', 'Any_', 'self_', 'id', 'id_']);
  });

  it('knows which keys TypedDict class syntax can hold', () => {
    expect(
      ['amount', '_x', 'from', 'odd-key', '__dunder', 'ünï'].map(
        isPlainFieldName,
      ),
    ).toEqual([true, true, false, false, false, false]);
  });

  it.each([
    ['2.0.0', '2.0.0'],
    ['v2', '2'],
    ['1.0.0-beta.2', '1.0.0b2'],
    ['2023-08-16', '2023.8.16'],
    ['2.1-preview', '2.1+preview'],
    ['latest', '0.0.0+latest'],
  ])('PEP 440 of %j is %j', (input, expected) => {
    expect(toPep440(input)).toBe(expected);
  });

  it('derives distribution and import names', () => {
    expect(pythonPackageIdentity('@acme/Ledger API', '2.0.0')).toEqual({
      distribution: 'ledger-api',
      module: 'ledger_api',
      version: '2.0.0',
    });
    expect(pythonPackageIdentity('import', '1').module).toBe('import_');
  });
});
