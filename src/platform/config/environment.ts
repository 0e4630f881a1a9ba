/** The process's environment: read here, and only here, so the rest of the code takes its settings as values. */
export function processEnvironment(): NodeJS.ProcessEnv {
  return process.env;
}
