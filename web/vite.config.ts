import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Atelier server (module `server/`) listens here by default; `npm run dev`
// forwards API calls to it so the UI can be developed with hot reload.
const ATELIER_SERVER = 'http://127.0.0.1:7420';

export default defineConfig({
  plugins: [react()],
  // Served by Spring Boot from classpath:/static at the root, so assets live at /assets/...
  base: '/',
  build: {
    // The Maven build passes --outDir ${project.build.outputDirectory}/static explicitly;
    // this default keeps a plain `npm run build` consistent with it.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: ATELIER_SERVER, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: ATELIER_SERVER, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
