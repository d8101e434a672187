/**
 * Absolute URL of a file under public/data, wherever the app is served from. Absolute, because
 * workers resolve relative URLs against their own script, not the page.
 */
export function dataUrl(file: string): string {
  return new URL(`${import.meta.env.BASE_URL}data/${file}`, document.baseURI).href;
}
