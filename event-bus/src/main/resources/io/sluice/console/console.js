// The Sluice console: polls the admin API and renders it. No framework and no build step; the
// admin listener serves this file as it is. Every value from the API goes into the page through
// textContent, never as HTML, because event ids, types and causes come from outside.
"use strict";

(() => {
  const POLL_MS = 2000;
  // Relative, so the console also works behind a proxy that mounts the admin listener on a path.
  const API = "../api";
  const NUMBER = new Intl.NumberFormat("en");
  const RATE = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  let previous = null; // { at, counters } from the last poll, for rates
  let lettersShown = ""; // the letters last rendered, so a poll does not collapse what is open
  const expanded = new Set();

  // --- DOM helpers ---

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    });
    children.forEach((child) => node.append(child));
    return node;
  }

  const $ = (id) => document.getElementById(id);
  const num = (value, field) => el("td", { class: "num", "data-field": field, text: NUMBER.format(value) });
  const rate = (value, field) =>
    el("td", { class: "num", "data-field": field, text: value === null ? "–" : RATE.format(value) + "/s" });

  function fill(tbody, rows, columns, empty) {
    tbody.replaceChildren(...rows);
    if (rows.length === 0) {
      tbody.append(el("tr", {}, el("td", { colspan: String(columns), class: "empty", text: empty })));
    }
  }

  // --- counters ---

  // Labels arrive as Prometheus label text: source="q",outcome="delivered".
  function parseLabels(text) {
    const labels = {};
    for (const match of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[match[1]] = match[2].replace(/\\n/g, "\n").replace(/\\(.)/g, "$1");
    }
    return labels;
  }

  function indexCounters(counters) {
    return counters.map((c) => ({ name: c.name, labels: parseLabels(c.labels), value: c.value }));
  }

  // The sum of a family's counters whose labels include every wanted pair.
  function total(counters, name, wanted) {
    return counters
      .filter((c) => c.name === name && Object.entries(wanted).every(([k, v]) => c.labels[k] === v))
      .reduce((sum, c) => sum + c.value, 0);
  }

  function perSecond(now, name, wanted) {
    if (!previous) return null;
    const seconds = (now.at - previous.at) / 1000;
    if (seconds <= 0) return null;
    const delta = total(now.counters, name, wanted) - total(previous.counters, name, wanted);
    // A restarted process starts its counters again from zero.
    return Math.max(0, delta) / seconds;
  }

  // --- rendering ---

  function renderHeader(status) {
    const ready = $("ready");
    ready.textContent = status.ready ? "ready" : "not ready";
    ready.className = "badge " + (status.ready ? "ok" : "bad");
    const mode = $("mode");
    mode.textContent = status["allow-replay"] ? "replay enabled" : "read-only";
    mode.className = "badge " + (status["allow-replay"] ? "warn" : "neutral");
    $("updated").textContent = "updated " + new Date().toLocaleTimeString("en-GB");
  }

  function renderSummary(status, now) {
    const c = now.counters;
    $("sum-received").textContent = NUMBER.format(total(c, "sluice_source_events_total", {}));
    $("sum-delivered").textContent = NUMBER.format(total(c, "sluice_sink_deliveries_total", { outcome: "delivered" }));
    $("sum-dead").textContent = NUMBER.format(total(c, "sluice_dead_letters_total", {}));
    const open = Object.values(status.sinks).filter((s) => s.breaker === "OPEN" || s.breaker === "FORCED_OPEN").length;
    $("sum-open").textContent = String(open);
    $("sum-open").className = "value" + (open > 0 ? " alarm" : "");
  }

  function renderSources(status, now) {
    const rows = Object.entries(status.sources).map(([name, source]) => {
      const of = { source: name };
      const settled = (outcome) => total(now.counters, "sluice_source_settled_total", { source: name, outcome });
      return el("tr", { "data-source": name },
        el("td", { class: "name", text: name }),
        el("td", {}, connection(source.connected)),
        rate(perSecond(now, "sluice_source_events_total", of), "received-rate"),
        rate(perSecond(now, "sluice_source_settled_total", { source: name, outcome: "delivered" }), "delivered-rate"),
        num(total(now.counters, "sluice_source_events_total", of), "received"),
        num(settled("delivered"), "delivered"),
        num(settled("dead_lettered"), "dead-lettered"),
        num(settled("unrouted"), "unrouted"));
    });
    fill($("sources"), rows, 8, "No sources.");
  }

  function connection(connected) {
    return el("span", { class: "dot " + (connected ? "up" : "down"), text: connected ? "connected" : "disconnected" });
  }

  // CLOSED, OPEN and HALF_OPEN get colours; NONE (no breaker configured) and the rest stay grey.
  function breaker(state) {
    return el("span", { class: "breaker " + state.toLowerCase(), "data-field": "breaker", text: state });
  }

  function saturation(inflight, bound) {
    const share = bound > 0 ? Math.min(1, inflight / bound) : 0;
    const level = share >= 1 ? "full" : share >= 0.7 ? "high" : "low";
    const used = el("div", { class: "fill " + level, style: "width: " + (share * 100).toFixed(1) + "%" });
    const bar = el("div", { class: "bar", role: "meter", "aria-valuenow": inflight, "aria-valuemax": bound }, used);
    const text = NUMBER.format(inflight) + " / " + NUMBER.format(bound);
    return el("div", { class: "saturation" }, bar, el("span", { class: "num", text }));
  }

  function renderRoutes(status, now) {
    const rows = Object.entries(status.routes).map(([name, route]) =>
      el("tr", { "data-route": name },
        el("td", { class: "name", text: name }),
        el("td", { class: "wide" }, saturation(route.inflight, route["max-inflight"])),
        num(total(now.counters, "sluice_dead_letters_total", { route: name }), "dead-lettered")));
    fill($("routes"), rows, 3, "No routes.");
  }

  function renderSinks(status, now) {
    const rows = Object.entries(status.sinks).map(([name, sink]) => {
      const outcome = (o) => total(now.counters, "sluice_sink_deliveries_total", { sink: name, outcome: o });
      return el("tr", { "data-sink": name },
        el("td", { class: "name", text: name }),
        el("td", {}, breaker(sink.breaker)),
        num(sink.active, "active"),
        num(sink.queued, "queued"),
        num(sink.concurrency, "concurrency"),
        rate(perSecond(now, "sluice_sink_deliveries_total", { sink: name, outcome: "delivered" }), "delivered-rate"),
        num(outcome("delivered"), "delivered"),
        num(outcome("dead_lettered"), "dead-lettered"),
        num(total(now.counters, "sluice_sink_retries_total", { sink: name }), "retries"));
    });
    fill($("sinks"), rows, 9, "No sinks.");
  }

  function renderLetters(letters, allowReplay) {
    const shown = JSON.stringify([letters, allowReplay]);
    if (shown === lettersShown) return;
    lettersShown = shown;
    $("letter-count").textContent = letters.length >= 100 ? "(newest 100)" : "(" + letters.length + ")";
    const rows = letters.flatMap((letter) => letterRows(letter, allowReplay));
    fill($("letters"), rows, 8, "No dead letters.");
  }

  function letterRows(letter, allowReplay) {
    const event = letter.event || {};
    const detail = el("tr", { class: "detail" },
      el("td", { colspan: "8" }, el("pre", { text: JSON.stringify(event, null, 2) })));
    detail.hidden = !expanded.has(letter.id);
    const toggle = el("button", { class: "link", type: "button", title: "Show the event as JSON" });
    toggle.textContent = event.id || "(no id)";
    toggle.addEventListener("click", () => {
      detail.hidden = !detail.hidden;
      if (detail.hidden) expanded.delete(letter.id);
      else expanded.add(letter.id);
    });
    const actions = el("td", { class: "actions" });
    if (allowReplay) {
      const replay = el("button", { type: "button", class: "replay", "data-letter": letter.id, text: "Replay" });
      replay.addEventListener("click", () => replayLetter(letter.id, replay));
      actions.append(replay);
    }
    const row = el("tr", { "data-letter": letter.id },
      el("td", { class: "time", text: formatTime(letter.time) }),
      el("td", { text: letter.origin || "–" }),
      el("td", { text: letter.route || "–" }),
      el("td", { text: letter.sink || "–" }),
      num(letter.attempts, "attempts"),
      el("td", { class: "cause wide", title: letter["cause-type"] || "", text: letter.cause || "" }),
      el("td", { class: "event" }, toggle, el("span", { class: "muted type", text: event.type || "" })),
      actions);
    return [row, detail];
  }

  function formatTime(iso) {
    const time = new Date(iso);
    return isNaN(time) ? iso : time.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  }

  // --- API ---

  async function getJson(path) {
    // Same-origin fetches send the basic-auth credentials the browser cached when it loaded the page.
    const response = await fetch(API + path, { headers: { Accept: "application/json" }, cache: "no-store" });
    if (!response.ok) {
      throw new Error(response.status === 401
        ? "the admin API wants the admin token: reload and enter it as the password"
        : path + " answered " + response.status + ": " + (await response.text()).trim());
    }
    return response.json();
  }

  async function replayLetter(id, button) {
    if (!window.confirm("Replay dead letter " + id + " through its route now?")) return;
    button.disabled = true;
    const notice = $("replay-notice");
    try {
      const response = await fetch(API + "/dead-letters/" + encodeURIComponent(id) + "/replay", { method: "POST" });
      const text = await response.text();
      notice.textContent = response.ok
        ? "Replayed " + id + ": " + JSON.parse(text).outcome
        : "Replay of " + id + " failed: " + text.trim();
      notice.className = "notice " + (response.ok ? "ok" : "bad");
    } catch (failure) {
      notice.textContent = "Replay of " + id + " failed: " + failure.message;
      notice.className = "notice bad";
    }
    notice.hidden = false;
    button.disabled = false;
    poll();
  }

  function showProblem(message) {
    const problem = $("problem");
    problem.textContent = message || "";
    problem.hidden = !message;
  }

  let timer = null;

  async function poll() {
    clearTimeout(timer);
    try {
      const status = await getJson("/status");
      const now = { at: Date.now(), counters: indexCounters(status.counters) };
      renderHeader(status);
      renderSummary(status, now);
      renderSources(status, now);
      renderRoutes(status, now);
      renderSinks(status, now);
      previous = now;
      showProblem(null);
      try {
        renderLetters((await getJson("/dead-letters?limit=100")).letters, status["allow-replay"]);
      } catch (failure) {
        lettersShown = "";
        fill($("letters"), [], 8, "Dead letters unavailable: " + failure.message);
      }
    } catch (failure) {
      showProblem("Cannot read the status: " + failure.message);
      $("ready").textContent = "unknown";
      $("ready").className = "badge bad";
    }
    timer = setTimeout(poll, POLL_MS);
  }

  poll();
})();
