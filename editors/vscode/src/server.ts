// How the extension runs `boussole lsp`: the command from the settings, checked before the
// language client starts it, so that a missing or broken program is said in plain words (the
// setting to change, the program tried, why it failed) rather than as a client's stack trace.
// No `vscode` import here: tests/vscode_test.sh runs this module under plain Node.js.
import { spawnSync } from "child_process";
import * as path from "path";

export interface ServerCommand {
  command: string;
  args: string[];
  options: { cwd?: string };
}

// `boussole lsp`, run from the workspace folder (the server finds the roadmap from there, as
// every boussole command does from the folder it runs in).
export function serverCommand(program: string, workspaceFolder: string | undefined): ServerCommand {
  return {
    command: program.trim() === "" ? "boussole" : program.trim(),
    args: ["lsp"],
    options: workspaceFolder ? { cwd: workspaceFolder } : {},
  };
}

// The language server's initializationOptions: the roadmap's PATH when the setting gives one
// (relative to the workspace folder), else none (the server finds it).
export function initializationOptions(
  roadmapSetting: string,
  workspaceFolder: string | undefined,
): { path: string } | undefined {
  const given = roadmapSetting.trim();
  if (given === "") return undefined;
  return { path: workspaceFolder ? path.resolve(workspaceFolder, given) : path.resolve(given) };
}

// Why `program` cannot serve as boussole (undefined when `program --version` answers as
// boussole does), in a sentence naming the setting to change.
export function problemWith(program: string): string | undefined {
  const run = spawnSync(program, ["--version"], { encoding: "utf8", timeout: 10000 });
  const fix = "install boussole (see its README), or set \"boussole.path\" to the program's full path";
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      return `Boussole: the program '${program}' was not found (boussole.path): ${fix}.`;
    if (code === "EACCES")
      return `Boussole: the program '${program}' cannot be run (permission denied) (boussole.path): ${fix}.`;
    return `Boussole: the program '${program}' could not be run (${run.error.message}) (boussole.path): ${fix}.`;
  }
  const out = (run.stdout ?? "").trim();
  if (run.status !== 0 || !/^boussole \d/.test(out))
    return `Boussole: '${program} --version' did not answer as boussole does (got '${out.split("\n")[0] ?? ""}', ` +
      `exit status ${run.status}) (boussole.path): ${fix}.`;
  return undefined;
}
