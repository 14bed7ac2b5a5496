/** The fixture secrets every log is searched for. */
export function knownTestSecrets(): string[];
/** Every problem of one log line. */
export function lineFindings(line: string, secrets: readonly string[], codes?: ReadonlySet<string>): string[];
/** Scans every file under `dir`; returns counts and findings (`file:line: what`). */
export function checkTestLogs(dir: string, secrets?: readonly string[]): { files: number; lines: number; codes: number; findings: string[] };
