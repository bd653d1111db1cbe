// The reports in French, as a French ops lead writes them (not word for word from English).
// Typography: a no-break space (U+00A0) before « : » and « % » and inside guillemets; a narrow
// no-break space (U+202F) before « ; », « ? », « ! » and between groups of digits (104 000).
#include "report/messages.hpp"

namespace boussole {

namespace {

const LanguageStyle french = {
    .language = Language::fr,
    .is_one = [](double n) { return n < 2 && n > -2; },  // 0 and 1 take the singular
    .numbers = {.thousands = "\u202f", .decimal = ",", .percent = "\u00a0%"},
    .prose_date = "{0} {1} {2}",
    .first_day = "1er",
    .months = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre"},
    .quarter = "T{1} {0}",  // trimestre
    .half = "S{1} {0}",     // semestre
};

}  // namespace

const StatusReportMessages status_report_fr = {
    .style = &french,
    .list_separator = ", ",
    .part_separator = "\u202f; ",
    .sentence_separator = " ",
    .untitled = "(sans titre)",
    .nobody = "personne",
    .unknown = "?",

    .title = "{0}\u00a0: point d’avancement",
    .untitled_roadmap = "Feuille de route",
    .team_label = "Équipe\u00a0:",
    .mission_label = "Mission\u00a0:",
    .period_label = "Période\u00a0:",
    .report_date_label = "Date du point\u00a0:",
    .work_done_label = "Travail prévu réalisé\u00a0:",
    .period_dates = "du {0} au {1}",
    .named_period = "{0} ({1})",
    .report_date = "{0}, jour {1} sur {2} ({3} de la période écoulée)",
    .work_done =
        "{0} (moyenne sur {1} {2}, d’après leurs tâches\u202f; les activités récurrentes et les chantiers "
        "abandonnés ne sont pas du travail prévu)",
    .epics = {"chantier", "chantiers"},
    .planned_epics = {"chantier prévu", "chantiers prévus"},
    .unreadable =
        "**Incomplet\u00a0:** un fichier de la feuille de route n’a pas pu être lu ({0})\u202f; son contenu manque à "
        "ce point. Lancez `boussole lint` et corrigez-le.",

    .north_star_heading = "Indicateur phare",
    .north_star_missing = "Aucun indicateur phare n’est déclaré (roadmap.north_star).",
    .north_star_untitled = "Indicateur phare",
    .north_star_values = "{0}\u00a0: {1}",
    .values = "{0} → {1}, cible {2}",
    .no_current_value = "pas encore de valeur actuelle",
    .north_star_not_measured =
        "Sa progression ne peut pas encore être mesurée\u00a0: il lui faut une référence, une cible et une valeur "
        "actuelle.",
    .north_star_progress = "{0} du chemin vers la cible\u00a0: {1}, pour {2} de la période écoulée",
    .north_star_confidence = "\u202f; confiance {0}",
    .north_star_last_check_in = "\u202f; dernier relevé {0}",
    .sentence_end = ".",

    .not_committed = "pas encore enregistré à la date du point",
    .or_before = "{0} ou avant",
    .with_cadence = "{0} ({1})",
    .cadence = {.weekly = "hebdomadaire",
                .biweekly = "toutes les deux semaines",
                .monthly = "mensuelle",
                .quarterly = "trimestrielle"},
    .stale = " ⚠ périmé ({0}\u00a0jours)",
    .stale_or_more = " ⚠ périmé (≥\u00a0{0}\u00a0jours)",

    .key_results_heading = "Résultats clés",
    .no_objectives = "Aucun objectif n’est déclaré.",
    .scorecard_columns = {"Résultat clé", "Responsable", "Référence", "Actuel", "Cible", "Unité", "Score", "Confiance",
                          "Statut"},
    .last_check_in_column = "Dernier relevé",
    .scorecard_note =
        "Score\u00a0: (actuel − référence) / (cible − référence), de 0 à 1, y compris pour un indicateur qui doit "
        "baisser. Statut\u00a0: le score comparé aux {0} de la période écoulée\u00a0: dans les temps jusqu’à 0,10 "
        "en dessous, en retard sur le rythme jusqu’à 0,25 en dessous, à risque au-delà.",
    .check_in_note =
        " Dernier relevé\u00a0: le plus récent entre la date de relevé saisie (checked_on) et la dernière modification "
        "enregistrée dans git qui a changé sa valeur actuelle, à la date du point\u202f; périmé au-delà de sa cadence, "
        "sinon au-delà de {0}\u00a0jours "
        "(roadmap.report.stale_after_days).",
    .check_in_note_files =
        " Dernier relevé\u00a0: la date de relevé saisie, checked_on (l’historique git n’est pas lu)\u202f; périmé "
        "au-delà "
        "de sa cadence, sinon au-delà de {0}\u00a0jours (roadmap.report.stale_after_days).",
    .objective_owner = "Responsable\u00a0: {0}. ",
    .objective_no_owner = "Sans responsable. ",
    .mean_score = "Score moyen\u00a0: {0} (résultats clés mesurés\u00a0: {1} sur {2}).",
    .nothing_scored = "Aucun résultat clé ne peut encore être noté.",
    .pace = {.no_data = "sans données",
             .on_track = "dans les temps",
             .behind_pace = "en retard sur le rythme",
             .at_risk = "à risque"},
    .no_distance = "pas de score\u00a0: cible = référence",

    .streams_heading = "Axes",
    .no_streams = "Aucun axe n’est déclaré.",
    .no_build_streams = "Aucun axe projet n’est déclaré.",
    .no_epics_in_stream = "Aucun chantier n’est prévu sur cet axe.",
    .stream_summary_columns = {"Axe", "Type", "Responsable", "Avancement", "Chantiers", "Prochaine échéance"},
    .build_kind = "projet",
    .run_kind = "récurrent",
    .status_count = "{1}\u00a0: {0}",  // a category and its count: "terminés : 1"
    .no_epics = "aucun chantier",
    .status_words = {.planned = "prévus",
                     .in_progress = "en cours",
                     .blocked = "bloqués",
                     .done = "terminés",
                     .dropped = "abandonnés",
                     .proposed = "proposés"},
    .status_labels = {.planned = "○ prévu",
                      .in_progress = "◐ en cours",
                      .blocked = "⊘ bloqué",
                      .done = "✔ terminé",
                      .dropped = "✖ abandonné",
                      .proposed = "◇ proposé"},
    .stream_summary = "Responsable\u00a0: {0}. Avancement\u00a0: {1}. Chantiers ({2}).",
    .epic_columns = {"Statut", "Chantier", "Priorité", "Responsable", "Échéance", "Estimation", "Avancement",
                     "Résultats clés"},
    .overdue_due = "{0} ⚠ en retard",
    .tasks_of = "Tâches de «\u00a0{0}\u00a0»\u00a0:",
    .deliverables_of = "Livrables de «\u00a0{0}\u00a0»\u00a0:",
    .owner_with_contributors = "{0}, avec {1}",
    .an_epic = "un chantier",
    .task_doing = "en cours",
    .task_due = "échéance {0}",
    .task_overdue = "échéance {0}, en retard",
    .progress_note =
        "Avancement\u00a0: la part des tâches d’un chantier qui sont terminées (sans tâches\u00a0: 100\u00a0% s’il "
        "est terminé, sinon 0\u00a0%)\u202f; celui d’un axe est la moyenne de ses chantiers non abandonnés.",
    .next_due_note =
        "Prochaine échéance\u00a0: la plus proche échéance, à la date du point ou après, des chantiers ouverts d’un "
        "axe.",
    .overdue_count = "⚠ {0} en retard",
    .task_dropped = "{0} (abandonnée)",

    .run_heading = "Activités récurrentes",
    .no_run_streams = "Aucun axe de type run\u00a0: les activités récurrentes ne sont pas planifiées.",
    .run_summary = "Responsable\u00a0: {0}. {1} {2}.",
    .activities = {"activité", "activités"},
    .activity_columns = {"Statut", "Activité", "Priorité", "Responsable", "Tâches ouvertes"},

    .at_risk_heading = "À risque",
    .nothing_at_risk = "Rien n’est à risque.",
    .at_risk_columns = {"Quoi", "Responsable", "Pourquoi"},
    .risk_epic = "Chantier {0}",
    .risk_key_result = "Résultat clé {0}",
    .risk_north_star = "Indicateur phare {0}",
    .overdue = "en retard\u00a0: échéance {0}, il y a {1}\u00a0{2}, {3} réalisé",
    .days = {"jour", "jours"},
    .blocked = "bloqué",
    .off_pace = "{0}\u00a0: score {1} pour {2} de la période écoulée",
    .stale_value = "périmé\u00a0: dernier relevé le {1}, il y a {0}\u00a0jours, au-delà de {2}",
    .stale_value_or_more =
        "périmé\u00a0: dernier relevé le {1} ou avant, il y a au moins {0}\u00a0jours, au-delà de {2}",
    .allowed_cadence = "sa cadence ({0}, {1}\u00a0jours)",
    .allowed_default = "{0}\u00a0jours (roadmap.report.stale_after_days)",
    .no_owner = "sans responsable",

    .load_heading = "Charge par personne",
    .no_owners = "Aucun responsable pour l’instant.",
    .load_columns = {"Personne", "Chantiers ouverts", "Tâches ouvertes", "Remarque"},
    .over_limit = "⚠ plus de {0} {1}",
    .open_epics = {"chantier ouvert", "chantiers ouverts"},
    .load_note =
        "Les chantiers ouverts ne sont ni terminés ni abandonnés, activités récurrentes comprises\u202f; une tâche "
        "sans responsable compte pour le responsable de son chantier. La limite est "
        "roadmap.report.max_open_epics ({0}).",

    .timeline_heading = "Calendrier",
    .no_timeline = "Aucun chantier n’a encore d’échéance\u00a0: pas de calendrier.",
    .gantt_title = "Chantiers par axe au {0}",
    .gantt_axis_format = "%d/%m",
    .gantt_untitled_epic = "chantier",
    .gantt_untitled_stream = "axe",
    .gantt_today_section = "Date du point",
    .gantt_today = "Au {0}",
    .timeline_legend =
        "Les chantiers terminés sont en gris, ceux en cours mis en évidence, ceux bloqués ou en retard entourés de "
        "rouge\u202f; le losange marque la date du point.",
    .undated = "Hors calendrier, faute d’échéance\u00a0: {0}.",

    .footer = "Généré par {0} à partir de {1} {2}, au {3}.",
    .files = {"fichier", "fichiers"},

    .since_label = "Évolutions depuis\u00a0:",
    .since_week_before = "le commit {0} du {1}, dernier commit au {2} ou avant (une semaine avant la date du point)",
    .since_date = "le commit {0} du {1}, dernier commit au {2} ou avant (--since)",
    .since_revision = "le commit {0} du {1} (--since {2})",
    .since_none =
        "aucun commit n’est daté du {0} ou avant (une semaine avant la date du point)\u00a0: l’historique lu commence "
        "le {1}, les évolutions ne sont donc comptées que depuis le dernier relevé",
    .no_history =
        "aucune\u00a0: ce point ne lit pas l’historique git (la feuille de route n’est pas suivie dans git, ou "
        "--no-history), il ne montre donc ni évolution ni tendance",
    .change_column = "Évolution",
    .since_column = "Depuis le {0}",
    .trend_column = "Tendance",
    .change_better = "{0} (en progrès)",
    .change_worse = "{0} (en recul)",
    .change_unchanged = "stable",
    .change_first = "première valeur",
    .change_unknown = "–",
    .trend_capped = "…",
    .trend_note =
        " Évolution\u00a0: la valeur actuelle moins sa valeur avant sa dernière modification dans git (à la date du "
        "point). Depuis le {0}\u00a0: la valeur actuelle moins sa valeur au commit indiqué en tête. «\u00a0En "
        "progrès\u00a0» veut dire vers la cible\u00a0: pour un résultat clé qui doit baisser (cible sous la "
        "référence), une baisse est un progrès\u202f; «\u00a0première valeur\u00a0»\u00a0: il n’en avait pas "
        "avant\u202f; «\u00a0–\u00a0»\u00a0: l’historique lu n’en contient pas de plus ancienne. Tendance\u00a0: "
        "ses valeurs dans git du début de la période à la date du point, une par modification (les {1} dernières au "
        "plus, après «\u00a0…\u00a0» quand des plus anciennes sont omises), chaque bloc placé entre la plus basse "
        "(▁) et la plus haute (█) affichées\u202f; uniquement des ▄\u00a0: la valeur n’a pas bougé.",
    .trend_note_no_point =
        " Évolution\u00a0: la valeur actuelle moins sa valeur avant sa dernière modification dans git (à la date du "
        "point). «\u00a0En progrès\u00a0» veut dire vers la cible\u00a0: pour un résultat clé qui doit baisser "
        "(cible sous la référence), une baisse est un progrès\u202f; «\u00a0première valeur\u00a0»\u00a0: il n’en "
        "avait pas avant\u202f; «\u00a0–\u00a0»\u00a0: l’historique lu n’en contient pas de plus ancienne. "
        "Tendance\u00a0: ses valeurs dans git du début de la période à la date du point, une par modification (les "
        "{0} dernières au plus, après «\u00a0…\u00a0» quand des plus anciennes sont omises), chaque bloc placé entre "
        "la plus basse (▁) et la plus haute (█) affichées\u202f; uniquement des ▄\u00a0: la valeur n’a pas bougé.",
    .north_star_change = "Depuis son dernier relevé\u00a0: {0}",
    .north_star_since = "\u202f; depuis le {0}\u00a0: {1}",
    .north_star_trend = "\u202f; tendance sur la période\u00a0: {0}",
    .update_of = "Mise à jour de «\u00a0{0}\u00a0» ({1})\u00a0: {2}",
    .update_undated = "Mise à jour de «\u00a0{0}\u00a0»\u00a0: {1}",
    .update_stale = " ⚠ vieille de {0}\u00a0jours",
    .update_stale_or_more = " ⚠ vieille d’au moins {0}\u00a0jours",
    .update_note =
        "Mise à jour\u00a0: le point écrit par le responsable, daté par la dernière modification enregistrée dans git "
        "qui l’a changé, à la date du point\u202f; celle d’un chantier en cours est périmée au-delà de {0}\u00a0jours "
        "(roadmap.report.stale_after_days).",
    .update_note_files =
        "Mise à jour\u00a0: le point écrit par le responsable\u202f; l’historique git n’est pas lu, elle n’a donc pas "
        "de date et n’est jamais jugée périmée.",
    .update_column = "Dernière mise à jour",
    .update_cell = "{0} ({1})",
    .stale_update = "mise à jour périmée\u00a0: modifiée le {1}, il y a {0}\u00a0jours, au-delà de {2}",
    .stale_update_or_more =
        "mise à jour périmée\u00a0: modifiée le {1} ou avant, il y a au moins {0}\u00a0jours, au-delà de {2}",
    .priority_note = "Les chantiers sont classés par priorité, P0 d’abord, ceux sans priorité en dernier.",
    .depends_on_of = "«\u00a0{0}\u00a0» attend {1}.",
    .dropped_because = "«\u00a0{0}\u00a0» a été abandonné\u00a0: {1}",
    .dropped_no_reason = "«\u00a0{0}\u00a0» a été abandonné, sans raison donnée (dropped_reason).",
    .dropped_intro = "Sortis du plan\u00a0:",
    .dropped_item = "{0}\u00a0: {1}",
    .no_reason = "sans raison donnée",
    .north_star_owner = "Responsable\u00a0: {0}.",
    .metrics_heading = "Indicateurs",
    .metric_columns = {"Indicateur", "Définition", "Responsable", "Tableau de bord", "Mesure"},
    .dashboard_link = "tableau de bord",
    .north_star_measure = "indicateur phare",
    .who_heading = "Qui contacter",
    .who_columns = {"Personne", "Rôle", "Responsabilités", "E-mail"},
    .who_note =
        "D’après les personnes de la feuille de route\u00a0: leur rôle et les processus dont elles sont responsables.",
    .risk_epic_priority = "{0}, {1}",
    // issue 14, item 4
    .sellers_title = "{0}\u00a0: les nouveautés pour les commerciaux",
    .shipped_heading = "Livré ces deux dernières semaines",
    .shipped_intro = "Terminé du {0} au {1}\u202f; pour toute question, demandez à la personne indiquée.",
    .nothing_shipped = "Rien n’a été terminé du {0} au {1}.",
    .shipped_columns = {"Terminé le", "Quoi", "Contact"},
    .dated_by_history =
        "Terminé le\u00a0: le jour où la feuille de route l’a enregistré comme terminé (son historique git).",
    .dated_by_due =
        "Terminé le\u00a0: son échéance, ou la date du point si elle est plus tardive (l’historique git n’a pas été "
        "lu, le jour où il a été terminé n’est donc pas connu).",
    .done_not_committed = "à l’instant (pas encore enregistré dans git)",
    .coming_heading = "À venir dans les quatre prochaines semaines",
    .coming_intro =
        "Échéance du {0} au {1}\u202f; une échéance est le plan de l’équipe, pas un engagement envers un "
        "client.",
    .nothing_coming = "Rien n’arrive à échéance du {0} au {1}.",
    .coming_columns = {"Échéance", "Quoi", "Contact"},
    .help_heading = "Obtenir de l’aide",
    .no_help = "La feuille de route ne déclare aucune activité d’assistance (aucun axe de type run).",
    .help_intro = "Demandez à {0}, ou à la personne indiquée pour votre demande\u00a0:",
    .help_columns = {"Pour", "Contact"},
    .ask_stream_owner = "{0} (responsable de l’axe)",
    .no_one_to_ask = "personne n’est encore désigné",
    .scope_label = "Périmètre\u00a0:",
    .scope_owner =
        "le travail de {0} seulement (les chantiers dont cette personne est responsable ou auxquels elle contribue, "
        "ses tâches dans les autres chantiers, les résultats clés dont elle est responsable)\u202f; tous les chiffres "
        "ci-dessous portent sur ce travail.",
    .scope_stream =
        "l’axe {0} seulement (ses chantiers, les résultats clés qu’ils servent)\u202f; tous les chiffres ci-dessous "
        "portent sur ce travail.",
    .scope_both =
        "le travail de {0} sur l’axe {1} seulement (les chantiers dont cette personne est responsable ou auxquels elle "
        "contribue, ses tâches dans les autres chantiers, les résultats clés dont elle est responsable et que ces "
        "chantiers servent)\u202f; tous les chiffres ci-dessous portent sur ce travail.",
    .no_help_in_scope =
        "Aucune activité d’assistance dans ce périmètre\u00a0: relancez le point sur toute l’équipe pour les "
        "voir.",
    // issue 14, item 5
    .backlog_heading = "Propositions en attente",
    .backlog_intro =
        "Chantiers proposés, par priorité\u00a0: ce n’est pas du travail prévu, ils ne comptent dans aucun chiffre "
        "de ce point tant qu’ils ne sont pas planifiés.",
    .backlog_columns = {"Priorité", "Proposition", "Axe", "Responsable", "Résultats clés"},
    .no_priority = "non priorisée",
    // issue 15, burnup
    .burn_up =
        {
            .label = "Travail prévu sur la période\u00a0:",
            .done = "{0} {3} sur {1}",
            .done_epics = {"chantier terminé", "chantiers terminés"},
            .since_plan = "\u202f; le plan en comptait {0}, {1} {3} et {2} {4} depuis",
            .since_oldest = "\u202f; le plus ancien état lu (l’historique commence après le début de la période) en "
                            "comptait {0}, {1} {3} et {2} {4} depuis",
            .added = {"ajouté", "ajoutés"},
            .taken_out = {"retiré", "retirés"},
            .definition = " (d’après l’historique git\u202f; travail prévu\u00a0: les chantiers des axes de "
                          "construction ni proposés ni abandonnés\u202f; retirés\u00a0: abandonnés, supprimés, passés "
                          "en récurrent ou remis en attente)",
        },
    // issue 16, digest
    .stale_document =
        {
            .stale =
                "Aucun commit n’a modifié cette feuille de route depuis le {0} (commit {1})\u00a0: {2}\u00a0jours, "
                "au-delà des {3} de roadmap.report.stale_after_days, elle n’est donc peut-être plus à jour.",
            .champion = " Sa tenue à jour revient à {0}.",
            .no_champion = " Désignez qui la tient à jour dans roadmap.champion.",
        },
};

const RecapMessages recap_fr = {
    .style = &french,
    .list_separator = ", ",
    .sentence_separator = " ",
    .untitled = "(sans titre)",
    .none = "aucun",

    .day_count = "{0}\u00a0{1}",
    .days = {"jour", "jours"},

    .when = "{0} ({1})",
    .not_committed = "pas encore enregistré",
    .by_the_baseline = "dès la référence",

    .title = "{0}\u00a0: bilan du {1}",
    .untitled_roadmap = "Feuille de route",
    .period_label = "Période\u00a0:",
    .baseline_label = "Plan (référence)\u00a0:",
    .end_label = "Fin\u00a0:",
    .changes_label = "Modifications entre les deux\u00a0:",
    .note_label = "Remarque\u00a0:",
    .period_dates = "du {0} au {1}",
    .working_tree = "la copie de travail (modifications non enregistrées comprises)",
    .commit = "le commit {0} du {1}",
    .commit_with_summary = "le commit {0} du {1} ({2})",
    .read_on = ", lue le {0}",
    .commits_changed = "{0} {1} modifiant la feuille de route",
    .commits = {"commit", "commits"},
    // The cause ({4}) is a diagnostic, in English like every lint message: a French document gives
    // where the file breaks and how to read why, not the English words.
    .unreadable =
        "`{0}` n’a pas pu être lu dans {1}, ligne {2}, colonne {3} (`boussole lint` sur ce commit en donne la cause)",
    .unreadable_run =
        "`{0}` n’a pas pu être lu entre {1} et {5}, {6} commits de suite\u202f; au premier, ligne {2}, colonne "
        "{3} (`boussole lint` sur ce commit en donne la cause)",
    .unreadable_used =
        ". Sa dernière version lisible, {0}, est utilisée à la place\u00a0: ses axes et chantiers ne sont pas comptés "
        "comme retirés, et une modification faite entre-temps est datée du commit où il se lit de nouveau.",
    .unreadable_none = ". Il n’avait aucune version lisible auparavant\u00a0: son contenu manque donc à ce moment.",
    .note_cut_after_start =
        "l’historique s’arrête au commit {0} du {1} (un clone superficiel), après le début de la période ({2})\u00a0: "
        "le plan est lu là, et les modifications antérieures manquent. Lancez «\u00a0git fetch --unshallow\u00a0» "
        "pour avoir tout l’historique.",
    .note_cut_after_baseline =
        "l’historique s’arrête au commit {0} du {1} (un clone superficiel)\u00a0: les modifications entre la "
        "référence et ce commit manquent. Lancez «\u00a0git fetch --unshallow\u00a0» pour avoir tout l’historique.",
    .note_plan_after_start =
        "aucun commit au début de la période ({2}) ou avant n’a modifié la feuille de route\u00a0: le plan est lu au "
        "premier commit après, {0} du {1}.",
    .note_missing_at_baseline =
        "«\u00a0{3}\u00a0» n’existe pas à la référence ({0})\u00a0: chaque chantier compte comme ajouté.",

    .headline_heading = "Chiffres clés",
    .headline_columns = {"Mesure", "Valeur"},
    .planned = "Chantiers prévus à la référence",
    .added = "Chantiers ajoutés pendant la période",
    .delivered = "Livrés",
    .on_time_label = "Livrés à temps (à l’échéance prévue)",
    .dropped = "Abandonnés",
    .moved_out = "Passés en récurrent (sortis du plan)",
    .carried_over = "Reportés",
    .slipped = "En glissement (échéance repoussée, terminés après l’échéance prévue, ou échéance dépassée)",
    .mean_score = "Score moyen des résultats clés",
    .north_star_score = "Score de l’indicateur phare",
    .share = "{0} sur {1} {2} ({3})",
    .epics = {"chantier", "chantiers"},
    .on_time_share = "{0} sur {1} {3} ({2})",
    .delivered_epics = {"livré", "livrés"},
    .mean_score_of = "{0} (résultats clés notés\u00a0: {1} sur {2})",  // {3} unused: no agreement to make
    .totals =
        "Les parts de chantiers portent sur les {0} {1} de la période (prévus à la référence\u00a0: {2}, ajoutés en "
        "cours de route\u00a0: {3}).",
    .outcomes = "Chacun finit la période livré, abandonné ou reporté\u00a0: {0} + {1} + {2} = {3}.",
    .outcomes_run =
        "Chacun finit la période livré, abandonné, passé en récurrent ou reporté\u00a0: {0} + {1} + {2} + {3} = {4}.",
    .slipped_among =
        "Les chantiers en glissement y sont aussi comptés. L’échéance prévue est celle de la référence, ou celle "
        "du moment où le chantier est entré dans le plan.",
    .not_judged = {"{0} chantier livré n’est pas jugé sur le respect des délais\u00a0: il n’a pas d’échéance "
                   "prévue, ou était terminé dès la référence.",
                   "{0} chantiers livrés ne sont pas jugés sur le respect des délais\u00a0: ils n’ont pas "
                   "d’échéance prévue, ou étaient terminés dès la référence."},
    .run_items = {"{0} activité récurrente n’est pas comptée comme travail prévu.",
                  "{0} activités récurrentes ne sont pas comptées comme travail prévu."},
    .after_period = {"{0} chantier ajouté après la fin de la période est laissé de côté.",
                     "{0} chantiers ajoutés après la fin de la période sont laissés de côté."},
    .dropped_before = {"{0} chantier déjà abandonné à la référence ne fait pas partie du plan.",
                       "{0} chantiers déjà abandonnés à la référence ne font pas partie du plan."},
    .anonymous =
        "Les chantiers et résultats clés sans id ne peuvent pas être suivis dans l’historique et sont laissés de "
        "côté.",

    .north_star_heading = "Indicateur phare",
    .north_star_missing = "Aucun indicateur phare n’est déclaré à la fin (roadmap.north_star).",
    .north_star_untitled = "Indicateur phare",
    .north_star_line = "{0}\u00a0: {1} au début → {2} à la fin, cible {3}",
    .no_value = "pas de valeur",
    .north_star_target_was = " (elle était de {0} au début)",
    .north_star_score_line = ". Score {0}\u00a0: {1} du chemin de la référence à la cible.",
    .north_star_not_scored =
        ". Il ne peut pas être noté\u00a0: il lui faut une référence, une cible et une valeur actuelle.",

    .key_results_heading = "Résultats clés",
    .no_key_results = "Aucun résultat clé avec un id n’est déclaré à la fin.",
    .objective_without_id = "Objectif sans id",
    .key_result_columns = {"Résultat clé", "Référence", "Au début", "À la fin", "Cible", "Score"},
    .new_key_result = "nouveau",
    .target_was = "{0} (auparavant {1})",
    .objective_mean = "Score moyen\u00a0: {0} (résultats clés notés\u00a0: {1} sur {2}).",  // {3} unused
    .key_results = {"résultat clé", "résultats clés"},
    .nothing_scored = "Aucun résultat clé de cet objectif ne peut être noté.",
    .removed_key_results = "Résultats clés retirés pendant la période\u00a0: {0}.",

    .owner_with_contributors = "{0}, avec {1}",
    .status_words = {.planned = "prévu",
                     .in_progress = "en cours",
                     .blocked = "bloqué",
                     .done = "terminé",
                     .dropped = "abandonné",
                     .proposed = "proposé"},
    .removed = "retiré",

    .delivered_heading = "Livrés",
    .nothing_delivered = "Rien n’a été livré.",
    .delivered_columns = {"Chantier", "Axe", "Responsable", "Échéance prévue", "Terminé",
                          "Délai (par rapport à l’échéance prévue)"},
    .deliverables_column = "Livrables",
    .due_at_end = " (échéance {0} à la fin)",
    .on_time = "à temps",
    .late = "{0} de retard",

    .slipped_heading = "En glissement",
    .nothing_slipped =
        "Aucun glissement\u00a0: aucune échéance repoussée, rien de terminé après son échéance prévue, et rien "
        "d’ouvert au-delà de son échéance.",
    .slipped_columns = {"Chantier", "Responsable", "Échéance prévue", "Échéance à la fin", "Glissement", "Déplacé le",
                        "Statut à la fin"},
    .done_late = "terminé {0} après l’échéance prévue",
    .past_due = "échéance dépassée de {0} à la fin",
    .move = "{0}\u00a0: {1}",
    .part_separator = "\u202f; ",

    .dropped_heading = "Abandonnés",
    .nothing_dropped = "Rien n’a été abandonné.",
    .dropped_columns = {"Chantier", "Axe", "Responsable", "Comment", "Quand", "Raison"},
    .removed_from_files = "retiré des fichiers",
    .status_dropped = "statut abandonné",
    .no_reason = "aucune raison donnée",
    .back_to_backlog = "remis dans les propositions en attente",

    .added_heading = "Ajoutés pendant la période",
    .nothing_added = "Rien n’a été ajouté au plan pendant la période.",
    .added_columns = {"Chantier", "Axe", "Responsable", "Ajouté", "Statut à la fin"},
    .moved_from_run = "{0}, venu des activités récurrentes",

    .moved_out_heading = "Sortis du plan",
    .moved_out_intro =
        "Travail prévu passé sur un axe récurrent (kind: run)\u00a0: il a quitté le plan, et reste compté dans les "
        "chantiers de la période ci-dessus.",
    .moved_out_columns = {"Chantier", "Prévu dans", "Axe récurrent", "Responsable", "Déplacé", "Statut à la fin"},

    .carried_over_heading = "Reportés",
    .nothing_carried_over =
        "Rien n’est reporté\u00a0: chaque chantier de la période est terminé, abandonné ou passé en récurrent.",
    .carried_over_columns = {"Chantier", "Axe", "Responsable", "Statut", "Échéance", "Avancement (tâches terminées)"},

    .goalposts_heading = "Cibles déplacées",
    .no_goalposts = "Aucune cible de résultat clé n’a changé après la référence.",
    .goalposts_columns = {"Résultat clé", "Cible avant", "Cible après", "Quand"},
    .north_star_named = "Indicateur phare\u00a0: {0}",

    .footer = "Généré par {0} à partir de {1} {2} de la feuille de route dans son historique git.",
    .states = {"état", "états"},
    // issue 14, item 5
    .proposals_planned = {"{0} des chantiers ajoutés était une proposition en attente, planifiée pendant la période.",
                          "{0} des chantiers ajoutés étaient des propositions en attente, planifiées pendant la "
                          "période."},
    .still_proposed = {"{0} proposition encore en attente n’est pas comptée comme travail prévu.",
                       "{0} propositions encore en attente ne sont pas comptées comme travail prévu."},
    .from_backlog = "{0}, planifié depuis les propositions en attente",
    .proposals_heading = "Propositions entrées dans le plan",
    .proposals_intro =
        "Chantiers proposés (à la référence ou ajoutés comme propositions) puis planifiés pendant la "
        "période\u202f; ils comptent parmi les ajouts dans les chiffres clés.",
    .proposals_columns = {"Chantier", "Axe", "Responsable", "Proposé", "Planifié", "Statut à la fin"},
    .proposed_at_baseline = "à la référence",
    // issue 15, burnup
    .burn_up =
        {
            .label = "Travail prévu jour après jour\u00a0:",
            .done = "{0} {3} sur {1}",
            .done_epics = {"chantier terminé", "chantiers terminés"},
            .since_plan = "\u202f; le plan en comptait {0}, {1} {3} et {2} {4} depuis",
            .since_oldest = "\u202f; le plus ancien état lu (l’historique commence après le début de la période) en "
                            "comptait {0}, {1} {3} et {2} {4} depuis",
            .added = {"ajouté", "ajoutés"},
            .taken_out = {"retiré", "retirés"},
            .definition = " (d’après l’historique git\u202f; travail prévu\u00a0: les chantiers des axes de "
                          "construction ni proposés ni abandonnés\u202f; retirés\u00a0: abandonnés, supprimés, passés "
                          "en récurrent ou remis en attente)",
        },
    .burn_up_headline =
        " Contrairement aux chiffres ci-dessus, c’est le plan tel qu’il est à la fin\u00a0: ce qui en est sorti "
        "pendant la période n’y est plus compté.",
};

const DiffMessages diff_fr = {
    .style = &french,
    .list_separator = ", ",
    .none = "aucun",
    .day_count = "{0}\u00a0{1}",
    .days = {"jour", "jours"},
    .side = "{0} ({1})",
    .working_tree = "copie de travail",
    .count_line = "{0} {1}",
    .changes = {"modification", "modifications"},
    .targets_moved = ", {0} {1}",
    .targets = {"cible déplacée", "cibles déplacées"},
    .no_change = "aucune modification du plan",

    .subject = "{0} {1}",
    .subject_named = "{0} {1} «\u00a0{2}\u00a0»",
    .north_star_subject = "indicateur phare «\u00a0{0}\u00a0»",
    .north_star_subject_id = "indicateur phare {0} «\u00a0{1}\u00a0»",
    .stream = "axe",
    .epic = "chantier",
    .key_result = "résultat clé",
    .period = "période",

    .added = "ajouté",
    .removed = "retiré",
    .added_in_stream = "ajouté sur l’axe {0}",
    .removed_from_stream = "retiré (était sur l’axe {0})",
    .moved = "déplacé de l’axe {0} vers l’axe {1}",
    .status_changed = "statut {0} → {1}",
    .status_words = {.planned = "prévu",
                     .in_progress = "en cours",
                     .blocked = "bloqué",
                     .done = "terminé",
                     .dropped = "abandonné",
                     .proposed = "proposé"},
    .owner_changed = "responsable {0} → {1}",
    .due_changed = "échéance {0} → {1}{2}",
    .due_shift = " ({0})",
    .field_changed = "{0} {1} → {2}",
    .field_names = {{{.key = "contributors", .word = "contributeurs"}, {.key = "deliverables", .word = "livrables"}}},
    .added_to_objective = "ajouté à l’objectif {0}",
    .removed_from_objective = "retiré (était dans l’objectif {0})",
    .target_changed = "cible {0} → {1}\u00a0: la cible a bougé",
    .current_changed = "valeur actuelle {0} → {1}",
    .period_changed = "{0} → {1}",

    .text_header = "{0}\u00a0: {1} → {2}\u00a0: ",

    .heading = "Modifications de la feuille de route",
    .comparing = "Comparaison de {0} avec {1} pour {2}\u00a0: ",
    .sentence_end = ".",
    .goalposts_label = "Cibles déplacées\u00a0:",
    .goalposts_moved = "la cible de {0} a changé.",
    .columns = {"±", "Quoi", "Modification"},
    .posted_by = "Publié par boussole diff.",
};

// issue 15, charts
const ChartMessages chart_fr = {
    .style = &french,
    .short_months = {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
    .short_date = "{0} {1}",
    .list_separator = ", ",
    .untitled = "(sans titre)",
    .no_value = "aucune",
    .no_data = "Rien à tracer pour l’instant.",

    .north_star = "Indicateur phare",
    .north_star_title = "Indicateur phare\u00a0: {0}",
    .key_result_title = "{0} · {1}",
    .baseline_label = "réf. {0}",
    .target_label = "cible {0}",
    .elapsed_label = "▲ {0} de la période",
    .score_label = "score {0} · {1}",
    .pace = {.no_data = "sans données",
             .on_track = "✔ dans les temps",
             .behind_pace = "◔ en retard sur le rythme",
             .at_risk = "⚠ à risque"},
    .trend_label = "relevés",
    .not_measured = "Pas encore mesurable\u00a0: il faut une référence, une cible et une valeur actuelle.",
    .no_distance = "Pas de score\u00a0: la cible est égale à la référence.",
    .measure_desc = "{0}\u00a0: référence {1}, valeur actuelle {2}, cible {3}.",
    .score_desc = "Score {0}, {1}.",
    .elapsed_desc = "{0} de la période écoulée (le repère de rythme).",
    .lower_is_better =
        "La cible est sous la référence\u00a0: il faut baisser, et la barre s’allonge à mesure que la valeur baisse.",
    .trend_desc = "Relevés enregistrés, du plus ancien au plus récent\u00a0: {0}.",
    .trend_capped_desc = "Seuls les {0} derniers sont montrés.",

    .burn_up_title = "Chantiers prévus terminés sur la période",
    .epics_axis = "chantiers",
    .done_line = "terminés",
    .scope_line = "périmètre",
    .even_pace_line = "rythme régulier",
    .report_date = "date du point",
    .done_end = "{0} {1}",
    .done_epics = {"terminé", "terminés"},
    .scope_end = "périmètre {0}",
    .burn_up_desc =
        "Chantiers prévus terminés au {2}\u00a0: {0} sur {1}\u202f; prévus au début de la période ({4})\u00a0: {3}.",
    .changes_desc = "Ajoutés au périmètre en cours de période\u00a0: {0}\u202f; abandonnés\u00a0: {1}.",
    .even_pace_desc =
        "La ligne de rythme régulier monte en ligne droite de 0 au début de la période ({0}) jusqu’au "
        "périmètre à la date du point ({1}) à la fin de la période ({2}).",
    .or_before_desc =
        "L’historique lu commence après le début de la période\u00a0: son premier point est l’état le plus ancien lu.",

    .timeline_title = "Chantiers par axe",
    .timeline_desc =
        "Chantiers sur la frise\u00a0: {0}, du {1} au {2}\u202f; le trait vertical marque la date du point, le {3}.",
    .overdue_tag = "⚠ en retard",
    .blocked_tag = "⊘ bloqué",
    .done_tag = "✔",
    .status_labels = {.planned = "○ prévu",
                      .in_progress = "◐ en cours",
                      .blocked = "⊘ bloqué",
                      .done = "✔ terminé",
                      .dropped = "✖ abandonné",
                      .proposed = "◇ proposé"},
    .dependency = "dépend de",
    .bar_desc = "{0}\u00a0: {1}, du {2} au {3}",
    .overdue_desc = ", en retard",
    .depends_desc = "{0} dépend de {1}",
    .stream_rows = "{0}\u00a0:",

    .streams_title = "Santé des axes",
    .progress_label = "{0} réalisé",
    .overdue_count = "⚠ {0} {1}",
    .overdue = {"en retard", "en retard"},
    .status_count = "{1}\u00a0: {0}",
    .status_counted = {.planned = "prévus",
                       .in_progress = "en cours",
                       .blocked = "bloqués",
                       .done = "terminés",
                       .dropped = "abandonnés",
                       .proposed = "proposés"},
    .stream_desc = "{0}\u00a0: {1}{2}\u202f; {3}.",
    .stream_progress_desc = "\u202f; avancement {0}",
    .load_title = "Chantiers ouverts par personne",
    .limit_label = "limite {0}",
    .over_limit_tag = "⚠ au-delà de la limite",
    .load_desc = "Chantiers ouverts permis par personne\u00a0: {0}.",
    .owner_desc = "{0}\u00a0: {1} {2}, {3} {4}",
    .open_epics = {"chantier ouvert", "chantiers ouverts"},
    .open_tasks = {"tâche ouverte", "tâches ouvertes"},
    .over_limit_desc = ", au-delà de la limite",
    .recap_end = "fin du bilan",
};

// issue 16
const DigestMessages digest_fr = {
    .style = &french,
    .list_separator = ", ",
    .untitled = "(sans titre)",
    .untitled_roadmap = "Feuille de route",
    .day_count = "{0}\u00a0{1}",
    .days = {"jour", "jours"},

    .title = "{0}\u00a0: la semaine du {1}",
    .week_label = "Semaine\u00a0:",
    .week = "du {0} au {1}{2}",
    .period_day = ", jour {0} sur {1} du {2}",
    .since_label = "Évolutions depuis\u00a0:",
    .since_week_before = "le commit {0} du {1}, dernier commit au {2} ou avant (une semaine plus tôt)",
    .since_date = "le commit {0} du {1}, dernier commit au {2} ou avant (--since)",
    .since_revision = "le commit {0} du {1} (--since {2})",
    .since_none = "aucun commit n’est daté du {0} ou avant\u00a0: l’historique commence le {1}",
    .no_history =
        "aucune\u00a0: l’historique git n’est pas lu (la feuille de route n’est pas suivie dans git, ou "
        "--no-history), le point ne montre donc aucune évolution, et les relevés d’après checked_on seulement",
    .unreadable = "Illisible, donc laissé de côté\u00a0: {0}.",
    .stale_document =
        {
            .stale =
                "Aucun commit n’a modifié cette feuille de route depuis le {0} (commit {1})\u00a0: {2}\u00a0jours, "
                "au-delà des {3} de roadmap.report.stale_after_days, elle n’est donc peut-être plus à jour.",
            .champion = " Sa tenue à jour revient à {0}.",
            .no_champion = " Désignez qui la tient à jour dans roadmap.champion.",
        },

    .nobody_heading = "Sans responsable",
    .nothing_at_all =
        "Rien n’arrive à échéance, rien n’est en retard ni bloqué, aucun relevé n’est attendu cette semaine, et rien "
        "n’a changé depuis le {0}.",
    .nothing_to_do =
        "Rien n’arrive à échéance, rien n’est en retard ni bloqué, aucun relevé n’est attendu cette semaine.",
    .item = "**{0}** {1}\u00a0: {2}",
    .overdue_label = "En retard\u00a0:",
    .blocked_label = "Bloqué\u00a0:",
    .due_label = "À rendre cette semaine\u00a0:",
    .check_in_due_label = "Relevé à faire\u00a0:",
    .check_in_late_label = "Relevé en retard\u00a0:",
    .check_in_none_label = "Premier relevé\u00a0:",
    .update_label = "Mise à jour périmée\u00a0:",
    .task = "la tâche «\u00a0{0}\u00a0» du chantier {1}",
    .north_star = "l’indicateur phare, {0}",
    .due_late = "échéance le {0}, {1} de retard",
    .due_on = "échéance le {0}, dans {1}",
    .due_today = "échéance aujourd’hui, le {0}",
    .no_due = "sans échéance",
    .also_blocked = ", et bloqué",
    .via_stream = " (sans responsable\u00a0: adressé au responsable de l’axe)",
    .check_in_due = "dernier relevé le {0}, {1}\u00a0: à mesurer de nouveau d’ici le {2}",
    .check_in_late = "dernier relevé le {0}, il y a {1}, {2}",
    .or_before = "{0} ou avant",
    .no_value = "pas encore de valeur actuelle\u00a0: saisissez la première mesure",
    .every_cadence = "cadence {0} ({1}\u00a0jours)",
    .every_default = "attendu tous les {0}\u00a0jours",
    .cadence = {.weekly = "hebdomadaire",
                .biweekly = "toutes les deux semaines",
                .monthly = "mensuelle",
                .quarterly = "trimestrielle"},
    .update_stale = "sa mise à jour écrite date du {0}, il y a {1}, plus de {2}\u00a0jours\u00a0: dites où il en est",

    .changes_heading = "Ce qui a changé depuis le {0}",
    .no_changes = "Rien n’a changé.",
    .no_point = "Aucune évolution n’est montrée\u00a0: {0}.",
    .done_label = "Terminé\u00a0:",
    .added_label = "Ajouté\u00a0:",
    .dropped_label = "Abandonné\u00a0:",
    .slipped_label = "Repoussé\u00a0:",
    .moved_label = "Évolution\u00a0:",
    .owned_by = " — {0}",
    .to_backlog = ", au backlog",
    .from_backlog = ", sorti du backlog",
    .removed = ", retiré de la feuille de route",
    .no_reason = ", sans raison écrite",
    .reason = "\u00a0: {0}",
    .slipped = "échéance du {0} → {1} ({2})",
    .moved = "{0} → {1} ({2})",
    .change_better = "{0}, en progrès",
    .change_worse = "{0}, en recul",
    .no_value_short = "aucune",

    .definitions =
        "À rendre cette semaine\u00a0: chantiers et tâches ouverts dont l’échéance tombe du {0} au {1}. En "
        "retard\u00a0: ouverts et échus avant le {0}. Un chantier sans responsable va au responsable de son axe, une "
        "tâche sans responsable à celui de son chantier. Un relevé est à faire quand la cadence du résultat clé "
        "(sinon {2}\u00a0jours) arrive à son terme cette semaine, en retard quand elle est dépassée\u202f; le "
        "dernier relevé est le plus récent entre le commit qui a modifié sa valeur actuelle et sa date de relevé "
        "(checked_on). Une mise à jour est périmée quand le point écrit d’un chantier en cours n’a pas changé depuis "
        "plus de {2}\u00a0jours.",
    .changes_definition =
        "Évolutions\u00a0: entre le commit nommé en tête et la feuille de route telle qu’elle est, comme les trouve "
        "boussole diff. Repoussé\u00a0: une échéance reculée. Évolution\u00a0: une valeur actuelle modifiée\u202f; "
        "en progrès signifie vers la cible.",
    .footer = "Généré par {0} à partir de {1} {2}, au {3}.",
    .files = {"fichier", "fichiers"},

    .subject = "{0}\u00a0: la semaine du {1}",
};

// issue 16, Slack
const SlackMessages slack_fr = {
    .style = &french,
    .more = "…et {0} de plus",
};

}  // namespace boussole
