import { StartupError } from '../config/startup-error.js';

/**
 * Turns a `listen` failure into a start-up message that names the variable to change.
 *
 * @example listenError({ code: 'EADDRINUSE' }, 3000, '127.0.0.1').message; // 'PORT: 3000 is already in use on 127.0.0.1'
 */
export function listenError(error: unknown, port: number, host: string, portVariable = 'PORT'): StartupError {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return new StartupError(`${portVariable}: ${port} is already in use on ${host}`);
  if (code === 'EACCES') return new StartupError(`${portVariable}: not allowed to listen on port ${port} (permission denied)`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new StartupError(`HOST: cannot listen on ${JSON.stringify(host)} (${String(code)})`);
  }
  return new StartupError(`cannot listen on ${host}:${port} (${error instanceof Error ? error.message : String(error)})`);
}
