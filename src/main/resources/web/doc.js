// The document view: the whole text, the linked passage highlighted, every match marked.
import {
  ApiError, appendMarked, documentIdFromPath, documentPath, getJson, postJson, sourceBadge,
} from './api.js';

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
const from = params.get('from');
const apiPath = `/api/documents/${docId.split('/').map(encodeURIComponent).join('/')}`;
let marks = [];
let current = -1;

back.href = q ? `/?${new URLSearchParams({ q })}` : '/';
back.textContent = q ? '← Back to results' : '← Search';

async function load() {
  let doc;
  try {
    doc = await getJson(apiPath);
  } catch (e) {
    article.setAttribute('aria-busy', 'false');
    status.textContent = e instanceof ApiError ? e.message : 'Something went wrong; try again.';
    status.classList.add('error');
    return;
  }
  document.title = `${doc.title} – Passages`;
  const matches = q ? await matchesIn(doc.id) : new Map();
  render(doc, matches);
  showFrom();
  article.setAttribute('aria-busy', 'false');
  showTarget();
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
  for (const { paragraph, count } of counts) {
    const element = document.getElementById(`p${paragraph}`);
    if (!element) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'related-toggle';
    button.textContent = `${count} discussing this`;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', `related-p${paragraph}`);
    button.addEventListener('click', () => toggleRelated(doc, paragraph, element, button));
    element.append(' ', button);
  }
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
    list.textContent = e instanceof ApiError ? e.message : 'Could not load what discusses this.';
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
  link.textContent = hit.title;
  const badge = sourceBadge(hit.source);
  const excerpt = document.createElement('div');
  excerpt.className = 'excerpt';
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
    option.textContent = `¶${passage.paragraph}: ${passage.text.slice(0, 60)}…`;
    select.append(option);
    const reply = document.createElement('button');
    reply.type = 'button';
    reply.className = 'reply';
    reply.textContent = 'Reply';
    reply.setAttribute('aria-label', `Comment on paragraph ${passage.paragraph}`);
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
  const author = document.createElement('strong');
  author.textContent = comment.author;
  meta.append(author);
  if (comment.date) meta.append(` · ${new Date(comment.date).toLocaleString()}`);
  if (comment.paragraph) {
    const on = document.createElement('a');
    on.href = `#p${comment.paragraph}`;
    on.textContent = `on ¶${comment.paragraph}`;
    meta.append(' · ', on);
  }
  li.append(meta);
  for (const line of comment.text.split('\n')) {
    const p = document.createElement('p');
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
  } catch (e) {
    status.textContent = e instanceof ApiError ? e.message : 'Could not post the comment; try again.';
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
    status.textContent = e instanceof ApiError ? e.message : 'Could not mark the matches.';
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
    matchCount.textContent = n ? `${n} match${n === 1 ? '' : 'es'} for “${q}”` : `No matches for “${q}”`;
    prev.disabled = next.disabled = n === 0;
  }
}

/** Highlights the passage named by the URL fragment and brings it into view. */
function showTarget() {
  for (const old of article.querySelectorAll('.is-target')) old.classList.remove('is-target');
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  target.classList.add('is-target');
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
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  matchCount.textContent = `Match ${current + 1} of ${marks.length} for “${q}”`;
}

prev.addEventListener('click', () => go(-1));
next.addEventListener('click', () => go(1));
window.addEventListener('hashchange', showTarget);
document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'n') go(1);
  else if (event.key === 'p') go(-1);
});

load();
