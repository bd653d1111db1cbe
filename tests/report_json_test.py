#!/usr/bin/env python3
"""The JSON of `report --format json` and `recap --format json` against the schemas boussole
ships (doc/schema/report.schema.json, doc/schema/recap.schema.json), with Debian's
python3-jsonschema:

- each schema is a valid draft 2020-12 schema, closed everywhere (`additionalProperties: false`,
  every property required) and every property says what it is (`description`), so a member
  added to the output without the schema, or to the schema without the output, fails here;
- every member of every struct of report_content.hpp and recap_content.hpp is a property of the
  schema (under the JSON name the map below gives when it differs), so a member added to the
  content without its JSON fails here, naming it;
- the JSON of both audiences on examples/revops and examples/revops-fr and on the scripted
  quarter (tests/data/quarter-fr), with and without history, and the recap of that quarter and
  of revops-fr committed in git with a quarter of changes, validate;
- so do the sellers audience (the examples, tests/data/backlog, revops-fr in git), reports
  narrowed by --owner and --stream, the backlog roadmap in team and leadership and its recap
  over a quarter (proposals planned), the quarter's trends (a week before, --since DATE and
  REV, no point) and updates dated from history; each new part is checked against the options
  asked and read back from the Markdown (`parts`, `sellers_as_markdown`, `trends_as_markdown`);
- the schema rejects an unknown member, at the top and deep inside (so the check can fail);
- the JSON does not depend on the language (--lang, roadmap.language);
- its numbers are the Markdown's, read back from the same command's Markdown (the burn-up's line too,
  whose last point is the header's planned epics and whose points add up);
- the recap of the quarter matches tests/golden/quarter-fr-recap.json
  (BOUSSOLE_UPDATE_GOLDEN=1 rewrites it).

usage: report_json_test.py BOUSSOLE SOURCE_DIR
"""
import copy
import json
import math
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema

boussole, source = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
update = os.environ.get("BOUSSOLE_UPDATE_GOLDEN") == "1"
env = dict(os.environ, TZ="UTC", LC_ALL="C", GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
           GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.com", GIT_COMMITTER_NAME="Test",
           GIT_COMMITTER_EMAIL="test@example.com")
passed = failed = 0
tmp = pathlib.Path(tempfile.mkdtemp(prefix="report-json-"))


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}")


def run(cwd, *args):
    r = subprocess.run([boussole, *args], cwd=cwd, env=env, capture_output=True, text=True)
    check(r.returncode == 0, f"boussole {' '.join(args)}: exit {r.returncode}\n{r.stderr}")
    return r.stdout


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True)


def commit(repo, message, day):
    git(repo, "add", "-A")
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True, capture_output=True,
                   env=dict(env, GIT_AUTHOR_DATE=f"{day}T12:00:00Z", GIT_COMMITTER_DATE=f"{day}T12:00:00Z"))


def edit(path, before, after):
    text = path.read_text(encoding="utf-8")
    assert before in text, f"{before!r} not in {path}"
    path.write_text(text.replace(before, after, 1), encoding="utf-8")


