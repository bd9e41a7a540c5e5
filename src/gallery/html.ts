/** Escaping and links for the gallery's hand-written HTML. */

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function attr(text: string): string {
  return esc(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Relative link to a file beside the page. */
export function href(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
