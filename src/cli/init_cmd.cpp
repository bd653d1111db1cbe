#include <filesystem>
#include <memory>
#include <random>

#include <fmt/format.h>

#include "boussole/date.hpp"
#include "boussole/io.hpp"
#include "boussole/loader.hpp"
#include "cli/commands.hpp"

namespace boussole::cli {

namespace fs = std::filesystem;

namespace {

// @PERIOD@ and @D<n>@ (n days after the period's start) are filled in for the current quarter,
// so that the starter lints clean whatever the day it is written.
constexpr std::string_view roadmap_template = R"(# The roadmap block: exactly one file of the tree holds it.
# Check your edits with `boussole lint`; `boussole rules` lists what it checks.
roadmap:
  name: Operations roadmap
  team: Operations
  mission: Make every request to our team fast, predictable and measured.
  champion: alex                 # who keeps this roadmap current: `boussole digest` names them when it goes stale
  period: @PERIOD@               # YYYY-Qn, YYYY-Hn, or {start: YYYY-MM-DD, end: YYYY-MM-DD}
  # The North Star: the one metric the whole quarter is for (same fields as a key result).
  north_star:
    title: Requests answered within two days
    metric: sla-two-days
    unit: "%"
    baseline: 62
    target: 85
    current: 62
    owner: alex                  # who answers for it: the digest reminds them of its check-ins
  # Rule settings (optional); `boussole lint --rule ID=SEVERITY` wins over them.
  lint:
    rules: {}                    # e.g. {missing-due: error, theme-overlap: off}
    themes: {min: 3, max: 10}    # how many streams the plan may have

# The team. Once people are declared, every owner and contributor must be one of them.
people:
  - id: alex
    name: Alex Example
    role: Team lead
    email: alex@example.com       # `boussole digest --format email` writes to it
    slack: U012AB3CD              # Slack member ID (profile, Copy member ID): the Slack digest mentions them
    responsibilities: [Quarterly plan, Reporting to leadership]
  - id: sam
    name: Sam Example
    role: Operations analyst
    responsibilities: [Request intake, Dashboards]

# The metric catalogue: what each key result measures, and where to see it.
metrics:
  - id: sla-two-days
    name: Share of requests answered within two days
    unit: "%"
    definition: Requests closed within two working days, over all requests closed that month.
    dashboard: https://dashboards.example.com/ops/sla
    owner: alex
  - id: manual-hours
    name: Hours a week spent on manual data entry
    unit: hours
    owner: sam

# Objectives and key results. A key result scores (current - baseline) / (target - baseline),
# clamped to 0..1; it works for metrics that must go down too.
objectives:
  - id: fast-answers
    title: Every request gets a fast, predictable answer
    owner: alex
    key_results:
      - id: sla
        title: Requests answered within two days
        metric: sla-two-days
        unit: "%"
        baseline: 62
        target: 85
        current: 62
        checked_on: @D0@         # the day current was last measured, even when it did not change
        cadence: weekly          # weekly, biweekly, monthly or quarterly: stale after 7, 14, 31 or 92 days
      - id: manual-work
        title: Manual data entry per week
        metric: manual-hours
        unit: hours
        baseline: 20
        target: 5
        current: 20
        cadence: monthly
        confidence: 0.5
)";

constexpr std::string_view intake_template =
    R"(# One file per stream keeps merge conflicts rare. A stream is one of the plan's few
# mutually exclusive themes; its epics each have one owner, dates and the key results they move.
streams:
  - id: intake
    title: Request intake and routing
    owner: sam
    description: How a request reaches the team and the right person in it.
    epics:
      - id: intake-form
        title: One intake form for every request
        owner: sam
        contributors: [alex]
        status: in-progress      # planned (default), in-progress, blocked, done, dropped, proposed
        priority: P0             # P0 (highest) to P3
        start: @D0@
        due: @D30@
        estimate: 3w
        key_results: [sla]
        # The owner's update, free text: done, next, blocked on what. The report dates it from git
        # and flags it stale after roadmap.report.stale_after_days (14 days by default).
        update: "Done: request types listed. Next: build the form. Blocked on: nothing."
        deliverables:
          - Intake form with request types
          - Routing rules by request type
        tasks:
          - {title: List the request types of last quarter, owner: sam, status: done}
          - {title: Build the form, owner: sam, status: doing, due: @D21@}
          - {title: Announce it to the requesters, owner: alex}
)";

