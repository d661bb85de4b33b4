/** Hands a file made in the page to the browser's downloads, under the name given. */
export function download(blob: Blob, file: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  // A moment later: the browser reads the file from the URL after the click, not during it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
