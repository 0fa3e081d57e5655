import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_ATTACHMENT_MEDIA_TYPES,
  readComplianceOptions,
} from './config';

describe('readComplianceOptions', () => {
  it('applies the defaults to an empty config', () => {
    expect(readComplianceOptions(new ConfigReader({}))).toEqual({
      files: { frameworks: [] },
      expiringWithin: { days: 30 },
      evidence: {
        maxBodyBytes: 2 * 1024 * 1024,
        maxAttachmentBytes: 1024 * 1024,
        attachmentMediaTypes: DEFAULT_ATTACHMENT_MEDIA_TYPES,
      },
      gdpr: { maxRetention: { years: 10 }, dpaControl: 'SOC2:P6.4' },
    });
  });

  it('reads files, durations and limits', () => {
    const options = readComplianceOptions(
      new ConfigReader({
        compliance: {
          frameworks: ['../../compliance/frameworks'],
          applicability: '../../compliance/applicability.yaml',
          portalEvidence: '../../compliance/portal-evidence.yaml',
          expiringWithin: { days: 14 },
          evidence: {
            maxBodyBytes: 4096,
            maxAttachmentBytes: 1024,
            attachmentMediaTypes: ['text/plain'],
          },
        },
      }),
    );
    expect(options.files).toEqual({
      frameworks: ['../../compliance/frameworks'],
      applicability: '../../compliance/applicability.yaml',
      portalEvidence: '../../compliance/portal-evidence.yaml',
    });
    expect(options.expiringWithin).toEqual({ days: 14 });
    expect(options.evidence).toEqual({
      maxBodyBytes: 4096,
      maxAttachmentBytes: 1024,
      attachmentMediaTypes: ['text/plain'],
    });
  });

  it('refuses limits that cannot hold', () => {
    expect(() =>
      readComplianceOptions(
        new ConfigReader({
          compliance: {
            evidence: { maxBodyBytes: 1024, maxAttachmentBytes: 1024 },
          },
        }),
      ),
    ).toThrow(/maxAttachmentBytes: must be below maxBodyBytes/);
    expect(() =>
      readComplianceOptions(
        new ConfigReader({ compliance: { evidence: { maxBodyBytes: 0 } } }),
      ),
    ).toThrow(/maxBodyBytes: expected a whole number above 0/);
  });
});
