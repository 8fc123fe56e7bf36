"""Build the world map of the web page's events view: ``static/world-110m.json`` = ISO 3166 alpha-3 code →
SVG path (equirectangular projection, 360×170 viewBox, one decimal).

Source: Natural Earth 1:110m admin-0 countries (public domain), as TopoJSON in the ``world-atlas`` npm package
(2.0.2, ISC; ``npm pack world-atlas@2.0.2``; file ``countries-110m.json``). Its ids are ISO 3166 numeric codes;
they are mapped to alpha-3 with the countries gazetteer in ../shared (mledoze/countries: ``ccn3`` → ``cca3``).

    python -m khabar.web.build_map countries-110m.json ../shared/data/gazetteers/countries/countries.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from khabar.resources import package_file

OUT = package_file("web", "static", "world-110m.json")
TOP, BOTTOM = 85.0, -85.0  # latitudes kept (Antarctica is left out below)


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs as lists of (lon, lat): undo the delta encoding and the quantisation transform."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            if tr:
                x, y = x + dx, y + dy
                pts.append((x * tr["scale"][0] + tr["translate"][0], y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((dx, dy))
        arcs.append(pts)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], idx: list[int]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in idx:
        seg = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(seg[1:] if pts else seg)
    return pts


def unwrap(r: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia, Fiji) made continuous: later points shifted by ±360° so
    that no edge spans the whole map (the part beyond the edge is clipped by the viewBox)."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (lon, lat) in enumerate(r):
        if i:
            prev = r[i - 1][0]
            if lon - prev > 180:
                shift -= 360
            elif prev - lon > 180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def path(rings: list[list[tuple[float, float]]]) -> str:
    out = []
    for r in rings:
        pts: list[str] = []
        for lon, lat in unwrap(r):
            p = f"{lon + 180:.1f} {TOP - max(BOTTOM, min(TOP, lat)):.1f}"
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) >= 3:
            out.append("M" + "L".join(pts) + "Z")
    return "".join(out)


def build(topo_path: str, countries_path: str) -> dict[str, Any]:
    topo = json.loads(Path(topo_path).read_text(encoding="utf-8"))
    iso = {c["ccn3"]: c["cca3"] for c in json.loads(Path(countries_path).read_text(encoding="utf-8")) if c.get("ccn3")}
    arcs = decode_arcs(topo)
    shapes: dict[str, str] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        code = iso.get(str(g.get("id", "")))
        name = (g.get("properties") or {}).get("name", "")
        if name == "Antarctica" or g.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        d = path([ring(arcs, r) for poly in polys for r in poly])
        key = code or ("N:" + name)  # a few shapes (Kosovo, N. Cyprus, Somaliland) have no numeric code
        shapes[key] = shapes.get(key, "") + d
    return {"source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2",
            "viewBox": f"0 0 360 {TOP - BOTTOM:.0f}", "countries": shapes}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data = build(sys.argv[1], sys.argv[2])
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(data['countries'])} shapes to {OUT} ({OUT.stat().st_size:,} bytes)")
