// The Boussole extension: starts `boussole lsp` for the YAML files of a roadmap, in each
// workspace that has one (activation: a roadmap/ folder or a roadmap.yaml, as package.json says).
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { initializationOptions, problemWith, serverCommand } from "./server";

let client: LanguageClient | undefined;

async function start(context: vscode.ExtensionContext): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const settings = vscode.workspace.getConfiguration("boussole");
  const program = settings.get<string>("path", "boussole");
  const run = serverCommand(program, folder);
  const problem = problemWith(run.command);
  if (problem) {
    const choice = await vscode.window.showErrorMessage(problem, "Open the setting");
    if (choice) await vscode.commands.executeCommand("workbench.action.openSettings", "boussole.path");
    return;
  }
  const server: ServerOptions = { command: run.command, args: run.args, options: run.options };
  const clientOptions: LanguageClientOptions = {
    // Every YAML file on disk: the server answers for the roadmap's files and leaves the rest.
    documentSelector: [{ scheme: "file", language: "yaml" }],
    initializationOptions: initializationOptions(settings.get<string>("roadmap", ""), folder),
    outputChannelName: "Boussole",
  };
  client = new LanguageClient("boussole", "Boussole", server, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("boussole.restart", async () => {
      if (client) {
        await client.stop();
        client = undefined;
      }
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("boussole.path") || e.affectsConfiguration("boussole.roadmap"))
        await vscode.commands.executeCommand("boussole.restart");
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
