#!/usr/bin/env python3
"""Checks a Slack message payload (issue 16) against Block Kit's documented shapes and limits.

    slack_check.py PAYLOAD.json     exit 0 when the message is valid, else 1 with one line a finding
    slack_check.py --self-test      each bad payload below must fail with its own cause

The message is what `boussole digest` posts to an incoming webhook: {"text": ..., "blocks": [...]}
with header, section, context and divider blocks only. The limits, as Slack documents them:

  blocks per message      50     https://api.slack.com/reference/block-kit/blocks
  section text            3000   https://docs.slack.dev/reference/block-kit/blocks/section-block
  header text             150    https://docs.slack.dev/reference/block-kit/blocks/header-block
  context elements        10     https://docs.slack.dev/reference/block-kit/blocks/context-block
  text object text        1..3000  https://docs.slack.dev/reference/block-kit/composition-objects/text-object
  top-level text          40000  https://api.slack.com/changelog/2018-04-truncating-really-long-messages

and one that is not in Slack's reference: the texts of all blocks together, 10000 here. Slack
refuses a message whose blocks hold too much text (`msg_blocks_too_long`), seen from about 11,300
characters (https://github.com/slackapi/bolt-js/issues/2867, and a Slack engineer's "12,000 text
characters with a buffer for block containers" in https://github.com/slackapi/bolt-js/issues/2509);
src/report/slack.cpp keeps the same margin (SlackLimits::total_text).

Lengths are counted in UTF-16 code units (a character beyond the BMP counts 2), which never
undercounts Slack's "characters"; src/report/slack.cpp counts the same way (slack_length).
Python 3 standard library only.
"""

import json
import sys

LIMITS = {
    "blocks": 50,
    "section_text": 3000,
    "header_text": 150,
    "context_elements": 10,
    "text_object": 3000,
    "message_text": 40000,
    "block_id": 255,
    "total_text": 10000,
}

MESSAGE_KEYS = {"text", "blocks"}
BLOCK_KEYS = {
    "header": ({"type", "text"}, {"block_id"}),
    "section": ({"type", "text"}, {"block_id"}),
    "context": ({"type", "elements"}, {"block_id"}),
    "divider": ({"type"}, {"block_id"}),
}
TEXT_KEYS = {"plain_text": {"type", "text", "emoji"}, "mrkdwn": {"type", "text", "verbatim"}}


def length(s):
    return len(s.encode("utf-16-le")) // 2


def check_text_object(obj, where, allowed_types, limit, findings):
    if not isinstance(obj, dict):
        findings.append(f"{where}: a text object must be a JSON object, not {type(obj).__name__}")
        return
    kind = obj.get("type")
    if kind not in allowed_types:
        findings.append(f"{where}.type: text type {kind!r} is not allowed here (allowed: {', '.join(sorted(allowed_types))})")
        return
    for key in sorted(set(obj) - TEXT_KEYS[kind]):
        findings.append(f"{where}: unknown key {key!r} in a {kind} text object")
    if "text" not in obj:
        findings.append(f"{where}: missing required field 'text'")
        return
    text = obj["text"]
    if not isinstance(text, str):
        findings.append(f"{where}.text: must be a string")
        return
    if length(text) < 1:
        findings.append(f"{where}.text: empty text (Slack requires at least 1 character)")
    if length(text) > limit:
        findings.append(f"{where}.text: {length(text)} characters, over the limit of {limit}")
    for flag in ("emoji", "verbatim"):
        if flag in obj and not isinstance(obj[flag], bool):
            findings.append(f"{where}.{flag}: must be true or false")


def check(message):
    """The findings of one payload (parsed JSON), one sentence each; none when it is valid."""
    findings = []
    if not isinstance(message, dict):
        return [f"the payload must be a JSON object, not {type(message).__name__}"]
    for key in sorted(set(message) - MESSAGE_KEYS):
        findings.append(f"unknown top-level key {key!r} (allowed: blocks, text)")
    if "text" not in message:
        findings.append("missing top-level 'text': the notification's fallback is required")
    elif not isinstance(message["text"], str):
        findings.append("top-level 'text' must be a string")
    elif length(message["text"]) > LIMITS["message_text"]:
        findings.append(f"top-level 'text': {length(message['text'])} characters, over the limit of {LIMITS['message_text']}")
    blocks = message.get("blocks")
    if "blocks" not in message:
        findings.append("missing top-level 'blocks'")
        return findings
    if not isinstance(blocks, list):
        findings.append("top-level 'blocks' must be an array")
        return findings
    if len(blocks) > LIMITS["blocks"]:
        findings.append(f"{len(blocks)} blocks, over the limit of {LIMITS['blocks']} per message")
    total = 0
    for i, block in enumerate(blocks):
        where = f"blocks[{i}]"
        if not isinstance(block, dict):
            findings.append(f"{where}: a block must be a JSON object")
            continue
        kind = block.get("type")
        if kind not in BLOCK_KEYS:
            findings.append(f"{where}.type: block type {kind!r} is not allowed (allowed: {', '.join(sorted(BLOCK_KEYS))})")
            continue
        required, optional = BLOCK_KEYS[kind]
        for key in sorted(required - set(block)):
            findings.append(f"{where}: missing required field {key!r} of a {kind} block")
        for key in sorted(set(block) - required - optional):
            findings.append(f"{where}: unknown key {key!r} in a {kind} block")
        if "block_id" in block and (not isinstance(block["block_id"], str) or length(block["block_id"]) > LIMITS["block_id"]):
            findings.append(f"{where}.block_id: must be a string of at most {LIMITS['block_id']} characters")
        for obj in [block.get("text")] + (block.get("elements") if isinstance(block.get("elements"), list) else []):
            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                total += length(obj["text"])
        if kind == "header" and "text" in block:
            check_text_object(block["text"], f"{where}.text", {"plain_text"}, LIMITS["header_text"], findings)
        elif kind == "section" and "text" in block:
            check_text_object(block["text"], f"{where}.text", {"plain_text", "mrkdwn"}, LIMITS["section_text"], findings)
        elif kind == "context" and "elements" in block:
            elements = block["elements"]
            if not isinstance(elements, list) or not elements:
                findings.append(f"{where}.elements: must be a non-empty array")
                continue
            if len(elements) > LIMITS["context_elements"]:
                findings.append(f"{where}.elements: {len(elements)} elements, over the limit of {LIMITS['context_elements']}")
            for j, e in enumerate(elements):
                check_text_object(e, f"{where}.elements[{j}]", {"plain_text", "mrkdwn"}, LIMITS["text_object"], findings)
    if total > LIMITS["total_text"]:
        findings.append(f"the blocks' texts hold {total} characters together, over the limit of {LIMITS['total_text']}")
    return findings


