import { ConfigReader } from '@backstage/config';
import { readGdprOptions } from './options';

describe('readGdprOptions', () => {
  it('defaults to 10 years and SOC2:P6.4', () => {
    expect(readGdprOptions(undefined)).toEqual({
      maxRetention: { years: 10 },
      dpaControl: 'SOC2:P6.4',
    });
    expect(readGdprOptions(new ConfigReader({}))).toEqual({
      maxRetention: { years: 10 },
      dpaControl: 'SOC2:P6.4',
    });
  });

  it('reads the maximum as a duration in any form and the DPA control', () => {
    expect(
      readGdprOptions(
        new ConfigReader({
          gdpr: { maxRetention: 'P11Y', dpaControl: 'ISO27001:5.20' },
        }),
      ),
    ).toEqual({ maxRetention: { years: 11 }, dpaControl: 'ISO27001:5.20' });
    expect(
      readGdprOptions(
        new ConfigReader({ gdpr: { maxRetention: { months: 6 } } }),
      ).maxRetention,
    ).toEqual({ months: 6 });
  });

  it('refuses a DPA control that is no control reference', () => {
    expect(() =>
      readGdprOptions(new ConfigReader({ gdpr: { dpaControl: 'P6.4' } })),
    ).toThrow(
      'compliance.gdpr.dpaControl: "P6.4" is not a control reference such as SOC2:P6.4',
    );
  });
});
