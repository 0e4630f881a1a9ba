// The cases module's public surface: what other modules may import from it (the lint rule allows no other path in).
// Its manifest is in manifest.ts and is read by the composition only, so importing this never loads routers or pages.
export type { CaseRow } from './schema.ts';
export { isIncidentCategory } from './domain/case-types.ts';
export { storeAttachment, vetAttachment, type AttachmentUpload } from './services/add-case-attachment.ts';
export { appendEventInTransaction } from './services/append-case-event.ts';
export { snapshotFromRow } from './services/case-derivation.ts';
export { getCase } from './services/get-case.ts';
export { registerCase } from './services/register-case.ts';
export { formatBytes, kindLabel, textOr } from './web/case-display.tsx';
export { CategoryChoice } from './web/case-report-view.tsx';
export type { CaseNotice } from './services/case-mail-texts.ts';
export { categorySchema, registerCaseInput } from './services/case-schemas.ts';
