import { fireEvent, screen, waitFor } from '@testing-library/react';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { PortalSignInPage } from './PortalSignInPage';
import { oidcAuthApiRef } from './oidcAuthApi';

function oidcMock(signedIn: boolean) {
  return {
    getBackstageIdentity: jest.fn(async () =>
      signedIn
        ? {
            id: 'jane',
            token: 'token',
            identity: {
              type: 'user' as const,
              userEntityRef: 'user:default/jane',
              ownershipEntityRefs: ['group:default/platform'],
            },
          }
        : undefined,
    ),
    getProfile: jest.fn(async () => ({ displayName: 'Jane' })),
    signOut: jest.fn(async () => {}),
  };
}

async function renderPage(
  providers: string[] | undefined,
  oidc = oidcMock(true),
) {
  const onSignInSuccess = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          configApiRef,
          mockApis.config({
            data: providers
              ? { readinessPortal: { signIn: { providers } } }
              : {},
          }),
        ],
        [oidcAuthApiRef, oidc as any],
      ]}
    >
      <PortalSignInPage onSignInSuccess={onSignInSuccess} />
    </TestApiProvider>,
  );
  return { onSignInSuccess, oidc };
}

describe('PortalSignInPage', () => {
  beforeEach(() => localStorage.clear());

  it('offers one choice per configured provider', async () => {
    await renderPage(['guest', 'partner-guest']);
    expect(
      screen.getByRole('button', { name: 'Enter as guest' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Enter as partner' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Sign in' }),
    ).not.toBeInTheDocument();
  });

  it('says how to configure sign-in when nothing is configured', async () => {
    await renderPage([]);
    expect(
      screen.getByText(/Set readinessPortal.signIn.providers/),
    ).toBeInTheDocument();
  });

  it('signs in with OIDC and forgets the choice on sign-out', async () => {
    const { onSignInSuccess, oidc } = await renderPage(['oidc']);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(oidc.getBackstageIdentity).toHaveBeenCalledWith({
      instantPopup: true,
    });
    expect(localStorage.getItem('readiness-portal:sign-in-provider')).toBe(
      'oidc',
    );

    const identity = onSignInSuccess.mock.calls[0][0];
    await expect(identity.getBackstageIdentity()).resolves.toMatchObject({
      userEntityRef: 'user:default/jane',
    });
    await identity.signOut();
    expect(
      localStorage.getItem('readiness-portal:sign-in-provider'),
    ).toBeNull();
    expect(oidc.signOut).toHaveBeenCalled();
  });

  it('shows why an OIDC sign-in failed', async () => {
    const { onSignInSuccess } = await renderPage(['oidc'], oidcMock(false));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Sign-in failed/)).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();
    expect(
      localStorage.getItem('readiness-portal:sign-in-provider'),
    ).toBeNull();
  });
});
