// A reader thread of the pool (src/import/reader-pool.ts) from the TypeScript sources: a worker does
// not inherit the TypeScript loader of the thread that started it. The build writes its own entry.
import { register } from 'tsx/esm/api';

register();
const { default: readTask } = await import('./pool-task.ts');
export default readTask;
