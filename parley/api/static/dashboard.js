// parley dashboard: a time axis, a world map and an actor network, drawn by Apache ECharts
// (vendored in /static/vendor, see scripts/vendor-dashboard) from GET /v1/overview. Every view
// filters the others: a click on a period, a country, a place, an actor or a dyad adds a filter,
// and every view's download is GET /v1/export under the same filters. Text from the store is
// drawn by ECharts on canvas, set with textContent, or escaped in tooltips (``safe``).
"use strict";

const QUADS = [
  {q: 1, name: "verbal cooperation", color: "#86c5a4"},
  {q: 2, name: "material cooperation", color: "#1a7f4b"},
  {q: 3, name: "verbal conflict", color: "#f0a35e"},
  {q: 4, name: "material conflict", color: "#b42318"},
];

// the dashboard's one piece of state: its filters, its charts and the rows they show
const dash = {filters: new Map(), charts: {}, world: null, data: null, loads: 0};

function dashParams(extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of dash.filters) p.set(k, v);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

function setFilters(values) {
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === "") dash.filters.delete(k); else dash.filters.set(k, String(v));
  }
  refreshDashboard();
}

function drawChips() {
  const box = $("#chips");
  box.replaceChildren();
  if (!dash.filters.size) box.append(el("span", {class: "empty", text: "no filter: click a period, a country, a place, an actor or an arrow"}));
  for (const [k, v] of dash.filters) {
    const chip = el("button", {type: "button", class: "chip", "data-filter": k, title: "remove this filter"}, `${k}: ${v} ×`);
    chip.addEventListener("click", () => setFilters({[k]: null}));
    box.append(chip);
  }
  $("#clear-filters").hidden = !dash.filters.size;
}

function drawDownloads() {
  // each view downloads what it shows: the events under the dashboard's filters
  for (const box of document.querySelectorAll("#view-dashboard .downloads")) {
    box.replaceChildren("download ",
      ...["csv", "parquet"].flatMap((fmt, i) => [i ? " · " : "",
        el("a", {href: `/v1/export?${dashParams({format: fmt})}`, download: "", "data-format": fmt, text: fmt.toUpperCase()})]));
  }
}

// ECharts shows a tooltip formatter's string as HTML: text from the store is escaped first
const safe = text => echarts.format.encodeHTML(text);

function chart(id) {
  if (!dash.charts[id]) dash.charts[id] = echarts.init(document.getElementById(id), null, {renderer: "canvas"});
  return dash.charts[id];
}

function periodEnd(start, by) {
  const d = new Date(start + "T00:00:00Z");
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6); else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function drawTimeline(data) {
  const c = chart("timeline-chart");
  c.setOption({
    animation: false,
    grid: {left: 50, right: 20, top: 40, bottom: 70},
    legend: {top: 0},
    tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
    xAxis: {type: "time", name: data.by === "week" ? "week (from Monday)" : "month", nameLocation: "middle", nameGap: 28},
    yAxis: {type: "value", minInterval: 1, name: data.unit === "events" ? "real events" : "reports"},
    dataZoom: [{type: "inside"}, {type: "slider", height: 18, bottom: 8}],
    series: QUADS.map(({q, name, color}) => ({
      name, type: "bar", stack: "quad", barMaxWidth: 28, itemStyle: {color},
      data: data.timeline.filter(r => r.quad_class === q).map(r => [r.period, r.events]),
    })),
  }, true);
  c.off("click");
  c.on("click", params => {
    const start = params.value[0];
    setFilters({since: start, until: periodEnd(start, data.by)});
  });
}

function worldMap() {
  // Natural Earth countries (world-atlas TopoJSON), keyed by ISO numeric code; no Antarctica
  if (dash.world) return Promise.resolve(dash.world);
  return fetch("/static/vendor/world-atlas/countries-110m.json").then(r => r.json()).then(topo => {
    const geo = topojson.feature(topo, topo.objects.countries);
    geo.features = geo.features.filter(f => f.id !== "010");
    geo.features.forEach(unwrapAntimeridian);
    const names = new Map();
    for (const f of geo.features) {
      const key = f.id || f.properties.name;
      names.set(key, f.properties.name);
      f.properties = {name: key};
    }
    echarts.registerMap("world", geo);
    dash.world = names;
    return names;
  });
}

function unwrapAntimeridian(feature) {
  // a ring that crosses 180° (Russia's east, Fiji) would be drawn across the whole map: its
  // western points are moved east of 180° instead
  const g = feature.geometry;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  for (const ring of polygons.flat()) {
    if (ring.some(p => p[0] > 90) && ring.some(p => p[0] < -90)) ring.forEach(p => { if (p[0] < 0) p[0] += 360; });
  }
}

