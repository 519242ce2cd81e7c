// The library's web app: plain ES modules, no build step. Pages are chosen by the location's hash.
import { call, get, Problem } from './api.js';
import { el, announce, field, status, showProblem, clearProblem } from './ui.js';

const main = document.getElementById('main');
let me = { signedIn: false, name: null, roles: [] };
const has = role => me.roles.includes(role);

async function loadMe() {
  me = (await get('/me')).json;
  const account = document.getElementById('account');
  account.replaceChildren();
  if (me.signedIn) {
    const signOut = el('form', { method: 'post', action: '/logout', class: 'row' },
      el('input', { type: 'hidden', name: '_csrf', value: csrf() }),
      el('span', { text: `Signed in as ${me.name}` }),
      el('button', { type: 'submit', class: 'secondary' }, 'Sign out'));
    account.append(signOut);
  } else {
    account.append(el('a', { href: '/oauth2/authorization/library', id: 'sign-in' }, 'Sign in'));
  }
  document.querySelectorAll('[data-role]').forEach(item => { item.hidden = !has(item.dataset.role); });
}

function csrf() {
  const cookie = document.cookie.split('; ').find(part => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

// After a move to another page the focus goes to its content, so a screen reader reads it; on the first load it
// stays at the top, where the first Tab reaches the skip link.
let moved = false;

function page(title, ...content) {
  document.title = `${title} · Library`;
  main.replaceChildren(el('h1', { text: title }), ...content);
  if (moved) main.focus();
}

function problemOf(error) {
  return error instanceof Problem ? error : new Problem(0, { detail: String(error) });
}

// --- Catalog -------------------------------------------------------------------------------------------------

async function catalog(params) {
  const q = params.get('q') || '';
  const pageNumber = Number(params.get('page') || 0);
  const search = el('form', { role: 'search', class: 'row', onsubmit: event => {
    event.preventDefault();
    location.hash = `#/?q=${encodeURIComponent(search.elements.q.value)}`;
  } }, field('search', 'q', 'Search by title, author or ISBN', { type: 'search', value: q }),
  el('button', { type: 'submit' }, 'Search'), status());
  const results = el('div', { 'aria-live': 'polite' });
  page('Catalog', search, has('librarian') ? addBookForm() : '', results);
  try {
    const books = (await get(`/api/books?q=${encodeURIComponent(q)}&page=${pageNumber}&size=10`)).json;
    const list = el('ul', { class: 'books' });
    for (const book of books.content) {
      const availability = el('span', { class: 'meta' }, '');
      list.append(el('li', {}, el('a', { href: `#/books/${book.id}` }, book.title),
        el('div', { class: 'meta', text: `${book.authors.join(', ')} · ISBN ${book.isbn}` }), availability));
      get(`/api/inventory/${book.id}`)
        .then(({ json }) => { availability.textContent = `${json.availableCopies} of ${json.totalCopies} copies on the shelf`; })
        .catch(() => { availability.textContent = 'No copies yet'; });
    }
    const pager = el('div', { class: 'pager' },
      el('button', { type: 'button', class: 'secondary', disabled: pageNumber === 0,
        onclick: () => { location.hash = `#/?q=${encodeURIComponent(q)}&page=${pageNumber - 1}`; } }, 'Previous'),
      el('span', { text: `Page ${pageNumber + 1} of ${Math.max(books.totalPages, 1)}` }),
      el('button', { type: 'button', class: 'secondary', disabled: pageNumber + 1 >= books.totalPages,
        onclick: () => { location.hash = `#/?q=${encodeURIComponent(q)}&page=${pageNumber + 1}`; } }, 'Next'));
    results.replaceChildren(books.content.length ? list : el('p', { text: 'No books found.' }), pager);
  } catch (error) {
    showProblem(search, problemOf(error));
  }
}

function bookFields(form, book = {}) {
  return [
    field(form, 'isbn', 'ISBN', { value: book.isbn || '', required: true, autocomplete: 'off' }),
    field(form, 'title', 'Title', { value: book.title || '', required: true }),
    field(form, 'authors', 'Authors (comma-separated)', { value: (book.authors || []).join(', '), required: true }),
    field(form, 'publishedYear', 'Year published', { type: 'number', value: book.publishedYear || '' }),
  ];
}

function bookBody(form) {
  const values = form.elements;
  const body = {
    isbn: values.isbn.value.trim(),
    title: values.title.value.trim(),
    authors: values.authors.value.split(',').map(author => author.trim()).filter(Boolean),
  };
  if (values.publishedYear.value) body.publishedYear = Number(values.publishedYear.value);
  return body;
}

function addBookForm() {
  const form = el('form', { 'aria-labelledby': 'add-book-heading', onsubmit: async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      const { json } = await call('POST', '/api/books', { body: bookBody(form) });
      announce(`Added ${json.title}`);
      location.hash = `#/books/${json.id}`;
    } catch (error) {
      showProblem(form, problemOf(error));
    }
  } }, el('h2', { id: 'add-book-heading', text: 'Add a book' }), ...bookFields('add'),
  el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Add book')), status());
  return form;
}

// --- Book ----------------------------------------------------------------------------------------------------

async function book(id) {
  let loaded;
  try {
    loaded = await get(`/api/books/${id}`);
  } catch (error) {
    page('Book not found', el('p', { text: problemOf(error).message }));
    return;
  }
  const current = loaded.json;
  let etag = loaded.etag;
  const stock = el('p', { id: 'stock' });
  // the inventory learns a new book from the catalog's events, a moment after the catalog has it: while it does
  // not know the book yet, ask again every second for as long as this page shows it
  let unknownFor = 0;
  const refreshStock = async () => {
    try {
      const { json } = await get(`/api/inventory/${id}`);
      unknownFor = 0;
      stock.textContent = `${json.availableCopies} on the shelf, ${json.onLoan} on loan, ${json.totalCopies} in all`
        + (json.status === 'WITHDRAWN' ? ' (withdrawn)' : '');
    } catch (error) {
      stock.textContent = 'The inventory does not know this book yet.';
      if (error.status === 404 && unknownFor < 60) {
        unknownFor += 1;
        setTimeout(() => { if (stock.isConnected) refreshStock(); }, 1000);
      }
    }
  };
  const sections = [
    el('p', { class: 'meta', text: `${current.authors.join(', ')} · ISBN ${current.isbn}`
      + (current.publishedYear ? ` · ${current.publishedYear}` : '') }),
    el('h2', { text: 'Copies' }), stock,
  ];
  if (has('librarian') || has('reader')) sections.push(lending(id, refreshStock));
  if (has('librarian')) sections.push(copiesForm(id, refreshStock), editForm(id, current, () => etag, value => { etag = value; }));
  if (has('reader')) sections.push(listButton(id));
  if (has('auditor')) sections.push(el('h2', { text: 'Story' }), await story(id));
  page(current.title, ...sections);
  refreshStock();
}

function lending(id, refreshStock) {
  const form = el('form', { 'aria-label': 'Lending', class: 'row', onsubmit: event => event.preventDefault() },
    el('button', { type: 'button', onclick: () => act(form, `/api/inventory/${id}/checkouts`, 'Lent one copy', refreshStock) }, 'Lend a copy'),
    el('button', { type: 'button', class: 'secondary', onclick: () => act(form, `/api/inventory/${id}/returns`, 'Returned one copy', refreshStock) }, 'Return a copy'),
    status());
  return form;
}

async function act(form, path, done, after, body) {
  clearProblem(form);
  try {
    await call('POST', path, body === undefined ? {} : { body });
    announce(done);
    await after();
  } catch (error) {
    showProblem(form, problemOf(error));
  }
}

function copiesForm(id, refreshStock) {
  const form = el('form', { class: 'row', 'aria-label': 'Copies', onsubmit: event => {
    event.preventDefault();
    act(form, `/api/inventory/${id}/copies`, 'Copies added', refreshStock, { count: Number(form.elements.count.value) });
  } }, field('copies', 'count', 'Copies to add', { type: 'number', min: '1', max: '1000', value: '1' }),
  el('button', { type: 'submit' }, 'Add copies'), status());
  return form;
}

function editForm(id, current, etag, setEtag) {
  const form = el('form', { 'aria-labelledby': 'edit-heading', onsubmit: async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      const { json, etag: next } = await call('PUT', `/api/books/${id}`, { body: bookBody(form), headers: { 'If-Match': etag() } });
      setEtag(next);
      announce(`Saved ${json.title}`);
      document.querySelector('h1').textContent = json.title;
    } catch (error) {
      const problem = problemOf(error);
      if (problem.status === 412) {
        problem.message = 'Someone else changed this book after you opened it. Reload to see their change, then make yours again.';
        showProblem(form, problem);
        form.querySelector('.problem').append(' ', el('button', { type: 'button', class: 'secondary', onclick: () => book(id) }, 'Reload'));
      } else {
        showProblem(form, problem);
      }
    }
  } }, el('h2', { id: 'edit-heading', text: 'Edit' }), ...bookFields('edit', current),
  el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Save changes'),
    el('button', { type: 'button', class: 'danger', onclick: async () => {
      if (!confirm(`Remove ${current.title} from the catalog?`)) return;
      try {
        await call('DELETE', `/api/books/${id}`, { headers: { 'If-Match': etag() } });
        announce('Removed');
        location.hash = '#/';
      } catch (error) {
        showProblem(form, problemOf(error));
      }
    } }, 'Remove book')), status());
  return form;
}

