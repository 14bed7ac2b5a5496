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
