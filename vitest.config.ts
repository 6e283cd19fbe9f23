import { defineConfig } from 'vitest/config';

// Unit, API and DB tests. Browser journeys live in e2e/ and run under Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
    globalSetup: ['src/server/test-support/global-setup.ts'],
  },
});
