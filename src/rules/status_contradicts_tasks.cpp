#include "rules/rule.hpp"

namespace boussole::rules {

namespace {

// Where an epic's status is written, else the epic itself.
SourcePos status_pos(const Epic& e) { return e.status.pos.valid() ? e.status.pos : e.pos; }

void check(const LintContext& ctx, Reporter& out) {
    for_each_epic(ctx.roadmap, [&](const Stream&, const Epic& e) {
        std::size_t open = 0, done = 0;
        for (const Task& t : e.tasks) {
            const TaskStatus s = t.effective_status();
            open += s == TaskStatus::todo || s == TaskStatus::doing ? 1 : 0;
            done += s == TaskStatus::done ? 1 : 0;
        }
        const EpicStatus s = e.effective_status();
        if (s == EpicStatus::done && open > 0)
            out.report(status_pos(e),
                       fmt::format("{} is done but {} of its tasks {} still open (todo or doing): close {} or "
                                   "reopen the epic",
                                   name_of("epic", e.id), open, open == 1 ? "is" : "are", open == 1 ? "it" : "them"));
        if (s == EpicStatus::planned && open == 0 && done > 0)
            out.report(status_pos(e), fmt::format("{} is still planned although every task of it is done: set its "
                                                  "status to done (or in-progress if work remains)",
                                                  name_of("epic", e.id)));
    });
}

}  // namespace

const Rule status_contradicts_tasks{
    .id = RuleId::status_contradicts_tasks,
    .default_severity = Severity::warning,
    .summary = "an epic's status contradicts its tasks (done with open tasks, or planned with every task done)",
    .why =
        "The report shows the status and the tasks side by side: a done epic with open tasks, or a "
        "planned one whose tasks are all done, tells leadership two stories. One of them is out of date.",
    .bad =
        "- id: dedup\n  title: Deduplicate accounts\n  status: done\n  tasks:\n"
        "    - {title: Matching rules, status: done}\n    - {title: Merge duplicates, status: doing}",
    .good =
        "- id: dedup\n  title: Deduplicate accounts\n  status: in-progress\n  tasks:\n"
        "    - {title: Matching rules, status: done}\n    - {title: Merge duplicates, status: doing}",
    .check = &check,
};

}  // namespace boussole::rules