constexpr std::string_view automation_template = R"(streams:
  - id: automation
    title: Automation of manual work
    owner: alex
    epics:
      - id: data-entry-sync
        title: Sync records between the two tools instead of retyping them
        owner: alex
        status: planned
        priority: P1
        start: @D21@
        due: @D75@
        depends_on: [intake-form]  # epic ids; boussole reports cycles
        key_results: [manual-work]
        tasks:
          - {title: Map the fields, owner: sam}
          - {title: Schedule the nightly sync, owner: alex}
      # A dropped epic stays in the file, with its reason, for the end-of-quarter recap.
      - id: legacy-report
        title: Rebuild the legacy weekly report
        owner: sam
        status: dropped
        dropped_reason: Leadership now reads the status report generated by boussole.
      # A proposal: in the backlog, to prioritise with the business; not planned work, no due date.
      - id: self-service-dashboards
        title: Self-service dashboards for the most frequent requests
        owner: alex
        status: proposed
        priority: P2
        key_results: [manual-work]
)";

constexpr std::string_view run_template =
    R"(# The operational run and ad-hoc requests: a stream of kind run, so the plan is complete.
# Its epics need neither a due date nor key results.
streams:
  - id: run
    title: Run and ad-hoc requests
    kind: run
    owner: sam
    epics:
      - id: weekly-reporting
        title: Weekly reporting to leadership
        owner: alex
        status: in-progress
      - id: adhoc-requests
        title: Ad-hoc analyses and requests
        owner: sam
        status: in-progress
)";

// The same starter for a French team: comments and sample texts in French, language: fr.
constexpr std::string_view roadmap_template_fr = R"(# Le bloc roadmap : un seul fichier de l'arborescence le contient.
# Vérifiez vos modifications avec `boussole lint` ; `boussole rules` liste ce qu'il vérifie.
roadmap:
  name: Feuille de route Opérations
  team: Opérations
  mission: Que chaque demande faite à l'équipe reçoive une réponse rapide, prévisible et mesurée.
  champion: alex                 # qui tient cette feuille de route à jour : `boussole digest` le nomme quand elle vieillit
  period: @PERIOD@               # YYYY-Qn (trimestre), YYYY-Hn (semestre), ou {start: AAAA-MM-JJ, end: AAAA-MM-JJ}
  language: fr                   # la langue du point d'avancement, du bilan et du diff (en ou fr)
  # L'indicateur phare : la mesure qui donne son sens au trimestre (mêmes champs qu'un résultat clé).
  north_star:
    title: Demandes traitées en moins de deux jours
    metric: sla-deux-jours
    unit: "%"
    baseline: 62
    target: 85
    current: 62
    owner: alex                  # qui en répond : le point du lundi lui rappelle ses relevés
  # Réglages des règles (facultatif) ; `boussole lint --rule ID=SÉVÉRITÉ` l'emporte sur eux.
  lint:
    rules: {}                    # par exemple {missing-due: error, theme-overlap: off}
    themes: {min: 3, max: 10}    # combien d'axes le plan peut compter

# L'équipe. Dès qu'une personne est déclarée, chaque responsable et contributeur doit en être une.
people:
  - id: alex
    name: Alex Exemple
    role: Responsable d'équipe
    email: alex@example.com       # `boussole digest --format email` lui écrit
    slack: U012AB3CD              # identifiant de membre Slack (profil, Copier l'ID de membre) : le point Slack le mentionne
    responsibilities: [Plan trimestriel, Points à la direction]
  - id: sam
    name: Sam Exemple
    role: Analyste opérations
    responsibilities: [Réception des demandes, Tableaux de bord]

# Le catalogue des indicateurs : ce que mesure chaque résultat clé, et où le voir.
metrics:
  - id: sla-deux-jours
    name: Part des demandes traitées en moins de deux jours
    unit: "%"
    definition: Demandes closes en deux jours ouvrés au plus, sur toutes les demandes closes du mois.
    dashboard: https://dashboards.example.com/ops/sla
    owner: alex
  - id: heures-saisie
    name: Heures de saisie manuelle par semaine
    unit: heures
    owner: sam

