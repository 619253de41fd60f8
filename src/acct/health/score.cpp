#include "acct/health/score.h"

#include <algorithm>
#include <initializer_list>
#include <map>

namespace acctool {

namespace {

constexpr std::array<int, 8> default_points{-15, -20, -10, -25, -10, -10, -15, -5};
constexpr int requests_counted = 2;

SignalItem item_of(const DueItem& i) {
    return SignalItem{std::string(EnumNames<ItemKind>::names[static_cast<std::size_t>(i.kind)]),
                      i.due, i.at};
}

bool overdue(const DueItem& i, Date as_of) {
    return days_between(i.due, as_of) > 0;
}

// The latest interaction that has a mood, by the rule for L (greatest date,
// the last in file order on a tie).
const Interaction* latest_mood(const Client& c) {
    const Interaction* best = nullptr;
    for (const Interaction& x : c.interactions)
        if (x.mood && (!best || x.date >= best->date)) best = &x;
    return best;
}

// Items of the given kinds for which `holds` is true.
template <class Holds>
std::vector<SignalItem> pick(const std::vector<DueItem>& items,
                             std::initializer_list<ItemKind> kinds, Holds holds) {
    std::vector<SignalItem> out;
    for (const DueItem& i : items)
        if (std::find(kinds.begin(), kinds.end(), i.kind) != kinds.end() && holds(i))
            out.push_back(item_of(i));
    return out;
}

// Items of one client, from a workspace's items.
std::map<const Client*, std::vector<DueItem>> by_client(std::vector<DueItem> items) {
    std::map<const Client*, std::vector<DueItem>> out;
    for (DueItem& i : items)
        out[i.client].push_back(std::move(i));
    return out;
}

ClientHealth assess(const Client& c, const std::vector<DueItem>& now,
                    const std::vector<DueItem>& before, Date as_of, const HealthConfig& config) {
    ClientHealth h;
    h.client = &c;
    h.signals = find_signals(c, now, as_of, config);
    h.score = score_of(h.signals);
    h.computed_band = band_for(h.score, config);
    h.set = override_in_force(c, as_of);
    h.band = h.set ? h.set->band : h.computed_band;
    h.score_30d_ago = score_of(find_signals(c, before, add_days(as_of, -30), config));
    return h;
}

}  // namespace

bool has_health(const Client& c) {
    return c.status == ClientStatus::active || c.status == ClientStatus::paused;
}

int signal_points(Signal s, const HealthConfig& config) {
    auto name = EnumNames<Signal>::names[static_cast<std::size_t>(s)];
    auto it = config.points.find(std::string(name));
    return it != config.points.end() ? it->second : default_points[static_cast<std::size_t>(s)];
}

HealthBand band_for(int score, const HealthConfig& config) {
    if (score >= config.green) return HealthBand::green;
    if (score >= config.yellow) return HealthBand::yellow;
    return HealthBand::red;
}

std::optional<HealthSet> override_in_force(const Client& c, Date as_of) {
    if (c.health && (!c.health->until || as_of <= *c.health->until)) return c.health;
    return std::nullopt;
}

std::vector<SignalHit> find_signals(const Client& c, const std::vector<DueItem>& items, Date as_of,
                                    const HealthConfig& config) {
    std::vector<SignalHit> out;
    auto add = [&](Signal s, std::vector<SignalItem> hit, int points) {
        if (!hit.empty() && points != 0) out.push_back(SignalHit{s, points, std::move(hit)});
    };
    auto is_overdue = [&](const DueItem& i) { return overdue(i, as_of); };
    add(Signal::silence, pick(items, {ItemKind::follow_up, ItemKind::touch_base}, is_overdue),
        signal_points(Signal::silence, config));
    if (const Interaction* m = latest_mood(c); m && *m->mood == Mood::negative)
        add(Signal::mood, {SignalItem{"mood", m->date, m->at}},
            signal_points(Signal::mood, config));
    // unpaid_30 replaces unpaid when a payment is more than 30 days overdue
    // and its points are not 0.
    auto long_overdue = pick(items, {ItemKind::payment},
                             [&](const DueItem& i) { return days_between(i.due, as_of) > 30; });
    int points_30 = signal_points(Signal::unpaid_30, config);
    if (!long_overdue.empty() && points_30 != 0)
        add(Signal::unpaid_30, std::move(long_overdue), points_30);
    else
        add(Signal::unpaid, pick(items, {ItemKind::payment}, is_overdue),
            signal_points(Signal::unpaid, config));
    auto requests = pick(items, {ItemKind::request}, is_overdue);
    int counted = std::min(static_cast<int>(requests.size()), requests_counted);
    add(Signal::request, std::move(requests), counted * signal_points(Signal::request, config));
    add(Signal::change, pick(items, {ItemKind::change}, is_overdue),
        signal_points(Signal::change, config));
    add(Signal::renewal,
        pick(items, {ItemKind::renewal, ItemKind::notice},
             [&](const DueItem& i) { return i.listed_from <= as_of; }),
        signal_points(Signal::renewal, config));
    add(Signal::report, pick(items, {ItemKind::report}, is_overdue),
        signal_points(Signal::report, config));
    return out;
}

int score_of(const std::vector<SignalHit>& signals) {
    int score = 100;
    for (const SignalHit& s : signals)
        score += s.points;
    return std::clamp(score, 0, 100);
}

std::vector<ClientHealth> workspace_health(const Workspace& ws, Date as_of, Period horizon) {
    auto now = by_client(all_items(ws, DueOptions{as_of, horizon}));
    auto before = by_client(all_items(ws, DueOptions{add_days(as_of, -30), horizon}));
    std::vector<ClientHealth> out;
    for (const Client& c : ws.clients)
        if (has_health(c)) out.push_back(assess(c, now[&c], before[&c], as_of, ws.config.health));
    std::stable_sort(out.begin(), out.end(), [](const ClientHealth& a, const ClientHealth& b) {
        return a.score < b.score;  // clients are already by id
    });
    return out;
}

ClientHealth client_health(const Workspace& ws, const Client& c, Date as_of, Period horizon) {
    for (ClientHealth& h : workspace_health(ws, as_of, horizon))
        if (h.client == &c) return h;
    ClientHealth none;  // a client without a score: 100, green, no signals
    none.client = &c;
    return none;
}

}  // namespace acctool