function listButton(id) {
  const form = el('form', { class: 'row', 'aria-label': 'Reading list', onsubmit: async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      await call('PUT', `/api/readers/${encodeURIComponent(me.name)}/reading-list/${id}`);
      announce('On your reading list');
      form.querySelector('.problem').textContent = 'On your reading list.';
    } catch (error) {
      showProblem(form, problemOf(error));
    }
  } }, el('button', { type: 'submit' }, 'Add to my reading list'), status());
  return form;
}

async function story(id) {
  const list = el('ol', { class: 'story', 'aria-label': 'What happened to this book, newest first' });
  try {
    const { json } = await get(`/api/audit-events?entityId=${encodeURIComponent(id)}&limit=100`);
    for (const event of json.items) list.append(storyItem(event));
  } catch (error) {
    list.append(el('li', { text: problemOf(error).message }));
  }
  return list;
}

function storyItem(event) {
  return el('li', {}, el('strong', { text: event.action }), ` by ${event.actor}`,
    el('div', { class: 'meta', text: `${new Date(event.occurredAt).toLocaleString()} · ${event.source}` }));
}

// --- My reading list -----------------------------------------------------------------------------------------

async function readingList() {
  if (!has('reader')) {
    page('My reading list', el('p', { text: 'Sign in as a reader to keep a reading list.' }));
    return;
  }
  const items = el('ul', { class: 'items' });
  const form = el('form', { onsubmit: event => event.preventDefault() }, items, status());
  page('My reading list', el('p', { text: 'Add books from their page in the catalog.' }), form);
  try {
    const { json } = await get(`/api/readers/${encodeURIComponent(me.name)}/reading-list?size=100`);
    if (!json.items.length) items.append(el('li', { text: 'Nothing on your list yet.' }));
    for (const item of json.items) {
      const path = `/api/readers/${encodeURIComponent(me.name)}/reading-list/${item.bookId}`;
      const choose = field(`status-${item.bookId}`, 'status', `Status of ${item.title}`,
        { tag: 'select', options: ['WANT_TO_READ', 'READING', 'FINISHED'] });
      const select = choose.querySelector('select');
      select.value = item.status;
      select.addEventListener('change', async () => {
        clearProblem(form);
        try {
          await call('PATCH', path, { body: { status: select.value } });
          announce(`${item.title}: ${select.value}`);
        } catch (error) {
          showProblem(form, problemOf(error));
        }
      });
      items.append(el('li', { 'data-book': item.bookId }, el('a', { href: `#/books/${item.bookId}` }, item.title),
        item.removedFromCatalog ? el('span', { class: 'meta', text: ' (no longer in the catalog)' }) : '',
        el('div', { class: 'meta', text: item.authors.join(', ') }),
        el('div', { class: 'row' }, choose, el('button', { type: 'button', class: 'secondary', onclick: async () => {
          try {
            await call('DELETE', path);
            announce(`Took ${item.title} off your list`);
            readingList();
          } catch (error) {
            showProblem(form, problemOf(error));
          }
        } }, `Remove ${item.title}`))));
    }
  } catch (error) {
    showProblem(form, problemOf(error));
  }
}

