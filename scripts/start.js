// `npm start`: build what is missing, then serve (migrations and the demo run on start).
import { ensureBuilt } from './ensure-built.js';

ensureBuilt({ web: true });
const { run } = await import('../dist/cli/main.js');
await run(['serve']);
