// `{{version}}` (spaces allowed inside the braces) in a check's settings becomes the
// version being released, so a check can assert the new version is live.
const PLACEHOLDER = /\{\{\s*version\s*\}\}/g;

export function templateVersion(text: string, version: string): string {
  return text.replace(PLACEHOLDER, () => version);
}

/** For regular expressions: the version is inserted literally (its dots match only dots). */
export function templateVersionPattern(pattern: string, version: string): string {
  const literal = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return pattern.replace(PLACEHOLDER, () => literal);
}

export function templateHeaders(headers: Record<string, string>, version: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, templateVersion(value, version)]));
}
