// parley dashboard: plain JavaScript, no framework, no CDN. Every piece of text from the user or
// the store is set with textContent (never innerHTML), so an article cannot inject markup.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
};

function status(message, error = false) {
  const s = $("#status");
  s.textContent = message;
  s.className = error ? "error" : "";
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const why = body && body.error ? body.error : response.statusText;
    throw new Error(`${response.status}: ${why}`);
  }
  return body;
}

function who(actors) {
  if (!actors || !actors.length) return "—";
  return actors.map(a => `${a.name || a.text} (${[a.country || a.org, a.sector].filter(Boolean).join(" ") || "?"})`).join(", ");
}

function whenWhere(ev) {
  const parts = [];
  if (ev.date) parts.push(`${ev.date}${ev.date_precision && ev.date_precision !== "day" ? " (" + ev.date_precision + ")" : ""}`);
  if (ev.location) parts.push(`${ev.location.name}${ev.location.country ? ", " + ev.location.country : ""}`);
  return parts.join(" · ");
}

// -- code an article ----------------------------------------------------------------------

function spansOf(events) {
  // every highlighted stretch of the text: actors, triggers, places, sources (first one wins on overlap)
  const spans = [];
  events.forEach((ev, i) => {
    for (const side of ["actor", "recipient"]) {
      for (const a of ev[side] || []) {
        spans.push({start: a.start, end: a.end, cls: "actor", event: i, country: a.country || "",
                    title: `${side}: ${[a.country || a.org, a.sector].filter(Boolean).join(" ")}${a.name ? " — " + a.name : ""}${a.role ? ", " + a.role : ""}`});
      }
    }
    for (const m of ev.mentions || []) {
      spans.push({start: m.trigger_start, end: m.trigger_end, cls: "trigger", event: i,
                  title: `${ev.event}${ev.mode ? "/" + ev.mode : ""} (CAMEO ${ev.cameo})`});
    }
    if (ev.location && ev.location.start !== null && ev.location.start !== undefined) {
      spans.push({start: ev.location.start, end: ev.location.end, cls: "place", event: i,
                  title: `place: ${ev.location.name}, ${ev.location.country || ""}`});
    }
    for (const s of ev.attribution || []) {
      if (s.start !== null && s.start !== undefined) spans.push({start: s.start, end: s.end, cls: "source", event: i, title: `source: ${s.kind}`});
    }
  });
  spans.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept = [];
  let last = -1;
  for (const s of spans) {
    if (s.start >= last && s.end > s.start) { kept.push(s); last = s.end; }
  }
  return kept;
}

function renderText(text, events) {
  const view = $("#doc-view");
  view.replaceChildren();
  let at = 0;
  for (const s of spansOf(events)) {
    if (s.start > at) view.append(document.createTextNode(text.slice(at, s.start)));
    const mark = el("mark", {class: s.cls, title: s.title, "data-event": s.event, "data-country": s.country || null},
                    text.slice(s.start, s.end));
    mark.addEventListener("mouseenter", () => focusEvent(s.event));
    view.append(mark);
    at = s.end;
  }
  view.append(document.createTextNode(text.slice(at)));
}

function focusEvent(i) {
  document.querySelectorAll("mark.focus").forEach(m => m.classList.remove("focus"));
  document.querySelectorAll(`mark[data-event="${i}"]`).forEach(m => m.classList.add("focus"));
}

function eventCard(ev, i, stored) {
  const card = el("div", {class: `event q${ev.quad_class}`, "data-event": i, "data-category": ev.event},
    el("div", {}, el("span", {class: "cat", text: ev.event}), " ", el("span", {class: "code", text: ev.cameo}),
       ev.mode ? ` ${ev.mode}` : "", ev.factuality !== "asserted" ? ` · ${ev.factuality}` : ""),
    el("div", {class: "dyad", text: `${who(ev.actor)} → ${who(ev.recipient)}${ev.reciprocal ? " (both ways)" : ""}`}),
    el("div", {class: "meta when-where", text: whenWhere(ev) || "no date or place"}),
    el("div", {class: "meta", text: `Goldstein ${ev.goldstein} · confidence ${ev.confidence}` +
                                    (ev.attribution.length ? ` · per ${ev.attribution.map(a => a.text).join(", ")}` : "")}));
  if (stored) card.append(el("a", {href: `#/event/${ev.event_id}`, text: "evidence and sources →"}));
  card.addEventListener("mouseenter", () => focusEvent(i));
  return card;
}

async function codeArticle(event) {
  event.preventDefault();
  const text = $("#text").value;
  if (!text.trim()) { status("paste an article first", true); return; }
  const body = {text};
  if ($("#pub-date").value) body.pub_date = $("#pub-date").value;
  if ($("#title").value) body.title = $("#title").value;
  const store = $("#store").checked;
  $("#code-btn").disabled = true;
  status("coding…");
  try {
    const result = await api(`/v1/documents?store=${store}`, {method: "POST", headers: {"Content-Type": "application/json"},
                                                             body: JSON.stringify(body)});
    renderText(text, result.events);
    const list = $("#coded-events");
    list.replaceChildren(...result.events.map((ev, i) => eventCard(ev, i, result.stored)));
    if (!result.events.length) list.append(el("p", {class: "empty", text: "No events in this text."}));
    $("#event-count").textContent = `(${result.events.length})`;
    $("#code-result").hidden = false;
    status(`${result.events.length} events${result.stored ? ", stored as " + result.doc_id : ""}`);
  } catch (e) {
    status(e.message, true);
  } finally {
    $("#code-btn").disabled = false;
  }
}

