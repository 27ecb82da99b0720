// Build what is missing: the server (tsc → dist/) and the web application (vite → dist/web).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const has = (path) => existsSync(fileURLToPath(new URL(`../${path}`, import.meta.url)));

function npmRun(script) {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export function ensureBuilt({ web = true } = {}) {
  if (!has('dist/cli/main.js')) {
    console.log('正在编译服务器 (building the server)…');
    npmRun('build:server');
  }
  if (web && !has('dist/web/index.html')) {
    console.log('正在构建网页 (building the web application)…');
    npmRun('build:web');
  }
}
