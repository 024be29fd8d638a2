import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, 'web');
const outDir = resolve(import.meta.dirname, 'dist/web');
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

// The server sends these precompressed siblings (.br, .gz) so it never compresses on the hot path.
function precompress(): Plugin {
  return {
    name: 'dxboard-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of listFiles(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const source = readFileSync(file);
        if (source.length < 512) continue;
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

// Four entries: the light public portal at /, the light staff sign-in at /app/login, the officer's light entry
// form at /app/measure/periods/:p/units/:u/entry, and the staff app (Mantine) at /app/, loaded once signed in.
export default defineConfig({
  root,
  base: '/',
  // web/public holds the public entry's sources, not Vite's copy-verbatim folder.
  publicDir: false,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        public: resolve(root, 'public/index.html'),
        staff: resolve(root, 'staff/index.html'),
        login: resolve(root, 'login/index.html'),
        'measure-entry': resolve(root, 'measure-entry/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
