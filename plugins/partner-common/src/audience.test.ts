import { Entity } from '@backstage/catalog-model';
import {
  AUDIENCE_ANNOTATION,
  audienceOfCaller,
  isEntityVisibleTo,
  isPartnerFacing,
  partnerOrgOfGroupRef,
} from './audience';

function entity(
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
  };
}

describe('partnerOrgOfGroupRef', () => {
  it.each([
    ['group:default/partner-acme', 'acme'],
    ['group:partner-globex', 'globex'],
    ['Group:default/Partner-Acme', 'acme'],
  ])('reads the org of %s', (ref, org) => {
    expect(partnerOrgOfGroupRef(ref)).toBe(org);
  });

  it.each([
    'group:default/platform',
    'group:default/partner-',
    'user:default/partner-acme',
    'not a ref::',
  ])('is undefined for %s', ref => {
    expect(partnerOrgOfGroupRef(ref)).toBeUndefined();
  });
});

describe('audienceOfCaller', () => {
  it('treats a member of an internal group as internal', () => {
    expect(
      audienceOfCaller({
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs: [
          'user:default/guest',
          'group:default/developer-experience',
        ],
      }),
    ).toEqual({ type: 'internal', userEntityRef: 'user:default/guest' });
  });

  it('treats a member of a partner group as a partner of that org', () => {
    expect(
      audienceOfCaller({
        userEntityRef: 'user:default/maria.lopez',
        ownershipEntityRefs: [
          'user:default/maria.lopez',
          'group:default/partner-acme',
        ],
      }),
    ).toEqual({
      type: 'partner',
      userEntityRef: 'user:default/maria.lopez',
      orgs: ['acme'],
      groupRefs: ['group:default/partner-acme'],
    });
  });

  it('lets the partner audience win over an internal group', () => {
    const audience = audienceOfCaller({
      userEntityRef: 'user:default/x',
      ownershipEntityRefs: [
        'group:default/platform',
        'group:default/partner-b',
      ],
    });
    expect(audience.type).toBe('partner');
  });

  it('treats a user in no group as unaffiliated', () => {
    expect(
      audienceOfCaller({
        userEntityRef: 'user:development/guest',
        ownershipEntityRefs: ['user:development/guest', 'broken ref::'],
      }).type,
    ).toBe('unaffiliated');
  });
});

describe('visibility', () => {
  const ledger = entity('Component', 'ledger', {
    [AUDIENCE_ANNOTATION]: 'partner',
  });
  const ocr = entity('Component', 'ocr');
  const acmeGroup = entity('Group', 'partner-acme');
  const globexGroup = entity('Group', 'partner-globex');
  const maria = entity('User', 'maria.lopez');
  const acme = audienceOfCaller({
    userEntityRef: 'user:default/maria.lopez',
    ownershipEntityRefs: ['group:default/partner-acme'],
  });

  it('reads the audience mark leniently', () => {
    expect(isPartnerFacing(ledger)).toBe(true);
    expect(
      isPartnerFacing(
        entity('API', 'a', { [AUDIENCE_ANNOTATION]: ' Partner ' }),
      ),
    ).toBe(true);
    expect(
      isPartnerFacing(
        entity('API', 'a', { [AUDIENCE_ANNOTATION]: 'internal' }),
      ),
    ).toBe(false);
    expect(isPartnerFacing(ocr)).toBe(false);
  });

  it('shows partners marked entities and their own user and group only', () => {
    expect(isEntityVisibleTo(acme, ledger)).toBe(true);
    expect(isEntityVisibleTo(acme, maria)).toBe(true);
    expect(isEntityVisibleTo(acme, acmeGroup)).toBe(true);
    expect(isEntityVisibleTo(acme, ocr)).toBe(false);
    expect(isEntityVisibleTo(acme, globexGroup)).toBe(false);
  });

  it('shows internal callers everything and unaffiliated callers nothing', () => {
    const internal = audienceOfCaller({
      userEntityRef: 'user:default/guest',
      ownershipEntityRefs: ['group:default/platform'],
    });
    const nobody = audienceOfCaller({
      userEntityRef: 'user:default/nobody',
      ownershipEntityRefs: [],
    });
    expect(isEntityVisibleTo(internal, ocr)).toBe(true);
    expect(isEntityVisibleTo(nobody, ledger)).toBe(false);
  });
});
