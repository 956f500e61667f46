// Small SQL helpers shared by the repositories.

/** Escapes LIKE's wildcards so a user's text matches literally ("contains" filters). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
