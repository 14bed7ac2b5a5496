export { createScriptRunner } from './runner/create-script-runner.js';
export type {
  ActionTrigger,
  ActionsResult,
  Auth0Action,
  Auth0Rule,
  CustomDatabaseArgs,
  CustomDatabaseOperation,
  RulesResult,
  ScriptRunner,
} from './runner/create-script-runner.js';
export type { PoolOptions, RunOutcome, ScriptFailure, ScriptKind, ScriptLogEntry } from './runner/types.js';
export { auth0Hooks, type Auth0Extensibility } from './auth0/auth0-hooks.js';
export { auth0CustomDatabase, type Auth0CustomDatabaseOptions } from './auth0/auth0-custom-database.js';
export { checkScripts, type ScriptProblem, type ScriptsInConfig } from './runner/check-scripts.js';
