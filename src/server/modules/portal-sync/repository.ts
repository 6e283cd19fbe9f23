/*
 * Portal sync writes no table of its own: a dossier is read through the dossiers module, and its
 * portal messages are the outbox's, owned by the integration module (the worker that delivers them).
 * Sending a dead-lettered message again is the outbox's statement, asked for here.
 */
export { retryDead } from '../integration/repository.ts';
