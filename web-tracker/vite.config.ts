import { documentsByImport, lean } from '@bc/schema/vite-lean';
import { precompress } from '@bc/schema/vite-precompress';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://127.0.0.1:4000';

// Built for /track/ (served there by the api); in dev, Vite proxies /graphql (HTTP and WebSocket) to the api.
export default defineConfig({
  base: '/track/',
  plugins: [react({ babel: documentsByImport(import.meta.dirname) }), lean(), precompress()],
  server: {
    port: 5175,
    strictPort: true,
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: false } },
  },
  build: { sourcemap: true, target: 'es2022' },
});
