"""The review app's page: one HTML document with its style and script inline (nothing external).

Every text from the records or the documents is put in with ``textContent`` or
``createTextNode``, never as markup. Keys: j / k next and previous, a accept,
r reject, e edit (Enter saves, Escape cancels), u undo the latest decision on
the current item.
"""

APP_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="review-token" content="{{token}}">
<title>extractor review</title>
<style>
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0;
       color: #1b1b1b; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .5rem 1rem; background: #f3f4f6;
         border-bottom: 1px solid #ccc; }
header h1 { font-size: 1.1rem; margin: 0; }
#progress { font-weight: 600; }
header label { font-size: .85rem; }
main { display: grid; grid-template-columns: minmax(18rem, 28rem) 1fr; height: calc(100vh - 5.5rem); }
#queue { overflow-y: auto; border-right: 1px solid #ddd; margin: 0; padding: 0; list-style: none; font-size: .85rem; }
#queue li { padding: .25rem .5rem; border-bottom: 1px solid #eee; cursor: pointer; white-space: nowrap; overflow: hidden;
            text-overflow: ellipsis; }
#queue li.current { background: #dbe8ff; outline: 2px solid #1f4e9c; }
#queue li .badge { display: inline-block; min-width: 5.5rem; font-size: .75rem; }
li[data-review="accepted"] .badge { color: #1a7f45; } li[data-review="corrected"] .badge { color: #1f4e9c; }
li[data-review="rejected"] .badge { color: #b00020; } li[data-review="rejected"] .label { text-decoration: line-through; }
#detail { display: flex; flex-direction: column; overflow: hidden; padding: .5rem 1.5rem; }
#card table td { padding: .1rem .75rem .1rem 0; vertical-align: top; }
#card .state { font-weight: 600; }
#message { min-height: 1.5rem; font-weight: 600; }
#message.error { color: #b00020; } #message.ok { color: #1a7f45; }
#context { flex: 1; overflow-y: auto; line-height: 2; white-space: pre-wrap; border-top: 1px solid #ddd; padding-top: .5rem; }
#context .sentence { background: #fff3bf; }
#context mark { background: #ffd43b; outline: 2px solid #b35900; }
#edit { background: #f8f9fa; border: 1px solid #ccc; padding: .5rem; margin: .5rem 0; }
#edit label { display: inline-block; margin: .2rem 1rem .2rem 0; font-size: .85rem; }
kbd { border: 1px solid #999; border-radius: 3px; padding: 0 .3rem; font-size: .8rem; background: #fff; }
footer { font-size: .8rem; padding: .25rem 1rem; border-top: 1px solid #ccc; background: #f3f4f6; }
</style>
</head>
<body>
<header>
<h1>extractor review</h1>
<span id="progress" aria-live="polite"></span>
<label>document <select id="filter-doc"><option value="">all</option></select></label>
<label>zone <select id="filter-zone"><option value="">all</option></select></label>
<label>metric_key <select id="filter-metric"><option value="">all</option></select></label>
<label>status <select id="filter-status"><option value="">all</option></select></label>
<label>review <select id="filter-review"><option value="">all</option><option value="-">to review</option>
<option value="accepted">accepted</option><option value="corrected">corrected</option>
<option value="rejected">rejected</option></select></label>
<a href="/report.html">documents</a>
<span id="orphaned"></span>
</header>
<main>
<ol id="queue" aria-label="review queue"></ol>
<section id="detail">
<div id="message" role="status"></div>
<div id="card"></div>
<form id="edit" hidden></form>
<div id="context"></div>
</section>
</main>
<footer><kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>e</kbd> edit
(<kbd>Enter</kbd> save, <kbd>Esc</kbd> cancel) · <kbd>u</kbd> undo</footer>
<script type="application/json" id="config">{{config}}</script>
<script>
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("config").textContent);
  const token = document.querySelector('meta[name="review-token"]').content;
  const filters = {doc: "filter-doc", zone: "filter-zone", metric_key: "filter-metric", status: "filter-status"};
  const queueList = document.getElementById("queue");
  const card = document.getElementById("card");
  const form = document.getElementById("edit");
  const context = document.getElementById("context");
  const message = document.getElementById("message");
  const texts = new Map();
  let items = [];
  let view = [];
  let index = 0;

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    for (const [name, value] of Object.entries(attrs || {})) { node.setAttribute(name, value); }
    return node;
  }
  function say(text, kind) { message.textContent = text; message.className = kind || ""; }

  async function api(path, body) {
    const options = body === undefined ? {} : {method: "POST", headers: {"Content-Type": "application/json", "X-Review-Token": token},
                                               body: JSON.stringify(body)};
    const response = await fetch(path, options);
    const data = await response.json();
    if (!response.ok) { throw new Error(data.error || response.statusText); }
    return data;
  }

  function fillFilter(id, values) {
    const select = document.getElementById(id);
    const chosen = select.value;
    select.replaceChildren(el("option", "all", {value: ""}));
    for (const value of Array.from(new Set(values)).filter(v => v !== "").sort()) { select.append(el("option", value, {value: value})); }
    select.value = chosen;
  }

  function progress() {
    const reviewed = items.filter(i => i.review).length;
    document.getElementById("progress").textContent = reviewed + " reviewed / " + (items.length - reviewed) + " to review";
  }

  function applyFilters(keep) {
    const current = view[index] && view[index].id;
    const wanted = {};
    for (const [field, id] of Object.entries(filters)) { wanted[field] = document.getElementById(id).value; }
    const review = document.getElementById("filter-review").value;
    view = items.filter(i => Object.entries(wanted).every(([field, value]) => !value || String(i[field]) === value)
                            && (!review || (review === "-" ? !i.review : i.review === review)));
    index = keep ? Math.max(0, view.findIndex(i => i.id === current)) : 0;
    renderQueue();
    show();
  }

  function renderQueue() {
    queueList.replaceChildren(...view.map((item, at) => {
      const li = el("li", null, {"data-id": item.id, "data-review": item.review || "", "data-status": item.status});
      li.append(el("span", item.review || (item.group === 0 ? item.status : "·"), {class: "badge"}),
                el("span", item.kind + " " + item.label, {class: "label"}), el("small", " " + item.doc));
      li.addEventListener("click", () => queued(() => { index = at; return show(); }));
      return li;
    }));
  }

  function row(table, name, value) {
    const tr = table.insertRow();
    tr.insertCell().textContent = name;
    tr.insertCell().textContent = value === null || value === undefined ? "" : String(value);
  }

  async function show() {
    form.hidden = true;
    for (const li of queueList.querySelectorAll("li.current")) { li.classList.remove("current"); }
    const item = view[index];
    if (!item) { card.replaceChildren(el("p", "nothing to review here")); context.replaceChildren(); return; }
    const li = queueList.children[index];
    li.classList.add("current");
    li.scrollIntoView({block: "nearest"});
    const table = el("table");
    row(table, "record", item.kind + " · " + item.label);
    row(table, "review", item.review || "not reviewed");
    table.rows[1].cells[1].className = "state";
    row(table, "status", item.status + (item.reason ? " (" + item.reason + ")" : ""));
    row(table, "confidence", item.confidence);
    for (const [name, value] of Object.entries(item.fields)) { row(table, name, value); }
    row(table, "document", item.doc + " · article " + item.article);
    card.replaceChildren(table);
    await showContext(item);
  }

  async function showContext(item) {
    if (!texts.has(item.doc)) { texts.set(item.doc, await api("/api/text?doc=" + encodeURIComponent(item.doc))); }
    if (view[index] !== item) { return; }
    const source = texts.get(item.doc);
    const article = source.articles.find(a => a.article === item.article) || {start: 0, end: source.text.length, title: ""};
    const text = source.text;
    let [from, to] = item.sentence;
    let [markFrom, markTo] = item.place;
    if (from === null) { from = to = article.start; }
    if (markFrom === null) { markFrom = markTo = from; }
    from = Math.max(article.start, Math.min(from, markFrom)); to = Math.min(article.end, Math.max(to, markTo));
    const sentence = el("span", null, {class: "sentence", id: "sentence"});
    sentence.append(document.createTextNode(text.slice(from, markFrom)), el("mark", text.slice(markFrom, markTo)),
                    document.createTextNode(text.slice(markTo, to)));
    context.replaceChildren(el("h3", article.title || item.doc), document.createTextNode(text.slice(article.start, from)), sentence,
                            document.createTextNode(text.slice(to, article.end)));
    sentence.scrollIntoView({block: "center"});
  }

  // keys take effect in the order they were pressed: "a" then "r" rejects the item after the accepted one,
  // even while the first answer is still on its way
  let busy = Promise.resolve();
  function queued(task) { busy = busy.then(task).catch((error) => say(error.message, "error")); return busy; }

  function move(step) {
    if (!view.length) { return undefined; }
    index = Math.min(view.length - 1, Math.max(0, index + step));
    return show();
  }

  async function act(action, fields) {
    const item = view[index];
    if (!item) { return; }
    try {
      const body = {id: item.id, place: item.place, action: action};
      if (fields) { body.fields = fields; }
      const answer = await api(action === "undo" ? "/api/undo" : "/api/decide", body);
      const fresh = answer.item;
      items[items.findIndex(i => i.id === item.id)] = fresh;
      view[index] = fresh;
      say(action === "undo" ? "undone: " + (fresh.review || "not reviewed") : fresh.review + ": " + fresh.label, "ok");
      progress();
      const li = queueList.children[index];
      li.dataset.review = fresh.review || "";
      li.querySelector(".badge").textContent = fresh.review || (fresh.group === 0 ? fresh.status : "·");
      li.querySelector(".label").textContent = fresh.kind + " " + fresh.label;
      await (action === "accept" || action === "reject" ? move(1) : show());
    } catch (error) {
      say(error.message, "error");
    }
  }

  function edit() {
    const item = view[index];
    if (!item) { return; }
    form.replaceChildren();
    for (const [name, value] of Object.entries(item.fields)) {
      const label = el("label", name + " ");
      let input;
      if (name === "measure" || name === "initiative_kind" || name === "target") {
        input = el("select");
        const options = name === "measure" ? config.measures : name === "initiative_kind" ? config.initiative_kinds : ["false", "true"];
        for (const option of options) { input.append(el("option", option, {value: option})); }
        input.value = name === "target" ? String(Boolean(value)) : value;
      } else {
        input = el("input", null, {type: "text", size: name === "subject" || name === "park" ? 24 : 12});
        input.value = value === null || value === undefined ? "" : String(value);
        if (name === "metric_key") { input.setAttribute("list", "metric-keys"); }
      }
      input.name = name;
      label.append(input);
      form.append(label);
    }
    const keys = el("datalist", null, {id: "metric-keys"});
    for (const key of config.metric_keys) { keys.append(el("option", null, {value: key})); }
    form.append(keys, el("button", "save (Enter)", {type: "submit"}), el("span", " Esc cancels"));
    form.hidden = false;
    const first = form.querySelector("input, select");
    if (first) { first.focus(); first.select && first.select(); }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const item = view[index];
    const fields = {};
    for (const input of form.querySelectorAll("input, select")) {
      if (!input.name) { continue; }
      let value = input.value;
      if (input.name === "target") { value = value === "true"; }
      if (value !== item.fields[input.name] && !(input.name === "target" && value === Boolean(item.fields.target))) {
        fields[input.name] = value;
      }
    }
    form.hidden = true;
    queued(() => act("correct", fields));
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    const typing = event.target.closest && event.target.closest("input, select, textarea");
    if (event.key === "Escape") { form.hidden = true; document.activeElement.blur(); return; }
    if (typing) { return; }
    const keys = {j: () => move(1), k: () => move(-1), a: () => act("accept"), r: () => act("reject"), e: edit, u: () => act("undo")};
    if (keys[event.key]) { event.preventDefault(); queued(keys[event.key]); }
  });

  for (const id of [...Object.values(filters), "filter-review"]) {
    document.getElementById(id).addEventListener("change", () => applyFilters(false));
  }

  api("/api/items").then((data) => {
    items = data.items;
    fillFilter("filter-doc", items.map(i => i.doc));
    fillFilter("filter-zone", items.map(i => i.zone));
    fillFilter("filter-metric", items.map(i => i.metric_key || ""));
    fillFilter("filter-status", items.map(i => i.status));
    if (data.orphaned.length) {
      document.getElementById("orphaned").textContent = data.orphaned.length + " decisions orphaned (their record is gone)";
    }
    progress();
    applyFilters(false);
    document.body.dataset.ready = "1";
  }).catch((error) => say(error.message, "error"));
})();
</script>
</body>
</html>
"""
