#include "acct/render/health.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/terminal_text.h"

namespace acctool {

namespace {

std::string band_word(HealthBand b) {
    return std::string(to_string(b));
}

std::string item_words(const SignalItem& i) {
    return fmt::format("{} {} ({}:{})", i.kind, say_table_date(i.due), i.at.file, i.at.line);
}

}  // namespace

Json client_health_json(const ClientHealth& h) {
    Json set;
    if (h.set) {
        set = Json::object();
        set.set("band", band_word(h.set->band))
            .set("why", h.set->why)
            .set("until", h.set->until ? Json(format_date(*h.set->until)) : Json());
    }
    Json signals = Json::array();
    for (const SignalHit& s : h.signals) {
        Json items = Json::array();
        for (const SignalItem& i : s.items)
            items.push(Json::object()
                           .set("kind", i.kind)
                           .set("due", format_date(i.due))
                           .set("file", i.at.file.str())
                           .set("line", i.at.line));
        signals.push(Json::object()
                         .set("signal", to_string(s.signal))
                         .set("points", s.points)
                         .set("items", std::move(items)));
    }
    return Json::object()
        .set("client", h.client->id)
        .set("client_name", h.client->name)
        .set("score", h.score)
        .set("band", band_word(h.band))
        .set("computed_band", band_word(h.computed_band))
        .set("set", std::move(set))
        .set("score_30d_ago", h.score_30d_ago)
        .set("signals", std::move(signals));
}

Json health_json(const std::vector<ClientHealth>& clients, Date as_of) {
    Json list = Json::array();
    for (const ClientHealth& h : clients)
        list.push(client_health_json(h));
    return Json::object().set("as_of", format_date(as_of)).set("clients", std::move(list));
}

std::string signal_line(const SignalHit& s) {
    std::vector<std::string> items;
    for (const SignalItem& i : s.items)
        items.push_back(item_words(i));
    return fmt::format("{} {:+}: {}", to_string(s.signal), s.points, fmt::join(items, "; "));
}

std::string health_text(const std::vector<ClientHealth>& clients) {
    std::string out;
    for (const ClientHealth& h : clients) {
        if (!out.empty()) out += "\n";
        out += trf("{} ({}): score {}, {} (30 days ago: {})", terminal_safe(h.client->id),
                   terminal_safe(h.client->name), h.score, band_word(h.band), h.score_30d_ago);
        out += "\n";
        if (h.set && h.set->until)
            out += "  " +
                   trf("set to {} until {} (computed: {}): {}", band_word(h.set->band),
                       say_date(*h.set->until), band_word(h.computed_band),
                       terminal_safe(h.set->why)) +
                   "\n";
        else if (h.set)
            out += "  " +
                   trf("set to {} with no end (computed: {}): {}", band_word(h.set->band),
                       band_word(h.computed_band), terminal_safe(h.set->why)) +
                   "\n";
        if (h.signals.empty()) out += "  " + std::string(tr("no signals")) + "\n";
        for (const SignalHit& s : h.signals) {
            out += fmt::format("  {:<9} {:>4}", to_string(s.signal), fmt::format("{:+}", s.points));
            bool first = true;
            for (const SignalItem& i : s.items) {
                out += fmt::format("{}{}\n", first ? "  " : std::string(18, ' '),
                                   terminal_safe(item_words(i)));
                first = false;
            }
        }
    }
    return out;
}

}  // namespace acctool
