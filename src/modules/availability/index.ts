// The availability module's public surface: what other modules may import from it (the lint rule allows no other path in).
// Its manifest is in manifest.ts and is read by the composition only, so importing this never loads routers or pages.
export { findComponent } from './services/availability-access.ts';
export { componentAvailabilityHistory } from './services/component-availability-history.ts';
export { createComponent, createComponentInput } from './services/create-component.ts';
export { listComponents } from './services/list-components.ts';
