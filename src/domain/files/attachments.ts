/** File types a dossier's attachments and results may have: what the counter, the wizard and the server accept. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentContentType = (typeof ATTACHMENT_TYPES)[number];
