#pragma once
/// What the end-of-period recap says, as typed data: built once from the roadmap's states
/// (the baseline, every change, the end) by following each epic and key result by id through
/// compare() of neighbouring states, then formatted by a renderer (Markdown, or JSON for other tools). Values
/// stay typed (numbers, dates, statuses, shares as fractions); names are the user's text as
/// written, unescaped. Every figure is computed by build_recap(); a renderer only chooses words
/// and markup.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "boussole/date.hpp"
#include "boussole/model.hpp"
#include "boussole/plan.hpp"

namespace boussole {

/// What the recap is made from.
struct RecapInput {
    std::vector<PlanState> states;  ///< [0] the baseline, then every change oldest first; back() is the end
    Date today;                     ///< the date of uncommitted changes
    std::string generator = "boussole";
    std::vector<RecapNote> notes;  ///< caveats shown under the header (a cut history, ...)
    bool end_unchanged = false;    ///< the end is a commit that did not change the roadmap, read at its own date
};

/// Why no recap can be made, or empty: no period at the end nor at the baseline, or a roadmap
/// file that does not parse at the baseline or at the end (the plan, or the figures at the
/// end, would be unknown: its streams and epics would read as removed). The message names the
/// state, each file with its line and cause, and the fix.
std::optional<std::string> recap_blocker(const RecapInput& input);
/// The same, from the baseline and the end alone (so that a recap read state by state can
/// refuse before reading the states in between).
std::optional<std::string> recap_blocker(const PlanState& baseline, const PlanState& end);

/// The facts at the top of the recap.
struct RecapHeader {
    std::string name;  ///< the roadmap's name at the end, else at the baseline; empty when neither has one
    std::string period_label;
    Date start, end;                         ///< the period, both ends inclusive
    RecapState baseline, end_state;          ///< the plan and the end
    Date read_on;                            ///< when an end in the working tree was read
    std::size_t commits = 0;                 ///< commits after the baseline that changed the roadmap
    std::vector<RecapNote> notes;            ///< caveats, as given in RecapInput
    std::vector<UnreadableFile> unreadable;  ///< files read at their last readable version, oldest first
};

/// A count with what it is a share of: `count` of `of` (share = count / of; empty when `of` is 0).
struct RecapCount {
    std::size_t count = 0;
    std::size_t of = 0;
    std::optional<double> share;
};

/// The headline numbers. Planned work is build work of this period: epics of a build stream at
/// the baseline (not already dropped there), or that came into a build stream before the period
/// ended (added, or moved in from the run). Each of them ends the period in exactly one of
/// delivered, dropped, moved to the run and carried over, so those four add up to `total`;
/// slipped epics are counted among them too.
struct RecapHeadline {
    std::size_t planned = 0;  ///< at the baseline
    std::size_t added = 0;    ///< during the period
    std::size_t total = 0;    ///< planned + added: what the shares below are of
    RecapCount delivered, dropped, moved_out, carried_over, slipped;
    /// Delivered by their planned due date, of the delivered epics that can be judged (done
    /// during the period's history, with a planned due date).
    RecapCount on_time;
    std::size_t delivered_not_judged = 0;  ///< delivered without a planned due date, or done by the baseline
    std::optional<double> mean_score;      ///< mean key-result score at the end; empty when none is scored
    std::size_t scored = 0;                ///< key results with a score at the end
    std::size_t key_results = 0;           ///< key results with an id at the end
    bool north_star = false;               ///< a North Star is declared at the end
    std::optional<double> north_star_score;
    std::size_t run_items = 0;       ///< activities of run streams, not counted as planned work
    std::size_t after_period = 0;    ///< epics added after the period ended, left out
    std::size_t dropped_before = 0;  ///< epics of build streams already dropped at the baseline, left out
    bool anonymous = false;          ///< epics or key results without an id, left out
    // issue 14, item 5
    /// Proposals (status proposed) planned during the period: counted in `added`, since they
    /// were not planned work at the baseline.
    std::size_t proposals_planned = 0;
    std::size_t still_proposed = 0;  ///< epics proposed at the end and never planned: not planned work, left out
};

/// A measure from the baseline to the end: the North Star, or a key result.
struct RecapMeasure {
    std::string title;                      ///< empty when not written
    std::string unit;                       ///< its own, else its metric's
    std::optional<double> start;            ///< current value at the baseline
    std::optional<double> end;              ///< current value at the end
    std::optional<double> target;           ///< at the end
    std::optional<double> target_at_start;  ///< set only when it differs from `target`
    std::optional<double> score;            ///< at the end
};

/// The North Star from the baseline to the end.
using RecapNorthStar = RecapMeasure;

/// A key result from the baseline to the end.
struct RecapKeyResult : RecapMeasure {
    std::string id;
    std::optional<double> baseline;
    bool added = false;  ///< not at the baseline
};

/// An objective's key results at the end, in the order they are written.
struct RecapObjective {
    std::string id, title;  ///< both empty: key results of objectives without an id
    std::vector<RecapKeyResult> key_results;
    std::size_t measured = 0;          ///< key results with a score
    std::optional<double> mean_score;  ///< empty when none is scored
};

/// A key result gone from the files during the period.
struct RemovedKeyResult {
    std::string id, title;
};

/// An epic as last seen (at the end, or when it was removed).
struct RecapEpic {
    std::string id, title;
    std::string stream;                     ///< its stream's title (at the end, else at the baseline), else its id
    std::string owner;                      ///< display name (people at the end), else the handle; empty for none
    std::vector<std::string> contributors;  ///< display names, likewise
    std::vector<std::string> deliverables;  ///< as written
    EpicStatus status = EpicStatus::planned;
    bool removed = false;  ///< gone from the files at the end
    std::optional<Date> due;
    double progress = 0;  ///< share of its tasks done
};

/// When something happened: the state (commit or working tree) it was first seen in.
using RecapWhen = RecapState;

/// A delivered epic.
struct DeliveredEpic {
    RecapEpic epic;                   ///< epic.due is the due date at the end
    std::optional<Date> planned_due;  ///< at the baseline, or when it came into the plan
    std::optional<RecapWhen> done;    ///< the commit that made it done; empty: done by the baseline
    std::optional<int> days_late;     ///< done minus planned due, with both: 0 when on time
};

/// A due date moved during the period.
struct DueMove {
    RecapWhen when;
    int days = 0;  ///< positive: later
};

/// An epic that slipped: its due date moved later, it was done after its planned due date,
/// or it is open and past due at the end.
struct SlippedEpic {
    RecapEpic epic;
    std::optional<Date> planned_due;   ///< at the baseline, or when it came into the plan
    int slip_days = 0;                 ///< the due date at the end minus the planned one, when later
    std::optional<int> late_days;      ///< done so many days after the planned due date
    std::optional<int> past_due_days;  ///< open and past due at the end (or the period's end) by so many days
    std::vector<DueMove> moves;        ///< every move of its due date after it was planned, oldest first
};

/// A dropped epic: status dropped, or removed from the files.
struct DroppedEpic {
    RecapEpic epic;                     ///< epic.removed says how
    std::optional<RecapWhen> when;      ///< empty: dropped by the baseline
    std::optional<std::string> reason;  ///< dropped_reason as last written
};

/// An epic added during the period.
struct AddedEpic {
    RecapEpic epic;
    RecapWhen added;
    bool from_run = false;  ///< it was in a run stream before: moved into the plan, not new
    // issue 14, item 5
    bool from_backlog = false;  ///< it was proposed before: a proposal planned, not new
};

// issue 14, item 5
/// A proposal that entered the plan during the period: proposed (at the baseline, or added as
/// proposed later), then planned, in progress or done.
struct PlannedProposal {
    RecapEpic epic;
    std::optional<RecapWhen> proposed;  ///< when it was added as a proposal; empty: proposed at the baseline
    RecapWhen planned;                  ///< the state it was first planned work in
};

/// Planned work moved into a run stream (kind: run): out of the plan, still counted in it.
struct MovedOutEpic {
    RecapEpic epic;           ///< epic.stream is the run stream it is in at the end
    std::string from_stream;  ///< the build stream it was planned in
    RecapWhen when;           ///< the commit that moved it
};

/// A key-result (or North Star) target changed after the baseline: the goalposts moved.
struct GoalpostMove {
    std::string subject, title;  ///< the key result's id and title, or "north-star" and the North Star's title
    bool north_star = false;
    std::string before, after;  ///< the targets as the format writes them; empty for none
    RecapWhen when;
    // issue 14, json
    std::optional<double> before_value, after_value;  ///< the targets as numbers; empty for none
};

/// Everything the recap says.
struct RecapContent {
    RecapHeader header;
    RecapHeadline headline;
    std::optional<RecapNorthStar> north_star;  ///< empty when none is declared at the end
    std::vector<RecapObjective> objectives;    ///< empty when no key result with an id is declared at the end
    std::vector<RemovedKeyResult> removed_key_results;
    std::vector<DeliveredEpic> delivered;
    std::vector<SlippedEpic> slipped;
    std::vector<DroppedEpic> dropped;
    std::vector<AddedEpic> added;
    std::vector<MovedOutEpic> moved_out;
    std::vector<RecapEpic> carried_over;
    std::vector<GoalpostMove> goalposts;
    std::string generator;
    std::size_t states = 0;  ///< roadmap states read
    // issue 14, item 5
    std::vector<PlannedProposal> proposals_planned;  ///< in the order of the epics' first appearance
    // issue 15, burnup
    /// The planned work and what of it was done, day by day from the plan to the end
    /// (find_burn_up over the states read, the end dated its commit's day, or the read date for
    /// the working tree); empty when the end is before the period's start. Its points count the
    /// scope as it stood each day, where the headline counts every epic planned at some point of
    /// the period: with no epic added after the period, its last point's `done` is the headline's
    /// delivered count and its `scope` delivered + carried over (the headline also counts what was
    /// dropped or moved to the run); its `planned` is the headline's when the baseline is the plan
    /// of the period (the default).
    std::optional<BurnUp> burn_up = std::nullopt;
};

/// The recap's content. Only call when recap_blocker() is empty.
RecapContent build_recap(const RecapInput& input);

/// The recap built from its states as they come, oldest first (the baseline, every change, the
/// end), each let go once read: what it keeps is each epic's track, the first state and each
/// day's last one (for the burn-up), so memory follows the period's days and epics, not the
/// number of commits (issue 17). build_recap() is this, fed from a vector.
class RecapBuilder {
public:
    /// `input`'s today, generator, notes and end_unchanged (its states are ignored); `end` is
    /// the state that will be added last (its period and date date the burn-up as it is read).
    RecapBuilder(RecapInput input, const PlanState& end);
    RecapBuilder(const RecapBuilder&) = delete;
    RecapBuilder& operator=(const RecapBuilder&) = delete;
    ~RecapBuilder();
    /// The next state.
    void add(PlanState state);
    /// The recap, once the end was added (std::logic_error when no state was). Only call when
    /// recap_blocker() of the baseline and the end is empty.
    RecapContent build();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace boussole
