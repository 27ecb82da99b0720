#!/usr/bin/env node
// The `minxin` command. Builds the server code on first use from a source checkout.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../scripts/ensure-built.js';

const entry = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(entry)) ensureBuilt({ web: false });
const { run } = await import(entry);
await run(process.argv.slice(2));