# Objectifs et résultats clés. Un résultat clé a pour score (current - baseline) / (target - baseline),
# borné entre 0 et 1 ; cela vaut aussi pour un indicateur qui doit baisser.
objectives:
  - id: reponses-rapides
    title: Chaque demande reçoit une réponse rapide et prévisible
    owner: alex
    key_results:
      - id: sla
        title: Demandes traitées en moins de deux jours
        metric: sla-deux-jours
        unit: "%"
        baseline: 62
        target: 85
        current: 62
        checked_on: @D0@         # le jour du dernier relevé de current, même s'il n'a pas changé
        cadence: weekly          # weekly, biweekly, monthly ou quarterly : périmé après 7, 14, 31 ou 92 jours
      - id: saisie-manuelle
        title: Saisie manuelle par semaine
        metric: heures-saisie
        unit: heures
        baseline: 20
        target: 5
        current: 20
        cadence: monthly
        confidence: 0.5
)";

constexpr std::string_view intake_template_fr =
    R"(# Un fichier par axe rend les conflits de merge rares. Un axe est l'un des quelques thèmes du plan,
# exclusifs les uns des autres ; chacun de ses chantiers a un responsable, des dates et les résultats
# clés qu'il fait avancer.
streams:
  - id: demandes
    title: Réception et routage des demandes
    owner: sam
    description: Comment une demande arrive à l'équipe, puis à la bonne personne.
    epics:
      - id: formulaire-demande
        title: Un seul formulaire pour toutes les demandes
        owner: sam
        contributors: [alex]
        status: in-progress      # planned (par défaut), in-progress, blocked, done, dropped, proposed
        priority: P0             # de P0 (la plus haute) à P3
        start: @D0@
        due: @D30@
        estimate: 3w
        key_results: [sla]
        # Le point du responsable, en texte libre : ce qui est fait, la suite, ce qui bloque. Le point
        # d'avancement le date d'après git, et le signale périmé après roadmap.report.stale_after_days
        # (14 jours par défaut).
        update: "Fait : types de demandes listés. Suite : construire le formulaire. Bloqué par : rien."
        deliverables:
          - Formulaire avec les types de demandes
          - Règles de routage par type de demande
        tasks:
          - {title: Lister les types de demandes du trimestre dernier, owner: sam, status: done}
          - {title: Construire le formulaire, owner: sam, status: doing, due: @D21@}
          - {title: L'annoncer aux demandeurs, owner: alex}
)";

constexpr std::string_view automation_template_fr = R"(streams:
  - id: automatisation
    title: Automatisation du travail manuel
    owner: alex
    epics:
      - id: synchro-saisie
        title: Synchroniser les deux outils au lieu de tout ressaisir
        owner: alex
        status: planned
        priority: P1
        start: @D21@
        due: @D75@
        depends_on: [formulaire-demande]  # des ids de chantiers ; boussole signale les cycles
        key_results: [saisie-manuelle]
        tasks:
          - {title: Faire correspondre les champs, owner: sam}
          - {title: Planifier la synchronisation nocturne, owner: alex}
      # Un chantier abandonné reste dans le fichier, avec sa raison, pour le bilan de fin de trimestre.
      - id: ancien-reporting
        title: Refaire l'ancien reporting hebdomadaire
        owner: sam
        status: dropped
        dropped_reason: La direction lit désormais le point d'avancement produit par boussole.
      # Une proposition : en attente, à prioriser avec le métier ; pas du travail prévu, sans échéance.
      - id: tableaux-de-bord-libre-service
        title: Tableaux de bord en libre-service pour les demandes les plus fréquentes
        owner: alex
        status: proposed
        priority: P2
        key_results: [saisie-manuelle]
)";

constexpr std::string_view run_template_fr =
    R"(# Le récurrent et les demandes ponctuelles : un axe de type run, pour que le plan soit complet.
# Ses chantiers n'ont besoin ni d'échéance ni de résultats clés.
streams:
  - id: run
    title: Récurrent et demandes ponctuelles
    kind: run
    owner: sam
    epics:
      - id: reporting-hebdo
        title: Reporting hebdomadaire à la direction
        owner: alex
        status: in-progress
      - id: demandes-ponctuelles
        title: Analyses et demandes ponctuelles
        owner: sam
        status: in-progress
)";

std::string fill(std::string_view text, const Period& period) {
    std::string out(text);
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
            out.replace(at, from.size(), to);
    };
    replace_all("@PERIOD@", period.label);
    for (int days : {0, 21, 30, 75}) replace_all(fmt::format("@D{}@", days), (period.start + days).iso());
    return out;
}

