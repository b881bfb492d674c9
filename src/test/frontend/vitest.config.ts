import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The components under test live in ../../../frontend, where their npm packages are not installed for them (Vaadin's
// build keeps its own node_modules); the tests mock them, but the imports must still resolve: to this folder's copies.
const require = createRequire(import.meta.url);
const noiseSuppressor = fileURLToPath(new URL('./node_modules/@sapphi-red/web-noise-suppressor/dist/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: 'livekit-client', replacement: require.resolve('livekit-client') },
      { find: /^chart\.js$/, replacement: require.resolve('chart.js') },
      { find: '@ricky0123/vad-web', replacement: require.resolve('@ricky0123/vad-web') },
      { find: /^@sapphi-red\/web-noise-suppressor$/, replacement: `${noiseSuppressor}index.js` },
      { find: /^@sapphi-red\/web-noise-suppressor\/rnnoiseWorklet\.js/, replacement: `${noiseSuppressor}rnnoise/workletProcessor.js` },
      { find: /^@sapphi-red\/web-noise-suppressor\/(rnnoise(_simd)?\.wasm)/, replacement: `${noiseSuppressor}$1` },
    ],
  },
  test: {
    environment: 'happy-dom',
    include: ['*.test.ts'],
  },
});
