import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

// The dashboard: built into web/dist, which the API server serves for every non-/api path.
const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.ATTACHE_API ?? 'http://127.0.0.1:8080';

export default defineConfig(({ command }) => {
  // A build is always a production build, whatever NODE_ENV it inherits (vitest sets "test",
  // which would otherwise switch the JSX transform and Preact to their development forms).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    plugins: [preact({ devToolsEnabled: command === 'serve', prefreshEnabled: command === 'serve' })],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      assetsDir: 'assets',
      target: 'es2022',
      chunkSizeWarningLimit: 800,
    },
    // `npx vite --config web/vite.config.ts` for development, against a running `attache serve`.
    server: { proxy: { '/api': api, '/openapi.json': api } },
  };
});