Period current_quarter() {
    int year = 0;
    unsigned month = 0, day = 0;
    Date::today().to_civil(year, month, day);
    return *Period::parse_named(fmt::format("{:04}-Q{}", year, (month - 1) / 3 + 1));
}

struct InitCommand {
    std::string dir;
    std::string lang;
};

CLI::App* setup_init(CLI::App& app, InitCommand& cmd) {
    CLI::App* sub = app.add_subcommand("init", "Write a commented starter roadmap (refuses to touch existing YAML).");
    sub->add_option("dir", cmd.dir, "where to write it (default: roadmap)")->type_name("DIR");
    sub->add_option("--lang", cmd.lang,
                    "the language of the starter's comments and sample texts, and its roadmap.language: en or fr "
                    "(default: en)")
        ->type_name("LANG")
        ->check(one_of({"en", "fr"}, "a language"));
    sub->footer(exit_status_help({{0, "the starter roadmap was written"},
                                  {2,
                                   "a usage error, DIR is not a folder or already holds YAML (nothing is "
                                   "written), or DIR cannot be written"}}));
    return sub;
}

int run_init(const InitCommand& cmd) {
    const fs::path dir = cmd.dir.empty() ? fs::path("roadmap") : fs::path(cmd.dir);
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw UsageError(fmt::format("'{}' exists and is not a folder; give init another DIR", dir.string()));
    if (fs::is_directory(dir, ec)) {
        const auto existing = list_roadmap_files(dir.string());
        if (!existing.empty())
            throw UsageError(fmt::format(
                "'{}' already holds YAML ({}); nothing was written: edit that roadmap, or give init another DIR",
                dir.string(), (dir / existing.front().second).generic_string()));
    }

    const Period period = current_quarter();
    const bool fr = cmd.lang == "fr";
    const std::vector<std::pair<std::string, std::string>> files{
        {"roadmap.yaml", fill(fr ? roadmap_template_fr : roadmap_template, period)},
        {fr ? "streams/automatisation.yaml" : "streams/automation.yaml",
         fill(fr ? automation_template_fr : automation_template, period)},
        {fr ? "streams/demandes.yaml" : "streams/intake.yaml", fill(fr ? intake_template_fr : intake_template, period)},
        {"streams/run.yaml", fill(fr ? run_template_fr : run_template, period)},
    };

    // Everything goes to a new folder beside the target, renamed into place at the end (or,
    // when the target folder exists, moved into it file by file): never half a starter. A
    // failure names the user's folder or file, never the staging folder.
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    const fs::path staging = parent / fmt::format(".boussole-init-{:x}", std::random_device{}());
    const auto fail = [&](const fs::path& target, int error_number) {
        fs::remove_all(staging, ec);
        throw WriteError(write_failure(target.generic_string(), error_number), error_number);
    };
    for (const auto& [rel, text] : files) {
        if (fs::create_directories((staging / rel).parent_path(), ec); ec) fail(dir, ec.value());
        try {
            write_file_atomically((staging / rel).string(), text);
        } catch (const WriteError& e) {
            fail(dir, e.error_number);
        }
    }
    if (!fs::exists(dir, ec)) {
        if (fs::rename(staging, dir, ec); ec) fail(dir, ec.value());
    } else {
        for (const auto& [rel, text] : files) {
            if (fs::create_directories((dir / rel).parent_path(), ec); ec) fail((dir / rel).parent_path(), ec.value());
            if (fs::rename(staging / rel, dir / rel, ec); ec) fail(dir / rel, ec.value());
        }
        fs::remove_all(staging, ec);
    }
    std::string out =
        fmt::format("boussole: wrote a starter roadmap for {} in {}/:\n", period.label, dir.generic_string());
    for (const auto& [rel, text] : files) out += fmt::format("  {}\n", (dir / rel).generic_string());
    out += fmt::format("Next: edit it, then run 'boussole lint {}'.\n", dir.generic_string());
    emit(out, "", {});
    return 0;
}

}  // namespace

Command init_command(CLI::App& app) {
    auto cmd = std::make_shared<InitCommand>();
    return {setup_init(app, *cmd), [cmd] { return run_init(*cmd); }};
}

}  // namespace boussole::cli
