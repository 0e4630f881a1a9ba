/** A setting of the environment or a configuration file that cannot be used; the message names it. */
export class ConfigError extends Error {}
