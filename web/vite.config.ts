import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// src/model/zod.ts loads zod's CommonJS build with Node's code cache; the browser takes zod as it is.
const ZOD_MODULE = fileURLToPath(new URL('../src/model/zod.ts', import.meta.url));

// The web app talks to the HTTP API only; `linesight serve` serves this build at /.
export default defineConfig({
  plugins: [
    { name: 'zod-as-installed', load: (id) => (id === ZOD_MODULE ? "export * from 'zod';" : undefined) },
  ],
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  logLevel: 'warn',
});
