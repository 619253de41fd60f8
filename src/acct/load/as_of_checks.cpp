#include "acct/load/as_of_checks.h"

#include "acct/lang/words.h"

namespace acctool {

void check_as_of(const FileRecords& f, Date as_of, std::vector<Diagnostic>& out) {
    for (std::size_t i = 0; i < f.interaction_days.size(); ++i)
        if (Date date{std::chrono::sys_days(std::chrono::days(f.interaction_days[i]))};
            date > as_of)
            out.push_back(f.source->diagnose(Severity::warning, f.interaction_date_pos[i],
                                             say("interaction dated {}, after the as-of date {}",
                                                 say_date(date), say_date(as_of))));
}

}  // namespace acctool
