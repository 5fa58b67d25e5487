// A minimal browser for HTTP tests of redirect flows: a cookie jar per host name (as browsers
// keep them: not per port), manual redirects, and form posts. Requests go out with real fetch.
export interface Answer {
  status: number;
  url: URL;
  location: URL | null;
  body: string;
  headers: Headers;
}

export class CookieBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  setCookie(host: string, name: string, value: string): void {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(host, cookies);
  }

  async request(target: string | URL, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
    const url = new URL(target);
    const cookies = [...(this.jar.get(url.hostname) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers: Record<string, string> = { accept: 'text/html,application/json', ...(cookies ? { cookie: cookies } : {}), ...init.headers };
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['origin'] = url.origin;
    }
    const res = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, redirect: 'manual', ...(body === undefined ? {} : { body }) });
    for (const line of res.headers.getSetCookie()) this.store(url.hostname, line);
    const location = res.headers.get('location');
    return { status: res.status, url, location: location ? new URL(location, url) : null, body: await res.text(), headers: res.headers };
  }

  private store(host: string, line: string): void {
    const [pair, ...attributes] = line.split(';');
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at).trim();
    const value = pair!.slice(at + 1).trim();
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
    this.jar.set(host, cookies);
  }
}

/**
 * Drives a sign-in from `start` through the provider's own login and consent pages as `login`,
 * and stops at the redirect back to `callbackPrefix` (returned, not yet requested).
 */
export async function throughProvider(browser: CookieBrowser, start: string | URL, login: string, callbackPrefix: string): Promise<URL> {
  let next: URL = new URL(start);
  for (let hop = 0; hop < 20; hop++) {
    if (next.href.startsWith(callbackPrefix)) return next;
    const res = await browser.request(next);
    if (res.location) {
      next = res.location;
      continue;
    }
    const prompt = /name="prompt" value="(login|consent)"/.exec(res.body)?.[1];
    if (res.status !== 200 || !prompt) throw new Error(`unexpected answer from ${next.href}: ${res.status} ${res.body.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(res.body)?.[1];
    const posted = await browser.request(new URL(action!.replace(/&amp;/g, '&'), next), { form: prompt === 'login' ? { prompt, login, password: 'any' } : { prompt } });
    if (!posted.location) throw new Error(`the provider's ${prompt} page did not redirect: ${posted.status} ${posted.body.slice(0, 300)}`);
    next = posted.location;
  }
  throw new Error('too many redirects');
}
