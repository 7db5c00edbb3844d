// The JSON API and the URLs of our pages: the one place that knows their shape.

/** An error from the server or the network: its HTTP status (0: no answer) and parameter at fault. */
export class ApiError extends Error {
  constructor(message, status = 0, parameter = null) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }
}

/**
 * What to tell the reader about `error`, in plain words: the server's messages are written for
 * API clients ("q is 2500 characters long; the limit is 1000 characters").
 */
export function readerMessage(error, fallback = 'Something went wrong; try again.') {
  if (!(error instanceof ApiError)) return fallback;
  const { status, parameter, message } = error;
  if (status === 0) return message;
  if (status === 404) return 'This text is not in the collection; it may have been removed or renamed.';
  if (status === 429) return 'Too many comments from here in a short time; wait a minute and try again.';
  if (status === 503) return 'Search is unavailable for a moment; try again shortly.';
  if (status >= 500) return fallback;
  switch (parameter) {
    case 'q':
      return /characters/.test(message)
        ? `This search is too long: keep it under ${limitIn(message)} characters.`
        : 'This search asks for too much at once: use fewer words or longer word beginnings.';
    case 'author':
      if (/required/.test(message)) return 'Please give your name.';
      return /one line/.test(message)
        ? 'Your name must fit on one line.'
        : `Your name is too long: keep it under ${limitIn(message)} characters.`;
    case 'text':
      return /required/.test(message)
        ? 'Please write your comment.'
        : `Your comment is too long: keep it under ${limitIn(message)} characters.`;
    case 'paragraph':
      return 'Choose a paragraph of this text, or the whole text.';
    default:
      return fallback;
  }
}

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
    throw new ApiError('Cannot reach the Passages server. Is it still running?', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy's error page, say. Reported below by status.
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `The server answered ${response.status}.`;
    throw new ApiError(message, response.status, body?.parameter ?? null);
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

/** The limit a server message states ("the limit is 10000 characters"), for readers: "10,000". */
function limitIn(message) {
  const limit = /limit is (\d+)/.exec(message);
  return limit ? Number(limit[1]).toLocaleString('en') : 'the limit';
}

/**
 * The link from a hit to its place in the document, carrying the query (for marking) and the source
 * filter (for the way back to the same results).
 */
export function hitHref(hit, q, sources = []) {
  const anchor = hit.id.slice(hit.id.indexOf('#'));
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (sources.length) params.set('source', sources.join(','));
  return documentPath(hit.doc) + (params.size ? `?${params}` : '') + anchor;
}

/** `text` cut to `max` characters with "…": a pasted paragraph is not repeated whole. */
export function shortened(text, max = 80) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Whether a key press goes to a field the reader is typing in, where letters are letters. */
export function isTyping(event) {
  return event.target instanceof Element
    && event.target.closest('input, textarea, select, [contenteditable]:not([contenteditable=false])') !== null;
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
