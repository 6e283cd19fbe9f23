// Entry of the worker threads. The pool starts them without the parent's execArgv and with no other
// loader, so TypeScript support is registered here: the workers then behave the same under
// `node --import tsx` and under vitest (whose own transform does not reach worker threads).
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');

export default runTask;
