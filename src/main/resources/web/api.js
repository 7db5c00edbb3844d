// The JSON API and the URLs of our pages: the one place that knows their shape.

/** An error to show in the page: the API's own message for a 4xx, a plain one otherwise. */
export class ApiError extends Error {}

/** GET a JSON endpoint; `signal` aborts it when a newer request supersedes it. */
export async function getJson(path, params = {}, signal) {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const url = query.size ? `${path}?${query}` : path;
  return send(url, { signal, headers: { Accept: 'application/json' } });
}

/** POST `body` as JSON; resolves to the JSON answer. */
export async function postJson(path, body) {
  return send(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('Cannot reach the Passages server. Is it still running?');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy's error page, say. Reported below by status.
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `The server answered ${response.status}.`;
    throw new ApiError(message);
  }
  return body;
}

/** The path of a document's page: ids may contain slashes, each segment is encoded. */
export function documentPath(docId) {
  return '/doc/' + docId.split('/').map(encodeURIComponent).join('/');
}

/** The document id from the current page's path (`/doc/commentary/x` → `commentary/x`). */
export function documentIdFromPath(pathname) {
  return pathname.replace(/^\/doc\//, '').split('/').map(decodeURIComponent).join('/');
}

/** The link from a hit to its place in the document, carrying the query for marking. */
export function hitHref(hit, q) {
  const anchor = hit.id.slice(hit.id.indexOf('#'));
  const search = q ? '?' + new URLSearchParams({ q }) : '';
  return documentPath(hit.doc) + search + anchor;
}

/**
 * Appends `text` to `parent` with the `[start, end)` ranges in <mark> (of class `className`, if
 * given), built as DOM nodes.
 */
export function appendMarked(parent, text, matches, className) {
  let pos = 0;
  for (const [start, end] of matches) {
    if (start < pos || end > text.length) continue;
    parent.append(text.slice(pos, start));
    const mark = document.createElement('mark');
    if (className) mark.className = className;
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    pos = end;
  }
  parent.append(text.slice(pos));
}

/** The small coloured label of a source: article, commentary or comment. */
export function sourceBadge(source) {
  const badge = document.createElement('span');
  badge.className = `badge badge-${source}`;
  badge.textContent = source;
  return badge;
}
