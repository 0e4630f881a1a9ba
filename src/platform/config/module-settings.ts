/**
 * Settings a module derives from the configuration once per process (e.g. the usage module's metric catalogue) and
 * that its routes and periodic tasks read. Empty here: each module adds its own by declaration merging, so the
 * app's and the tasks' dependencies are typed with them while platform imports no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' augmentations
export interface ModuleSettings {}
