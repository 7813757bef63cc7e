/* careers default theme: progressive enhancement only. The site works fully without it.
   - listing pages (home and /departments/.. etc.): the filter links become <select>s for instant filtering (department, location, type, seniority, workplace) and keyword search,
     state kept in the URL (?department=&location=&type=&seniority=&workplace=&q=), result count announced;
     where a department shows only its first rows (data-capped), the first search or filter loads
     search.json and finds every open posting, adding the rows it needs
   - <time class="posted" datetime="YYYY-MM-DD">: shown as "today", "3 days ago"...
   - posting pages: "Copy link" button
   - printing: opens all <details> so FAQ answers are printed */
(function () {
  'use strict';
  var d = document;
  var KEYS = ['department', 'location', 'type', 'seniority', 'workplace', 'q'];
  var lang = d.documentElement.lang || 'en';

  function all(sel, root) { return Array.prototype.slice.call((root || d).querySelectorAll(sel)); }
  /* Letters NFKD keeps whole, folded as someone typing without them writes them (ß as ss). */
  var FOLD = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ħ': 'h' };
  /* Search text and queries folded alike, so a query matches however it is typed: any case,
     with or without accents (Zürich, zurich), in full- or half-width forms (ＡＢＣ, ｶﾞ).
     NFKD splits accents off their letters and turns width forms into plain ones; Chinese and
     Japanese text stays as written (a kana's voicing mark is kept), so any part of it matches. */
  function norm(s) {
    s = String(s || '');
    if (s.normalize) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    return s.toLowerCase().replace(/[ßæœøłđðþıħ]/g, function (c) { return FOLD[c]; });
  }
  function hasWord(list, w) { return (' ' + (list || '') + ' ').indexOf(' ' + w + ' ') >= 0; }

  /* "3 positions" in the page's language: data-plural holds one text per CLDR plural
     category, picked with the browser's plural rules. */
  function countText(el, n) {
    var forms = {};
    try { forms = JSON.parse(el.getAttribute('data-plural') || '{}'); } catch (e) { forms = {}; }
    var category = 'other';
    try { category = new Intl.PluralRules(lang).select(n); } catch (e) { category = n === 1 ? 'one' : 'other'; }
    return (forms[category] || forms.other || '{n}').replace('{n}', n);
  }

  /* Relative "posted" dates, computed in the reader's browser and time zone. */
  function relativeDates() {
    var rtf = null;
    try { rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }); } catch (e) { rtf = null; }
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    all('time.posted[datetime]').forEach(function (t) {
      var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t.getAttribute('datetime'));
      if (!m) return;
      var days = Math.round((today - Date.UTC(+m[1], +m[2] - 1, +m[3])) / 864e5);
      if (days < 0 || days > 60) return;
      if (!rtf) return;
      if (!t.title) t.title = t.textContent.trim();
      // data-relative is the page's sentence around the date ("Posted {when}").
      var around = t.getAttribute('data-relative') || '{when}';
      t.textContent = around.replace('{when}', rtf.format(-days, 'day'));
    });
  }

  /* Copy link button (rendered hidden; shown only when the Clipboard API exists). */
  function copyLinks() {
    if (!navigator.clipboard || !window.isSecureContext) return;
    all('[data-copy-link]').forEach(function (b) {
      var wrap = b.closest('[hidden]');
      if (wrap) wrap.hidden = false;
      var status = b.parentNode.querySelector('.copy-status');
      var timer;
      b.addEventListener('click', function () {
        var url = b.getAttribute('data-copy-link') || location.href;
        function say(msg) {
          if (!status) return;
          status.textContent = msg;
          clearTimeout(timer);
          timer = setTimeout(function () { status.textContent = ''; }, 5000);
        }
        navigator.clipboard.writeText(url).then(function () {
          say(b.getAttribute('data-copied') || 'Link copied');
        }, function () {
          say(b.getAttribute('data-failed') || 'Could not copy the link');
        });
      });
    });
  }

  /* Whether posting `x` (its slugs as space-separated words, its folded text) passes the filters
     and search words of state `s`. */
  function matches(s, words, x) {
    return (!s.department || x.department === s.department) &&
      (!s.location || hasWord(x.locations, s.location)) &&
      (!s.type || hasWord(x.types, s.type)) &&
      (!s.seniority || hasWord(x.seniority, s.seniority)) &&
      (!s.workplace || x.workplace === s.workplace) &&
      words.every(function (w) { return x.text.indexOf(w) >= 0; });
  }

  /* The listing's searches and filters over every open posting, for a page that shows only the
     first rows of some departments: the first use loads the index (data-index), rows for the
     postings not on the page are made as they match, and "See all" links follow the filters.
     `changed` runs once the index is in. */
  function everyPosting(list, rows, groups, filtersBox, moreLinks, changed) {
    var items = null;
    var loading = false;
    var made = {};
    var firstRows = groups.map(function (g) { return all('[data-job]', g).length; });
    function load() {
      if (items || loading) return;
      loading = true;
      fetch(list.getAttribute('data-index')).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); }).then(function (index) {
        items = index.map(function (x) {
          return { url: x.url, title: x.title, department: x.department, locations: (x.locations || []).join(' '), types: (x.types || []).join(' '),
            seniority: (x.seniority || []).join(' '), workplace: x.workplace, text: norm(x.text), names: x.locations || [], typeList: x.types || [] };
        });
        changed();
      }, function () { /* no index: the rows on the page stay searchable */ });
    }
    function nameOf(key, value) {
      var a = filtersBox && filtersBox.querySelector('[data-filter="' + key + '"] a[data-value="' + value + '"]');
      return a ? a.getAttribute('data-name') : value;
    }
    /* A row for a posting not on the page: its title and what the filters know of it. */
    function rowFor(x) {
      if (made[x.url]) return made[x.url];
      var li = d.createElement('li');
      li.className = 'job-row';
      li.setAttribute('data-job', '');
      var h = d.createElement('h3');
      h.className = 'job-title';
      var a = d.createElement('a');
      a.href = x.url;
      a.textContent = x.title;
      h.appendChild(a);
      var meta = d.createElement('ul');
      meta.className = 'job-meta';
      var place = rows.filter(function (r) { return r.getAttribute('data-workplace') === x.workplace; })[0];
      [x.names.map(function (v) { return nameOf('location', v); }).join(', '),
        place ? place.getAttribute('data-workplace-label') : '',
        x.typeList.map(function (v) { return nameOf('type', v); }).join(', ')].forEach(function (t) {
        if (!t) return;
        var m = d.createElement('li');
        m.textContent = t;
        meta.appendChild(m);
      });
      li.appendChild(h);
      li.appendChild(meta);
      made[x.url] = li;
      return li;
    }
    var onPage = {};
    rows.forEach(function (r) { var a = r.querySelector('a[href]'); if (a) onPage[a.pathname] = r; });

    /* Each group shows its matches (at most as many as its first rows) and how many there are. */
    function apply(s, words) {
      var total = 0;
      var byGroup = {};
      items.forEach(function (x) {
        if (!matches(s, words, x)) return;
        total++;
        (byGroup[x.department] = byGroup[x.department] || []).push(x);
      });
      groups.forEach(function (g, i) {
        var found = byGroup[g.getAttribute('data-group')] || [];
        var limit = firstRows[i];
        var ul = g.querySelector('.job-list');
        all('[data-job]', g).forEach(function (r) { r.hidden = true; });
        found.slice(0, limit).forEach(function (x) {
          var r = onPage[new URL(x.url, location.href).pathname] || rowFor(x);
          r.hidden = false;
          ul.appendChild(r);
        });
        g.hidden = found.length === 0;
        var c = g.querySelector('[data-count]');
        if (c) c.textContent = found.length;
        var more = moreLinks[i];
        if (more) {
          // The department's page, filtered the same way, for the matches not shown here.
          more.a.parentNode.hidden = found.length <= limit;
          more.a.setAttribute('href', more.href + location.search);
          more.a.textContent = more.a.getAttribute('data-text').replace('{count}', found.length);
        }
      });
      return total;
    }
    return {
      load: load,
      ready: function () { return items !== null; },
      apply: apply,
      hideAdded: function () { Object.keys(made).forEach(function (u) { made[u].hidden = true; }); }
    };
  }

  /* Listing: filters + search. */
  function listing() {
    var list = d.querySelector('[data-jobs]');
    var form = d.querySelector('[data-search-form]');
    if (!list || !form) return;
    var rows = all('[data-job]', list);
    var groups = all('[data-group]', list);
    // Whether some department shows only its first rows here (its page has the rest).
    var partial = Boolean(list.querySelector('[data-capped]'));
    var counts = groups.map(function (g) { var c = g.querySelector('[data-count]'); return c ? c.textContent : ''; });
    var moreLinks = groups.map(function (g) {
      var a = g.querySelector('[data-more] a');
      return a && { a: a, href: a.getAttribute('href'), text: a.textContent };
    });
    var statusEl = d.querySelector('[data-results-status]');
    var noResults = list.querySelector('[data-no-results]');
    var filtersBox = d.querySelector('[data-filters]');
    var enhance = filtersBox && filtersBox.getAttribute('data-filters') === 'enhance';
    var input = form.querySelector('input[name="q"]');
    var selects = {};
    var texts = rows.map(function (r) { return norm(r.getAttribute('data-search')); });
    var params = new URLSearchParams(location.search);
    var lastCount = -1;
    var statusTimer;

    function makeSelect(key, label, options) {
      var wrap = d.createElement('div');
      wrap.className = 'field field-' + key;
      var id = 'filter-select-' + key;
      var l = d.createElement('label');
      l.htmlFor = id;
      l.textContent = label;
      var s = d.createElement('select');
      s.id = id;
      s.name = key;
      var any = d.createElement('option');
      any.value = '';
      any.textContent = (filtersBox && filtersBox.getAttribute('data-all')) || 'All';
      s.appendChild(any);
      options.forEach(function (o) {
        var opt = d.createElement('option');
        opt.value = o[0];
        opt.textContent = o[1];
        s.appendChild(opt);
      });
      wrap.appendChild(l);
      wrap.appendChild(s);
      s.addEventListener('change', apply);
      selects[key] = s;
      return wrap;
    }

    if (enhance) {
      var holder = form.querySelector('[data-selects]') || form;
      // Values present on this page, per filter: options without a posting here are left out.
      var attr = { department: 'data-department', location: 'data-locations', type: 'data-types', seniority: 'data-seniority', workplace: 'data-workplace' };
      var present = {};
      Object.keys(attr).forEach(function (k) {
        present[k] = {};
        rows.forEach(function (r) {
          (r.getAttribute(attr[k]) || '').split(/\s+/).forEach(function (v) { if (v) present[k][v] = r; });
        });
      });
      // Workplace needs no links: its options come from the rows (there is only a /remote/ page).
      var labels = { workplace: 'Workplace' };
      Object.keys(attr).forEach(function (key) {
        var f = filtersBox.querySelector('[data-filter="' + key + '"]');
        if (!f && key !== 'workplace') return;
        var opts;
        if (key === 'workplace') {
          opts = ['onsite', 'hybrid', 'remote'].filter(function (k) { return present.workplace[k]; })
            .map(function (k) { return [k, present.workplace[k].getAttribute('data-workplace-label') || k]; });
        } else {
          opts = all('a[data-value]', f).map(function (a) {
            return [a.getAttribute('data-value'), a.getAttribute('data-name') || a.textContent.trim()];
          }).filter(function (o) { return partial || present[key][o[0]]; });
        }
        var label = (f && f.getAttribute('data-label')) || labels[key] || key;
        if (opts.length > 1) holder.appendChild(makeSelect(key, label, opts));
      });
      // On a phone the selects fold away under one "Filters" line, below the search field.
      var toggle = filtersBox.getAttribute('data-toggle');
      if (toggle && holder.children.length && window.matchMedia && matchMedia('(max-width: 39.99em)').matches) {
        var fold = d.createElement('details');
        fold.className = 'filters-fold';
        var summary = d.createElement('summary');
        summary.textContent = toggle;
        fold.appendChild(summary);
        var inner = d.createElement('div');
        inner.className = 'selects';
        while (holder.firstChild) inner.appendChild(holder.firstChild);
        fold.appendChild(inner);
        holder.appendChild(fold);
        holder.className = 'selects-folded';
        fold.open = Object.keys(selects).some(function (k) { return params.get(k); });
      }
      var links = filtersBox.querySelector('[data-filter-links]');
      if (links) links.hidden = true;
    }
    form.hidden = false;

    // Initial state from the URL.
    KEYS.forEach(function (k) {
      var v = params.get(k);
      if (!v) return;
      if (k === 'q') { if (input) input.value = v; }
      else if (selects[k]) {
        selects[k].value = v;
        if (selects[k].value !== v) selects[k].value = '';
      }
    });

    function state() {
      var s = {};
      KEYS.forEach(function (k) { s[k] = k === 'q' ? (input ? input.value.trim() : '') : (selects[k] ? selects[k].value : ''); });
      return s;
    }

    var facts = rows.map(function (r, i) {
      return { department: r.getAttribute('data-department'), locations: r.getAttribute('data-locations'), types: r.getAttribute('data-types'),
        seniority: r.getAttribute('data-seniority'), workplace: r.getAttribute('data-workplace'), text: texts[i] };
    });
    // Where a department shows only its first rows, searches and filters go over every posting.
    var every = partial && list.getAttribute('data-index') && window.fetch
      ? everyPosting(list, rows, groups, filtersBox, moreLinks, function () { apply(); }) : null;

    function apply() {
      var s = state();
      var words = norm(s.q).split(/\s+/).filter(Boolean);
      var active = KEYS.some(function (k) { return s[k]; });
      var total = 0;
      saveUrl(s);
      if (every && active) every.load();
      if (every && active && every.ready()) {
        total = every.apply(s, words);
      } else {
        rows.forEach(function (r, i) {
          var ok = matches(s, words, facts[i]);
          r.hidden = !ok;
          if (ok) total++;
        });
        if (every) every.hideAdded();
        groups.forEach(function (g, i) {
          var n = all('[data-job]:not([hidden])', g).length;
          g.hidden = n === 0;
          var c = g.querySelector('[data-count]');
          var more = moreLinks[i];
          if (more) {
            more.a.parentNode.hidden = active;
            more.a.setAttribute('href', more.href);
            more.a.textContent = more.text;
          }
          if (c) c.textContent = active ? n : counts[i];
        });
        if (!active && every) total = Number(statusEl && statusEl.getAttribute('data-total')) || total;
      }
      if (noResults) noResults.hidden = total > 0;
      if (statusEl && total !== lastCount) {
        lastCount = total;
        // Debounced so screen readers hear the result, not every keystroke.
        clearTimeout(statusTimer);
        statusTimer = setTimeout(function () {
          var msg = countText(statusEl, total);
          if (statusEl.textContent !== msg) statusEl.textContent = msg;
        }, 400);
      }
    }

    /* Keeps the URL shareable, without adding history entries. */
    function saveUrl(s) {
      var p = new URLSearchParams(location.search);
      KEYS.forEach(function (k) { if (s[k]) p.set(k, s[k]); else p.delete(k); });
      var qs = p.toString();
      try {
        history.replaceState(history.state, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
      } catch (e) { /* file:// or sandboxed */ }
    }

    if (input) input.addEventListener('input', apply);
    if (every) form.addEventListener('focusin', every.load);
    form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
    var reset = list.querySelector('[data-reset]');
    if (reset) reset.addEventListener('click', function () {
      if (input) input.value = '';
      Object.keys(selects).forEach(function (k) { selects[k].value = ''; });
      apply();
      (input || form).focus();
    });
    apply();
  }

  /* Print every FAQ answer, then restore. */
  function printDetails() {
    var opened = [];
    window.addEventListener('beforeprint', function () {
      opened = all('details:not([open])');
      opened.forEach(function (x) { x.open = true; });
    });
    window.addEventListener('afterprint', function () {
      opened.forEach(function (x) { x.open = false; });
      opened = [];
    });
  }

  function init() {
    relativeDates();
    copyLinks();
    listing();
    printDetails();
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', init);
  else init();
})();
