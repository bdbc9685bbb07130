/** The sections of sentences for a photo refused by core, looked up before the common ones (see ErrorNotice). */
export const PHOTO_REASONS = ['photos.refused']
