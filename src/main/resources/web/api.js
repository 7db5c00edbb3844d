// The JSON API and our pages' URLs: the one place that knows their shape.

/** An error: its HTTP status (0: no answer) and the parameter at fault. */
export class ApiError extends Error {
  constructor(message, status = 0, parameter = null) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }
}

/** `error` in plain words: the server's messages are for API clients ("q is 2500 characters…"). */
export function readerMessage(error, fallback = 'Something went wrong; try again.') {
  if (!(error instanceof ApiError)) return fallback;
  const { status, parameter, message } = error;
  if (status === 0) return message;
  if (status === 404) return 'This text is not in the collection; it may have been removed or renamed.';
  if (status === 503) return 'Search is unavailable for a moment; try again shortly.';
  if (status >= 500) return fallback;
  if (parameter !== 'q') return fallback;
  return /characters/.test(message)
    ? `This search is too long: keep it under ${limitIn(message)} characters.`
    : 'This search asks for too much at once: use fewer words or longer word beginnings.';
}

/** GET JSON; `signal` aborts it when a newer request supersedes it. */
export async function getJson(path, params = {}, signal) {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v != null && v !== ''));
  const url = query.size ? `${path}?${query}` : path;
  return send(url, { signal, headers: { Accept: 'application/json' } });
}

export async function send(url, init) {
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
    // Not JSON (a proxy's error page): reported by status.
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `The server answered ${response.status}.`;
    throw new ApiError(message, response.status, body?.parameter ?? null);
  }
  return body;
}

/** A document's page: ids may contain slashes; each segment is encoded. */
export function documentPath(docId) {
  return '/doc/' + docId.split('/').map(encodeURIComponent).join('/');
}

/** "the limit is 10000 characters" → "10,000". */
export function limitIn(message) {
  const limit = /limit is (\d+)/.exec(message);
  return limit ? Number(limit[1]).toLocaleString('en') : 'the limit';
}

/** A hit's place in its document, with the query (to mark) and sources (for the way back). */
export function hitHref(hit, q, sources = []) {
  return documentPath(hit.doc) + searchUrl(q, sources).slice(1) + hit.id.slice(hit.id.indexOf('#'));
}

export function searchUrl(q, sources = []) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (sources.length) params.set('source', sources.join(','));
  return params.size ? `/?${params}` : '/';
}

/** `--masthead-height`, for `scroll-padding-top`. */
export function trackMasthead() {
  const masthead = document.querySelector('.masthead');
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--masthead-height', `${masthead.offsetHeight}px`);
  }).observe(masthead);
}

/** `text` cut to `max` characters: a pasted paragraph is not repeated whole. */
export function shortened(text, max = 80) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Whether a key goes to a field, where letters are letters, not shortcuts. */
export function isTyping(event) {
  return event.target instanceof Element
    && event.target.closest('input, textarea, select, [contenteditable]') !== null;
}

/** `props` as properties, or attributes (`aria-*`); children as nodes, never as HTML. */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (/HTML|^on/.test(name)) throw Error(name);
    if (name in element) element[name] = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

export const sourceBadge = (source) => el('span', { className: `badge badge-${source}` }, source);
