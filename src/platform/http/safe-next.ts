/** Only same-site paths are followed after login, never an absolute URL. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/';
}
