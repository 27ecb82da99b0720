import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

/** Libraries that change rarely go to their own long-cached chunks. */
const VENDOR_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  {
    name: 'antd-core',
    test: /node_modules[\\/](@ant-design|@emotion|@rc-component[\\/](util|motion|resize-observer|portal)|antd[\\/]es[\\/](config-provider|theme|_util|locale|style|app|message|notification))[\\/]/,
    priority: 20,
  },
  { name: 'data', test: /node_modules[\\/](@tanstack|i18next|react-i18next)[\\/]/, priority: 20 },
];

// The admin application: built into dist/web, which the server serves for every
// path outside /api and /p. In development, `vite` proxies the API to the server.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
