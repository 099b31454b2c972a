-- Reading a map's pins page by page (GET /api/pins?cursor=…, exports)
-- walks them in (created_at, id) order: without this index every page
-- sorted all of a map's pins (75 ms a page at 53,000 pins; a KML export of
-- them 13.3 s instead of 2.2 s).
CREATE INDEX pins_map_order ON pins (map, status, created_at, id);
