/** Environment of the servers built by tests (demo mode with a fixed password, quiet logs). */
export const TEST_ENV = {
  MOTCUA_MODE: 'demo',
  MOTCUA_DEMO_PASSWORD: 'demo-password-123',
  LOG_LEVEL: 'silent',
  MOTCUA_PUBLIC_URL: 'http://localhost:3000',
} as const;

export const DEMO_PASSWORD = TEST_ENV.MOTCUA_DEMO_PASSWORD;
