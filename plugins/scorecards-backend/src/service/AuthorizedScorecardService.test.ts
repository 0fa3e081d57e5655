import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityScopeOf } from '@readiness/backend-http-utils';
import {
  scorecardsEntityReadPermission,
  scorecardsFactsPushPermission,
} from '@readiness/plugin-scorecards-common';
import { AuthorizedScorecardService } from './AuthorizedScorecardService';
import { ScopedScorecardService } from './ScorecardService';

const LEDGER = 'component:default/ledger';
const credentials = mockCredentials.user('user:default/someone');

describe('AuthorizedScorecardService', () => {
  const permissions = mockServices.permissions.mock();
  const inner = {
    getScorecard: jest.fn(async (ref: string) => ({ entityRef: ref })),
    getHistory: jest.fn(async (ref: string) => ({ entityRef: ref })),
    listChecks: jest.fn(() => ({ checks: [] })),
    checkPush: jest.fn((body: { entityRef: string }) => ({
      idempotencyKey: 'ci-run-1',
      entityRef: body.entityRef,
      facts: { 'ci.coverage.line': 81.5 },
      contentHash: 'h',
    })),
    pushersOf: jest.fn(() => ['scorecards-publisher']),
    pushFacts: jest.fn(async () => ({ created: true })),
  };
  const service = new AuthorizedScorecardService(
    inner as unknown as ScopedScorecardService,
    permissions,
  );
  const decide = (
    overall: AuthorizeResult,
    onEntity: AuthorizeResult = AuthorizeResult.DENY,
  ) => {
    permissions.authorizeConditional.mockResolvedValue([
      overall === AuthorizeResult.CONDITIONAL
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [] },
            },
          }
        : { result: overall as AuthorizeResult.ALLOW },
    ]);
    permissions.authorize.mockResolvedValue([{ result: onEntity as any }]);
  };

  beforeEach(() => jest.clearAllMocks());

  it('hands the inner service the scope of the one entity of the path, normalised', async () => {
    decide(AuthorizeResult.ALLOW);
    await service.getScorecard('Component:default/Ledger', { credentials });
    expect(inner.getScorecard).toHaveBeenCalledWith(
      LEDGER,
      entityScopeOf([LEDGER]),
    );
    await service.getHistory(LEDGER, { from: '2026-12-01' }, { credentials });
    expect(inner.getHistory).toHaveBeenCalledWith(
      LEDGER,
      { from: '2026-12-01' },
      entityScopeOf([LEDGER]),
    );
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [{ permission: scorecardsEntityReadPermission }],
      { credentials },
    );
    // allowed outright: nothing asked per entity
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('refuses a caller denied outright with one 403, before anything is looked up', async () => {
    decide(AuthorizeResult.DENY);
    for (const call of [
      () => service.getScorecard(LEDGER, { credentials }),
      () => service.getHistory(LEDGER, {}, { credentials }),
      () => service.listChecks({ credentials }),
    ]) {
      await expect(call()).rejects.toThrow(
        new NotAllowedError('You may not read scorecards'),
      );
    }
    expect(inner.getScorecard).not.toHaveBeenCalled();
    expect(inner.getHistory).not.toHaveBeenCalled();
    expect(inner.listChecks).not.toHaveBeenCalled();
  });

  it('decides a conditional caller on the entity, answering a refusal as the entity not found', async () => {
    decide(AuthorizeResult.CONDITIONAL, AuthorizeResult.DENY);
    await expect(service.getScorecard(LEDGER, { credentials })).rejects.toThrow(
      new NotFoundError(`No entity ${LEDGER}`),
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: scorecardsEntityReadPermission, resourceRef: LEDGER }],
      { credentials },
    );
    expect(inner.getScorecard).not.toHaveBeenCalled();

    decide(AuthorizeResult.CONDITIONAL, AuthorizeResult.ALLOW);
    await service.getHistory(LEDGER, {}, { credentials });
    expect(inner.getHistory).toHaveBeenCalledWith(
      LEDGER,
      {},
      entityScopeOf([LEDGER]),
    );
  });

  it('shows the problems of the check files only to callers allowed on every entity', async () => {
    decide(AuthorizeResult.ALLOW);
    await service.listChecks({ credentials });
    expect(inner.listChecks).toHaveBeenLastCalledWith({ withProblems: true });
    decide(AuthorizeResult.CONDITIONAL);
    await service.listChecks({ credentials });
    expect(inner.listChecks).toHaveBeenLastCalledWith({ withProblems: false });
  });

  it('answers a path that is not an entity ref with a 400', async () => {
    decide(AuthorizeResult.ALLOW);
    await expect(
      service.getScorecard('not a ref', { credentials }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  describe('pushing facts', () => {
    const pipeline = mockCredentials.service('scorecards-publisher');
    const body = { entityRef: LEDGER };

    it('hands the inner service the one entity and the subject of the token', async () => {
      decide(AuthorizeResult.ALLOW);
      await service.pushFacts(body, { credentials: pipeline });
      expect(permissions.authorizeConditional).toHaveBeenCalledWith(
        [{ permission: scorecardsFactsPushPermission }],
        { credentials: pipeline },
      );
      expect(inner.pushFacts).toHaveBeenCalledWith(
        expect.objectContaining({ entityRef: LEDGER }),
        { scope: entityScopeOf([LEDGER]), pushedBy: 'scorecards-publisher' },
      );
    });

    it('refuses people whatever their permissions, before a body is looked at', async () => {
      decide(AuthorizeResult.ALLOW);
      for (const call of [
        () => service.authorizePush({ credentials }),
        () => service.pushFacts(body, { credentials }),
      ]) {
        await expect(call()).rejects.toThrow(
          new NotAllowedError(
            'Only service tokens of pipelines push scorecard facts',
          ),
        );
      }
      expect(inner.checkPush).not.toHaveBeenCalled();
      expect(permissions.authorizeConditional).not.toHaveBeenCalled();
    });

    it('refuses a token without the permission, and one no declaration names', async () => {
      decide(AuthorizeResult.DENY);
      await expect(
        service.authorizePush({ credentials: pipeline }),
      ).rejects.toThrow(
        new NotAllowedError('You may not push scorecard facts'),
      );

      decide(AuthorizeResult.ALLOW);
      const stranger = mockCredentials.service('coverage-bot');
      await expect(
        service.pushFacts(body, { credentials: stranger }),
      ).rejects.toThrow(
        /^facts\/ci\.coverage\.line: coverage-bot may not push this fact/,
      );
      expect(inner.pushFacts).not.toHaveBeenCalled();
    });

    it('answers an entity the token may not reach as one that does not exist', async () => {
      decide(AuthorizeResult.CONDITIONAL, AuthorizeResult.DENY);
      await expect(
        service.pushFacts(body, { credentials: pipeline }),
      ).rejects.toThrow(new NotFoundError(`No entity ${LEDGER}`));
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: scorecardsFactsPushPermission, resourceRef: LEDGER }],
        { credentials: pipeline },
      );
      expect(inner.pushFacts).not.toHaveBeenCalled();
    });
  });
});