function readFile(event) {
  const file = event.target.files[0];
  if (!file) return;
  file.text().then(t => { $("#text").value = t; if (!$("#title").value) $("#title").value = file.name; });
}

// -- event browser ------------------------------------------------------------------------

function params(form) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) {
    if (String(v).trim()) String(v).split(",").forEach(x => x.trim() && p.append(k, x.trim()));
  }
  return p;
}

let nextPage = null;

async function searchEvents(event, append = false) {
  if (event) event.preventDefault();
  const p = params($("#filter-form"));
  p.set("limit", "50");
  if (append && nextPage) p.set("after", nextPage);
  status("searching…");
  try {
    const page = await api(`/v1/events?${p}`);
    const body = $("#events-table tbody");
    if (!append) body.replaceChildren();
    for (const ev of page.items) {
      const link = el("a", {href: `#/event/${ev.event_id}`, text: ev.event});
      body.append(el("tr", {"data-event-id": ev.event_id},
        el("td", {text: ev.date || ""}), el("td", {}, link), el("td", {class: "code", text: ev.cameo}),
        el("td", {text: who(ev.actor)}), el("td", {text: who(ev.recipient)}),
        el("td", {text: ev.location ? ev.location.name : ""}),
        el("td", {text: (ev.mentions || []).map(m => m.trigger).join("; ")})));
    }
    nextPage = page.next;
    $("#more").hidden = !nextPage;
    status(`${body.children.length} events${nextPage ? " (more)" : ""}`);
  } catch (e) {
    status(e.message, true);
  }
}

// -- one event ----------------------------------------------------------------------------

function sentenceWithTrigger(ev) {
  const s = el("div", {class: "evidence"});
  s.append(document.createTextNode(ev.text.slice(0, ev.trigger_start)),
           el("mark", {class: "trigger", text: ev.text.slice(ev.trigger_start, ev.trigger_end)}),
           document.createTextNode(ev.text.slice(ev.trigger_end)));
  return s;
}

async function showEvent(id) {
  const box = $("#event-detail");
  box.replaceChildren(el("p", {class: "empty", text: "loading…"}));
  try {
    const d = await api(`/v1/events/${encodeURIComponent(id)}`);
    const ev = d.event;
    const fields = el("dl", {class: "fields"});
    const add = (k, v) => fields.append(el("dt", {text: k}), el("dd", {text: v === null || v === undefined || v === "" ? "—" : v}));
    add("event", `${ev.event}${ev.mode ? "/" + ev.mode : ""} · CAMEO ${ev.cameo} · Goldstein ${ev.goldstein} · quad ${ev.quad_class}`);
    add("actor", who(ev.actor));
    add("recipient", who(ev.recipient) + (ev.reciprocal ? " (both ways)" : ""));
    add("date", ev.date ? `${ev.date} (${ev.date_precision}${ev.date_text ? ": “" + ev.date_text + "”" : ""})` : null);
    add("place", ev.location ? `${ev.location.name}, ${ev.location.country || ""} (${ev.location.lat}, ${ev.location.lon})` : null);
    add("factuality", ev.factuality);
    add("according to", ev.attribution.map(a => `${a.text} (${a.kind})`).join(", "));
    add("document", [d.document.title, d.document.publisher, d.document.pub_date, d.document.doc_id].filter(Boolean).join(" · "));
    box.replaceChildren(el("h2", {text: `${ev.event}: ${who(ev.actor)} → ${who(ev.recipient)}`}), fields,
                        el("h2", {text: "Evidence"}), ...d.evidence.map(sentenceWithTrigger));
    if (d.real_event) {
      box.append(el("h2", {text: `Sources: ${d.real_event.n_reports} reports in ${d.real_event.n_documents} documents from ${d.real_event.n_sources} sources`}));
      const list = el("ul", {id: "sources"});
      for (const s of d.sources) {
        const item = el("li", {}, el("a", {href: `#/event/${s.event_id}`, text: s.publisher || s.doc_id}),
                        ` ${s.pub_date || ""} — ${s.text || ""}`);
        if (s.url) item.append(" ", el("a", {href: s.url, rel: "noopener noreferrer", target: "_blank", text: "link"}));
        list.append(item);
      }
      box.append(list);
    }
    status(`event ${id}`);
  } catch (e) {
    box.replaceChildren(el("p", {class: "empty", text: e.message}));
    status(e.message, true);
  }
}

// -- routing ------------------------------------------------------------------------------

function route() {
  const [view, arg] = (location.hash.replace(/^#\//, "") || "code").split("/");
  // the dyad timeline and the network of old links are views of the dashboard now
  const name = ["dyads", "network"].includes(view) ? "dashboard"
    : ["code", "events", "event", "dashboard"].includes(view) ? view : "code";
  document.querySelectorAll(".view").forEach(v => { v.hidden = v.id !== `view-${name}`; });
  document.querySelectorAll("nav a[data-view]").forEach(a => a.classList.toggle("active", a.dataset.view === name));
  if (name === "event" && arg) showEvent(decodeURIComponent(arg));
  if (name === "events" && !$("#events-table tbody").children.length) searchEvents();
  if (name === "dashboard") showDashboard();
}

document.addEventListener("DOMContentLoaded", () => {
  $("#code-form").addEventListener("submit", codeArticle);
  $("#file").addEventListener("change", readFile);
  $("#filter-form").addEventListener("submit", e => searchEvents(e));
  $("#more").addEventListener("click", () => searchEvents(null, true));
  window.addEventListener("hashchange", route);
  route();
});
