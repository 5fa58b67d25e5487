// A URL as logs, events and reports may show it: without the user and password a URL
// can carry (https://user:token@prometheus.example), which must never reach a log or report.
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//');
  }
}
