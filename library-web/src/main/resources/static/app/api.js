// Talks to the services through this origin: the session cookie goes along, the token never reaches the page.
// State-changing calls carry the CSRF token from the XSRF-TOKEN cookie. A refusal comes back as the service's
// problem+json (RFC 9457), which callers show next to the fields it names.

function csrfToken() {
  const cookie = document.cookie.split('; ').find(part => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `The request failed (${status})`);
    this.status = status;
    this.title = body.title || '';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
  }
}

export async function call(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' };
  if (method !== 'GET') {
    init.headers['X-XSRF-TOKEN'] = csrfToken();
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401) {
      throw new Problem(401, { title: 'Sign in needed', detail: 'Sign in to do this.' });
    }
    throw new Problem(response.status, json || {});
  }
  return { json, etag: response.headers.get('ETag') };
}

export const get = path => call('GET', path);
