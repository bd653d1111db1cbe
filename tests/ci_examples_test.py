#!/usr/bin/python3
"""The CI examples of examples/ci: each file is YAML (yaml.safe_load); the GitHub Pages workflow
has what Pages requires (pages: write and id-token: write, a concurrency group, the artifact
uploaded by actions/upload-pages-artifact and deployed by actions/deploy-pages in the
github-pages environment, on every push to main); the GitLab job is a `pages` job on the default
branch whose artifacts are public/; a GitLab job that builds boussole installs what its CMake
requires (libgit2-dev, pkg-config); and the boussole commands both Pages examples run work: they
are run, as written, on the English example's scripted quarter (tests/html_pages.py), and what they
write passes tests/html_test.py.

usage: ci_examples_test.py BOUSSOLE SOURCE_DIR REPO   (REPO: a roadmap's git repository, roadmap/ in it)
"""
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

boussole, source, repo = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve(), pathlib.Path(sys.argv[3])
sys.path.insert(0, str(source / "tests"))
import html_test  # noqa: E402

failed = passed = 0


def check(ok, what):
    global failed, passed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}")


examples = {p.name: p for p in sorted((source / "examples" / "ci").glob("*.yml"))}
loaded = {}
for name, path in examples.items():
    try:
        loaded[name] = yaml.safe_load(path.read_text(encoding="utf-8"))
        check(isinstance(loaded[name], dict), f"examples/ci/{name}: not a mapping at the top")
    except yaml.YAMLError as e:
        check(False, f"examples/ci/{name}: not YAML: {e}")

# GitHub Pages.
gh = loaded.get("github-pages.yml") or {}
on = gh.get("on", gh.get(True, {}))  # YAML 1.1 reads the key `on` as true
check("main" in (on.get("push") or {}).get("branches", []), "github-pages.yml: not on every push to main")
check(gh.get("permissions", {}).get("pages") == "write" and gh.get("permissions", {}).get("id-token") == "write",
      f"github-pages.yml: Pages needs permissions pages: write and id-token: write: {gh.get('permissions')}")
