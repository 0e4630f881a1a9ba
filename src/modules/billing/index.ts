// The billing module's public surface: what other modules may import from it (the lint rule allows no other path in).
// Its manifest is in manifest.ts and is read by the composition only, so importing this never loads routers or pages.
export { splitLargestRemainder } from './domain/largest-remainder.ts';
