// Find your force in the static copy (make export), where no server answers a search.
// Without JavaScript the page lists every force, A to Z. With it, this shows the form
// and answers postcodes, places, force names and "Use my location" here, from small
// JSON files under /locator/ fetched when needed (wellbeing/locator_shards.py).
// It follows wellbeing/locator/ step by step, so it gives the same answers; the
// test tests/browser/test_static_copy.py compares the two on the whole test set.
// Nothing typed or located leaves the browser, and nothing is stored.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});
  var ROOT = "/locator/";
  var files = {};

  function load(path) {
    if (!files[path]) {
      files[path] = fetch(ROOT + path).then(function (response) {
        if (response.status === 404) {
          return null;
        }
        if (!response.ok) {
          throw new Error(path + ": " + response.status);
        }
        return response.json();
      });
      files[path].catch(function () {
        delete files[path];  // offline now: try again next time
      });
    }
    return files[path];
  }

  var I = null;  // index.json
  var R = null;  // index.json's rules
  var FULL_RE = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9])([A-Z]{2})$/;
  var SECTOR_RE = /^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9]$/;
  var OUTCODE_RE = /^([A-Z]{1,2})([0-9][0-9A-Z]?)$/;
  var AREA_RE = /^[A-Z]{1,2}$/;
  var TRAILING_POSTCODE_RE = /([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})$/;
  var DASHES_RE = /[-\u2010-\u2015\u2212]/g;
  var CONTROL_RE = /[\x00-\x08\x0b-\x1f\x7f]/;
  var known = null;

  async function index() {
    if (!I) {
      var data = await load("index.json");
      known = new Set(data.known_outcodes);
      R = data.rules;
      I = data;
    }
    return I;
  }

  function result(status, forces, reason, kind, matched, qualifiers) {
    return {
      status: status, forces: forces || [], reason: reason || "", kind: kind || "",
      matched: matched || "", qualifiers: qualifiers || [],
    };
  }
  function invalid(reason) { return result("invalid", [], reason); }
  function notFound(reason, kind, matched) { return result("not_found", [], reason, kind, matched); }
  function found(force, reason, kind, matched) {
    return result("found", [I.forces[force]], reason, kind, matched);
  }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function words(text) { return text.split(/\s+/).filter(Boolean); }
  function length(text) { return Array.from(text).length; }

  // ---- normalisation -------------------------------------------------------

  function normaliseName(text) {
    text = text.normalize("NFKD").replace(/\p{Mn}/gu, "");
    text = text.toLowerCase().replace(/&/g, " and ").replace(/['\u2019]/g, "");
    var ws = words(text.replace(/[^a-z0-9]+/g, " ")).map(function (w) {
      return w === "saint" ? "st" : w;
    });
    if (ws.length > 1 && ws[0] === "the") {
      ws = ws.slice(1);
    }
    return ws.join(" ");
  }

  function formatPostcode(compact) {
    return compact.length > 4 ? compact.slice(0, -3) + " " + compact.slice(-3) : compact;
  }

  function checkQuery(query) {
    if (typeof query !== "string" || !query.trim()) { return invalid("empty"); }
    if (length(query) > R.max_query) { return invalid("too_long"); }
    if (CONTROL_RE.test(query)) { return invalid("bad_characters"); }
    return null;
  }

  function areaOf(outcode) { return outcode.match(/^[A-Z]*/)[0]; }
  function isPoBox(outcode) { return /^[A-Z]{1,2}[0-9]{1,2}P$/.test(outcode); }

  // ---- postcodes -------------------------------------------------------------

  var EMPTY_AREA = { outcodes: {}, sectors: {}, mixed: {}, units: {}, terminated: {} };
  async function area(outcode) {
    var name = areaOf(outcode);
    return (name && (await load("postcodes/" + name + ".json"))) || EMPTY_AREA;
  }

  function rule(counts) {
    var ranked = counts.slice().sort(function (a, b) { return b[1] - a[1]; });
    var total = ranked.reduce(function (sum, fn) { return sum + fn[1]; }, 0);
    if (total - ranked[0][1] <= R.found_max_elsewhere * total) { return [ranked[0][0]]; }
    var keep = ranked.filter(function (fn) { return fn[1] >= R.list_min_share * total; })
      .map(function (fn) { return fn[0]; });
    return keep.length > 1 ? keep : ranked.slice(0, 2).map(function (fn) { return fn[0]; });
  }

  function unitForce(byForce, unit) {
    for (var k = 0; k < byForce.length; k++) {
      var codes = byForce[k][1];
      var i = codes.indexOf(unit);
      while (i !== -1 && i % 2) { i = codes.indexOf(unit, i + 1); }
      if (i !== -1) { return byForce[k][0]; }
    }
    return null;
  }

  function knownOutcode(outcode) {
    return known.has(outcode) || has(R.crown_areas, areaOf(outcode));
  }

  function special(outcode, kind, shown) {
    var a = areaOf(outcode);
    if (has(R.crown_areas, a)) {
      return result("found", [R.crown_force_of[R.crown_areas[a]]], "postcode", kind, shown);
    }
    if (a === "BX" || a === "BF" || outcode === "GIR" || I.non_geographic.indexOf(outcode) !== -1) {
      return notFound("non_geographic", kind, shown);
    }
    return null;
  }

  function countsOf(P, outcode) {
    return (has(P.mixed, outcode) && P.mixed[outcode].length && P.mixed[outcode]) ||
      [[P.outcodes[outcode][0], 1]];
  }

  function partial(counts, kind, shown, unknown) {
    var forces = rule(counts);
    if (forces.length === 1) {
      var reason = unknown ? "approximate" : (counts.length === 1 ? "postcode" : "mostly");
      return found(forces[0], reason, kind, shown);
    }
    return result("ambiguous", forces.map(function (f) { return I.forces[f]; }),
      unknown ? "unknown_postcode_mixed" : "partial_postcode_mixed", kind, shown);
  }

  function sectorForce(P, sector, fallback) {
    return has(P.sectors, sector) ? P.sectors[sector] : fallback;
  }

  function terminated(P, force, outcode, sector, shown) {
    var counts;
    if (has(P.mixed, sector)) {
      counts = P.mixed[sector];
    } else if (has(P.outcodes, outcode)) {
      var live = P.outcodes[outcode][1].indexOf(sector.slice(-1)) !== -1;
      counts = live ? [[sectorForce(P, sector, P.outcodes[outcode][0]), 1]] : countsOf(P, outcode);
    } else {
      counts = [[force, 1]];
    }
    var forces = [force].concat(rule(counts).filter(function (f) { return f !== force; }));
    if (forces.length === 1) { return found(force, "terminated", "postcode", shown); }
    return result("ambiguous", forces.map(function (f) { return I.forces[f]; }),
      "terminated_mixed", "postcode", shown);
  }

  async function locatePostcode(compact) {
    var shown = formatPostcode(compact);
    var outcode = compact.slice(0, -3), digit = compact.slice(-3, -2), unit = compact.slice(-2);
    var early = special(outcode, "postcode", shown);
    if (early) { return early; }
    if (compact === "GIR0AA") { return notFound("non_geographic", "postcode", shown); }
    var P = await area(outcode);
    var sector = outcode + " " + digit;
    var old = has(P.terminated, sector) ? P.terminated[sector] : null;
    var force = old === null || typeof old === "number" ? old : unitForce(old, unit);
    if (force !== null) { return terminated(P, force, outcode, sector, shown); }
    if (!has(P.outcodes, outcode)) { return notFound("unrecognised", "postcode", shown); }
    var reason = isPoBox(outcode) ? "po_box" : "postcode";
    if (has(P.units, sector)) {
      force = unitForce(P.units[sector], unit);
      if (force === null) {
        if (!has(P.mixed, sector)) { throw new Error("no mixed sector"); }
        return partial(P.mixed[sector], "postcode", shown, true);
      }
      return found(force, reason, "postcode", shown);
    }
    if (P.outcodes[outcode][1].indexOf(digit) !== -1) {
      return found(sectorForce(P, sector, P.outcodes[outcode][0]), reason, "postcode", shown);
    }
    return partial(countsOf(P, outcode), "postcode", shown, true);
  }

  async function locateSector(outcode, digit) {
    var shown = outcode + " " + digit;
    var early = special(outcode, "sector", shown);
    if (early) { return early; }
    var P = await area(outcode);
    if (!has(P.outcodes, outcode)) { return notFound("unrecognised", "sector", shown); }
    if (P.outcodes[outcode][1].indexOf(digit) === -1) { return locateOutcode(outcode); }
    if (has(P.mixed, shown)) { return partial(P.mixed[shown], "sector", shown); }
    return found(sectorForce(P, shown, P.outcodes[outcode][0]), "postcode", "sector", shown);
  }

  async function locateOutcode(outcode) {
    var early = special(outcode, "outcode", outcode);
    if (early) { return early; }
    var P = await area(outcode);
    if (!has(P.outcodes, outcode)) { return notFound("unrecognised", "outcode", outcode); }
    return partial(countsOf(P, outcode), "outcode", outcode);
  }

  function locateArea(a) {
    return special(a, "area", a) || partial(I.areas[a], "area", a);
  }

  // The one reading of `compact` with the shape and a known outcode (O/0 and I/1 swapped
  // only where exactly one swap gives one), else the text as typed if it has the shape.
  function repair(compact, shape, outcodeOf) {
    if (length(compact) > 8) { return null; }
    if (shape.test(compact) && knownOutcode(outcodeOf(compact))) { return compact; }
    var chars = Array.from(compact);
    var spots = [];
    chars.forEach(function (ch, i) { if (has(R.lookalikes, ch)) { spots.push(i); } });
    if (spots.length > 4 || !/[0-9]/.test(compact)) { spots = []; }
    var seen = new Set();
    for (var mask = 1; mask < (1 << spots.length); mask++) {
      var copy = chars.slice();
      for (var k = 0; k < spots.length; k++) {
        if ((mask >> k) & 1) { copy[spots[k]] = R.lookalikes[copy[spots[k]]]; }
      }
      var v = copy.join("");
      if (shape.test(v) && knownOutcode(outcodeOf(v))) { seen.add(v); }
    }
    if (seen.size === 1) { return seen.values().next().value; }
    return shape.test(compact) && !seen.size ? compact : null;
  }

  function stripEnds(text, chars) {
    var a = Array.from(text), i = 0, j = a.length;
    while (i < j && chars.indexOf(a[i]) !== -1) { i++; }
    while (j > i && chars.indexOf(a[j - 1]) !== -1) { j--; }
    return a.slice(i, j).join("");
  }

  async function postcodeLike(query) {
    var text = stripEnds(words(query.replace(DASHES_RE, " ")).join(" "), ".,;:!?'\"() ").toUpperCase();
    var compact = text.replace(/ /g, "");
    if (compact === "GIR0AA") { return locatePostcode(compact); }
    var full = repair(compact, FULL_RE, function (v) { return v.slice(0, -3); });
    if (full) { return locatePostcode(full); }
    var m = /^(\S{2,4}) ([0-9OI])[A-Z]?$/u.exec(text);
    var sector = m && repair(m[1] + m[2], SECTOR_RE, function (v) { return v.slice(0, -1); });
    if (sector) { return locateSector(sector.slice(0, -1), sector.slice(-1)); }
    var n = length(compact);
    if (n >= 2 && n <= 4) {
      var outcode = repair(compact, OUTCODE_RE, function (v) { return v; });
      if (outcode) { return locateOutcode(outcode); }
    }
    if (AREA_RE.test(compact) && length(text) <= 2 &&
        (has(I.areas, compact) || has(R.crown_areas, compact))) {
      return locateArea(compact);
    }
    return null;
  }

  // ---- names ---------------------------------------------------------------
  // An entry: [id, name, forces, county, qualifiers, weight, outside].

  async function place(key) {
    if (!key || I.place_files.indexOf(key[0]) === -1) { return { names: {}, outside: {} }; }
    return (await load("places/" + key[0] + ".json")) || { names: {}, outside: {} };
  }
  async function names(key) {
    var p = await place(key);
    return has(p.names, key) ? p.names[key] : null;
  }
  async function outside(key) {
    var p = await place(key);
    return has(p.outside, key) ? p.outside[key] : null;
  }

  function partition(text, sep) {
    var i = text.indexOf(sep);
    return i === -1 ? [text, ""] : [text.slice(0, i), text.slice(i + sep.length)];
  }
  function dropPrefix(text, prefix) {
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  }

  function filter(entries, qual) {
    if (!qual) { return entries.slice(); }
    qual = dropPrefix(dropPrefix(qual, "county "), "co ");
    return entries.filter(function (e) {
      return e[4].indexOf(qual) !== -1 || e[4].some(function (q) {
        return q.indexOf(" ") === -1 && qual.endsWith(" " + q);
      });
    });
  }

  function fromEntries(entries, qual, fuzzy, prune) {
    var chosen = filter(entries, qual);
    if (!chosen.length) { return notFound("qualifier_unmatched", "place"); }
    var best = new Map();
    chosen.forEach(function (e) {
      e[2].forEach(function (f, rank) {
        var w = e[5] / (rank + 1);
        if (!best.has(f) || w > best.get(f)[0]) { best.set(f, [w, e]); }
      });
    });
    if (!best.size) { return notFound("unrecognised", "place"); }
    var ranked = Array.from(best).sort(function (a, b) { return b[1][0] - a[1][0]; });
    var top = ranked[0][1][0];
    if (prune) {
      var kept = ranked.filter(function (kv) { return kv[1][0] * R.min_place_ratio >= top; });
      ranked = kept.length ? kept : ranked.slice(0, 1);
    }
    var forces = ranked.map(function (kv) { return I.forces[kv[0]]; });
    var matched = ranked[0][1][1][1];
    if (forces.length === 1) {
      return result("found", forces, fuzzy ? "place_fuzzy" : "place", "place", matched);
    }
    if (new Set(ranked.map(function (kv) { return kv[1][1][0]; })).size === 1) {
      return result("ambiguous", forces, "place_split", "place", matched);
    }
    return result("ambiguous", forces, "place_ambiguous", "place", matched,
      ranked.map(function (kv) { return kv[1][1][3]; }));
  }

  function stripForceWords(text) {
    return words(text).filter(function (w) { return R.force_words.indexOf(w) === -1; }).join(" ");
  }

  function qualifier(qual) {
    if (R.neutral_qualifiers.indexOf(qual) !== -1) { return ""; }
    var bare = dropPrefix(dropPrefix(qual, "county "), "co ");
    if (I.all_quals.indexOf(bare) !== -1) { return qual; }
    if (has(I.force_full, qual)) { return I.force_full[qual].replace(/-/g, " "); }
    var stripped = stripForceWords(qual);
    return I.all_quals.indexOf(stripped) !== -1 ? stripped : qual;
  }

  async function exact(base, qual, fuzzy) {
    if (!qual && has(I.force_full, base)) {
      return result("found", [I.force_full[base]], "force", "force", I.force_full[base]);
    }
    if (!qual && has(I.crown_forces, base)) {
      return result("found", [I.crown_forces[base]], "force", "force", I.crown_forces[base]);
    }
    var away = (await outside(base)) || [];
    for (var i = 0; i < away.length; i++) {
      if (qual && away[i][4].indexOf(qual) !== -1) {
        return notFound(away[i][6], "place", away[i][1]);
      }
    }
    var entries = ((await names(base)) || []).slice();
    var targets = has(I.aliases, base) ? I.aliases[base] : [];
    for (var t = 0; t < targets.length; t++) {
      var parts = partition(targets[t], ",");
      var tBase = normaliseName(parts[0]);
      entries = entries.concat(filter((await names(tBase)) || [], normaliseName(parts[1])));
    }
    if (entries.length) { return fromEntries(entries, qual, fuzzy, targets.length < 2); }
    if (!qual && has(I.force_short, base)) {
      return result("found", [I.force_short[base]], "force", "force", I.force_short[base]);
    }
    var stripped = stripForceWords(base);
    if (!qual && stripped !== base && has(I.force_short, stripped)) {
      return result("found", [I.force_short[stripped]], "force", "force", I.force_short[stripped]);
    }
    if (away.length) { return notFound(away[0][6], "place", away[0][1]); }
    return null;
  }

  async function splitQualifier(text) {
    var ws = words(text);
    for (var k = 1; k <= 3; k++) {
      if (ws.length <= k) { break; }
      var base = ws.slice(0, -k).join(" "), qual = ws.slice(-k).join(" ");
      var entries = await names(base);
      if (entries && entries.length && filter(entries, qual).length) {
        return fromEntries(entries, qual, false, true);
      }
    }
    return null;
  }

  function fuzzyLimit(n) { return n < 6 ? 0 : (n < 9 ? 1 : 2); }

  // Optimal string alignment distance, or limit + 1 beyond limit (as the server's).
  function editDistance(a, b, limit) {
    var la = a.length, lb = b.length, over = limit + 1;
    if (Math.abs(la - lb) > limit) { return over; }
    if (a === b) { return 0; }
    var prev2 = null, prev = [], j;
    for (j = 0; j <= lb; j++) { prev.push(j <= limit ? j : over); }
    for (var i = 1; i <= la; i++) {
      var cur = new Array(lb + 1).fill(over);
      if (i <= limit) { cur[0] = i; }
      var rowMin = cur[0], ai = a[i - 1];
      for (j = Math.max(1, i - limit); j <= Math.min(lb, i + limit); j++) {
        var bj = b[j - 1];
        var v = Math.min(prev[j - 1] + (ai !== bj ? 1 : 0), prev[j] + 1, cur[j - 1] + 1);
        if (prev2 !== null && j > 1 && ai === b[j - 2] && a[i - 2] === bj) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) { return over; }
      prev2 = prev;
      prev = cur;
    }
    return Math.min(prev[lb], over);
  }

  // Every matchable name starting with `first`: [key, big].
  async function candidates(first) {
    var p = await place(first);
    var keys = new Map();
    Object.keys(p.names).forEach(function (key) {
      var big = p.names[key].some(function (e) { return e[5] >= R.fuzzy_min_weight; });
      keys.set(key, big);
    });
    Object.keys(I.aliases).concat(Object.keys(I.force_full)).forEach(function (key) {
      if (key[0] === first) { keys.set(key, true); }
    });
    return Array.from(keys).filter(function (kv) { return kv[0].length >= 5; });
  }

  async function fuzzy(base, qual) {
    var limit = fuzzyLimit(base.length);
    if (!limit || base.length > 40) { return null; }
    var bestD = limit + 1, bestKeys = [];
    var smallOk = base.length >= R.fuzzy_long;
    var keys = await candidates(base[0]);
    keys.forEach(function (kv) {
      var key = kv[0];
      if (!(kv[1] || smallOk) || Math.abs(key.length - base.length) > limit) { return; }
      var keyLimit = Math.min(limit, bestD);
      var d = editDistance(base, key, keyLimit);
      if (d > keyLimit) { return; }
      if (d < bestD) {
        bestD = d;
        bestKeys = [key];
      } else if (d === bestD && d <= limit) {
        bestKeys.push(key);
      }
    });
    if (!bestKeys.length) { return null; }
    var results = [];
    for (var i = 0; i < bestKeys.length; i++) {
      var r = await exact(bestKeys[i], qual, true);
      if (r && (r.status === "found" || r.status === "ambiguous")) { results.push(r); }
    }
    if (!results.length) { return null; }
    var same = results.every(function (r) { return r.forces.join() === results[0].forces.join(); });
    if (same) {
      var first = results[0];
      var reason = first.kind === "place" ? "place_fuzzy" : first.reason;
      return result(first.status, first.forces, first.status === "found" ? reason : first.reason,
        first.kind, first.matched, first.qualifiers);
    }
    if (bestD > 1) { return null; }
    var forces = [];
    results.forEach(function (r) {
      r.forces.forEach(function (f) { if (forces.indexOf(f) === -1) { forces.push(f); } });
    });
    return result("ambiguous", forces, "place_ambiguous", "place", results[0].matched);
  }

  async function locateName(query) {
    var text = normaliseName(query);
    if (!text) { return notFound("unrecognised"); }
    var base = text, qual = "";
    if (query.indexOf(",") !== -1) {
      var parts = partition(query, ",");
      base = normaliseName(parts[0]);
      qual = normaliseName(parts[1]);
    }
    if (!base) {
      base = qual;
      qual = "";
    }
    qual = qualifier(qual);
    var res = (await exact(base, qual, false)) || (await splitQualifier(base));
    if (!res) { res = (await fuzzy(base, qual)) || notFound("unrecognised"); }
    if (qual && res.status === "not_found" && res.reason === "unrecognised") {
      if ((await names(base)) || has(I.aliases, base) || (await fuzzy(base, ""))) {
        res = notFound("qualifier_unmatched", "place");
      }
    }
    if (res.reason === "qualifier_unmatched") {
      res.matched = words(partition(query, ",")[1]).join(" ");
    }
    return res;
  }

  async function locate(query) {
    await index();
    var bad = checkQuery(query);
    if (bad) { return bad; }
    try {
      var res = await postcodeLike(query);
      if (res) { return res; }
      var compact = query.replace(/\s+/g, "").toUpperCase();
      if (compact.startsWith("BFPO")) { return notFound("non_geographic", "postcode", compact); }
      var m = TRAILING_POSTCODE_RE.exec(words(query.toUpperCase().replace(/,/g, " ")).join(" "));
      if (m && words(query).length > 1) { return locatePostcode(m[1] + m[2]); }
      return await locateName(query);
    } catch (error) {
      if (error instanceof TypeError && /fetch/i.test(error.message)) { throw error; }
      return notFound("unrecognised");
    }
  }

  // ---- locations -------------------------------------------------------------

  var rad = function (deg) { return deg * (Math.PI / 180); };

  function wgs84ToOsgb(lat, lng) {
    var AIRY_A = 6377563.396, AIRY_B = 6356256.909, GRS80_A = 6378137.0, GRS80_B = 6356752.314245;
    var F0 = 0.9996012717, LAT0 = rad(49.0), LON0 = rad(-2.0), E0 = 400000.0, N0 = -100000.0;
    var e2 = 1 - GRS80_B ** 2 / GRS80_A ** 2;
    var phi = rad(lat), lam = rad(lng);
    var nu = GRS80_A / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    var x = nu * Math.cos(phi) * Math.cos(lam), y = nu * Math.cos(phi) * Math.sin(lam);
    var z = (1 - e2) * nu * Math.sin(phi);
    var tx = -446.448, ty = 125.157, tz = -542.060, s = 20.4894 / 1e6 + 1;
    var rx = rad(-0.1502 / 3600), ry = rad(-0.2470 / 3600), rz = rad(-0.8421 / 3600);
    var x2 = tx + x * s - y * rz + z * ry, y2 = ty + x * rz + y * s - z * rx;
    var z2 = tz - x * ry + y * rx + z * s;
    e2 = 1 - AIRY_B ** 2 / AIRY_A ** 2;
    var p = Math.hypot(x2, y2);
    phi = Math.atan2(z2, p * (1 - e2));
    for (var k = 0; k < 4; k++) {
      nu = AIRY_A / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
      phi = Math.atan2(z2 + e2 * nu * Math.sin(phi), p);
    }
    lam = Math.atan2(y2, x2);
    var a = AIRY_A, b = AIRY_B, n = (a - b) / (a + b);
    var sinP = Math.sin(phi), cosP = Math.cos(phi), tanP = Math.tan(phi);
    nu = a * F0 / Math.sqrt(1 - e2 * sinP ** 2);
    var rho = a * F0 * (1 - e2) / (1 - e2 * sinP ** 2) ** 1.5;
    var eta2 = nu / rho - 1, dl = phi - LAT0, sl = phi + LAT0;
    var m = b * F0 * (
      (1 + n + 1.25 * n * n + 1.25 * n ** 3) * dl -
      (3 * n + 3 * n * n + 2.625 * n ** 3) * Math.sin(dl) * Math.cos(sl) +
      (1.875 * n * n + 1.875 * n ** 3) * Math.sin(2 * dl) * Math.cos(2 * sl) -
      (35 / 24) * n ** 3 * Math.sin(3 * dl) * Math.cos(3 * sl));
    var i1 = m + N0, ii = nu / 2 * sinP * cosP;
    var iii = nu / 24 * sinP * cosP ** 3 * (5 - tanP ** 2 + 9 * eta2);
    var iiia = nu / 720 * sinP * cosP ** 5 * (61 - 58 * tanP ** 2 + tanP ** 4);
    var iv = nu * cosP, v = nu / 6 * cosP ** 3 * (nu / rho - tanP ** 2);
    var vi = nu / 120 * cosP ** 5 * (5 - 18 * tanP ** 2 + tanP ** 4 + 14 * eta2 - 58 * tanP ** 2 * eta2);
    var d = lam - LON0;
    return [E0 + iv * d + v * d ** 3 + vi * d ** 5, i1 + ii * d ** 2 + iii * d ** 4 + iiia * d ** 6];
  }

  function Grid(tiles) {
    var T = I.grid.tile, C = R.cell_m, OFF = R.col_offset_m;
    function tile(r, c) { return tiles[Math.floor(r / T) + "-" + Math.floor(c / T)]; }
    this.char = function (r, c) {
      var t = tile(r, c), row = t && t.rows[r];
      if (!row) { return "."; }
      var i = c - row[0];
      return i >= 0 && i < row[1].length ? row[1][i] : ".";
    };
    this.points = function (r, c) {
      var t = tile(r, c);
      return ((t && t.points[r + "," + c]) || []).map(function (packed) {
        var q = Math.floor(packed / 64);
        return [c * C - OFF + Math.floor(q / 100) * 10 + 5, r * C + (q % 100) * 10 + 5, packed % 64];
      });
    };
    this.distance = function (r, c, east, north) {
      var x0 = c * C - OFF, y0 = r * C;
      var dx = Math.max(x0 - east, 0, east - (x0 + C));
      var dy = Math.max(y0 - north, 0, north - (y0 + C));
      return Math.hypot(dx, dy);
    };
  }

  function ring(r, c, radius) {
    if (radius === 0) { return [[r, c]]; }
    var cells = [], d;
    for (d = -radius; d <= radius; d++) { cells.push([r - radius, c + d], [r + radius, c + d]); }
    for (d = -radius + 1; d < radius; d++) { cells.push([r + d, c - radius], [r + d, c + radius]); }
    return cells;
  }

  function nearestByForce(grid, r, c, east, north) {
    var G = I.grid, C = R.cell_m, best = new Map(), nearest = Infinity;
    var snapCells = Math.ceil(G.snap_m / C) + 1;
    var radii = Math.ceil(Math.max(G.snap_m, G.snap_m_scotland) / C) + 1;
    for (var radius = 0; radius < radii; radius++) {
      if ((radius - 1) * C > nearest + R.border_m) { break; }
      if (!best.size && radius > snapCells && !(r * C > 560000)) { break; }
      ring(r, c, radius).forEach(function (cell) {
        var ch = grid.char(cell[0], cell[1]);
        if (ch === "." || grid.distance(cell[0], cell[1], east, north) >= nearest + R.border_m) {
          return;
        }
        var hits = ch === "*"
          ? grid.points(cell[0], cell[1]).map(function (p) {
            return [Math.hypot(p[0] - east, p[1] - north), p[2]];
          })
          : [[grid.distance(cell[0], cell[1], east, north), R.force_chars.indexOf(ch)]];
        hits.forEach(function (hit) {
          if (hit[0] < (best.has(hit[1]) ? best.get(hit[1]) : Infinity)) {
            best.set(hit[1], hit[0]);
            nearest = Math.min(nearest, hit[0]);
          }
        });
      });
    }
    return best;
  }

  async function locatePoint(lat, lng) {
    await index();
    if (!(Number.isFinite(lat) && Number.isFinite(lng))) { return invalid("malformed_coordinates"); }
    if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) { return invalid("out_of_range"); }
    var names = Object.keys(R.crown_boxes);
    for (var i = 0; i < names.length; i++) {
      var box = R.crown_boxes[names[i]];
      if (box[0] <= lat && lat <= box[1] && box[2] <= lng && lng <= box[3]) {
        return result("found", [R.crown_force_of[names[i]]], "point", "point");
      }
    }
    var uk = R.uk_box;
    if (!(uk[0] <= lat && lat <= uk[1] && uk[2] <= lng && lng <= uk[3])) {
      return notFound("outside_uk", "point");
    }
    var en = wgs84ToOsgb(lat, lng), east = en[0], north = en[1], C = R.cell_m;
    var r = Math.floor(north / C), c = Math.floor((east + R.col_offset_m) / C);
    var G = I.grid, reach = Math.ceil(Math.max(G.snap_m, G.snap_m_scotland) / C) + 1;
    var wanted = [];
    for (var tr = Math.floor((r - reach) / G.tile); tr <= Math.floor((r + reach) / G.tile); tr++) {
      for (var tc = Math.floor((c - reach) / G.tile); tc <= Math.floor((c + reach) / G.tile); tc++) {
        if (G.tiles.indexOf(tr + "-" + tc) !== -1) { wanted.push(tr + "-" + tc); }
      }
    }
    var loaded = await Promise.all(wanted.map(function (key) { return load("grid/" + key + ".json"); }));
    var tiles = {};
    wanted.forEach(function (key, k) { tiles[key] = loaded[k]; });
    var grid = new Grid(tiles);
    var ch = grid.char(r, c);
    if (ch !== "." && ch !== "*") { return found(R.force_chars.indexOf(ch), "point", "point", ""); }
    var near = Array.from(nearestByForce(grid, r, c, east, north))
      .sort(function (a, b) { return a[1] - b[1]; });
    if (!near.length) { return notFound("outside_uk", "point"); }
    var force = near[0][0], dist = near[0][1], slug = I.forces[force];
    var limit = slug === "psni" ? G.snap_m_psni : (slug === "police-scotland" ? G.snap_m_scotland : G.snap_m);
    if (dist > limit) { return notFound("outside_uk", "point"); }
    var close = near.filter(function (fd) { return fd[1] - dist < R.border_m; });
    if (close.length > 1) {
      return result("ambiguous", close.map(function (fd) { return I.forces[fd[0]]; }), "point_border", "point");
    }
    return found(force, dist < 1 || (ch === "*" && dist < 500) ? "point" : "approximate", "point", "");
  }

  var COORD_RE = /^[+-]?([0-9]{1,3}(\.[0-9]{0,12})?|\.[0-9]{1,12})$/;

  // Two typed strings to a location, as the server reads ?lat=&lng=.
  async function locateTyped(latText, lngText) {
    var values = [];
    var raw = [latText, lngText];
    for (var i = 0; i < 2; i++) {
      if (raw[i] === null || raw[i] === undefined || !String(raw[i]).trim()) { return invalid("empty"); }
      var text = String(raw[i]).trim();
      if (text.length > 20 || !COORD_RE.test(text)) { return invalid("malformed_coordinates"); }
      values.push(parseFloat(text));
    }
    if (!(values[0] >= -90 && values[0] <= 90 && values[1] >= -180 && values[1] <= 180)) {
      return invalid("out_of_range");
    }
    return locatePoint(values[0], values[1]);
  }

  window.wellbeingLocator = { locate: locate, locatePoint: locatePoint, locateTyped: locateTyped };

  // ---- the page ----------------------------------------------------------------

  modules["wb-find-in-browser"] = function (form) {
    var data = JSON.parse(document.getElementById("in-browser-data").textContent);
    var section = document.getElementById("in-browser-result");
    var input = form.querySelector("input[name=q]");
    var locate = document.querySelector("[data-module=wb-use-location]");

    function show(res) {
      var heading = data.headings[res.status] || data.headings.not_found;
      var text = data.messages[res.reason] || data.messages.unrecognised;
      section.querySelector("h2").textContent = heading;
      section.querySelector("p").textContent = text.replace("%(matched)s", res.matched);
      var list = section.querySelector("ul");
      list.textContent = "";
      res.forces.forEach(function (slug, i) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = data.forces[slug][1];
        link.textContent = data.forces[slug][0];
        item.appendChild(link);
        if (res.qualifiers[i]) {
          var note = document.createElement("span");
          note.className = "wb-result__qualifier";
          note.textContent = " (" + res.qualifiers[i] + ")";
          item.appendChild(note);
        }
        list.appendChild(item);
      });
      list.hidden = !res.forces.length;
      section.hidden = false;
    }

    function failed() {
      show({ status: "not_found", reason: "", matched: "", forces: [], qualifiers: [] });
      section.querySelector("p").textContent = data.unavailable;
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.wellbeingLocator.locate(input.value).then(show, failed);
    });
    if (locate && "geolocation" in navigator) {
      var button = locate.querySelector("button");
      var status = locate.querySelector('[role="status"]');
      locate.hidden = false;
      button.addEventListener("click", function () {
        button.disabled = true;
        status.textContent = locate.getAttribute("data-finding");
        navigator.geolocation.getCurrentPosition(function (position) {
          button.disabled = false;
          status.textContent = "";
          // Rounded to about 100 metres, as the server's page rounds it.
          var lat = Number(position.coords.latitude.toFixed(3));
          var lng = Number(position.coords.longitude.toFixed(3));
          window.wellbeingLocator.locatePoint(lat, lng).then(show, failed);
        }, function () {
          button.disabled = false;
          status.textContent = locate.getAttribute("data-error");
        }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
      });
    }
  };
})();
