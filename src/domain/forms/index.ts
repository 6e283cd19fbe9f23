export * from './contact.ts';
export * from './online.ts';
export * from './registry.ts';
export type * from './types.ts';
export * from './validate.ts';
