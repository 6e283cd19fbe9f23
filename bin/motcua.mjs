#!/usr/bin/env node
// `npx motcua …`: the TypeScript command, compiled on the fly by tsx inside this one process.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/motcua.ts');