def good():
    return {
        "text": "Monday digest",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Monday digest"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "*<@U012AB3CD>*\n• one", "verbatim": True}},
            {"type": "divider"},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "boussole", "verbatim": True}]},
        ],
    }


def bad_payloads():
    """(name, payload, the words its finding must hold): one defect each."""
    cases = []

    def case(name, expect, change):
        p = good()
        change(p)
        cases.append((name, p, expect))

    case("no text", "missing top-level 'text'", lambda p: p.pop("text"))
    case("text not a string", "top-level 'text' must be a string", lambda p: p.update(text=["x"]))
    case("text too long", "over the limit of 40000", lambda p: p.update(text="x" * 40001))
    case("unknown top-level key", "unknown top-level key 'attachments'", lambda p: p.update(attachments=[]))
    case("no blocks", "missing top-level 'blocks'", lambda p: p.pop("blocks"))
    case("too many blocks", "51 blocks, over the limit of 50", lambda p: p.update(blocks=[{"type": "divider"}] * 51))
    case("unknown block type", "block type 'image' is not allowed",
         lambda p: p["blocks"].append({"type": "image", "image_url": "https://x.test/a.png", "alt_text": "a"}))
    case("header in mrkdwn", "text type 'mrkdwn' is not allowed here", lambda p: p["blocks"][0]["text"].update(type="mrkdwn"))
    case("header too long", "151 characters, over the limit of 150", lambda p: p["blocks"][0]["text"].update(text="h" * 151))
    case("header without text", "missing required field 'text' of a header block", lambda p: p["blocks"][0].pop("text"))
    case("section too long", "3001 characters, over the limit of 3000", lambda p: p["blocks"][1]["text"].update(text="s" * 3001))
    case("section too long beyond the BMP", "3002 characters, over the limit of 3000",
         lambda p: p["blocks"][1]["text"].update(text="s" * 2000 + "\U0001F600" * 501))
    case("empty section text", "empty text", lambda p: p["blocks"][1]["text"].update(text=""))
    case("unknown key in a block", "unknown key 'accessory' in a section block", lambda p: p["blocks"][1].update(accessory={}))
    case("unknown key in a text object", "unknown key 'emoji' in a mrkdwn text object",
         lambda p: p["blocks"][1]["text"].update(emoji=True))
    case("verbatim not a boolean", "verbatim: must be true or false", lambda p: p["blocks"][1]["text"].update(verbatim="yes"))
    case("text type unknown", "text type 'markdown' is not allowed here", lambda p: p["blocks"][1]["text"].update(type="markdown"))
    case("section text not a string", "text: must be a string", lambda p: p["blocks"][1]["text"].update(text=3))
    case("too many context elements", "11 elements, over the limit of 10",
         lambda p: p["blocks"][3].update(elements=[{"type": "mrkdwn", "text": "c"}] * 11))
    case("empty context", "elements: must be a non-empty array", lambda p: p["blocks"][3].update(elements=[]))
    case("context element too long", "over the limit of 3000",
         lambda p: p["blocks"][3]["elements"][0].update(text="c" * 3001))
    case("long block_id", "block_id: must be a string of at most 255", lambda p: p["blocks"][2].update(block_id="b" * 256))
    case("too much text in all", "characters together, over the limit of 10000",
         lambda p: p["blocks"].extend([{"type": "section", "text": {"type": "mrkdwn", "text": "t" * 2500}}] * 4))
    cases.append(("not an object", [], "the payload must be a JSON object"))
    return cases


def self_test():
    failures = []
    if check(good()):
        failures.append(f"the good payload fails: {check(good())}")
    for name, payload, expect in bad_payloads():
        findings = check(payload)
        if not findings:
            failures.append(f"{name}: passed, but must fail with {expect!r}")
        elif len(findings) != 1 or expect not in findings[0]:
            failures.append(f"{name}: expected one finding with {expect!r}, got {findings}")
    for f in failures:
        print(f"slack_check self-test: {f}", file=sys.stderr)
    if failures:
        return 1
    print(f"slack_check self-test: the good payload passes, {len(bad_payloads())} bad payloads fail with their own cause")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print("usage: slack_check.py PAYLOAD.json | --self-test", file=sys.stderr)
        return 2
    path = argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            message = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        print(f"{path}: not a readable JSON payload: {e}", file=sys.stderr)
        return 1
    findings = check(message)
    for finding in findings:
        print(f"{path}: {finding}", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
