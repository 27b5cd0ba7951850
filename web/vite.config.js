import { defineConfig } from 'vite';

// The page is embedded in the claimtrace binary and served from `/`; nothing is
// fetched from anywhere else at run time, so every asset must be bundled.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Leaflet's default marker images are small; keep them as files so the CSP
    // (img-src 'self' data:) holds either way.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
