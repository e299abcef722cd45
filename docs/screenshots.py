"""The README's pictures of the page, taken in headless Chromium: the first view, a view filtered by brushing the
timeline, and the timeline itself.

    python docs/screenshots.py OUTDIR/graph.html --name corpus [--from 2018-11-26 --to 2018-12-16]

writes docs/page-NAME.png, docs/page-NAME-filtered.png and docs/page-NAME-timeline.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("page", type=Path)
    options.add_argument("--name", default="corpus")
    options.add_argument("--from", dest="start", help="the first day brushed (default: the page's 40th percentile)")
    options.add_argument("--to", dest="end", help="the last day brushed")
    options.add_argument("--first-view-only", action="store_true", help="only docs/page-NAME.png")
    args = options.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(args.page.resolve().as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=60000)
        page.screenshot(path=str(DOCS / f"page-{args.name}.png"))
        if args.first_view_only:
            browser.close()
            print(DOCS / f"page-{args.name}.png")
            return 0
        chart = page.locator("#timeline-chart").bounding_box()
        if args.start and args.end:
            page.fill("#date-from", args.start)
            page.dispatch_event("#date-from", "change")
            page.fill("#date-to", args.end)
            page.dispatch_event("#date-to", "change")
        else:  # a drag across the timeline, as a reader would brush it
            y = chart["y"] + chart["height"] / 2
            page.mouse.move(chart["x"] + chart["width"] * 0.3, y)
            page.mouse.down()
            page.mouse.move(chart["x"] + chart["width"] * 0.55, y, steps=8)
            page.mouse.up()
        page.select_option("#colour-by", "community")
        page.evaluate("document.activeElement.blur()")
        page.screenshot(path=str(DOCS / f"page-{args.name}-filtered.png"))
        page.locator("#timeline").screenshot(path=str(DOCS / f"page-{args.name}-timeline.png"))
        browser.close()
    for suffix in ("", "-filtered", "-timeline"):
        print(DOCS / f"page-{args.name}{suffix}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
