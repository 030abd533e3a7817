// ghotona web interface: one script, no framework, no build step.
//
// Safety rule: every piece of data (titles, bodies, names, snippets) enters
// the page as a text node (el() below, textContent).  This file never
// assigns innerHTML, and the server's Content-Security-Policy forbids inline
// script, so page text that looks like markup stays text.
"use strict";

(function () {
  // ---------------------------------------------------------------- labels
  const LABELS = {
    en: {
      skip: "Skip to content", loading: "Loading…",
      "nav.timeline": "Timeline", "nav.stories": "Stories", "nav.actors": "Actors", "nav.claims": "Figures", "nav.search": "Search",
      "search.label": "Search articles", "search.placeholder": "Search articles", "search.go": "Search",
      foot: "ghotona: Bengali news as a sourced record of political events.",
      timeline: "Timeline of events", events: "Events", zoom: "Zoom", year: "Years", month: "Months", day: "Days",
      all: "All", type: "Type", status: "Status", actor: "Actor id", outlet: "Outlet", since: "From", until: "To",
      mode: "Mode", apply: "Apply", reset: "Reset", any: "any",
      noEvents: "No events match. Widen the dates or clear a filter.",
      emptyStore: "The store holds no events yet. Run `ghotona demo` or `ghotona ingest PAGES/`, then reload.",
      undatedNote: "Bars count dated events only.",
      prev: "← Previous", next: "Next →", page: "Showing {a}–{b} of {n}",
      article: "Article", readArticle: "Read the article", evidence: "Evidence",
      per: "per", outletLabel: "Outlet", published: "Published", updated: "Updated", pageDate: "Page date",
      desk: "Desk", byline: "Byline", wires: "Cites", url: "Address", language: "Language", warnings: "Warnings",
      body: "Clean text", mentions: "Mentions", removed: "Removed as boilerplate", removedCount: "{n} lines removed",
      reason: "Reason", line: "Line", history: "Versions", claims: "Figures", noClaims: "No figures in this article.",
      articleEvents: "Events in this article", noArticleEvents: "No events coded in this article.",
      republished: "An older article served again under a later page date",
      stories: "Stories", noStories: "No stories yet.",
      noStoriesHelp: "This store has no stories: ghotona groups articles into stories once the story layer has run over the store. The events, actors and articles are all browsable meanwhile.",
      storyMissing: "No such story.", outletsSide: "Outlets side by side", conflicting: "Conflicting figures and dates", dateWord: "date",
      actors: "Actors", actorSearch: "Find an actor (English or Bengali)", roles: "Roles over time", noRoles: "No dated roles in the dictionary.",
      network: "Who interacts with whom", noNetwork: "No shared events with other actors yet.",
      actorEvents: "Events", actorArticles: "Articles naming this actor", present: "now", beforeRecords: "…",
      notInDictionary: "Found by the name tagger; not in the dictionary.",
      search: "Search", results: "{n} articles", noResults: "Nothing found. Try fewer words or another spelling.",
      figures: "Figures and who claims them", counted: "Counted", value: "Figure", claimant: "According to", text: "As written",
      figuresHelp: "Figures of the same kind from different outlets, side by side. Differences are shown, never settled.",
      notFound: "Not found.", error: "Something went wrong: ",
      person: "person", country: "country", organisation: "organisation", place: "place",
      occurred: "occurred", planned: "planned", hypothetical: "hypothetical", negated: "negated", historical: "historical",
      dateFallback: "date taken from the publication date (the text gave none)",
      dateNewsDay: "date taken from the day of the lead's news (the text gave none for this event)",
      eventsCount: "{n} events", articlesCount: "{n} articles", onTimeline: "See on the timeline",
      toggle: "বাংলা", toggleLabel: "বাংলায় দেখুন (switch to Bengali)",
    },
    bn: {
      skip: "মূল অংশে যান", loading: "লোড হচ্ছে…",
      "nav.timeline": "সময়রেখা", "nav.stories": "ঘটনাপ্রবাহ", "nav.actors": "ব্যক্তি ও সংস্থা", "nav.claims": "পরিসংখ্যান", "nav.search": "খুঁজুন",
      "search.label": "খবর খুঁজুন", "search.placeholder": "খবর খুঁজুন", "search.go": "খুঁজুন",
      foot: "ঘটনা: বাংলা সংবাদ থেকে সূত্রসহ রাজনৈতিক ঘটনার নথি।",
      timeline: "ঘটনার সময়রেখা", events: "ঘটনা", zoom: "মাপ", year: "বছর", month: "মাস", day: "দিন",
      all: "সব", type: "ধরন", status: "অবস্থা", actor: "পক্ষের আইডি", outlet: "সংবাদমাধ্যম", since: "শুরু", until: "শেষ",
      mode: "প্রকার", apply: "প্রয়োগ", reset: "মুছুন", any: "যেকোনো",
      noEvents: "কোনো ঘটনা মেলেনি। তারিখ বাড়ান বা একটি ছাঁকনি সরান।",
      emptyStore: "এখনো কোনো ঘটনা সংরক্ষিত নেই। `ghotona demo` বা `ghotona ingest PAGES/` চালিয়ে আবার লোড করুন।",
      undatedNote: "শুধু তারিখযুক্ত ঘটনা গোনা হয়েছে।",
      prev: "← আগের", next: "পরের →", page: "{n}টির মধ্যে {a}–{b}",
      article: "খবর", readArticle: "খবরটি পড়ুন", evidence: "প্রমাণ",
      per: "সূত্র", outletLabel: "সংবাদমাধ্যম", published: "প্রকাশ", updated: "হালনাগাদ", pageDate: "পাতার তারিখ",
      desk: "ডেস্ক", byline: "প্রতিবেদক", wires: "উদ্ধৃত সূত্র", url: "ঠিকানা", language: "ভাষা", warnings: "সতর্কতা",
      body: "মূল লেখা", mentions: "উল্লেখ", removed: "বাদ দেওয়া অংশ", removedCount: "{n}টি লাইন বাদ",
      reason: "কারণ", line: "লাইন", history: "সংস্করণ", claims: "পরিসংখ্যান", noClaims: "এই খবরে কোনো পরিসংখ্যান নেই।",
      articleEvents: "এই খবরের ঘটনা", noArticleEvents: "এই খবরে কোনো ঘটনা পাওয়া যায়নি।",
      republished: "পুরোনো খবর, পরের তারিখের পাতায় আবার প্রকাশিত",
      stories: "ঘটনাপ্রবাহ", noStories: "এখনো কোনো ঘটনাপ্রবাহ নেই।",
      noStoriesHelp: "এই ভান্ডারে ঘটনাপ্রবাহ তৈরি হয়নি। ঘটনা, ব্যক্তি ও খবর এখনই দেখা যাবে।",
      storyMissing: "এমন কোনো ঘটনাপ্রবাহ নেই।", outletsSide: "সংবাদমাধ্যম পাশাপাশি", conflicting: "পরস্পরবিরোধী সংখ্যা ও তারিখ", dateWord: "তারিখ",
      actors: "ব্যক্তি ও সংস্থা", actorSearch: "নাম লিখুন (বাংলা বা ইংরেজি)", roles: "সময়ের সঙ্গে পদ", noRoles: "অভিধানে তারিখসহ কোনো পদ নেই।",
      network: "কে কার সঙ্গে", noNetwork: "অন্য কারও সঙ্গে এখনো কোনো ঘটনা নেই।",
      actorEvents: "ঘটনা", actorArticles: "যেসব খবরে নাম আছে", present: "বর্তমান", beforeRecords: "…",
      notInDictionary: "নাম শনাক্তকারী খুঁজে পেয়েছে; অভিধানে নেই।",
      search: "খুঁজুন", results: "{n}টি খবর", noResults: "কিছু পাওয়া যায়নি। কম শব্দে বা অন্য বানানে চেষ্টা করুন।",
      figures: "পরিসংখ্যান ও দাবিদার", counted: "যা গোনা", value: "সংখ্যা", claimant: "যার দাবি", text: "লেখায় যেমন",
      figuresHelp: "একই বিষয়ের সংখ্যা, ভিন্ন সংবাদমাধ্যম থেকে, পাশাপাশি। পার্থক্য দেখানো হয়, মীমাংসা করা হয় না।",
      notFound: "পাওয়া যায়নি।", error: "সমস্যা হয়েছে: ",
      person: "ব্যক্তি", country: "দেশ", organisation: "সংস্থা", place: "স্থান",
      occurred: "ঘটেছে", planned: "পরিকল্পিত", hypothetical: "সম্ভাব্য", negated: "ঘটেনি", historical: "অতীত প্রসঙ্গ",
      dateFallback: "লেখায় তারিখ নেই; প্রকাশের তারিখ ধরা হয়েছে",
      dateNewsDay: "এই ঘটনার তারিখ লেখায় নেই; মূল খবরের দিনটি ধরা হয়েছে",
      eventsCount: "{n}টি ঘটনা", articlesCount: "{n}টি খবর", onTimeline: "সময়রেখায় দেখুন",
      toggle: "English", toggleLabel: "Switch to English",
    },
  };
  let lang = "en";
  try {
    lang = localStorage.getItem("ghotona.lang") || ((navigator.language || "").startsWith("bn") ? "bn" : "en");
  } catch (e) { /* storage off: keep the default */ }
  if (!LABELS[lang]) lang = "en";

  function t(key, vars) {
    let s = (LABELS[lang] && LABELS[lang][key]) || LABELS.en[key] || key;
    if (vars) for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
    return s;
  }

  // ---------------------------------------------------------------- DOM
  // el("a", {href: "/x", class: "y"}, "text", child) -- strings become text nodes.
  function el(tag, attrs, ...children) {
    // "svg:a" is a link inside an SVG drawing (the HTML <a> would not render there).
    const svg = tag.startsWith("svg:") || ["svg", "g", "line", "circle", "rect", "text", "title"].includes(tag);
    if (tag.startsWith("svg:")) tag = tag.slice(4);
    const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : String(v));
      }
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(node, c);
      else if (c instanceof Node) node.appendChild(c);
      else node.appendChild(document.createTextNode(String(c)));
    }
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  const main = () => document.getElementById("main");

  // Text with [start, end) spans wrapped in <mark> (or made by wrap()).
  function marked(text, spans, wrap) {
    const out = [];
    let pos = 0;
    const sorted = (spans || []).filter((s) => s && s[0] < s[1]).sort((a, b) => a[0] - b[0]);
    for (const s of sorted) {
      const a = Math.max(s[0], pos), b = Math.min(s[1], text.length);
      if (a >= b) continue;
      if (a > pos) out.push(text.slice(pos, a));
      out.push(wrap ? wrap(text.slice(a, b), s) : el("mark", null, text.slice(a, b)));
      pos = b;
    }
    if (pos < text.length) out.push(text.slice(pos));
    return out;
  }

  // ---------------------------------------------------------------- data
  async function api(path, params) {
    const url = new URL(path, location.origin);
    if (params) for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await r.json().catch(() => null);
    if (!r.ok) {
      const err = new Error((body && body.error && body.error.message) || r.statusText);
      err.status = r.status;
      throw err;
    }
    return body;
  }
  let META = null;
  async function meta() { if (!META) META = await api("/api/meta"); return META; }

  const q = () => new URLSearchParams(location.search);
  function href(path, params) {
    const u = new URL(path, location.origin);
    if (params) for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") u.searchParams.set(k, v);
    return u.pathname + u.search;
  }
  const seg = (s) => encodeURIComponent(s);
  const day = (iso) => (iso ? String(iso).slice(0, 10) : "");
  const stamp = (iso) => (iso ? String(iso).slice(0, 16).replace("T", " ") : "");

  // ---------------------------------------------------------------- pieces
  function typeName(type) {
    const m = META && META.event_types.find((x) => x.name === type);
    return m ? m.name_bn : null;
  }
  function actorLink(p) {
    const shown = p.name_bn || p.text || p.name_en || p.id;
    const inner = [el("span", { lang: "bn" }, shown)];
    if (p.name_en && p.name_en !== shown) inner.push(" ", el("span", { class: "name-en", lang: "en" }, "(" + p.name_en + ")"));
    return p.id ? el("a", { href: "/actor/" + seg(p.id) }, inner) : el("span", null, inner);
  }
  function people(list) {
    const out = [];
    (list || []).forEach((p, i) => { if (i) out.push(", "); out.push(actorLink(p)); });
    return out;
  }
  function statusBadge(s) { return el("span", { class: "badge status-" + s }, t(s)); }

  function eventCard(e, opts) {
    opts = opts || {};
    const tn = typeName(e.event);
    const head = el("header", null,
      el("span", { class: "date" }, e.date || "—", e.date_how === "publication-fallback" ? el("abbr", { title: t("dateFallback") }, "*")
        : e.date_how === "news-day" ? el("abbr", { title: t("dateNewsDay") }, "*") : null),
      el("span", { class: "type" }, e.event, e.mode ? " · " + e.mode : ""),
      tn ? el("span", { lang: "bn", class: "muted" }, tn) : null,
      statusBadge(e.status),
      e.cameo ? el("span", { class: "muted small" }, "CAMEO " + e.cameo) : null);
    const who = el("div", { class: "who" }, people(e.actor),
      e.recipient && e.recipient.length ? [el("span", { class: "arrow", "aria-hidden": "true" }, "→"), people(e.recipient)] : null,
      e.location ? [" @ ", actorLink(e.location)] : null);
    const ev = (e.evidence || [])[0];
    let quote = null;
    if (ev) {
      const s0 = ev.sentence_span[0];
      quote = el("blockquote", { class: "evidence", lang: "bn" },
        marked(ev.sentence, [[ev.trigger_span[0] - s0, ev.trigger_span[1] - s0]]));
    }
    const att = e.attribution || {};
    const src = (att.sources || []).map((s) => s.name_en || s.text);
    const line = el("div", { class: "meta-line" },
      att.outlet ? el("span", { lang: "bn" }, att.outlet) : null,
      src.length ? " · " + t("per") + " " + src.join(", ") : "",
      opts.noArticle ? null : [" · ", el("a", { href: "/article/" + seg(e.article_id) }, t("readArticle"))]);
    return el("li", { class: "card event", "data-event": e.id }, head, who, quote, line);
  }

  function pager(total, limit, offset, base) {
    if (total <= limit && offset === 0) return total ? el("p", { class: "muted small" }, t("page", { a: 1, b: total, n: total })) : null;
    const p = q();
    const link = (off, label) => { p.set("offset", String(off)); return el("a", { href: base + "?" + p.toString(), class: "button secondary" }, label); };
    return el("nav", { class: "pager", "aria-label": "pages" },
      offset > 0 ? link(Math.max(0, offset - limit), t("prev")) : null,
      el("span", { class: "muted" }, t("page", { a: offset + 1, b: Math.min(total, offset + limit), n: total })),
      offset + limit < total ? link(offset + limit, t("next")) : null);
  }

  function empty(text, extra) { return el("div", { class: "empty", role: "status" }, el("p", null, text), extra || null); }

  // ---------------------------------------------------------------- timeline
  const PERIOD_NEXT = { year: "month", month: "day", day: "day" };
  function periodRange(period, key) {
    if (period === "year") return [key + "-01-01", key + "-12-31"];
    if (period === "month") {
      const [y, m] = key.split("-").map(Number);
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return [key + "-01", key + "-" + String(last).padStart(2, "0")];
    }
    return [key, key];
  }

  async function pageTimeline() {
    const m = await meta();
    const p = q();
    const period = ["year", "month", "day"].includes(p.get("period")) ? p.get("period") : "year";
    const filters = {};
    for (const k of ["type", "status", "actor", "outlet", "since", "until", "mode"]) if (p.get(k)) filters[k] = p.get(k);
    const offset = Number(p.get("offset") || 0);
    const [tl, evs] = await Promise.all([
      api("/api/timeline", Object.assign({ period }, filters)),
      api("/api/events", Object.assign({ limit: 25, offset }, filters)),
    ]);
    const root = main();
    clear(root);
    root.append(el("h1", null, t("timeline")));

    // filters: a plain GET form, so every view has an address to share
    const sel = (name, options) => el("select", { name, id: "f-" + name },
      el("option", { value: "" }, t("any")),
      options.map(([v, label]) => el("option", { value: v, selected: filters[name] === v }, label)));
    const form = el("form", { class: "filters", method: "get", action: "/timeline" },
      el("input", { type: "hidden", name: "period", value: period }),
      el("label", { for: "f-type" }, t("type"), sel("type", m.event_types.map((x) => [x.name, x.name + " · " + x.name_bn]))),
      el("label", { for: "f-status" }, t("status"), sel("status", m.statuses.map((s) => [s, t(s)]))),
      el("label", { for: "f-actor" }, t("actor"), el("input", { id: "f-actor", name: "actor", value: filters.actor || "", size: 12, placeholder: "Q7747" })),
      el("label", { for: "f-outlet" }, t("outlet"), el("input", { id: "f-outlet", name: "outlet", value: filters.outlet || "", size: 12 })),
      el("label", { for: "f-since" }, t("since"), el("input", { id: "f-since", name: "since", value: filters.since || "", size: 10, placeholder: "2024-01-01" })),
      el("label", { for: "f-until" }, t("until"), el("input", { id: "f-until", name: "until", value: filters.until || "", size: 10, placeholder: "2025-12-31" })),
      el("div", { class: "actions" }, el("button", { type: "submit" }, t("apply")),
        el("a", { class: "button secondary", href: "/timeline" }, t("reset"))));
    root.append(form);

    // zoom: years -> months -> days; a bar narrows the dates and zooms in
    const zoom = el("div", { class: "zoom", role: "group", "aria-label": t("zoom") }, el("span", { class: "muted" }, t("zoom") + ":"),
      ["year", "month", "day"].map((per) => el("a", { class: "button secondary", role: "button", "aria-pressed": String(per === period),
        href: href("/timeline", Object.assign({}, filters, { period: per })) }, t(per))));
    root.append(zoom);
    if (filters.since || filters.until) {
      const up = Object.assign({}, filters);
      delete up.since; delete up.until;
      root.append(el("p", { class: "crumbs" }, (filters.since || "…") + " – " + (filters.until || "…"), " · ",
        el("a", { href: href("/timeline", Object.assign(up, { period: "year" })) }, t("all"))));
    }
    if (tl.buckets.length) {
      const max = Math.max(...tl.buckets.map((b) => b.count));
      const chart = el("div", { class: "chart", role: "list", "aria-label": t("timeline") });
      const labels = el("div", { class: "chart-labels", "aria-hidden": "true" });
      for (const b of tl.buckets) {
        const [a, z] = periodRange(period, b.period);
        const fill = el("span", { class: "fill" });
        fill.style.height = Math.max(2, Math.round((b.count / max) * 100)) + "%"; // CSSOM: allowed by the CSP
        chart.append(el("a", { class: "bar", role: "listitem", "data-period": b.period, title: b.period + ": " + b.count,
          "aria-label": b.period + ": " + t("eventsCount", { n: b.count }),
          href: href("/timeline", Object.assign({}, filters, { since: a, until: z, period: PERIOD_NEXT[period] })) },
        el("span", { class: "n" }, String(b.count)), fill));
        labels.append(el("span", null, b.period));
      }
      root.append(chart, labels, el("p", { class: "muted small" }, t("undatedNote")));
    }
    root.append(el("h2", null, t("events"), " ", el("span", { class: "muted small" }, t("eventsCount", { n: evs.total }))));
    if (!evs.total) {
      root.append(empty(m.counts.events ? t("noEvents") : t("emptyStore")));
      return;
    }
    root.append(el("ul", { class: "cards", id: "events" }, evs.items.map((e) => eventCard(e))));
    const pg = pager(evs.total, evs.limit, evs.offset, "/timeline");
    if (pg) root.append(pg);
  }

  // ---------------------------------------------------------------- article
  async function pageArticle(id) {
    await meta();
    const [a, evs, cl] = await Promise.all([
      api("/api/articles/" + seg(id)),
      api("/api/events", { article: id, limit: 200 }),
      api("/api/claims", { article: id, limit: 200 }),
    ]);
    const root = main();
    clear(root);
    document.title = (a.title || a.id) + " · ghotona";
    root.append(el("p", { class: "muted small" }, t("article"), " · ", a.id));
    root.append(el("h1", { lang: a.language || "bn" }, a.title || "—"));
    if (a.republished) root.append(el("p", { class: "badge status-planned" }, t("republished")));
    const dl = el("dl", { class: "meta" });
    const row = (k, v) => { if (v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)) dl.append(el("dt", null, t(k)), el("dd", null, v)); };
    row("outletLabel", a.outlet ? el("span", { lang: "bn" }, a.outlet) : null);
    row("published", stamp(a.published));
    row("updated", stamp(a.updated));
    row("pageDate", day(a.page_date));
    row("desk", a.desk);
    row("byline", a.byline);
    row("wires", (a.wire_sources || []).join(", "));
    row("url", a.url ? el("span", null, a.url) : null); // shown, not linked: the page is offline-first
    row("language", a.language);
    row("warnings", (a.warnings || []).length ? el("ul", { class: "warn-list" }, a.warnings.map((w) => el("li", null, w))) : null);
    root.append(dl);

    // clean text, with actor mentions marked and linked
    root.append(el("h2", null, t("body")));
    root.append(el("div", { class: "legend", "aria-hidden": "true" },
      ["person", "country", "organisation", "place"].map((k) => el("span", { class: "mention " + k }, t(k)))));
    const body = el("div", { class: "body", lang: a.language || "bn", id: "article-body" });
    const mentions = a.actor_mentions || [];
    let start = 0;
    for (const para of a.paragraphs) {
      const end = start + para.length;
      const spans = mentions.filter((mm) => mm.start >= start && mm.end <= end).map((mm) => [mm.start - start, mm.end - start, mm]);
      body.append(el("p", null, marked(para, spans, (text, s) => {
        const mm = s[2];
        const label = (mm.name_en || "") + (mm.role ? " · " + mm.role : "");
        return mm.actor_id
          ? el("a", { class: "mention " + mm.type, href: "/actor/" + seg(mm.actor_id), title: label, "data-actor": mm.actor_id }, text)
          : el("span", { class: "mention " + mm.type, title: label }, text);
      })));
      start = end + 2; // paragraphs are joined by a blank line
    }
    root.append(body);

    root.append(el("h2", null, t("articleEvents"), " ", el("span", { class: "muted small" }, t("eventsCount", { n: evs.total }))));
    root.append(evs.total ? el("ul", { class: "cards" }, evs.items.map((e) => eventCard(e, { noArticle: true }))) : el("p", { class: "muted" }, t("noArticleEvents")));

    root.append(el("h2", null, t("claims")));
    root.append(cl.total ? claimsTable(cl.items, false) : el("p", { class: "muted" }, t("noClaims")));

    const removed = a.removed || [];
    root.append(el("h2", null, t("removed")));
    root.append(el("details", { id: "removed" }, el("summary", null, t("removedCount", { n: removed.length })),
      el("div", { class: "table-wrap" }, el("table", null,
        el("thead", null, el("tr", null, el("th", { scope: "col" }, t("line")), el("th", { scope: "col" }, t("reason")))),
        el("tbody", null, removed.map((r) => el("tr", null, el("td", { lang: "bn" }, r.text), el("td", null, r.reason))))))));
    if ((a.history || []).length > 1) {
      root.append(el("h2", null, t("history")));
      root.append(el("ol", null, a.history.map((h) => el("li", null, stamp(h.stored_at), " · ", h.title || ""))));
    }
  }

  function claimsTable(items, withOutlet) {
    return el("div", { class: "table-wrap" }, el("table", { class: "figures" },
      el("thead", null, el("tr", null,
        el("th", { scope: "col" }, t("value")), el("th", { scope: "col" }, t("counted")),
        el("th", { scope: "col" }, t("claimant")), el("th", { scope: "col" }, t("text")),
        withOutlet ? el("th", { scope: "col" }, t("outletLabel")) : null)),
      el("tbody", null, items.map((c) => el("tr", null,
        el("td", { class: "value" }, fmtValue(c)),
        el("td", null, c.counted === "date" ? t("dateWord") : c.counted),
        el("td", null, c.claimant || "—"),
        el("td", { lang: "bn" }, c.text),
        withOutlet ? el("td", null, el("a", { href: "/article/" + seg(c.article_id) }, c.outlet || c.article_id), " ",
          el("span", { class: "muted small" }, day(c.published))) : null)))));
  }
  function fmtValue(c) {
    if (c.date) return c.date;  // a side of a date conflict: the date it gives
    const n = (v) => Number(v).toLocaleString(lang === "bn" ? "bn-BD" : "en-US");
    let s = n(c.value) + (c.value_max !== null && c.value_max !== undefined ? "–" + n(c.value_max) : "");
    if (c.unit === "percent") s += "%";
    else if (c.unit === "money" && c.currency) s += " " + c.currency;
    else if (c.unit && c.unit !== "count") s += " " + c.unit;
    if (c.bound && !["exact", "range"].includes(c.bound)) s = c.bound + " " + s;
    return s;
  }

  // ---------------------------------------------------------------- actor
  async function pageActor(id) {
    await meta();
    const a = await api("/api/actors/" + seg(id), { limit: 25, offset: Number(q().get("offset") || 0) });
    const root = main();
    clear(root);
    document.title = (a.name_en || a.name_bn || a.id) + " · ghotona";
    root.append(el("p", { class: "muted small" }, t(a.type) || a.type, " · ", a.id, a.country ? " · " + a.country : ""));
    root.append(el("h1", null, el("span", { lang: "bn" }, a.name_bn || ""), a.name_en ? [" ", el("span", { class: "name-en", lang: "en" }, a.name_en)] : null));
    if (!a.in_dictionary) root.append(el("p", { class: "muted" }, t("notInDictionary")));
    if ((a.aliases || []).length) root.append(el("p", { class: "muted small", lang: "bn" }, a.aliases.join(" · ")));
    root.append(el("p", null, el("a", { href: href("/timeline", { actor: a.id, period: "month" }) }, t("onTimeline")), " · ",
      t("eventsCount", { n: a.n_events }), " · ", t("articlesCount", { n: a.n_articles })));

    const two = el("div", { class: "two" });
    two.append(el("section", { class: "roles", "aria-labelledby": "h-roles" }, el("h2", { id: "h-roles" }, t("roles")), rolesChart(a.roles || [])));
    two.append(el("section", { class: "network", "aria-labelledby": "h-net" }, el("h2", { id: "h-net" }, t("network")), networkChart(a)));
    root.append(two);

    root.append(el("h2", null, t("actorEvents"), " ", el("span", { class: "muted small" }, t("eventsCount", { n: a.n_events }))));
    if (a.events.length) {
      root.append(el("ul", { class: "cards" }, a.events.map((e) => eventCard(e))));
      const pg = pager(a.n_events, 25, Number(q().get("offset") || 0), "/actor/" + seg(a.id));
      if (pg) root.append(pg);
    } else root.append(el("p", { class: "muted" }, t("noEvents")));
    root.append(el("h2", null, t("actorArticles")));
    root.append(el("ul", null, a.articles.map((x) => el("li", null,
      el("a", { href: "/article/" + seg(x.id), lang: "bn" }, x.title || x.id), " ",
      el("span", { class: "muted small" }, [x.outlet, day(x.published)].filter(Boolean).join(" · "))))));
  }

  function rolesChart(roles) {
    if (!roles.length) return el("p", { class: "muted" }, t("noRoles"));
    const today = new Date().toISOString().slice(0, 10);
    const years = (d) => Number(d.slice(0, 4)) + (Number(d.slice(5, 7)) - 1) / 12;
    const starts = roles.map((r) => years(r.start || r.end || today));
    const lo = Math.floor(Math.min(...starts)), hi = Math.ceil(years(today)) + 0.001;
    const W = 560, L = 0, rowH = 34, H = roles.length * rowH + 26;
    const x = (v) => L + ((v - lo) / (hi - lo)) * W;
    const svg = el("svg", { viewBox: "0 0 " + (W + 10) + " " + H, role: "img", "aria-label": t("roles") });
    roles.forEach((r, i) => {
      const a = r.start ? years(r.start) : lo, b = r.end ? years(r.end) + 1 / 12 : years(today);
      const y = i * rowH;
      const label = r.role_name + (r.of_name ? " — " + r.of_name : "") + ": " + (r.start || t("beforeRecords")) + " – " + (r.end || t("present"));
      svg.append(el("g", null, el("title", null, label),
        el("rect", { class: "bar-role" + (r.end ? "" : " open"), x: x(a).toFixed(1), y: y + 16, width: Math.max(3, x(b) - x(a)).toFixed(1), height: 12, rx: 2 }),
        el("text", { x: 2, y: y + 12 }, label)));
    });
    for (let yr = Math.ceil(lo); yr <= hi; yr += Math.max(1, Math.round((hi - lo) / 6))) {
      svg.append(el("text", { x: Math.min(W - 20, x(yr)).toFixed(1), y: H - 4, class: "muted" }, String(yr)));
    }
    const table = el("table", { class: "small" }, el("tbody", null, roles.map((r) => el("tr", null,
      el("td", null, r.role_name, r.of_name ? " — " + r.of_name : ""), el("td", null, (r.start || t("beforeRecords")) + " – " + (r.end || t("present")))))));
    return [svg, el("details", null, el("summary", null, t("roles")), table)];
  }

  function networkChart(a) {
    const nodes = a.nodes || [], edges = a.edges || [];
    const others = nodes.filter((n) => n.id !== a.id).slice(0, 14);
    if (!others.length) return el("p", { class: "muted" }, t("noNetwork"));
    const W = 520, H = 400, cx = W / 2, cy = H / 2, R = 150;
    const pos = { [a.id]: [cx, cy] };
    others.forEach((n, i) => { const ang = (2 * Math.PI * i) / others.length - Math.PI / 2; pos[n.id] = [cx + R * Math.cos(ang), cy + R * Math.sin(ang)]; });
    const maxW = Math.max(1, ...edges.map((e) => e.weight));
    const svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "group", "aria-label": t("network") });
    for (const e of edges) {
      if (!pos[e.source] || !pos[e.target]) continue;
      const [x1, y1] = pos[e.source], [x2, y2] = pos[e.target];
      svg.append(el("line", { class: "edge", x1: x1.toFixed(1), y1: y1.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1),
        "stroke-width": (1 + (4 * e.weight) / maxW).toFixed(1) }, el("title", null, e.weight + " · " + e.types.join(", "))));
    }
    const self = nodes.find((n) => n.id === a.id) || { id: a.id, name_en: a.name_en, name_bn: a.name_bn };
    for (const n of [self, ...others]) {
      const [x, y] = pos[n.id];
      const isSelf = n.id === a.id;
      const name = n.name_en || n.name_bn || n.id;
      const g = el("g", { class: "node" + (isSelf ? " self" : "") },
        el("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: isSelf ? 14 : 9 }),
        el("text", { x: x.toFixed(1), y: (y + (y < cy ? -14 : 24)).toFixed(1), "text-anchor": "middle" }, name));
      svg.append(isSelf ? g : el("svg:a", { href: "/actor/" + seg(n.id), "aria-label": name + " (" + n.weight + ")" }, g));
    }
    const list = el("ul", { class: "small" }, others.map((n) => el("li", null,
      el("a", { href: "/actor/" + seg(n.id) }, n.name_en || n.id), n.name_bn ? [" ", el("span", { lang: "bn", class: "muted" }, n.name_bn)] : null,
      " · " + t("eventsCount", { n: n.weight }))));
    return [svg, el("details", null, el("summary", null, t("network")), list)];
  }

  async function pageActors() {
    const p = q();
    const query = p.get("q") || "";
    const offset = Number(p.get("offset") || 0);
    const res = await api("/api/actors", { q: query, limit: 50, offset });
    const root = main();
    clear(root);
    root.append(el("h1", null, t("actors")));
    root.append(el("form", { class: "filters", method: "get", action: "/actors", role: "search" },
      el("label", { for: "actor-q" }, t("actorSearch"), el("input", { id: "actor-q", name: "q", value: query, type: "search" })),
      el("div", { class: "actions" }, el("button", { type: "submit" }, t("search.go")))));
    root.append(el("ul", { class: "cards" }, res.items.map((x) => el("li", { class: "card" },
      el("a", { href: "/actor/" + seg(x.id) }, el("span", { lang: "bn" }, x.name_bn || ""), " ", el("span", { class: "name-en" }, x.name_en || "")),
      " ", el("span", { class: "muted small" }, t(x.type), " · ", x.id)))));
    const pg = pager(res.total, 50, offset, "/actors");
    if (pg) root.append(pg);
  }

  // ---------------------------------------------------------------- search
  async function pageSearch() {
    const p = q();
    const query = (p.get("q") || "").trim();
    const offset = Number(p.get("offset") || 0);
    const root = main();
    clear(root);
    root.append(el("h1", null, t("search")));
    const input = el("input", { id: "search-q", name: "q", value: query, type: "search", size: 30 });
    root.append(el("form", { class: "filters", method: "get", action: "/search", role: "search" },
      el("label", { for: "search-q" }, t("search.label"), input),
      el("div", { class: "actions" }, el("button", { type: "submit" }, t("search.go")))));
    if (!query) { input.focus(); return; }
    const res = await api("/api/search", { q: query, limit: 20, offset });
    root.append(el("p", { class: "muted", role: "status" }, t("results", { n: res.total })));
    if (!res.total) { root.append(empty(t("noResults"))); return; }
    root.append(el("ol", { class: "cards", id: "results", start: offset + 1 }, res.items.map((h) => el("li", { class: "card" },
      el("h3", null, el("a", { href: "/article/" + seg(h.id), lang: "bn" }, h.title || h.id)),
      el("p", { class: "meta-line" }, [h.outlet, stamp(h.published)].filter(Boolean).join(" · ")),
      el("p", { lang: "bn", class: "snippet" }, marked(h.snippet, h.highlights))))));
    const pg = pager(res.total, 20, offset, "/search");
    if (pg) root.append(pg);
  }

  // ---------------------------------------------------------------- stories
  async function pageStories() {
    const offset = Number(q().get("offset") || 0);
    const res = await api("/api/stories", { limit: 50, offset });
    const root = main();
    clear(root);
    root.append(el("h1", null, t("stories")));
    if (!res.available || !res.total) {
      root.append(empty(t("noStories"), el("p", null, t("noStoriesHelp"), " ", el("a", { href: "/timeline" }, t("nav.timeline")), " · ", el("a", { href: "/claims" }, t("nav.claims")))));
      return;
    }
    root.append(el("ul", { class: "cards" }, res.items.map((s) => el("li", { class: "card" },
      el("h3", null, el("a", { href: "/story/" + seg(s.id), lang: "bn" }, s.title || s.id)),
      el("p", { class: "meta-line" }, [day(s.first || s.start), day(s.last || s.end)].filter(Boolean).join(" – "),
        s.n_articles !== undefined ? " · " + t("articlesCount", { n: s.n_articles }) : "",
        s.outlets ? " · " + [].concat(s.outlets).map((o) => (typeof o === "string" ? o : o.outlet || o.name || "")).join(", ") : "")))));
    const pg = pager(res.total, 50, offset, "/stories");
    if (pg) root.append(pg);
  }

  async function pageStory(id) {
    await meta();
    const res = await api("/api/stories/" + seg(id));
    const root = main();
    clear(root);
    if (!res.available) {
      root.append(el("h1", null, t("stories")), empty(t("noStories"), el("p", null, t("noStoriesHelp"), " ", el("a", { href: "/timeline" }, t("nav.timeline")))));
      return;
    }
    const s = res.story;
    if (!s) {
      root.append(el("h1", null, t("notFound")), el("p", null, el("a", { href: "/stories" }, t("stories"))));
      return;
    }
    document.title = (s.title || s.id) + " · ghotona";
    root.append(el("h1", { lang: "bn" }, s.title || s.id));
    root.append(el("p", { class: "muted" }, [day(s.first || s.start), day(s.last || s.end)].filter(Boolean).join(" – ")));
    // outlets side by side: each outlet's articles and the evidence sentences of their events
    const articles = s.articles || [];
    const events = s.events || [];
    const byOutlet = new Map();
    for (const a of articles) {
      const k = a.outlet || a.outlet_id || "—";
      if (!byOutlet.has(k)) byOutlet.set(k, []);
      byOutlet.get(k).push(a);
    }
    root.append(el("h2", null, t("outletsSide")));
    const cols = el("div", { class: "columns" });
    for (const [outlet, arts] of byOutlet) {
      cols.append(el("section", { class: "column" }, el("h3", { lang: "bn" }, outlet), arts.map((a) => {
        const evs = events.filter((e) => e.article_id === a.id);
        return el("div", null, el("a", { href: "/article/" + seg(a.id), lang: "bn" }, a.title || a.id),
          el("div", { class: "muted small" }, stamp(a.published)),
          evs.map((e) => (e.evidence || []).slice(0, 1).map((ev) => el("blockquote", { class: "evidence", lang: "bn" },
            marked(ev.sentence, [[ev.trigger_span[0] - ev.sentence_span[0], ev.trigger_span[1] - ev.sentence_span[0]]])))));
      })));
    }
    root.append(cols);
    const conflicts = s.conflicts || s.claims || [];
    if (conflicts.length) {
      root.append(el("h2", null, t("conflicting")));
      root.append(claimsTable(conflicts.flatMap((c) => c.claims || [c]), true));
    }
    if (events.length) {
      root.append(el("h2", null, t("events")));
      root.append(el("ul", { class: "cards" }, events.map((e) => eventCard(e))));
    }
  }

  // ---------------------------------------------------------------- figures
  async function pageClaims() {
    const res = await api("/api/claims", { limit: 500, counted: q().get("counted") });
    const root = main();
    clear(root);
    root.append(el("h1", null, t("figures")));
    root.append(el("p", { class: "muted" }, t("figuresHelp")));
    if (!res.total) { root.append(empty(t("noClaims"))); return; }
    const groups = new Map();
    for (const c of res.items) {
      if (!groups.has(c.counted)) groups.set(c.counted, []);
      groups.get(c.counted).push(c);
    }
    const order = [...groups.keys()].sort((a, b) => (a === "other") - (b === "other") || groups.get(b).length - groups.get(a).length);
    for (const k of order) {
      root.append(el("h2", null, k, " ", el("span", { class: "muted small" }, String(groups.get(k).length))));
      root.append(claimsTable(groups.get(k), true));
    }
  }

  // ---------------------------------------------------------------- router
  const ROUTES = [
    [/^\/(timeline)?$/, pageTimeline, "/timeline"],
    [/^\/stories$/, pageStories, "/stories"],
    [/^\/story\/(.+)$/, pageStory, "/stories"],
    [/^\/actors$/, pageActors, "/actors"],
    [/^\/actor\/(.+)$/, pageActor, "/actors"],
    [/^\/article\/(.+)$/, pageArticle, null],
    [/^\/search$/, pageSearch, "/search"],
    [/^\/claims$/, pageClaims, "/claims"],
  ];

  function applyLabels() {
    document.documentElement.lang = lang;
    for (const n of document.querySelectorAll("[data-i18n]")) n.textContent = t(n.getAttribute("data-i18n"));
    for (const n of document.querySelectorAll("[data-i18n-placeholder]")) n.setAttribute("placeholder", t(n.getAttribute("data-i18n-placeholder")));
    const b = document.getElementById("lang-toggle");
    if (b) { b.textContent = t("toggle"); b.setAttribute("aria-label", t("toggleLabel")); b.setAttribute("lang", lang === "en" ? "bn" : "en"); }
  }

  async function route() {
    applyLabels();
    const path = location.pathname;
    for (const [re, fn, nav] of ROUTES) {
      const m = path.match(re);
      if (!m) continue;
      for (const a of document.querySelectorAll(".nav a")) {
        if (a.getAttribute("href") === nav) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
      }
      try {
        const arg = m[1] && fn !== pageTimeline ? decodeURIComponent(m[1]) : undefined;
        await fn(arg);
        document.body.setAttribute("data-ready", "1");
      } catch (err) {
        const root = main();
        clear(root);
        root.append(el("h1", null, err.status === 404 ? t("notFound") : t("error")), el("p", { class: "empty", role: "alert" }, err.message));
        document.body.setAttribute("data-ready", "error");
      }
      return;
    }
    const root = main();
    clear(root);
    root.append(el("h1", null, t("notFound")));
    document.body.setAttribute("data-ready", "error");
  }

  document.addEventListener("DOMContentLoaded", () => {
    const b = document.getElementById("lang-toggle");
    if (b) b.addEventListener("click", () => {
      lang = lang === "en" ? "bn" : "en";
      try { localStorage.setItem("ghotona.lang", lang); } catch (e) { /* not kept */ }
      document.body.removeAttribute("data-ready");
      route();
    });
    route();
  });
})();
