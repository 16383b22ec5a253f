import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/property-seed.ts'],
    // Generous: a slow or busy machine must not turn a correct test red.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // PGlite instances are heavy; two cores, two workers.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
  },
});
