import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// The components under test live in ../../../frontend, where livekit-client is not installed for them (Vaadin's
// build keeps its own node_modules); the tests mock it, but the import must still resolve: to this folder's copy.
const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: {
      'livekit-client': require.resolve('livekit-client'),
      '@ricky0123/vad-web': require.resolve('@ricky0123/vad-web'),
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['*.test.ts'],
  },
});
