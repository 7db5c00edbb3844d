// The document view: the whole text, the linked passage highlighted, every match marked.
import {
  ApiError, documentPath, getJson, isTyping, limitIn, readerMessage, searchUrl, send, shortened,
  sourceBadge, trackMasthead,
} from './api.js';

/** POST `body` as JSON; resolves to the JSON answer. */
async function postJson(path, body) {
  return send(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The document id from the current page's path (`/doc/commentary/x` → `commentary/x`). */
function documentIdFromPath(pathname) {
  return pathname.replace(/^\/doc\//, '').split('/').map(decodeURIComponent).join('/');
}

/**
 * Appends `text` to `parent` with the `[start, end)` ranges in <mark> (of class `className`, if
 * given), built as DOM nodes.
 */
function appendMarked(parent, text, matches, className) {
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

/** What to tell the reader of a refused comment: the form's own fields, in plain words. */
function commentMessage(error) {
  const { parameter, message } = error instanceof ApiError ? error : {};
  if (parameter === 'author') {
    if (/required/.test(message)) return 'Please give your name.';
    return /one line/.test(message)
      ? 'Your name must fit on one line.'
      : `Your name is too long: keep it under ${limitIn(message)} characters.`;
  }
  if (parameter === 'text') {
    return /required/.test(message)
      ? 'Please write your comment.'
      : `Your comment is too long: keep it under ${limitIn(message)} characters.`;
  }
  if (parameter === 'paragraph') return 'Choose a paragraph of this text, or the whole text.';
  if (error?.status === 429) return 'Too many comments from here; wait a minute and try again.';
  return readerMessage(error, 'Could not post the comment; try again.');
}


const article = document.getElementById('document');
const status = document.getElementById('status');
const back = document.getElementById('back');
const matchNav = document.getElementById('match-nav');
const matchCount = document.getElementById('match-count');
const prev = document.getElementById('prev');
const next = document.getElementById('next');

const docId = documentIdFromPath(location.pathname);
const params = new URLSearchParams(location.search);
const q = params.get('q') ?? '';
const sources = params.get('source') ?? '';
const from = params.get('from');
const findInput = document.getElementById('find-q');
/** Scrolling to a match glides, unless the reader asked for less motion. */
const motion = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
const apiPath = `/api/documents/${docId.split('/').map(encodeURIComponent).join('/')}`;
let marks = [];
let current = -1;

// Back to the same results: the query (the one of the results page, even after a search in this
// text) and its source filter.
const resultsQuery = params.get('results') ?? q;
back.href = searchUrl(resultsQuery, resultsQuery && sources ? [sources] : []);
back.textContent = resultsQuery ? '← Back to results' : '← Search';
findInput.value = q;
document.getElementById('find').addEventListener('submit', (event) => {
  // A search in this text: the same page, its matches marked.
  event.preventDefault();
  const next = new URLSearchParams();
  if (findInput.value.trim()) next.set('q', findInput.value.trim());
  if (resultsQuery) next.set('results', resultsQuery);
  if (sources) next.set('source', sources);
  location.assign(`${location.pathname}${next.size ? `?${next}` : ''}`);
});

async function load() {
  let doc;
  try {
    doc = await getJson(apiPath);
  } catch (e) {
    article.setAttribute('aria-busy', 'false');
    status.textContent = readerMessage(e);
    status.classList.add('error');
    return;
  }
  document.title = `${doc.title} – Passages`;
  const matches = q ? await matchesIn(doc.id) : new Map();
  render(doc, matches);
  showFrom();
  article.setAttribute('aria-busy', 'false');
  showTarget(true);
  if (doc.source !== 'comment') {
    await Promise.all([showRelatedCounts(doc), showComments(doc)]);
  }
}

/** "Discusses article ¶5": the way back from a related passage to the paragraph it discusses. */
function showFrom() {
  if (!from || !from.includes('#')) return;
  const [fromDoc, anchor] = from.split('#');
  const link = document.getElementById('from-link');
  link.href = `${documentPath(fromDoc)}#${anchor}`;
  link.textContent = `← Back to ${fromDoc} ${anchor.replace(/^p/, '¶')}, which this discusses`;
  document.getElementById('from').hidden = false;
}

/** A button beside each paragraph that others discuss, opening the list of what discusses it. */
async function showRelatedCounts(doc) {
  let counts;
  try {
    counts = await getJson(`${apiPath}/related`);
  } catch {
    return; // related passages are extra; the text is already shown
  }
  for (const { paragraph, count } of counts) showRelatedCount(doc, paragraph, count);
}

/** Shows (or updates) the "N discussing this" button of a paragraph. */
function showRelatedCount(doc, paragraph, count) {
  const element = document.getElementById(`p${paragraph}`);
  if (!element) return;
  let button = element.querySelector('.related-toggle');
  if (!button) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'related-toggle';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', `related-p${paragraph}`);
    button.addEventListener('click', () => toggleRelated(doc, paragraph, element, button));
    const reply = element.querySelector('.reply');
    if (reply) reply.before(button, ' ');
    else element.append(' ', button);
  }
  button.textContent = `${count} discussing this`;
}

async function toggleRelated(doc, paragraph, element, button) {
  const id = `related-p${paragraph}`;
  const open = document.getElementById(id);
  if (open) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const list = document.createElement('ul');
  list.id = id;
  list.className = 'related';
  element.after(list);
  button.setAttribute('aria-expanded', 'true');
  try {
    const related = await getJson(`${apiPath}/paragraphs/${paragraph}/related`);
    for (const item of related) list.append(relatedItem(doc, paragraph, item));
  } catch (e) {
    list.textContent = readerMessage(e, 'Could not load what discusses this.');
  }
}

function relatedItem(doc, paragraph, item) {
  const li = document.createElement('li');
  const reason = document.createElement('span');
  reason.className = `reason reason-${item.reason}`;
  reason.textContent = item.reason === 'similar' ? `similar ${Math.round(item.similarity * 100)}%` : item.reason;
  const hit = item.passage;
  const link = document.createElement('a');
  const anchor = hit.id.slice(hit.id.indexOf('#'));
  link.href = `${documentPath(hit.doc)}?${new URLSearchParams({ from: `${doc.id}#p${paragraph}` })}${anchor}`;
  const title = document.createElement('bdi');
  title.textContent = hit.title;
  link.append(title);
  const badge = sourceBadge(hit.source);
  const excerpt = document.createElement('div');
  excerpt.className = 'excerpt';
  excerpt.dir = 'auto';
  // The API escapes the passage and adds only <mark>: the one string we insert as HTML.
  excerpt.innerHTML = hit.highlight;
  li.append(reason, ' ', badge, ' ', link, excerpt);
  return li;
}

/** The comments on this text and the form to add one: the article's "Give a Comment", made real. */
async function showComments(doc) {
  let comments;
  try {
    comments = await getJson(`${apiPath}/comments`);
  } catch {
    return; // this server takes no comments
  }
  const section = document.getElementById('comments');
  const select = document.getElementById('comment-paragraph');
  for (const passage of doc.passages) {
    if (passage.kind !== 'paragraph') continue;
    const option = document.createElement('option');
    option.value = String(passage.paragraph);
    option.textContent = `¶${passage.paragraph}: ${shortened(passage.text, 40)}`;
    select.append(option);
    const reply = document.createElement('button');
    reply.type = 'button';
    reply.className = 'reply';
    reply.textContent = 'Reply';
    // The name holds the visible word, so that a voice command "click Reply" finds it.
    reply.setAttribute('aria-label', `Reply to paragraph ${passage.paragraph}`);
    reply.addEventListener('click', () => {
      select.value = String(passage.paragraph);
      document.getElementById('comment-text').focus();
    });
    document.getElementById(passage.anchor)?.append(' ', reply);
  }
  const list = document.getElementById('comment-list');
  list.replaceChildren(...comments.map(commentItem));
  section.hidden = false;
  document.getElementById('comment-form').addEventListener('submit', (event) => postComment(event, doc));
}

function commentItem(comment) {
  const li = document.createElement('li');
  li.className = 'comment';
  li.id = `comment-${comment.id}`;
  const meta = document.createElement('p');
  meta.className = 'comment-meta';
  // Each part in its own isolate: a right-to-left name must not reorder the date beside it.
  const author = document.createElement('strong');
  const name = document.createElement('bdi');
  name.textContent = comment.author;
  author.append(name);
  meta.append(author);
  if (comment.date) {
    const date = document.createElement('bdi');
    date.textContent = new Date(comment.date).toLocaleString();
    meta.append(' · ', date);
  }
  if (comment.paragraph) {
    const on = document.createElement('a');
    on.href = `#p${comment.paragraph}`;
    on.textContent = `on ¶${comment.paragraph}`;
    meta.append(' · ', on);
  }
  li.append(meta);
  for (const line of comment.text.split('\n')) {
    const p = document.createElement('p');
    p.dir = 'auto';
    p.textContent = line;
    li.append(p);
  }
  return li;
}

async function postComment(event, doc) {
  event.preventDefault();
  const form = event.target;
  const status = document.getElementById('comment-status');
  const paragraph = form.paragraph.value;
  const body = {
    doc: doc.id,
    author: form.author.value,
    text: form.text.value,
    ...(paragraph ? { paragraph: Number(paragraph) } : {}),
  };
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  status.classList.remove('error');
  status.textContent = 'Posting…';
  try {
    const comment = await postJson('/api/comments', body);
    document.getElementById('comment-list').append(commentItem(comment));
    form.text.value = '';
    status.textContent = 'Thank you: your comment is saved and searchable.';
    if (comment.paragraph) {
      // A reply is one more passage discussing its paragraph.
      getJson(`${apiPath}/related`)
        .then((counts) => counts.forEach(({ paragraph, count }) => showRelatedCount(doc, paragraph, count)))
        .catch(() => {});
    }
  } catch (e) {
    status.textContent = commentMessage(e);
    status.classList.add('error');
  } finally {
    button.disabled = false;
  }
}

/** The hit of each matching passage for the query, from the search API restricted to this document. */
async function matchesIn(id) {
  const byPassage = new Map();
  const limit = 100;
  try {
    for (let offset = 0; offset < 1000; offset += limit) {
      const result = await getJson('/api/search', { q, doc: id, limit, offset });
      for (const hit of result.hits) byPassage.set(hit.id, hit);
      if (offset + limit >= result.total) break;
    }
  } catch (e) {
    status.textContent = readerMessage(e, 'Could not mark the matches.');
  }
  return byPassage;
}

function render(doc, matches) {
  const badge = document.createElement('p');
  badge.className = 'doc-source';
  badge.append(sourceBadge(doc.source));
  article.replaceChildren(badge);
  for (const passage of doc.passages) {
    const tag = passage.kind === 'title' ? 'h1' : passage.kind === 'heading' ? 'h2' : 'p';
    const element = document.createElement(tag);
    element.id = passage.anchor;
    element.className = `passage passage-${passage.kind}`;
    element.dir = 'auto';
    const hit = matches.get(passage.id);
    // A passage found by meaning has its closest sentence marked apart from matched words.
    appendMarked(element, passage.text, hit?.matches ?? [],
      hit?.matched === 'meaning' ? 'meaning' : undefined);
    if (passage.kind === 'paragraph') {
      const number = document.createElement('a');
      number.className = 'pilcrow';
      number.href = `#${passage.anchor}`;
      number.textContent = `¶${passage.paragraph}`;
      number.setAttribute('aria-label', `Link to paragraph ${passage.paragraph}`);
      element.prepend(number, ' ');
    }
    article.append(element);
  }
  marks = [...article.querySelectorAll('mark')];
  if (q) {
    matchNav.hidden = false;
    const n = marks.length;
    matchCount.textContent = n
      ? `${n} match${n === 1 ? '' : 'es'} for “${shortened(q, 40)}”`
      : `No matches for “${shortened(q, 40)}”`;
    prev.disabled = next.disabled = n === 0;
  }
}

/** Highlights the passage named by the URL fragment and brings it into view. */
function showTarget(firstLoad = false) {
  for (const old of article.querySelectorAll('.is-target')) old.classList.remove('is-target');
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  target.classList.add('is-target');
  // The focus goes to the passage opened, so that reading and Tab start there; on the first load
  // only if the reader has not moved it meanwhile (to the search box, say).
  target.tabIndex = -1;
  if (!firstLoad || document.activeElement === document.body) target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
  const first = marks.findIndex((m) => target.contains(m));
  if (first >= 0) current = first - 1;
}

function go(step) {
  if (!marks.length) return;
  marks[current]?.classList.remove('current');
  current = (current + step + marks.length) % marks.length;
  const mark = marks[current];
  mark.classList.add('current');
  mark.scrollIntoView({ block: 'center', behavior: motion });
  matchCount.textContent = `Match ${current + 1} of ${marks.length} for “${shortened(q, 40)}”`;
}

prev.addEventListener('click', () => go(-1));
next.addEventListener('click', () => go(1));
window.addEventListener('hashchange', () => showTarget());
document.addEventListener('keydown', (event) => {
  // Letters typed in a field are letters: n and p move between matches only outside them.
  if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/') {
    event.preventDefault();
    findInput.focus();
    findInput.select();
  } else if (event.key === 'n') go(1);
  else if (event.key === 'p') go(-1);
});

trackMasthead();

load();
