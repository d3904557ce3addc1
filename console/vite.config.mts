import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

/**
 * The officers' desktop console (issue 18): served at /console/ beside the app (locally by the function
 * host, in production by CloudBase static hosting), built into dist/console. It shares `types/` and the
 * mini-program's call layer (src/services/invoke.ts) through the same aliases as the app.
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '~types': here('../types'), '~src': here('../src') } },
  build: { outDir: here('../dist/console'), emptyOutDir: true, target: 'es2020', chunkSizeWarningLimit: 900 },
  server: { port: 5173, proxy: { '/fn': 'http://127.0.0.1:8080', '/console-auth': 'http://127.0.0.1:8080' } },
})
