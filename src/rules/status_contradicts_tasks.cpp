#include <algorithm>

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
        // issue 14, item 5: work done or under way on a proposal, which is not planned work.
        const std::size_t begun =
            done + static_cast<std::size_t>(std::count_if(e.tasks.begin(), e.tasks.end(), [](const Task& t) {
                return t.effective_status() == TaskStatus::doing;
            }));
        if (s == EpicStatus::proposed && begun > 0)
            out.report(status_pos(e), fmt::format("{} is proposed but {} of its tasks {} done or doing: plan it "
                                                  "(status planned or in-progress) or reset the {}",
                                                  name_of("epic", e.id), begun, begun == 1 ? "is" : "are",
                                                  begun == 1 ? "task" : "tasks"));
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
    .summary =
        "an epic's status contradicts its tasks (done with open tasks, planned with every task done, or proposed "
        "with work begun)",
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