function drawMap(data, names) {
  const c = chart("map-chart");
  const counts = data.countries.filter(r => r.numeric && names.has(r.numeric));
  const most = Math.max(1, ...data.countries.map(r => r.events));
  const mostPlace = Math.max(1, ...data.places.map(p => p.events));
  c.setOption({
    animation: false,
    tooltip: {trigger: "item", formatter: p => safe(p.seriesType === "scatter"
      ? `${p.name}${p.data.country ? ", " + p.data.country : ""}: ${p.value[2]} events`
      : `${names.get(p.name) || p.name}: ${p.value || 0} events`)},
    legend: {top: 0, data: ["events by country", "event places"]},
    visualMap: {type: "continuous", min: 0, max: most, seriesIndex: 0, left: 10, bottom: 10, itemHeight: 90,
                text: [String(most), "0"], calculable: false, inRange: {color: ["#e0ecff", "#1d4ed8"]}},
    geo: {map: "world", roam: true, top: 30, bottom: 10, left: 10, right: 10, itemStyle: {areaColor: "#f2f4f7", borderColor: "#b8c0cc"},
          emphasis: {itemStyle: {areaColor: "#fde68a"}, label: {show: false}}, select: {disabled: true}},
    series: [
      {name: "events by country", type: "map", geoIndex: 0,
       data: counts.map(r => ({name: r.numeric, value: r.events, code: r.country}))},
      {name: "event places", type: "scatter", coordinateSystem: "geo", itemStyle: {color: "#f59e0b", borderColor: "#7a4a00"},
       symbolSize: v => 6 + 14 * Math.sqrt(v[2] / mostPlace),
       data: data.places.map(p => ({name: p.name, value: [p.lon, p.lat, p.events], country: p.country}))},
    ],
  }, true);
  c.off("click");
  c.on("click", params => {
    if (params.seriesType === "scatter") { setFilters({place: params.name}); return; }
    const hit = counts.find(r => r.numeric === params.name);
    if (hit) setFilters({country: hit.country});
  });
}

function drawNetwork(data) {
  const c = chart("network-chart");
  const {nodes, edges} = data.network;
  const mostN = Math.max(1, ...nodes.map(n => n.events)), mostE = Math.max(1, ...edges.map(e => e.events));
  const categories = [{name: "state"}, {name: "organisation or group"}];
  c.setOption({
    animation: false,
    legend: [{top: 0, data: categories.map(k => k.name)}],
    tooltip: {formatter: p => safe(p.dataType === "edge"
      ? `${p.data.source} → ${p.data.target}: ${p.data.value} events, mean Goldstein ${p.data.goldstein}`
      : `${p.data.name}${p.data.label_ ? " (" + p.data.label_ + ")" : ""}: ${p.data.value} events`)},
    series: [{
      name: "actors", type: "graph", layout: "force", roam: true, draggable: true, top: 40, bottom: 20, left: 20, right: 40, zoom: 0.9,
      force: {initLayout: "circular", repulsion: 180, edgeLength: [55, 140], gravity: 0.16, layoutAnimation: false},
      categories, edgeSymbol: ["none", "arrow"], edgeSymbolSize: [0, 11],
      label: {show: true, position: "right", fontSize: 11},
      emphasis: {focus: "adjacency", lineStyle: {width: 6}},
      data: nodes.map(n => ({id: n.id, name: n.id, value: n.events, label_: n.name,
                             category: n.kind === "state" ? 0 : 1, symbolSize: 10 + 26 * Math.sqrt(n.events / mostN)})),
      links: edges.map(e => ({source: e.source, target: e.target, value: e.events, goldstein: e.goldstein,
                              lineStyle: {width: 1 + 7 * Math.sqrt(e.events / mostE), curveness: 0.15, opacity: 0.8,
                                          color: e.goldstein >= 0 ? "#1a7f4b" : "#b42318"}})),
    }],
  }, true);
  c.off("click");
  c.on("click", params => {
    if (params.dataType === "edge") setFilters({actor: params.data.source, recipient: params.data.target});
    else if (params.dataType === "node") setFilters({actor: params.data.id, recipient: null});
  });
}

async function refreshDashboard(event) {
  if (event) event.preventDefault();
  const form = $("#dash-form");
  const p = dashParams({by: form.by.value, unit: form.unit.value, min_events: form.min_events.value || "1"});
  const view = $("#view-dashboard");
  view.dataset.state = "loading";
  drawChips();
  drawDownloads();
  try {
    const [data, names] = await Promise.all([api(`/v1/overview?${p}`), worldMap()]);
    dash.data = data;
    drawTimeline(data);
    drawMap(data, names);
    drawNetwork(data);
    const what = data.unit === "events" ? "real events" : "reports";
    $("#dash-summary").textContent = `${data.total} ${what}${data.undated ? `, ${data.undated} undated (not on the time axis)` : ""}` +
      ` · ${data.countries.length} countries · ${data.places.length} places · ${data.network.edges.length} dyads`;
    dash.loads += 1;
    view.dataset.loads = String(dash.loads);
    view.dataset.state = "ready";
    status(`${data.total} ${what}`);
  } catch (e) {
    view.dataset.state = "error";
    status(e.message, true);
  }
}

function showDashboard() {
  if (!dash.loads && $("#view-dashboard").dataset.state !== "loading") refreshDashboard();
  // a chart drawn while its view was hidden has no size: fit them to the shown view
  Object.values(dash.charts).forEach(c => c.resize());
}

document.addEventListener("DOMContentLoaded", () => {
  $("#dash-form").addEventListener("change", refreshDashboard);
  $("#dash-form").addEventListener("submit", refreshDashboard);
  $("#clear-filters").addEventListener("click", () => { dash.filters.clear(); refreshDashboard(); });
  window.addEventListener("resize", () => Object.values(dash.charts).forEach(c => c.resize()));
});