check(bool((gh.get("concurrency") or {}).get("group")), "github-pages.yml: no concurrency group")
steps = {job: [s.get("uses", "").split("@")[0] for s in j.get("steps", [])] for job, j in gh.get("jobs", {}).items()}
uploads = [s for j in gh.get("jobs", {}).values() for s in j.get("steps", [])
           if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
check(len(uploads) == 1, "github-pages.yml: the dashboard is not uploaded with actions/upload-pages-artifact")
deploy = [job for job, uses in steps.items() if "actions/deploy-pages" in uses]
check(len(deploy) == 1 and gh["jobs"][deploy[0]].get("environment", {}).get("name") == "github-pages"
      and gh["jobs"][deploy[0]].get("needs"),
      "github-pages.yml: actions/deploy-pages must run in the github-pages environment, after the build")
checkouts = [s for j in gh.get("jobs", {}).values() for s in j.get("steps", []) if s.get("uses", "").startswith("actions/checkout@")]
check(checkouts and all((s.get("with") or {}).get("fetch-depth") == 0 for s in checkouts),
      "github-pages.yml: check out the whole history (fetch-depth: 0): the report and the recap read it")
gh_script = "\n".join(s.get("run", "") for j in gh.get("jobs", {}).values() for s in j.get("steps", []))
gh_folder = ((uploads[0].get("with") or {}).get("path") if uploads else None) or "?"

# GitLab Pages.
gl = (loaded.get("gitlab-pages.yml") or {}).get("pages") or {}
check(bool(gl), "gitlab-pages.yml: no job named pages")
check((gl.get("artifacts") or {}).get("paths") == ["public"], f"gitlab-pages.yml: artifacts.paths must be [public]: "
                                                              f"{gl.get('artifacts')}")
check(any("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in str(r.get("if", "")) for r in gl.get("rules", [])),
      f"gitlab-pages.yml: the job must run on the default branch only: {gl.get('rules')}")
check(str((gl.get("variables") or {}).get("GIT_DEPTH")) == "0", "gitlab-pages.yml: GIT_DEPTH: 0 (the whole history)")
gl_script = "\n".join(gl.get("script", []))

# Every GitLab job that builds boussole installs what its CMakeLists.txt requires.
for name, doc in loaded.items():
    for job, body in (doc or {}).items():
        lines = " ".join(str(x) for x in (body.get("before_script", []) if isinstance(body, dict) else []))
        if "cmake -S" in lines:
            for package in ("libgit2-dev", "pkg-config", "libyaml-cpp-dev", "libfmt-dev", "libcli11-dev"):
                check(package in lines, f"examples/ci/{name}: job {job} builds boussole without {package}")

# The commands, run as written.
for name, script, folder in (("github-pages.yml", gh_script, gh_folder), ("gitlab-pages.yml", gl_script, "public")):
    commands = [shlex.split(line.strip()) for line in script.splitlines() if line.strip().startswith("boussole ")]
    check(len(commands) >= 3, f"{name}: expected the leadership and team reports and the recap: {commands}")
    with tempfile.TemporaryDirectory(prefix="ci-examples-") as tmp:
        work = pathlib.Path(tmp) / "repo"
        shutil.copytree(repo, work, symlinks=True)
        (work / folder).mkdir(exist_ok=True)
        for cmd in commands:
            r = subprocess.run([boussole, *cmd[1:]], cwd=work, capture_output=True, text=True, timeout=120)
            out = cmd[cmd.index("-o") + 1] if "-o" in cmd else None
            check(r.returncode == 0, f"{name}: `{' '.join(cmd)}`: exit {r.returncode}: {r.stderr}")
            check(out is not None and out.startswith(folder + "/"), f"{name}: `{' '.join(cmd)}` does not write into {folder}/")
            if r.returncode == 0 and out:
                found = html_test.check(work / out)
                check(not found, f"{name}: `{' '.join(cmd)}` writes a page html_test.py rejects:\n  " + "\n  ".join(found))
        check((work / folder / "index.html").is_file(), f"{name}: no {folder}/index.html, the page Pages opens first")

# issue 16: the Monday digest, posted to Slack by curl from a schedule.
gd = loaded.get("github-digest.yml") or {}
gd_on = gd.get("on", gd.get(True, {})) or {}
check(any(str(s.get("cron", "")).split()[4:5] == ["1"] for s in gd_on.get("schedule", [])),
      f"github-digest.yml: not scheduled on Mondays: {gd_on.get('schedule')}")
gd_steps = [s for j in gd.get("jobs", {}).values() for s in j.get("steps", [])]
check(all((s.get("with") or {}).get("fetch-depth") == 0 for s in gd_steps if s.get("uses", "").startswith("actions/checkout@"))
      and any(s.get("uses", "").startswith("actions/checkout@") for s in gd_steps),
      "github-digest.yml: check out the whole history (fetch-depth: 0): the digest reads it")
gd_script = "\n".join(s.get("run", "") for s in gd_steps)
check(any("secrets.SLACK_WEBHOOK_URL" in str((s.get("env") or {}).get("SLACK_WEBHOOK_URL", "")) for s in gd_steps),
      "github-digest.yml: the webhook must come from the repository's secrets, through the environment")
gld = (loaded.get("gitlab-digest.yml") or {}).get("digest") or {}
check(any('$CI_PIPELINE_SOURCE == "schedule"' in str(r.get("if", "")) for r in gld.get("rules", [])),
      f"gitlab-digest.yml: the job must run on a scheduled pipeline: {gld.get('rules')}")
check(str((gld.get("variables") or {}).get("GIT_DEPTH")) == "0", "gitlab-digest.yml: GIT_DEPTH: 0 (the whole history)")
check("curl" in " ".join(str(x) for x in gld.get("before_script", [])), "gitlab-digest.yml: curl is not installed")
gld_script = "\n".join(gld.get("script", []))
for name, script in (("github-digest.yml", gd_script), ("gitlab-digest.yml", gld_script)):
    lines = [line.strip() for line in script.splitlines()]
    commands = [shlex.split(line) for line in lines if line.startswith("boussole ")]
    posts = [shlex.split(line) for line in lines if line.startswith("curl ")]
    check(len(commands) == 1 and len(posts) == 1, f"{name}: expected one boussole digest and one curl: {lines}")
    if len(commands) != 1 or len(posts) != 1:
        continue
    post = posts[0]
    check("--fail" in post and "@digest.json" in post and "$SLACK_WEBHOOK_URL" in post
          and "Content-Type: application/json" in post,
          f"{name}: curl must POST @digest.json as JSON to $SLACK_WEBHOOK_URL and fail on an error: {post}")
    with tempfile.TemporaryDirectory(prefix="ci-digest-") as tmp:
        work = pathlib.Path(tmp) / "repo"
        shutil.copytree(repo, work, symlinks=True)
        cmd = commands[0]
        r = subprocess.run([boussole, *cmd[1:]], cwd=work, capture_output=True, text=True, timeout=120)
        check(r.returncode == 0, f"{name}: `{' '.join(cmd)}`: exit {r.returncode}: {r.stderr}")
        payload = work / "digest.json"
        if r.returncode == 0 and payload.is_file():
            v = subprocess.run([sys.executable, str(source / "tests" / "tools" / "slack_check.py"), str(payload)],
                               capture_output=True, text=True)
            check(v.returncode == 0, f"{name}: the payload is not a valid Block Kit message: {v.stdout}{v.stderr}")
        else:
            check(False, f"{name}: `{' '.join(cmd)}` wrote no digest.json")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
