import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  const originalEnv = process.env;

  afterEach(() => {
    // The app reads its configuration from the environment: give it back
    process.env = originalEnv;
  });

  it('starts on the sign-in page with the guest provider', async () => {
    process.env = {
      ...originalEnv,
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(
      await screen.findByText('Enter as guest', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Readiness Portal')).toBeInTheDocument();
    expect(screen.getByText(/Sees the whole catalog/)).toBeInTheDocument();
  });
});
