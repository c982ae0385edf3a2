// The reading page: lists the container's articles, shows a result in Arabic and English side by side, and
// summarises pasted text. No framework; text is always set with textContent, never parsed as HTML.
'use strict';

(() => {
  // In Azure the page is opened as /api/ui?code=<function key>; the API calls carry the key as a header.
  const key = new URLSearchParams(window.location.search).get('code');
  const languageNames = { ar: 'العربية', en: 'English' };
  let continuation = null;
  let current = null;

  const $ = (id) => document.getElementById(id);

  function element(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([name, value]) => {
      if (value === undefined || value === null) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, value);
    });
    children.filter((child) => child !== null && child !== undefined).forEach((child) =>
      node.append(typeof child === 'string' ? document.createTextNode(child) : child));
    return node;
  }

  async function api(path, options) {
    const headers = new Headers((options && options.headers) || {});
    headers.set('Accept', 'application/json, application/problem+json');
    if (key) headers.set('x-functions-key', key);
    const response = await fetch(path, { ...options, headers, cache: 'no-store' });
    let body = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try { body = await response.json(); } catch { body = null; }
    }
    return { status: response.status, ok: response.ok, body, retryAfter: response.headers.get('Retry-After') };
  }

  function describeProblem(response) {
    const problem = response.body;
    if (problem && problem.detail) {
      return `${problem.title || 'Error'} (${problem.status || response.status}${problem.code ? `, ${problem.code}` : ''}): ${problem.detail}`;
    }
    return `The server answered ${response.status}.`;
  }

  function formatDate(value) {
    if (!value) return '';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
  }

  // ---- listing ----

  // Names are shown with their invisible format characters spelled out (bidi overrides would make "gpj.exe"
  // read "exe.jpg"); the service refuses to summarise such names (docs/api.md).
  function visibleName(name) {
    return name.replace(/\p{Cf}/gu, (c) => `⟨U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
  }

  function articleButton(item) {
    const title = item.title || {};
    const button = element('button', { type: 'button', className: 'article', 'data-name': item.name },
      element('span', { className: 'name', text: visibleName(item.name) }),
      title.en ? element('span', { className: 'title-en', lang: 'en', dir: 'ltr', text: title.en }) : null,
      title.ar ? element('span', { className: 'title-ar', lang: 'ar', dir: 'rtl', text: title.ar }) : null,
      element('span', { className: 'meta' },
        element('span', { className: `badge ${item.status}`, text: item.status }),
        ` ${formatDate(item.lastModified)} · ${item.bytes} bytes${item.language ? ` · ${item.language}` : ''}`));
    button.addEventListener('click', () => openArticle(item.name, button));
    return element('li', null, button);
  }

  async function loadArticles(reset) {
    const list = $('articles');
    const status = $('list-status');
    const more = $('more');
    if (reset) {
      list.replaceChildren();
      continuation = null;
    }
    const query = new URLSearchParams({ pageSize: '25' });
    const prefix = $('prefix').value.trim();
    if (prefix) query.set('prefix', prefix);
    if (continuation) query.set('continuation', continuation);
    status.textContent = 'Loading…';
    more.disabled = true;
    try {
      const response = await api(`/api/articles?${query}`);
      if (!response.ok) {
        status.textContent = describeProblem(response);
        return;
      }
      response.body.items.forEach((item) => list.append(articleButton(item)));
      continuation = response.body.continuation;
      more.hidden = !continuation;
      const count = list.children.length;
      status.textContent = count === 0
        ? 'No articles yet. Upload one to the container.'
        : `${count} article${count === 1 ? '' : 's'}, newest first.` +
          (response.body.truncated ? ' The container is large: only its first 5,000 names were sorted; narrow the prefix to see the rest.' : '');
    } catch (error) {
      status.textContent = `Could not list the articles: ${error.message}`;
    } finally {
      more.disabled = false;
    }
  }

  // ---- detail ----

  function languageBlock(result, lang) {
    const dir = lang === 'ar' ? 'rtl' : 'ltr';
    const block = element('section', { className: 'language', lang, dir, 'data-lang': lang });
    block.append(element('p', { className: 'tag', text: languageNames[lang] }));
    const unavailable = (result.unavailable || []).includes(lang);
    const title = result.title && result.title[lang];
    const summary = result.summary && result.summary[lang];
    const points = (result.keyPoints && result.keyPoints[lang]) || [];
    if (unavailable || (!title && !summary && points.length === 0)) {
      // The unavailable reason is English text: mark it so, inside the right-to-left box.
      block.append(element('p', { className: 'unavailable', lang: 'en', dir: 'ltr',
        text: result.unavailableReason || (result.status === 'ok' ? 'Not available in this language.' : 'No summary.') }));
      return block;
    }
    if (title) block.append(element('h3', { text: title }));
    if (summary) block.append(element('p', { className: 'summary', text: summary }));
    if (points.length > 0) {
      block.append(element('ul', { className: 'key-points' }, ...points.map((point) => element('li', { text: point }))));
    }
    return block;
  }

  function provenance(result) {
    const model = result.model || {};
    const source = result.source || {};
    const rows = [
      ['Status', result.status],
      ['Language', result.language],
      ['Provider', model.provider],
      ['Model', model.model],
      ['Prompt version', model.promptVersion],
      ['Tokens', model.inputTokens !== undefined ? `${model.inputTokens} in, ${model.outputTokens} out` : null],
      ['Duration', result.durationMs !== undefined ? `${result.durationMs} ms` : null],
      ['Created', formatDate(result.createdAt)],
      ['Source', source.name ? `${source.container}/${source.name}` : 'posted text'],
      ['Source SHA-256', source.sha256],
      ['Bytes', source.bytes !== undefined ? String(source.bytes) : null],
    ].filter(([, value]) => value !== null && value !== undefined && value !== '');
    return element('dl', { className: 'provenance' },
      ...rows.flatMap(([name, value]) => [element('dt', { text: name }), element('dd', { text: String(value) })]));
  }

  function renderDocument(result, heading) {
    $('detail-heading').textContent = heading;
    $('detail-status').textContent = '';
    const body = $('detail-body');
    body.replaceChildren();
    body.append(element('p', null, element('span', { className: `badge ${result.status}`, text: result.status })));
    if (result.error) {
      body.append(element('div', { className: 'reason', role: 'note' },
        element('strong', { text: result.status === 'rejected' ? 'Rejected: ' : 'Failed: ' }),
        element('code', { text: result.error.code }), ` ${result.error.message}`));
    }
    body.append(element('div', { className: 'languages' }, languageBlock(result, 'ar'), languageBlock(result, 'en')));
    body.append(provenance(result));
  }

  function renderMessage(heading, message, isError) {
    $('detail-heading').textContent = heading;
    $('detail-status').textContent = '';
    const body = $('detail-body');
    body.replaceChildren(element('p', { className: isError ? 'reason' : 'status-line', text: message }));
  }

  // 202: not written yet, or waiting for a scheduled attempt because the model was unavailable (body.retryAt).
  function describePending(response) {
    const retryAt = response.body && response.body.status === 'waiting' ? new Date(response.body.retryAt) : null;
    if (retryAt && !Number.isNaN(retryAt.getTime())) {
      return `Waiting: the model was unavailable, so the summary is scheduled to be tried again at ${retryAt.toLocaleString()} (${retryAt.toISOString()}). Select it again after that.`;
    }

    return 'Pending: the article is uploaded but its summary is not written yet. Select it again in a few seconds.';
  }

  async function openArticle(name, button) {
    document.querySelectorAll('.article[aria-current]').forEach((node) => node.removeAttribute('aria-current'));
    if (button) button.setAttribute('aria-current', 'true');
    current = name;
    const shown = visibleName(name);
    $('detail-status').textContent = `Loading ${shown}…`;
    const path = name.split('/').map(encodeURIComponent).join('/');
    try {
      const response = await api(`/api/summaries/${path}`);
      if (current !== name) return;
      if (response.status === 200) renderDocument(response.body, shown);
      else if (response.status === 202) renderMessage(shown, describePending(response), false);
      else renderMessage(shown, describeProblem(response), true);
    } catch (error) {
      renderMessage(shown, `Could not load the summary: ${error.message}`, true);
    }
    $('detail-heading').focus();
  }

  async function summarisePasted(event) {
    event.preventDefault();
    const text = $('paste-text').value;
    const title = $('paste-title').value.trim();
    const submit = $('paste-submit');
    current = null;
    submit.disabled = true;
    $('detail-status').textContent = 'Summarising…';
    try {
      const response = await api('/api/summaries', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(title ? { text, title } : { text }),
      });
      if (response.status === 200) renderDocument(response.body, 'Pasted text');
      else if (response.body && response.body.result) {
        renderDocument(response.body.result, 'Pasted text');
        $('detail-status').textContent = describeProblem(response);
      } else renderMessage('Pasted text', describeProblem(response), true);
    } catch (error) {
      renderMessage('Pasted text', `Could not summarise: ${error.message}`, true);
    } finally {
      submit.disabled = false;
    }
    $('detail-heading').focus();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('paste-form').addEventListener('submit', summarisePasted);
    $('filter-form').addEventListener('submit', (event) => { event.preventDefault(); loadArticles(true); });
    $('more').addEventListener('click', () => loadArticles(false));
    loadArticles(true);
  });
})();