def load_schema(name):
    schema = json.loads((source / "doc" / "schema" / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    check(cls is jsonschema.Draft202012Validator, f"{name} is a draft 2020-12 schema")
    cls.check_schema(schema)
    return schema, cls(schema)


# --- The schemas themselves: closed, complete, every property described.
def walk(node, where, problems):
    if isinstance(node, dict):
        if "properties" in node or node.get("type") == "object":
            props = node.get("properties", {})
            if node.get("additionalProperties") is not False:
                problems.append(f"{where}: an object without additionalProperties: false")
            if sorted(node.get("required", [])) != sorted(props):
                problems.append(f"{where}: required is not every property")
            if not node.get("description"):
                problems.append(f"{where}: an object without a description")
            for key, sub in props.items():
                if not isinstance(sub, dict) or not sub.get("description", "").strip():
                    problems.append(f"{where}/properties/{key}: no description")
        for key, sub in node.items():
            walk(sub, f"{where}/{key}", problems)
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            walk(sub, f"{where}/{i}", problems)


schemas = {}
for name, version in (("report.schema.json", "boussole.report/1"), ("recap.schema.json", "boussole.recap/1")):
    schema, validator = load_schema(name)
    schemas[name] = validator
    problems = []
    walk(schema, name, problems)
    check(not problems, "\n  ".join(problems))
    check(schema["properties"]["format"].get("const") == version, f"{name}: format is {version}")

# The walk finds what it must: a schema with an open object, an undescribed or unrequired member.
for broken in ({"type": "object", "description": "d", "properties": {"a": {"description": "a"}}, "required": ["a"]},
               {"type": "object", "description": "d", "additionalProperties": False,
                "properties": {"a": {"type": "string"}}, "required": ["a"]},
               {"type": "object", "description": "d", "additionalProperties": False,
                "properties": {"a": {"description": "a"}}}):
    problems = []
    walk(broken, "broken", problems)
    check(len(problems) == 1, f"the schema walk finds the flaw of {broken}: {problems}")


# --- Every member of the content structs is in the schema (and so, the schema being closed and
# every property required, in the JSON): a member added to report_content.hpp or recap_content.hpp
# without its JSON fails here, naming it.
def content_members(header):
    """{struct name: [members in declaration order]} of a header's plain structs."""
    text = re.sub(r"//[^\n]*", "", header.read_text(encoding="utf-8"))
    text = re.sub(r"enum class \w+\s*\{[^}]*\};", "", text)
    out = {}
    for m in re.finditer(r"\bstruct (\w+)\s*(?::\s*[\w:]+\s*)?\{", text):
        depth, i = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        names = []
        for statement in text[m.end():i - 1].split(";"):
            statement = " ".join(statement.split())
            if not statement or "(" in statement or statement.startswith(("using ", "friend ", "static ")):
                continue
            statement = re.sub(r"\s*=[^,]*(?=,|$)", "", statement)  # default values
            # The type ends at the first space outside <...>; then the names, separated by commas.
            depth_t, cut = 0, len(statement)
            for j, c in enumerate(statement):
                depth_t += {"<": 1, ">": -1}.get(c, 0)
                if c == " " and depth_t == 0:
                    cut = j
                    break
            names += [n.strip() for n in statement[cut:].split(",") if n.strip()]
        out[m.group(1)] = names
    return out


def at(schema, path):
    node = schema
    for key in path.split("/"):
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


# Where each content struct is in its schema, and the members whose JSON name differs.
REPORT_PLACES = {
    "ReportHeader": "properties/header", "CheckInFact": "$defs/check_in", "Measure": "$defs/measure",
    "NorthStarFacts": "$defs/north_star", "KeyResultRow": "$defs/key_result", "ObjectiveScorecard": "$defs/objective",
    "StatusCount": "$defs/stream/properties/epic_counts/items", "TaskLine": "$defs/task", "EpicRow": "$defs/epic",
    "StreamFacts": "$defs/stream", "Overdue": "$defs/reason/oneOf/0", "Blocked": "$defs/reason/oneOf/1",
    "OffPace": "$defs/reason/oneOf/2", "Stale": "$defs/reason/oneOf/3", "NoOwner": "$defs/reason/oneOf/4",
    "AtRiskItem": "$defs/at_risk_item", "OwnerLoad": "$defs/load/properties/owners/items", "LoadFacts": "$defs/load",
    "TimelineBar": "$defs/timeline/properties/sections/items/properties/bars/items",
    "TimelineSection": "$defs/timeline/properties/sections/items",
    "UndatedEpic": "$defs/timeline/properties/undated/items", "TimelineFacts": "$defs/timeline",
    "ReportFooter": "properties/footer", "StatusReportContent": "",
    "ValueChange": "$defs/change", "ValueTrend": "$defs/trend", "SinceFacts": "$defs/since",
    "EpicUpdate": "$defs/update", "StaleUpdate": "$defs/reason/oneOf/5", "MetricFacts": "$defs/metric",
    "Contact": "$defs/contact", "AskFacts": "$defs/ask", "SellerItem": "$defs/seller_item",
    "SupportEntry": "$defs/support_stream/properties/activities/items", "SupportStream": "$defs/support_stream",
    "SellersFacts": "$defs/sellers", "ScopeFacts": "$defs/scope", "BacklogItem": "$defs/backlog_item",
    "StaleDocument": "$defs/stale_document",
}
RECAP_PLACES = {
    "RecapInput": None,  # what the recap is made from, not what it says
    "RecapState": "$defs/state", "UnreadableFile": "$defs/unreadable", "RecapHeader": "properties/header",
    "RecapCount": "$defs/count", "RecapHeadline": "properties/headline", "RecapMeasure": "$defs/north_star",
    "RecapKeyResult": "$defs/key_result", "RecapObjective": "properties/objectives/items",
    "RemovedKeyResult": "properties/removed_key_results/items", "RecapEpic": "$defs/epic",
    "DeliveredEpic": "properties/delivered/items", "DueMove": "properties/slipped/items/properties/moves/items",
    "SlippedEpic": "properties/slipped/items", "DroppedEpic": "properties/dropped/items",
    "AddedEpic": "properties/added/items", "MovedOutEpic": "properties/moved_out/items",
    "GoalpostMove": "properties/goalposts/items", "RecapContent": "",
    "PlannedProposal": "properties/proposals_planned/items",
}
RENAMED = {
    "ReportHeader.elapsed": "elapsed_share", "ReportHeader.work_done": "work_done_share",
    "ReportHeader.epics": "planned_epics", "CheckInFact.stale_after": "stale_after_days",
    "Stale.stale_after": "stale_after_days",
    "EpicUpdate.stale_after": "stale_after_days", "StaleUpdate.stale_after": "stale_after_days", "EpicRow.progress": "progress_share",
    "StreamFacts.progress": "progress_share", "Overdue.progress": "progress_share",
    "RecapEpic.progress": "progress_share", "RecapState.label": "commit",
    # The targets as the format writes them are the numbers before_value and after_value.
    "GoalpostMove.before": "before", "GoalpostMove.after": "after",
    "GoalpostMove.before_value": "before", "GoalpostMove.after_value": "after",
}


def content_in_schema(header, schema_name, places):
    schema = json.loads((source / "doc" / "schema" / schema_name).read_text(encoding="utf-8"))
    problems = []
    for struct, members in content_members(source / "include" / "boussole" / header).items():
        if struct not in places:
            problems.append(f"struct {struct} of {header} has no place in {schema_name}: add it there, and to "
                            f"the map of places in tests/report_json_test.py")
            continue
        if places[struct] is None:
            continue
        properties = at(schema, places[struct]).get("properties", {}) if places[struct] else schema["properties"]
        for m in members:
            name = RENAMED.get(f"{struct}.{m}", m)
            if name not in properties:
                problems.append(f"{struct}::{m} ({header}) is not in {schema_name} at {places[struct] or '/'}: "
                                f"write it in the JSON renderer and describe it in the schema")
    return problems


check(not (p := content_in_schema("report_content.hpp", "report.schema.json", REPORT_PLACES)), "\n  ".join(p))
check(not (p := content_in_schema("recap_content.hpp", "recap.schema.json", RECAP_PLACES)), "\n  ".join(p))
# issue 15: the burn-up's structs are declared in plan.hpp; both schemas describe them.
plan_structs = content_members(source / "include" / "boussole" / "plan.hpp")
for schema_name in ("report.schema.json", "recap.schema.json"):
    places = {"BurnUp": "$defs/burn_up", "BurnUpPoint": "$defs/burn_up/properties/points/items"}
    check(not (p := content_in_schema("plan.hpp", schema_name, {**{k: None for k in plan_structs}, **places})),
          "\n  ".join(p))
members = content_members(source / "include" / "boussole" / "report_content.hpp")
check(members["EpicRow"][:4] == ["id", "title", "owner", "status"] and "deliverables" in members["EpicRow"] and
      members["StreamFacts"][5] == "progress" and members["Measure"][1:5] == ["baseline", "current", "target",
                                                                             "confidence"],
      f"the header's members are read: {members['EpicRow']}, {members['StreamFacts']}, {members['Measure']}")


# --- Every value of an enum the JSON writes is in the schema's enum, spelt with '-' for '_': a
# new value (an audience, a status) without its schema fails here, before any input has it.
def enum_values(header, pattern):
    text = re.sub(r"//[^\n]*", "", (source / "include" / "boussole" / header).read_text(encoding="utf-8"))
    body = re.search(pattern + r"\s*\{([^}]*)\}", text).group(1)
    return {v.split("=")[0].strip().replace("_", "-") for v in body.split(",") if v.strip()}


ENUMS = (  # (header, where the enum is declared, schema, where its spellings are)
    ("model.hpp", r"enum class EpicStatus", "report.schema.json", "$defs/epic_status"),
    ("model.hpp", r"enum class EpicStatus", "recap.schema.json", "$defs/epic_status"),
    ("model.hpp", r"enum class TaskStatus", "report.schema.json", "$defs/task/properties/status"),
    ("model.hpp", r"enum class StreamKind", "report.schema.json", "$defs/stream/properties/kind"),
    ("model.hpp", r"enum class Pace", "report.schema.json", "$defs/measure/properties/pace"),
    ("model.hpp", r"enum class Cadence", "report.schema.json", "$defs/cadence"),
    ("report.hpp", r"enum class Audience", "report.schema.json", "properties/audience"),
    ("report_content.hpp", r"enum class Direction", "report.schema.json", "$defs/change/properties/direction"),
    ("report_content.hpp", r"enum class DoneDating", "report.schema.json", "$defs/seller_item/properties/dating"),
    ("report_content.hpp", r"struct AtRiskItem \{\s*enum class Kind", "report.schema.json",
     "$defs/at_risk_item/properties/kind"),
    ("plan.hpp", r"struct SinceRequest \{\s*enum class Kind", "report.schema.json", "$defs/since/properties/kind"),
)
for header, pattern, schema_name, path in ENUMS:
    declared = enum_values(header, pattern)
    spelt = set(at(json.loads((source / "doc" / "schema" / schema_name).read_text(encoding="utf-8")), path)["enum"])
    check(len(declared) > 1 and declared == spelt,
          f"{pattern} ({header}) is {sorted(declared)}; {schema_name} at {path} spells {sorted(spelt)}")


def valid(kind, name, text):
    """Validates one document; returns it parsed."""
    doc = json.loads(text)
    error = jsonschema.exceptions.best_match(schemas[kind].iter_errors(doc))
    where = "/".join(str(p) for p in error.absolute_path) if error else ""
    check(error is None, f"{name} does not validate against {kind}: {where}: {error.message if error else ''}")
    check(text.endswith("}\n") and "\r" not in text, f"{name}: one JSON document and a final newline")
    return doc


def rejects(kind, name, doc):
    """The schema rejects one unknown member added at the top, and one deep inside."""
    top = copy.deepcopy(doc)
    top["extra"] = 1
    check(not schemas[kind].is_valid(top), f"{kind} accepts an unknown member at the top of {name}")
    deep = copy.deepcopy(doc)
    inner = deep["header"]
    inner["extra"] = None
    check(not schemas[kind].is_valid(deep), f"{kind} accepts an unknown member in the header of {name}")
    if kind == "report.schema.json" and doc["streams"] and doc["streams"][0]["epics"]:
        deeper = copy.deepcopy(doc)
        deeper["streams"][0]["epics"][0]["extra"] = "P0"
        check(not schemas[kind].is_valid(deeper), f"{kind} accepts an unknown member in an epic of {name}")
    missing = copy.deepcopy(doc)
    del missing["header"]["start"]
    check(not schemas[kind].is_valid(missing), f"{kind} accepts a header without its start in {name}")


def percent(share):
    """A share as the Markdown rounds it: a whole percentage, half away from zero."""
    return math.floor(share * 100 + 0.5 + 1e-9)


def score(value):
    return f"{math.floor(value * 100 + 0.5 + 1e-9) / 100:.2f}"


def same_numbers_as_markdown(name, doc, md):
    """A few numbers of a status report's JSON read back from its Markdown (English)."""
    h = doc["header"]
    check(f"day {h['day']} of {h['days']} ({percent(h['elapsed_share'])}% of the period elapsed)" in md,
          f"{name}: day {h['day']} of {h['days']}, {h['elapsed_share']} elapsed, as in the Markdown")
    if h["work_done_share"] is not None:
        check(f" {percent(h['work_done_share'])}% (mean over {h['planned_epics']} planned epic" in md,
              f"{name}: work done {h['work_done_share']} over {h['planned_epics']} epics, as in the Markdown")
    b = doc["burn_up"]
    if b:  # issue 15: the burn-up's line, and its last point is the planned work the header counts
        last = b["points"][-1]
        added, out = sum(p["added"] for p in b["points"]), sum(p["dropped"] for p in b["points"])
        line = (f"{last['done']} of {last['scope']} epic{'' if last['scope'] == 1 else 's'} done; "
                f"{'the oldest state read (the history starts after the period' if b['or_before'] else 'the plan'}")
        check(line in md and f" had {b['planned']}, {added} added and {out} taken out since" in md,
              f"{name}: the burn-up {last} from {b['planned']}, +{added} -{out}, as in the Markdown")
        check(last["scope"] == h["planned_epics"] and last["date"] == h["as_of"],
              f"{name}: the burn-up ends with the header's {h['planned_epics']} planned epics on {h['as_of']}: {last}")
        check(b["points"][0]["scope"] == b["planned"] and b["points"][0]["date"] == h["start"] and
              all(q["scope"] == p["scope"] + q["added"] - q["dropped"] and p["date"] < q["date"]
                  for p, q in zip(b["points"], b["points"][1:])),
              f"{name}: the burn-up starts at the plan on the period's start and adds up: {b['points']}")
    rows = 0
    for o in doc["objectives"]:
        for k in o["key_results"]:
            m = k["measure"]
            if k["id"] and m["score"] is not None:
                row = next((line for line in md.splitlines() if line.startswith("| ") and f"({k['id']}) |" in line),
                           "")
                check(f"| {score(m['score'])} |" in row and f"| {m['pace'].replace('-', ' ')} |" in row,
                      f"{name}: {k['id']} scores {m['score']} ({m['pace']}), the Markdown says {row!r}")
                rows += 1
    if doc["north_star"] and doc["north_star"]["measure"]["score"] is not None:
        check(f" {percent(doc['north_star']['measure']['score'])}% of the way to the target" in md,
              f"{name}: the North Star's score as in the Markdown")
    # The leadership view adds an "Owner's update" column when an item at risk has one.
    risk_rows = re.search(r"## At risk\n\n\| What \| Owner \| Why \|(?: [^|\n]* \|)?\n\|(?: --- \|)+\n((?:\|.*\n)*)", md)
    check(len(doc["at_risk"]) == (len(risk_rows.group(1).splitlines()) if risk_rows else 0),
          f"{name}: {len(doc['at_risk'])} items at risk, as many rows in the Markdown")
    if doc["load"]:
        # Names Markdown writes as written (no character it escapes).
        for o in (o for o in doc["load"]["owners"] if re.fullmatch(r"[\w .'-]+", o["name"])):
            check(f"| {o['name']} | {o['open_epics']} | {o['open_tasks']} |" in md,
                  f"{name}: {o['name']}'s load as in the Markdown")
    return rows


BLOCKS = "▁▂▃▄▅▆▇█"


def option(args, name):
    return args[args.index(name) + 1] if name in args else None


def measures(doc):
    """(label, trend, Markdown row key) of the North Star and every key result."""
    out = [("the North Star", doc["north_star"]["trend"], None)] if doc["north_star"] else []
    return out + [(k["id"], k["trend"], f"({k['id']}) |") for o in doc["objectives"] for k in o["key_results"]]


def parts(name, doc, args):
    """The parts merged with issue 14, on any input: true to the options asked and to themselves."""
    audience, owner, stream = doc["audience"], option(args, "--owner"), option(args, "--stream")
    scope = doc["scope"]
    check((scope is not None) == bool(owner or stream), f"{name}: a scope exactly when narrowed: {scope}")
    if scope:
        check(scope["owner_id"] == owner and scope["stream_id"] == stream and (scope["owner"] is None) == (not owner)
              and (scope["stream"] is None) == (not stream), f"{name}: the scope is the one asked: {scope}")
    if stream:
        check(all(s["id"] == stream for s in doc["streams"]), f"{name}: only stream {stream}")
    if owner and audience == "team":  # tasks and contributors: for the team only
        check(doc["streams"] and all(any(e["owner"] == scope["owner"] or scope["owner"] in e["contributors"] or
                                         any(t["owner"] == scope["owner"] for t in e["tasks"]) for e in s["epics"])
                                     for s in doc["streams"]), f"{name}: every stream shown has work of {owner}")
    check((doc["sellers"] is None) == (audience != "sellers"), f"{name}: the sellers' view for sellers only")
    check(doc["burn_up"] is None or audience != "sellers", f"{name}: no burn-up for sellers")
    check(not doc["who_to_ask"] or audience == "team", f"{name}: who to ask for the team only")
    if audience == "sellers":
        # The sellers' view says what changes for them and whom to ask: no figures, no other part.
        check(doc["north_star"] is None and not doc["objectives"] and not doc["streams"] and not doc["at_risk"]
              and not doc["metrics"] and not doc["backlog"] and not doc["check_ins"] and not doc["trends"],
              f"{name}: the sellers' JSON says no more than their view (no scorecard, streams, risks, backlog)")
        sellers = doc["sellers"]
        for item in sellers["shipped"]:
            check(sellers["shipped_from"] <= item["date"] <= doc["header"]["as_of"], f"{name}: shipped {item}")
            check((item["dating"] == "history") == sellers["history"] or item["dating"] == "not-committed",
                  f"{name}: {item['id']} dated from history exactly when history was read: {item['dating']}")
        for item in sellers["coming"]:
            check(doc["header"]["as_of"] <= item["date"] <= sellers["coming_until"] and item["dating"] == "due",
                  f"{name}: coming {item}")
        for item in sellers["shipped"] + sellers["coming"]:
            check(item["ask"]["name"], f"{name}: someone to ask about {item['id']}")
    # Trends: exactly with history read for them, each one whole.
    check((doc["since"] is not None) == doc["trends"], f"{name}: a since point exactly with trends")
    for label, trend, _ in measures(doc):
        if not doc["trends"]:
            check(trend is None, f"{name}: no trend for {label} without history")
        elif trend:
            check(0 < len(trend["values"]) == len(trend["levels"]) <= 12, f"{name}: {label}'s trend: {trend}")
            check(not trend["flat"] or set(trend["levels"]) == {3}, f"{name}: {label}'s flat trend is all level 3")
            check((trend["since_point"] is None) == (doc["since"]["commit"] is None),
                  f"{name}: {label} has a change since the point exactly when there is a point")
    # The backlog: proposals only there, P0 first, unprioritised last.
    order = [b["priority"] or "P9" for b in doc["backlog"]]
    check(order == sorted(order), f"{name}: the backlog by priority: {order}")
    check(all(e["status"] != "proposed" for s in doc["streams"] for e in s["epics"]),
          f"{name}: no proposal among the streams' epics")
    # An update is stale exactly when the epic is at risk for it.
    stale = {i["id"] for i in doc["at_risk"] if any(r["kind"] == "stale-update" for r in i["reasons"])}
    updated = {e["id"]: e["update"] for s in doc["streams"] for e in s["epics"] if e["update"]}
    check(stale == {i for i, u in updated.items() if u["stale_days"] is not None} or not doc["streams"],
          f"{name}: stale updates {stale} are the epics whose update has stale_days")
    for i in doc["at_risk"]:
        for r in i["reasons"]:
            if r["kind"] == "stale-update":
                u = i["update"]
                check(u and u["changed"]["date"] == r["last"] and u["stale_days"] == r["days"] > r["stale_after_days"],
                      f"{name}: {i['id']}'s stale update {r} is its update's last change {u}")


def table_rows(md, heading):
    """The rows of the first table under a Markdown heading."""
    section = md.split(f"{heading}\n", 1)[1].split("\n#", 1)[0] if f"{heading}\n" in md else ""
    return [line for line in section.splitlines() if line.startswith("| ")][2:]  # after the head and the rule


def sellers_as_markdown(name, doc, md):
    s = doc["sellers"]
    for key, heading in (("shipped", "## Shipped in the last two weeks"), ("coming", "## Coming in the next four weeks")):
        rows = table_rows(md, heading)
        check(len(rows) == len(s[key]), f"{name}: {len(s[key])} {key}, {len(rows)} rows in the Markdown")
        for item, row in zip(s[key], rows):
            # Done in the working tree, not committed yet: "just now", not a date.
            day = item["date"] if item["dating"] != "not-committed" else ""
            check(row.startswith(f"| {day}") and f"| {item['ask']['name']}" in row,
                  f"{name}: {item['id']} on {item['date']}, ask {item['ask']['name']}; the Markdown says {row!r}")
    for stream in s["support"]:
        check(f"Ask {stream['owner']['name']}" in md, f"{name}: ask {stream['owner']['name']} for {stream['id']}")


def trends_as_markdown(name, doc, md):
    """Each change and sparkline as the Markdown shows it."""
    shown = 0
    for label, trend, key in measures(doc):
        if not trend:
            continue
        spark = "".join(BLOCKS[level] for level in trend["levels"])
        change = trend["since_check_in"]
        direction = ("first value" if change["is_new"] else "unchanged" if change["direction"] == "unchanged"
                     else f"({change['direction']})")
        if key is None:
            line = next((line for line in md.splitlines() if line.startswith("Since its last check-in:")), "")
            check(line.endswith(f"trend over the period: {spark}.") and direction in line.split(";")[0],
                  f"{name}: the North Star's trend {spark} ({direction}); the Markdown says {line!r}")
        else:
            row = next((line for line in md.splitlines() if line.startswith("| ") and key in line), "")
            check(row.endswith(f"| {spark} |") and f"{direction} |" in row,
                  f"{name}: {label}'s trend {spark} ({direction}); the Markdown says {row!r}")
        shown += 1
    return shown


def report(cwd, name, *args, markdown=True, audiences=("team", "leadership")):
    """Validates the report JSON of the audiences; checks it against --lang and, with `markdown`,
    against the Markdown (names compared as written: not for a roadmap whose names it escapes)."""
    docs = {}
    for audience in audiences:
        label = f"{name} ({audience})"
        text = run(cwd, "report", *args, "--audience", audience, "--format", "json")
        doc = valid("report.schema.json", label, text)
        check(doc["audience"] == audience, f"{label}: audience")
        rejects("report.schema.json", label, doc)
        for lang in ("en", "fr"):
            check(run(cwd, "report", *args, "--audience", audience, "--format", "json", "--lang", lang) == text,
                  f"{label}: --lang {lang} changes the JSON")
        parts(label, doc, args)
        if markdown:
            md = run(cwd, "report", *args, "--audience", audience, "--lang", "en")
            if audience == "sellers":
                sellers_as_markdown(label, doc, md)
            else:
                read = same_numbers_as_markdown(label, doc, md)
                check(read > 0 or doc["scope"], f"{label}: some key result read back")
            if doc["trends"]:
                check(trends_as_markdown(label, doc, md) > 0, f"{label}: some trend read back")
        check((doc["load"] is None) == (audience != "team"), f"{label}: a load table for the team only")
        docs[audience] = doc
    return docs


# --- The examples, outside git and from the source tree.
report(source, "examples/revops", "--no-history", "examples/revops", "--as-of", "2026-11-23")
report(source, "examples/revops-fr", "--no-history", "examples/revops-fr", "--as-of", "2026-11-23")
report(source, "examples/revops late", "--no-history", "examples/revops", "--as-of", "2027-01-15")
# Untitled, unowned, undated things, no North Star, a {start, end} period: nulls where the schema says.
report(source, "report-edge", "--no-history", "tests/data/report-edge", "--as-of", "2026-11-23")
report(source, "hostile-roadmap", "--no-history", "tests/data/hostile-roadmap", "--as-of", "2026-11-23",
       markdown=False)

# --- The sellers' view, and reports narrowed to a person or a stream, in every audience.
ALL = ("team", "leadership", "sellers")
for example in ("examples/revops", "examples/revops-fr"):
    report(source, f"{example} sellers", "--no-history", example, "--as-of", "2026-11-23", audiences=("sellers",))
doc = report(source, "revops sellers earlier", "--no-history", "examples/revops", "--as-of", "2026-11-05",
             audiences=("sellers",))["sellers"]
check([(i["id"], i["date"], i["dating"]) for i in doc["sellers"]["shipped"]] == [
    ("quote-templates", "2026-10-30", "due"), ("account-dedup", "2026-10-23", "due")]
      and doc["sellers"]["coming"] and doc["sellers"]["support"][0]["activities"],
      f"revops sellers on 11-05: shipped (dated by its due date), coming, support: {doc['sellers']}")
for narrowed in (("--owner", "noah"), ("--stream", "billing"), ("--owner", "camille", "--stream", "billing")):
    report(source, f"examples/revops {' '.join(narrowed)}", "--no-history", "examples/revops", "--as-of",
           "2026-11-23", *narrowed, audiences=ALL)

# --- The backlog: proposed epics by priority, in team and leadership, none for sellers.
docs = report(source, "backlog", "--no-history", "tests/data/backlog", "--as-of", "2026-11-23", markdown=False,
              audiences=ALL)
for audience in ("team", "leadership"):
    backlog = docs[audience]["backlog"]
    check([(b["id"], b["priority"]) for b in backlog] == [("top", "P0"), ("mid", "P2"), ("later", None)] and
          backlog[0]["estimate"] == "3w" and backlog[0]["stream"] and backlog[2]["owner"] == "Bo Li",
          f"backlog ({audience}): the proposals by priority: {backlog}")
    rows = table_rows(run(source, "report", "--no-history", "tests/data/backlog", "--as-of", "2026-11-23",
                          "--audience", audience, "--lang", "en"), "## Backlog")
    check(len(rows) == len(backlog) and all(row.startswith(f"| {b['priority'] or 'not prioritised'} |") and
                                            f"({b['id']}) |" in row for b, row in zip(backlog, rows)),
          f"backlog ({audience}): as in the Markdown: {rows}")

# --- The scripted quarter, with its history (check-ins from git).
quarter = tmp / "quarter"
subprocess.run([sys.executable, source / "tests/data/quarter-fr/quarter.py", quarter], check=True, capture_output=True)
docs = report(quarter, "quarter-fr", "roadmap", "--as-of", "2026-11-27", audiences=ALL)
check(docs["team"]["trends"] and docs["team"]["since"] == {
    "kind": "week-before", "asked": "2026-11-20", "revision": None, "commit": docs["team"]["since"]["commit"],
    "commit_date": "2026-11-20", "history_starts": None} and docs["team"]["since"]["commit"],
      f"quarter-fr: the since point a week before: {docs['team']['since']}")
ns = docs["team"]["north_star"]["trend"]
check(ns["values"] == [96000, 101000, 104000, 109000] and ns["since_check_in"] == {
    "delta": 5000, "is_new": False, "direction": "better"}, f"quarter-fr: the North Star's trend: {ns}")
# No commit a week before the report date: no point, changes since the last check-in only.
docs = report(quarter, "quarter-fr without a point", "roadmap", "--as-of", "2026-10-03")
since = docs["team"]["since"]
check(since == {"kind": "week-before", "asked": "2026-09-26", "revision": None, "commit": None, "commit_date": None,
                "history_starts": "2026-09-30"}, f"quarter-fr on 10-03: no since point, history from 09-30: {since}")
# The whole quarter, --since a date and --since a revision.
docs = report(quarter, "quarter-fr since a date", "roadmap", "--as-of", "2026-12-18", "--since", "2026-10-01")
since = docs["team"]["since"]
check(since["kind"] == "date" and since["asked"] == "2026-10-01" and since["commit_date"] == "2026-09-30",
      f"quarter-fr --since 2026-10-01: the plan of 09-30: {since}")
docs = report(quarter, "quarter-fr since a revision", "roadmap", "--as-of", "2026-12-18", "--since", "HEAD~2")
since = docs["team"]["since"]
check(since["kind"] == "revision" and since["revision"] == "HEAD~2" and since["commit_date"] == "2026-12-01",
      f"quarter-fr --since HEAD~2: the commit of 12-01: {since}")
doc = json.loads(run(quarter, "report", "roadmap", "--as-of", "2026-11-27", "--format", "json"))
check(doc["history"] and all(k["check_in"] for o in doc["objectives"] for k in o["key_results"]),
      "quarter-fr: check-ins read from git")
check(any(k["check_in"]["date"] is None for o in doc["objectives"] for k in o["key_results"]),
      "quarter-fr: a value not committed by the report date has a check-in without a date (null)")

recap = run(quarter, "recap", "roadmap", "--at", "HEAD", "--format", "json")
doc = valid("recap.schema.json", "quarter-fr recap", recap)
rejects("recap.schema.json", "quarter-fr recap", doc)
check(run(quarter, "recap", "roadmap", "--at", "HEAD", "--format", "json", "--lang", "fr") == recap,
      "the recap's JSON does not depend on --lang")
md = run(quarter, "recap", "roadmap", "--at", "HEAD", "--lang", "en")
h = doc["headline"]
for label, key in (("Delivered", "delivered"), ("Dropped", "dropped"), ("Carried over", "carried_over")):
    n = h[key]
    check(f"| {label} | {n['count']} of {n['of']} epics ({percent(n['share'])}%) |" in md,
          f"quarter-fr recap: {key} {n} as in the Markdown")
check(f"| Epics planned at the baseline | {h['planned']} |" in md, "quarter-fr recap: planned")
check(f"| Mean key-result score | {score(h['mean_score'])} ({h['scored']} of {h['key_results']} key results" in md,
      "quarter-fr recap: the mean score")
check(h["delivered"]["count"] + h["dropped"]["count"] + h["moved_out"]["count"] + h["carried_over"]["count"] ==
      h["total"], "quarter-fr recap: the outcomes add up to the total")
check(doc["header"]["unreadable"] and doc["header"]["unreadable"][0]["line"] == 9, "quarter-fr: the unreadable file")
check(doc["header"]["read_on"] is None, "quarter-fr: an end at a commit has no read_on")
golden = source / "tests" / "golden" / "quarter-fr-recap.json"
if update:
    golden.write_text(recap, encoding="utf-8")
check(golden.exists() and golden.read_text(encoding="utf-8") == recap,
      f"the quarter's recap JSON differs from {golden}")
# An end in the working tree: read_on is the day it was read.
wt = json.loads(run(quarter, "recap", "roadmap", "--format", "json"))
check(wt["header"]["end_state"] == {"commit": None, "date": None, "summary": None} and wt["header"]["read_on"],
      "quarter-fr: the working tree as the end")

# --- revops-fr committed as a plan, then a quarter: a slip, check-ins, goalposts moved, a drop.
repo = tmp / "revops-fr"
shutil.copytree(source / "examples" / "revops-fr", repo / "roadmap")
git(repo, "init", "-q", "-b", "main")
commit(repo, "Plan du T4", "2026-09-30")
edit(repo / "roadmap/streams/routage.yaml", "due: 2026-11-13", "due: 2026-11-27")
edit(repo / "roadmap/streams/routage.yaml", 'update: "Fait : matrice', 'update: "Fait : la matrice')
commit(repo, "Routage : échéance repoussée", "2026-10-20")
edit(repo / "roadmap/objectives.yaml", "target: 4\n", "target: 6\n")
edit(repo / "roadmap/roadmap.yaml", "target: 120000", "target: 125000")
edit(repo / "roadmap/streams/facturation.yaml", "status: planned", "status: done")
commit(repo, "Cibles revues ; remises livrées", "2026-11-20")
recap = run(repo, "recap", "roadmap", "--at", "HEAD", "--format", "json")
doc = valid("recap.schema.json", "revops-fr recap", recap)
rejects("recap.schema.json", "revops-fr recap", doc)
moves = {(g["subject"], g["before"], g["after"], g["north_star"]) for g in doc["goalposts"]}
check((None, 120000, 125000, True) in moves and any(b == 4 and a == 6 for _, b, a, _ in moves),
      f"revops-fr recap: the goalposts as numbers: {moves}")
check(doc["slipped"] and doc["slipped"][0]["slip_days"] == 14, "revops-fr recap: the slip of 14 days")
check(run(repo, "recap", "roadmap", "--at", "HEAD", "--format", "json", "--lang", "en") == recap,
      "revops-fr recap: --lang en changes the JSON")
docs = report(repo, "revops-fr in git", "roadmap", "--as-of", "2026-11-23", audiences=ALL)
# Each update dated by its last change: the one rewritten on 10-20, the others as planned on 09-30.
updates = {e["id"]: e["update"]["changed"] for s in docs["team"]["streams"] for e in s["epics"] if e["update"]}
check(len(updates) > 1 and all(c == {"date": "2026-10-20" if i == "regles-routage" else "2026-09-30",
                                     "or_before": False} for i, c in updates.items()),
      f"revops-fr in git: each update dated by its last change: {updates}")
shipped = docs["sellers"]["sellers"]["shipped"]
check([(i["date"], i["dating"]) for i in shipped] == [("2026-11-20", "history")],
      f"revops-fr in git: the epic done on 11-20 shipped, dated from history: {shipped}")

# A roadmap first committed after its period started: the recap's note says so, as data.
late = tmp / "late"
shutil.copytree(source / "examples" / "revops", late / "roadmap")
git(late, "init", "-q", "-b", "main")
commit(late, "Plan, a week late", "2026-10-08")
edit(late / "roadmap/roadmap.yaml", "current: 104000", "current: 110000")
commit(late, "Check-in", "2026-11-02")
doc = valid("recap.schema.json", "revops recap", run(late, "recap", "roadmap", "--at", "HEAD", "--format", "json"))
check(doc["header"]["notes"] == [{"kind": "plan-after-start", "commit": doc["header"]["baseline"]["commit"],
                                  "date": "2026-10-08", "start": "2026-10-01", "path": None}],
      f"revops recap: the note of a plan after the start: {doc['header']['notes']}")
check(doc["north_star"]["start"] == 104000 and doc["north_star"]["end"] == 110000, "revops recap: the North Star")

# The backlog over a quarter: a proposal of the plan planned on 10-15, one added as a proposal on
# 10-20 and planned on 10-27, two still proposed at the end.
backlog_repo = tmp / "backlog"
shutil.copytree(source / "tests" / "data" / "backlog", backlog_repo / "roadmap")
plan = backlog_repo / "roadmap" / "roadmap.yaml"
git(backlog_repo, "init", "-q", "-b", "main")
commit(backlog_repo, "Plan with a backlog", "2026-09-30")
edit(plan, "{id: mid, title: Mid, owner: ana, status: proposed, priority: P2, due: 2027-02-15}",
     "{id: mid, title: Mid, owner: ana, status: planned, priority: P2, due: 2026-12-15}")
commit(backlog_repo, "Mid planned", "2026-10-15")
edit(plan, "      - {id: mid,", "      - {id: idea, title: Idea, owner: bo, status: proposed}\n      - {id: mid,")
commit(backlog_repo, "A new proposal", "2026-10-20")
edit(plan, "{id: idea, title: Idea, owner: bo, status: proposed}", "{id: idea, title: Idea, owner: bo, status: planned, due: 2026-12-11}")
commit(backlog_repo, "Idea planned", "2026-10-27")
doc = valid("recap.schema.json", "backlog recap", run(backlog_repo, "recap", "roadmap", "--at", "HEAD", "--format", "json"))
rejects("recap.schema.json", "backlog recap", doc)
h = doc["headline"]
check((h["proposals_planned"], h["still_proposed"], h["added"]) == (2, 2, 2),
      f"backlog recap: 2 proposals planned (counted as added), 2 still proposed: {h}")
planned = [(p["epic"]["id"], p["proposed"] and p["proposed"]["date"], p["planned"]["date"])
           for p in doc["proposals_planned"]]
check(planned == [("mid", None, "2026-10-15"), ("idea", "2026-10-20", "2026-10-27")],
      f"backlog recap: each proposal planned, with when it was proposed and planned: {planned}")
check(sorted((a["epic"]["id"], a["from_backlog"]) for a in doc["added"]) == [("idea", True), ("mid", True)],
      f"backlog recap: the added epics came from the backlog: {doc['added']}")
md = run(backlog_repo, "recap", "roadmap", "--at", "HEAD", "--lang", "en")
check(f"{h['proposals_planned']} of the epics added were proposals from the backlog" in md and
      f"{h['still_proposed']} proposals still in the backlog" in md, "backlog recap: the counts as in the Markdown")
check(len(table_rows(md, "## Proposals that entered the plan")) == len(doc["proposals_planned"]),
      "backlog recap: as many proposals planned as in the Markdown")

shutil.rmtree(tmp, ignore_errors=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