// --- Audit ---------------------------------------------------------------------------------------------------

async function audit() {
  if (!has('auditor')) {
    page('Audit', el('p', { text: 'The audit trail is for auditors.' }));
    return;
  }
  const names = ['source', 'action', 'entityId', 'actor', 'traceId'];
  const rows = el('tbody');
  let cursor = null;
  const more = el('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load(false) }, 'Load more');
  const form = el('form', { onsubmit: event => { event.preventDefault(); load(true); } },
    el('div', { class: 'row' }, ...names.map(name => field('audit', name, name)),
      field('audit', 'from', 'From', { type: 'datetime-local' }), field('audit', 'to', 'To', { type: 'datetime-local' })),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Filter')), status());
  async function load(fresh) {
    clearProblem(form);
    const query = new URLSearchParams({ limit: '50' });
    for (const name of names) if (form.elements[name].value) query.set(name, form.elements[name].value.trim());
    for (const name of ['from', 'to']) if (form.elements[name].value) query.set(name, new Date(form.elements[name].value).toISOString());
    if (!fresh && cursor) query.set('cursor', cursor);
    try {
      const { json } = await get(`/api/audit-events?${query}`);
      if (fresh) rows.replaceChildren();
      for (const event of json.items) {
        rows.append(el('tr', {}, el('td', { text: new Date(event.occurredAt).toLocaleString() }),
          el('td', { text: event.action }), el('td', { text: event.actor }), el('td', { text: event.source }),
          el('td', { text: `${event.entityType} ${event.entityId}` })));
      }
      cursor = json.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      showProblem(form, problemOf(error));
    }
  }
  page('Audit', form, el('table', {}, el('thead', {}, el('tr', {}, ...['When', 'Action', 'Actor', 'Service', 'Entity']
    .map(heading => el('th', { scope: 'col', text: heading })))), rows), more);
  load(true);
}

// --- Routing -------------------------------------------------------------------------------------------------

async function route() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query || '');
  const parts = (path || '/').split('/').filter(Boolean);
  document.querySelectorAll('[data-nav]').forEach(link => link.removeAttribute('aria-current'));
  const current = parts[0] === 'reading-list' ? 'reading-list' : parts[0] === 'audit' ? 'audit' : parts[0] ? null : 'catalog';
  document.querySelector(`[data-nav="${current}"]`)?.setAttribute('aria-current', 'page');
  if (parts[0] === 'books' && parts[1]) return book(parts[1]);
  if (parts[0] === 'reading-list') return readingList();
  if (parts[0] === 'audit') return audit();
  return catalog(params);
}

window.addEventListener('hashchange', () => { moved = true; route(); });
loadMe().then(route);
