// Break's admin console: reads the console's JSON endpoints, listens to its event stream, and re-reads
// whenever the stream says something changed. Plain JavaScript, no build step, no third party.
(function () {
  'use strict';

  var WORDS = { UP: 'Everything is working', DEGRADED: 'Working, but something needs a look', DOWN: 'Something is broken' };
  var state = { cursor: null, reloadTimer: null, stream: null, denied: false };

  function $(id) { return document.getElementById(id); }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function when(iso) {
    if (!iso) { return '—'; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString();
  }

  function seconds(s) {
    if (s === null || s === undefined) { return 'none due'; }
    if (s < 90) { return 'waiting ' + s + ' s'; }
    if (s < 5400) { return 'waiting ' + Math.round(s / 60) + ' min'; }
    return 'waiting ' + Math.round(s / 3600) + ' h';
  }

  function Problem(status, body) {
    this.status = status;
    this.title = (body && body.title) || ('HTTP ' + status);
    this.detail = (body && body.detail) || '';
    this.correlationId = (body && body.correlationId) || null;
  }

  function api(path, method) {
    return fetch(path, { method: method || 'GET', credentials: 'same-origin',
                         headers: { 'Accept': 'application/json, application/problem+json' } })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (notJson) { body = null; }
          if (!response.ok) { throw new Problem(response.status, body); }
          return body;
        });
      }, function () { throw new Problem(0, { title: 'The server cannot be reached' }); });
  }

  function toast(title, correlationId, ok) {
    var box = el('div', null, ok ? 'toast ok' : 'toast');
    box.appendChild(el('span', title, 'title'));
    if (correlationId) { box.appendChild(el('span', 'correlation id: ' + correlationId, 'correlation')); }
    var close = el('button', 'Dismiss');
    close.type = 'button';
    close.addEventListener('click', function () { box.remove(); });
    box.appendChild(close);
    $('toasts').appendChild(box);
    setTimeout(function () { box.remove(); }, ok ? 4000 : 15000);
  }

  function deny(problem) {
    state.denied = true;
    $('console').hidden = true;
    $('denied').hidden = false;
    if (problem.status === 401) {
      $('denied-title').textContent = 'Please sign in';
      $('denied-text').textContent = 'You are not signed in. Sign in as an administrator to see Break\'s console.';
    } else {
      $('denied-title').textContent = 'You cannot see this console';
      $('denied-text').textContent = 'Only administrators can see Break\'s console. Your account is signed in but is not an administrator.';
    }
    $('live').textContent = 'not connected';
    if (state.stream) { state.stream.close(); state.stream = null; }
  }

  function renderHealth(h) {
    var banner = $('banner');
    banner.className = 'banner ' + h.status;
    $('status').textContent = h.status;
    $('status').className = 'status ' + h.status;
    $('status-words').textContent = WORDS[h.status] || '';
    var reasons = $('reasons');
    reasons.replaceChildren();
    h.reasons.forEach(function (r) { reasons.appendChild(el('li', r)); });
    var checked = $('checked-at');
    checked.textContent = when(h.checkedAt);
    checked.dateTime = h.checkedAt;

    var w = h.workflow;
    $('workflow-status').textContent = w.status;
    $('workflow-status').className = 'status small ' + w.status;
    var body = $('queue').tBodies[0];
    body.replaceChildren();
    Object.keys(w.queueDepth).forEach(function (type) {
      Object.keys(w.queueDepth[type]).forEach(function (status) {
        var row = el('tr');
        row.appendChild(el('td', type));
        row.appendChild(el('td', status));
        row.appendChild(el('td', w.queueDepth[type][status]));
        row.dataset.type = type;
        row.dataset.status = status;
        body.appendChild(row);
      });
    });
    if (!body.rows.length) {
      var empty = el('tr'); var cell = el('td', 'The queue is empty.'); cell.colSpan = 3;
      empty.appendChild(cell); body.appendChild(empty);
    }
    $('oldest-due').textContent = seconds(w.oldestDueAgeSeconds);
    $('janitor-last').textContent = w.janitor.lastRunAt ? when(w.janitor.lastRunAt) : 'never';
    $('janitor-last').dataset.runId = w.janitor.lastRunId || '';
    $('janitor-found').textContent = w.janitor.lastRunFound;
    $('janitor-overdue').hidden = !w.janitor.overdue;
    $('paid-without').textContent = w.paidWithoutCommissions;
    $('paid-uncovered').textContent = w.paidWithoutCommissionsOrStep;
    $('dead-count').textContent = w.deadSteps;

    var i = h.integrations;
    $('integrations-status').textContent = i.status;
    $('integrations-status').className = 'status small ' + i.status;
    $('providers').textContent = i.providers.map(function (p) {
      return p.provider + ': ' + p.total + ' connections, ' + p.connected + ' connected, ' + p.needsReauth
        + ' need reauthorization, ' + p.withError + ' with an error';
    }).join(' · ');
    var rows = $('connections').tBodies[0];
    rows.replaceChildren();
    i.connections.forEach(function (c) {
      var row = el('tr');
      row.dataset.connectionId = c.connectionId;
      row.appendChild(el('td', c.ownerUserId));
      row.appendChild(el('td', c.maskedAddress));
      var status = el('td'); status.appendChild(el('span', c.status, 'status small ' + c.status)); row.appendChild(status);
      row.appendChild(el('td', c.lastError ? c.lastError + ' (' + when(c.lastErrorAt) + ')' : '—', 'error'));
      row.appendChild(el('td', when(c.tokenExpiresAt)));
      row.appendChild(el('td', when(c.lastRefreshAt)));
      row.appendChild(el('td', when(c.lastSyncAt)));
      row.appendChild(el('td', c.syncState || '—'));
      rows.appendChild(row);
    });
    $('connections').hidden = !i.connections.length;
    $('connections-empty').hidden = !!i.connections.length;
  }

  function stepRow(s) {
    var row = el('tr');
    row.dataset.stepId = s.id;
    row.appendChild(el('td', s.id)).className = 'error';
    row.appendChild(el('td', s.type));
    row.appendChild(el('td', s.dedupKey, 'error'));
    row.appendChild(el('td', s.attempts));
    row.appendChild(el('td', s.lastError || '—', 'error'));
    row.appendChild(el('td', when(s.updatedAt)));
    var cell = el('td');
    var retry = el('button', 'Retry');
    retry.type = 'button';
    retry.className = 'retry';
    retry.setAttribute('aria-label', 'Retry step ' + s.id);
    retry.addEventListener('click', function () {
      act(retry, 'api/dead-steps/' + encodeURIComponent(s.id) + '/retry', 'Step queued again');
    });
    cell.appendChild(retry);
    row.appendChild(cell);
    return row;
  }

  function renderDead(page, append) {
    var body = $('dead').tBodies[0];
    if (!append) { body.replaceChildren(); }
    page.items.forEach(function (s) { body.appendChild(stepRow(s)); });
    state.cursor = page.nextCursor;
    $('dead').hidden = !body.rows.length;
    $('dead-empty').hidden = !!body.rows.length;
    $('dead-more').hidden = !page.nextCursor;
  }

  function renderErrors(errors) {
    $('errors-source').textContent = 'From the ' + errors.source + '.';
    var body = $('error-list').tBodies[0];
    body.replaceChildren();
    errors.items.forEach(function (e) {
      var row = el('tr');
      row.appendChild(el('td', when(e.at)));
      row.appendChild(el('td', e.code));
      row.appendChild(el('td', e.reason));
      row.appendChild(el('td', e.operation));
      row.appendChild(el('td', e.correlationId, 'error'));
      body.appendChild(row);
    });
    $('error-list').hidden = !errors.items.length;
    $('errors-empty').hidden = !!errors.items.length;
  }

  function load() {
    return Promise.all([api('api/health'), api('api/dead-steps?limit=50'), api('api/errors')])
      .then(function (all) {
        state.denied = false;
        $('denied').hidden = true;
        $('console').hidden = false;
        renderHealth(all[0]);
        renderDead(all[1], false);
        renderErrors(all[2]);
        document.body.dataset.loaded = 'true';
        document.body.dataset.loads = String(Number(document.body.dataset.loads || '0') + 1);
        if (!state.stream) { listen(); }
      }, function (problem) {
        if (problem.status === 401 || problem.status === 403) { deny(problem); return; }
        toast(problem.title, problem.correlationId, false);
      });
  }

  function reloadSoon() {
    if (state.reloadTimer) { return; }
    state.reloadTimer = setTimeout(function () { state.reloadTimer = null; load(); }, 100);
  }

  function act(button, path, done) {
    button.disabled = true;
    return api(path, 'POST').then(function (result) {
      toast(done + (result && result.lastRunFound !== undefined ? ': ' + result.lastRunFound + ' found' : ''), null, true);
      return load();
    }, function (problem) {
      toast(problem.title, problem.correlationId, false);
    }).then(function () { button.disabled = false; });
  }

  function listen() {
    var stream = new EventSource('api/events');
    state.stream = stream;
    var names = ['health.changed', 'step.dead', 'step.back', 'connection.needs-reauth', 'connection.recovered',
                 'workflow.changed', 'connection.changed', 'resync'];
    names.forEach(function (name) {
      stream.addEventListener(name, function () { document.body.dataset.lastEvent = name; reloadSoon(); });
    });
    stream.addEventListener('ready', function () { $('live').textContent = 'live'; });
    stream.onopen = function () { $('live').textContent = 'live'; reloadSoon(); };
    stream.onerror = function () {
      $('live').textContent = 'reconnecting…';
      if (stream.readyState === EventSource.CLOSED) {
        state.stream = null;
        setTimeout(load, 2000);
      }
    };
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('run-janitor').addEventListener('click', function () { act($('run-janitor'), 'api/janitor/run', 'Janitor ran'); });
    $('dead-more').addEventListener('click', function () {
      if (!state.cursor) { return; }
      api('api/dead-steps?limit=50&cursor=' + encodeURIComponent(state.cursor)).then(function (page) {
        renderDead(page, true);
      }, function (problem) { toast(problem.title, problem.correlationId, false); });
    });
    load();
  });
}());
