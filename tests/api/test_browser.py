"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright, against
``parley serve`` started as a user starts it. Screenshots go to test-artifacts/screenshots/
(docs/dashboard-*.png come from scripts/dashboard_shots.py, which starts both the same way)."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pyarrow.parquet as pq
import pytest

from conftest import ROOT
from dashboard_shots import CHROMIUM, browser_page, wait_for_dashboard
from loadtest import serve

SHOTS = ROOT / "test-artifacts" / "screenshots"
CHARTS = ("timeline-chart", "map-chart", "network-chart")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (the README's test "
                                                         "command installs it: scripts/install-test-deps)")


@pytest.fixture(scope="module")
def server(dedup_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "web.duckdb"
    shutil.copy(dedup_db, db)
    with serve(db) as base:
        yield base


@pytest.fixture(scope="module")
def page(server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with browser_page() as page:
        yield page


def test_pasting_the_seed_article_shows_the_meeting(server, page, shared):
    seed = json.loads((shared / "examples" / "seed_article.jsonl").read_text(encoding="utf-8").splitlines()[0])
    page.goto(server + "/")
    page.fill("#text", seed["text"])
    page.fill("#pub-date", seed["pub_date"])
    page.click("#code-btn")
    page.wait_for_selector("#coded-events .event")
    meeting = page.locator('#coded-events .event[data-category="CONSULT"]', has_text="Washington")
    assert meeting.count() >= 1
    assert "2025-07-31" in meeting.first.locator(".when-where").inner_text()
    # South Korea and the United States highlighted in the text
    assert page.locator('#doc-view mark.actor[data-country="KOR"]').count() >= 1
    assert page.locator('#doc-view mark.actor[data-country="USA"]').count() >= 1
    assert page.locator("#doc-view mark.trigger").count() >= 1
    page.screenshot(path=str(SHOTS / "code-seed-article.png"), full_page=True)
    assert not page.errors, page.errors


def test_event_browser_and_event_page(server, page):
    page.goto(server + "/#/events")
    page.fill('#filter-form input[name="actor"]', "IRN")
    page.click("#filter-form button")
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length === 6")
    page.screenshot(path=str(SHOTS / "events.png"), full_page=True)
    page.click("#events-table tbody tr a")
    page.wait_for_selector("#sources li")
    assert page.locator("#sources li").count() == 6  # six outlets reported the accusation
    assert page.locator("#event-detail .evidence mark.trigger").inner_text() == "accused"
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    assert not page.errors, page.errors


def test_markup_in_an_article_is_shown_not_run(server, page):
    page.goto(server + "/")
    page.fill("#text", 'Iran accused Israel. <img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>')
    page.uncheck("#store")
    page.click("#code-btn")
    page.wait_for_selector("#coded-events .event")
    assert page.title() == "parley" and "<script>" in page.inner_text("#doc-view")


def chart_state(page, chart_id: str) -> dict:
    """What the chart library holds for one view: its series and its canvas's size."""
    return page.evaluate("""id => {
        const box = document.getElementById(id), chart = echarts.getInstanceByDom(box);
        const canvas = box.querySelector("canvas"), option = chart.getOption();
        return {width: canvas ? canvas.clientWidth : 0, height: canvas ? canvas.clientHeight : 0,
                series: option.series.map(s => ({type: s.type, name: s.name, layout: s.layout || null,
                                                 edgeSymbol: s.edgeSymbol || null, stack: s.stack || null,
                                                 data: (s.data || []).map(d => d !== null && typeof d === "object"
                                                     && !Array.isArray(d) ? (d.value ?? null) : d),
                                                 codes: (s.data || []).map(d => d && d.code).filter(Boolean),
                                                 links: (s.links || []).map(l => [l.source, l.target, l.value])})),
                xAxis: (option.xAxis || []).map(a => a.type), geo: (option.geo || []).map(g => g.map),
                legend: (option.legend || []).flatMap(l => l.data || [])};
    }""", chart_id)


def overview(page, query: str = "") -> dict:
    return page.evaluate("q => fetch('/v1/overview?' + q).then(r => r.json())", query)


def click_chart(page, chart_id: str, finder: dict, value: list) -> None:
    """A real mouse click where the chart draws ``value`` (map coordinates, a bar's value)."""
    x, y = page.evaluate("([id, finder, value]) => echarts.getInstanceByDom(document.getElementById(id))"
                         ".convertToPixel(finder, value)", [chart_id, finder, value])
    page.locator(f"#{chart_id}").scroll_into_view_if_needed()
    box = page.locator(f"#{chart_id}").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def test_dashboard_draws_a_time_axis_a_map_and_a_network(server, page):
    page.goto(server + "/#/dashboard")
    wait_for_dashboard(page, 1)
    state = {c: chart_state(page, c) for c in CHARTS}
    for c, s in state.items():
        assert s["width"] > 300 and s["height"] > 200, (c, s["width"], s["height"])
    data = overview(page, "by=month&unit=events")
    timeline = state["timeline-chart"]
    assert timeline["xAxis"] == ["time"]
    assert [s["name"] for s in timeline["series"]] == ["verbal cooperation", "material cooperation",
                                                       "verbal conflict", "material conflict"]
    assert {s["stack"] for s in timeline["series"]} == {"quad"}
    # every dated event is on the axis, in its quad class
    assert sum(v[1] for s in timeline["series"] for v in s["data"]) == data["total"] - data["undated"]
    map_ = state["map-chart"]
    assert map_["geo"] == ["world"] and [s["type"] for s in map_["series"]] == ["map", "scatter"]
    # every country with events is coloured by its count (each of them is on the 1:110m map)
    assert sorted(map_["series"][0]["codes"]) == sorted(c["country"] for c in data["countries"])
    assert sorted(v for v in map_["series"][0]["data"] if v) == sorted(c["events"] for c in data["countries"])
    assert len(map_["series"][1]["data"]) == len(data["places"]) > 0
    network = state["network-chart"]["series"][0]
    assert network["type"] == "graph" and network["layout"] == "force" and network["edgeSymbol"] == ["none", "arrow"]
    assert sorted(network["links"]) == sorted([e["source"], e["target"], e["events"]] for e in data["network"]["edges"])
    assert state["network-chart"]["legend"] == ["state", "organisation or group"]
    # a place's tooltip (ECharts writes it as HTML: the dashboard escapes the store's text)
    arusha = next(p for p in data["places"] if p["name"] == "Arusha")
    x, y = page.evaluate("v => echarts.getInstanceByDom(document.getElementById('map-chart'))"
                         ".convertToPixel({geoIndex: 0}, v)", [arusha["lon"], arusha["lat"]])
    page.locator("#map-chart").scroll_into_view_if_needed()
    box = page.locator("#map-chart").bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y, steps=3)
    page.wait_for_function("document.querySelector('#map-chart').innerText.includes('Arusha, TZA')")
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
    assert not page.errors, page.errors


def test_clicking_a_country_filters_every_view_and_the_download(server, page):
    page.goto(server + "/#/dashboard")
    page.reload()  # a dashboard with no filter
    wait_for_dashboard(page, 1)
    iran = next(c for c in overview(page)["countries"] if c["country"] == "IRN")
    click_chart(page, "map-chart", {"geoIndex": 0}, [59.0, 31.0])  # eastern Iran, away from the places drawn
    wait_for_dashboard(page, 2)
    assert page.locator('#chips .chip[data-filter="country"]').inner_text().startswith("country: IRN")
    timeline = chart_state(page, "timeline-chart")
    assert sum(v[1] for s in timeline["series"] for v in s["data"]) == iran["events"]
    links = chart_state(page, "network-chart")["series"][0]["links"]
    assert links and all("IRN" in (source, target) for source, target, _ in links)
    page.screenshot(path=str(SHOTS / "dashboard-iran.png"), full_page=True)
    # each view's download: the reports under the same filter, one row each
    href = page.locator("#view-dashboard .downloads a[data-format=csv]").first.get_attribute("href")
    assert "country=IRN" in href
    rows = list(csv.DictReader(io.StringIO(page.request.get(server + href).text())))
    assert len(rows) == 6  # six outlets reported the accusation: one real event
    assert len({r["real_event_id"] for r in rows}) == iran["events"]
    assert all("IRN" in [*r["actor"].split(";"), *r["recipient"].split(";"), r["location_country"]] for r in rows)
    href = page.locator("#view-dashboard .downloads a[data-format=parquet]").last.get_attribute("href")
    assert pq.read_table(io.BytesIO(page.request.get(server + href).body())).num_rows == len(rows)
    assert not page.errors, page.errors


def test_clicking_a_period_keeps_it(server, page):
    page.goto(server + "/#/dashboard")
    page.reload()
    wait_for_dashboard(page, 1)
    page.select_option("#dash-form select[name=by]", "week")
    wait_for_dashboard(page, 2)
    bars = [(s["name"], v) for s in chart_state(page, "timeline-chart")["series"] for v in s["data"] if v[1]]
    index, (period, count) = next((i, v) for i, (_, v) in enumerate(bars))
    series = [s["name"] for s in chart_state(page, "timeline-chart")["series"]].index(bars[index][0])
    click_chart(page, "timeline-chart", {"seriesIndex": series}, [period, count / 2])
    wait_for_dashboard(page, 3)
    chips = page.locator("#chips .chip").all_inner_texts()
    assert any(c.startswith(f"since: {period}") for c in chips), chips
    assert any(c.startswith("until: ") for c in chips), chips
    # the time axis now holds that week alone, with all it held before
    shown = [v for s in chart_state(page, "timeline-chart")["series"] for v in s["data"] if v[1]]
    assert {v[0] for v in shown} == {period}
    assert sum(v[1] for v in shown) == sum(v[1] for _, v in bars if v[0] == period)
    assert not page.errors, page.errors
