#pragma once
// SPEC 6: a client's health score, band and the signals behind them, from the
// due items of SPEC 3. Pure: T comes in, nothing reads the clock.
#include <optional>
#include <string>
#include <vector>

#include "acct/model/records.h"
#include "acct/rules/due.h"

namespace acctool {

// In the order of SPEC 6's table; `unpaid_30` replaces `unpaid`.
enum class Signal { silence, mood, unpaid, unpaid_30, request, change, renewal, report };

template <>
struct EnumNames<Signal> {
    static constexpr std::array<std::string_view, 8> names{
        "silence", "mood", "unpaid", "unpaid_30", "request", "change", "renewal", "report"};
};

// One record that makes a signal hold: a due item, or for `mood` the
// interaction (kind "mood", due = its date).
struct SignalItem {
    std::string kind;
    Date due;
    SourceLocation at;
};

struct SignalHit {
    Signal signal = Signal::silence;
    int points = 0;  // the signal's total (request: at most two counted)
    std::vector<SignalItem> items;
};

struct ClientHealth {
    const Client* client = nullptr;
    int score = 100;
    HealthBand computed_band = HealthBand::green;
    HealthBand band = HealthBand::green;  // in force: the override's, else computed
    std::optional<HealthSet> set;         // only while in force
    int score_30d_ago = 100;
    std::vector<SignalHit> signals;  // in table order
};

// Active and paused clients have a score; prospects and former ones do not.
bool has_health(const Client& c);
// The points of a signal: acct.yaml `health.points`, else SPEC 6's default.
int signal_points(Signal s, const HealthConfig& config);
HealthBand band_for(int score, const HealthConfig& config);
// The override, when T <= its `until` (or it has none).
std::optional<HealthSet> override_in_force(const Client& c, Date as_of);

// The signals of one client as of T; `items` are all its items for T
// (all_items, listed or not), in SPEC 3 order.
std::vector<SignalHit> find_signals(const Client& c, const std::vector<DueItem>& items, Date as_of,
                                    const HealthConfig& config);
// 100 plus the points, clamped to 0..100.
int score_of(const std::vector<SignalHit>& signals);

// Every client with a score, lowest score first, then id.
std::vector<ClientHealth> workspace_health(const Workspace& ws, Date as_of, Period horizon);
// One client's health (its client must have one: has_health).
ClientHealth client_health(const Workspace& ws, const Client& c, Date as_of, Period horizon);

}  // namespace acctool
