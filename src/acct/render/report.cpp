#include "acct/render/report.h"
#include "acct/render/report_facts.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/json.h"
#include "acct/render/markup.h"
#include "acct/render/retention.h"
#include "acct/render/terminal_text.h"

namespace acctool {

namespace {

// One fact of the report; every format is made from these rows.
using Fact = ReportFact;

// Hours in hundredths, rounded half up (40 min is 0.67 h).
std::int64_t centihours(long minutes) {
    return (static_cast<std::int64_t>(minutes) * 100 + 30) / 60;
}

// Requests and changes; a figure that has no value (a median of nothing) is "-".
void team_facts(const TeamFigures& t, std::vector<Fact>& out) {
    const RequestFigures& rq = t.requests;
    auto maybe = [](const std::optional<int>& n) { return n ? fmt::format("{}", *n) : "-"; };
    out.push_back({"requests", "received", "", fmt::format("{}", rq.received), ""});
    out.push_back({"requests", "delivered", "", fmt::format("{}", rq.delivered), ""});
    out.push_back({"requests", "median_days_to_ack", "", maybe(rq.median_days_to_ack), ""});
    out.push_back({"requests", "median_days_to_deliver", "", maybe(rq.median_days_to_deliver), ""});
    out.push_back(
        {"requests", "delivered_on_time_pct", "",
         say_figure(percent(rq.delivered_on_time, rq.delivered).value_or("-")),
         trf("{} of {} by the promised or SLA date", rq.delivered_on_time, rq.delivered)});
    for (std::size_t b = 0; b < request_age_buckets.size(); ++b)
        out.push_back({"requests", fmt::format("open_{}_days", request_age_buckets[b]), "",
                       fmt::format("{}", rq.open_by_age[b]), ""});
    const ChangeFigures& ch = t.changes;
    out.push_back({"changes", "raised_by_client", "", fmt::format("{}", ch.by_client), ""});
    out.push_back({"changes", "raised_by_team", "", fmt::format("{}", ch.by_team), ""});
    out.push_back({"changes", "approved", "", fmt::format("{}", ch.approved), ""});
    out.push_back({"changes", "rejected", "", fmt::format("{}", ch.rejected), ""});
    out.push_back({"changes", "withdrawn", "", fmt::format("{}", ch.withdrawn), ""});
    for (const auto& [code, m] : ch.approved_budget)
        out.push_back({"changes", "approved_budget", code, say_amount(m), ""});
}

// The figures of team_facts as JSON objects (keys in the man page).
void team_json(const TeamFigures& t, Json& root) {
    const RequestFigures& rq = t.requests;
    auto maybe = [](const std::optional<int>& n) { return n ? Json(*n) : Json(); };
    Json ages = Json::object();
    for (std::size_t b = 0; b < request_age_buckets.size(); ++b)
        ages.set(std::string(request_age_buckets[b]), rq.open_by_age[b]);
    Json requests = Json::object();
    requests.set("received", rq.received);
    requests.set("delivered", rq.delivered);
    requests.set("median_days_to_ack", maybe(rq.median_days_to_ack));
    requests.set("median_days_to_deliver", maybe(rq.median_days_to_deliver));
    requests.set("delivered_on_time", rq.delivered_on_time);
    auto pct = percent(rq.delivered_on_time, rq.delivered);
    requests.set("delivered_on_time_pct", pct ? Json(*pct) : Json());
    requests.set("open_by_age_days", std::move(ages));
    root.set("requests", std::move(requests));
    const ChangeFigures& ch = t.changes;
    Json budget = Json::array();
    for (const auto& [code, m] : ch.approved_budget)
        budget.push(Json(Json::Object{{"currency", code}, {"amount", format_amount(m)}}));
    Json changes = Json::object();
    changes.set("raised_by_client", ch.by_client);
    changes.set("raised_by_team", ch.by_team);
    changes.set("approved", ch.approved);
    changes.set("rejected", ch.rejected);
    changes.set("withdrawn", ch.withdrawn);
    changes.set("approved_budget", std::move(budget));
    root.set("changes", std::move(changes));
}

constexpr std::string_view never = "never";

// In the current language, with amounts and dates as people write them; CSV
// and JSON ask in an English scope (machine_facts), which gives the plain
// figures and ISO dates they keep.
std::vector<Fact> facts(const Report& r) {
    auto amount = [](const Money& m) { return say_amount(m); };
    std::vector<Fact> out;
    for (std::size_t i = 0; i < r.clients_by_status.size(); ++i)
        out.push_back({"clients", std::string(EnumNames<ClientStatus>::names[i]), "",
                       fmt::format("{}", r.clients_by_status[i]), ""});
    for (const auto& [code, cv] : r.recurring_twelfths)
        out.push_back(
            {"recurring_per_month", "", code, amount(monthly_money(cv.first, cv.second)), ""});
    for (const auto& [code, m] : r.one_off)
        out.push_back({"one_off", "", code, amount(m), ""});
    for (const auto& [code, m] : r.invoiced)
        out.push_back({"invoiced", "", code, amount(m), ""});
    for (const auto& [code, m] : r.collected)
        out.push_back({"collected", "", code, amount(m), ""});
    for (const auto& row : r.aging)
        for (std::size_t b = 0; b < aging_buckets.size(); ++b)
            out.push_back({"aging", std::string(aging_buckets[b]), row.currency.code,
                           amount(Money{row.minor[b], row.currency}), ""});
    for (const auto& item : r.renewals)
        out.push_back({"renewals", item.client->id, "", say_table_date(item.due),
                       fmt::format("{}: {}", to_string(item.kind), item.title)});
    for (const auto& s : r.silent)
        out.push_back({"silent", s.client->id, "",
                       s.days ? fmt::format("{}", *s.days) : std::string(tr("never")),
                       s.last
                           ? trf("last contact {}, cadence {}", say_date(*s.last),
                                 say_period(*s.client->cadence))
                           : trf("never contacted, cadence {}", say_period(*s.client->cadence))});
    for (std::size_t i = 0; i < r.interactions_by_kind.size(); ++i)
        out.push_back({"interactions_by_kind", std::string(EnumNames<InteractionKind>::names[i]),
                       "", fmt::format("{}", r.interactions_by_kind[i]), ""});
    constexpr std::array<std::string_view, 4> moods{"positive", "neutral", "negative",
                                                    "unrecorded"};
    for (std::size_t i = 0; i < moods.size(); ++i)
        out.push_back({"interactions_by_mood", std::string(moods[i]), "",
                       fmt::format("{}", r.interactions_by_mood[i]), ""});
    out.push_back({"hours_logged", "", "",
                   say_decimal(static_cast<double>(centihours(r.minutes_logged)) / 100, 2),
                   trf("{} min", r.minutes_logged)});
    team_facts(r.team, out);
    if (r.retention)
        for (auto& row : retention_rows(*r.retention))
            out.push_back({"retention", std::move(row.key), std::move(row.currency),
                           std::move(row.value), std::move(row.detail)});
    return out;
}

// The facts as CSV and JSON keep them: English words, plain figures, ISO
// dates (SPEC 9). Due titles inside renewal details were made in the
// language of the run, as `due --format json` titles are.
std::vector<Fact> machine_facts(const Report& r) {
    LanguageScope english(Language::en, nullptr);
    return facts(r);
}

using SectionTitle = ReportSection;

std::vector<SectionTitle> titles(const Report& r) {
    (void)r;
    return {
        {"clients", tr("Clients by status")},
        {"recurring_per_month", tr("Recurring value per month (signed contracts in the period)")},
        {"one_off", tr("One-off contract values (signed, in the period)")},
        {"invoiced", tr("Invoiced in the period")},
        {"collected", tr("Collected in the period")},
        {"aging", tr("Receivables aging by days past due, as of the as-of date")},
        {"renewals", tr("Renewals and notice deadlines in the next 90 days")},
        {"silent", tr("Clients past their cadence, longest silence first (days)")},
        {"interactions_by_kind", tr("Interactions in the period, by kind")},
        {"interactions_by_mood", tr("Interactions in the period, by mood")},
        {"hours_logged", tr("Hours logged in the period")},
        {"requests", tr("Requests: received and delivered in the period, open at its end")},
        {"changes", tr("Changes: raised and decided in the period")},

        {"retention", tr("Retention from the period's start to its end or the as-of date")}};
}

std::string heading(const Report& r) {
    return trf("Portfolio report for {} ({} to {}), as of {}", r.period.label,
               say_date(r.period.first), say_date(r.period.last), say_weekday_date(r.as_of));
}

std::vector<std::string> cells(const Fact& f) {
    std::vector<std::string> c;
    for (const auto* s : {&f.key, &f.currency, &f.value, &f.detail})
        if (!s->empty()) c.push_back(terminal_safe(*s));
    return c;
}

}  // namespace

std::vector<ReportFact> report_facts(const Report& r) {
    return facts(r);
}
std::vector<ReportSection> report_sections(const Report& r) {
    return titles(r);
}
std::string report_heading(const Report& r) {
    return heading(r);
}

std::string render_report_text(const Report& r) {
    auto all = facts(r);
    std::string out = heading(r) + "\n";
    for (const auto& t : titles(r)) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& f : all)
            if (f.section == t.key) rows.push_back(cells(f));
        out += fmt::format("\n{}\n", t.title);
        if (rows.empty()) {
            out += "  " + std::string(tr("none")) + "\n";
            continue;
        }
        out += align_columns(rows, "  ");
    }
    return out;
}

std::string render_report_markdown(const Report& r) {
    auto all = facts(r);
    std::string out = "# " + heading(r) + "\n";
    for (const auto& t : titles(r)) {
        out += fmt::format("\n## {}\n\n", t.title);
        bool any = false;
        for (const auto& f : all) {
            if (f.section != t.key) continue;
            any = true;
            std::vector<std::string> c;
            for (const auto& cell : cells(f))
                c.push_back(markdown_escape(cell));
            out += fmt::format("- {}\n", fmt::join(c, " · "));
        }
        if (!any) out += "- " + std::string(tr("none")) + "\n";
    }
    return out;
}

std::string render_report_json(const Report& r) {
    Json root = Json::object();
    root.set("period", r.period.label);
    root.set("from", format_date(r.period.first));
    root.set("to", format_date(r.period.last));
    root.set("as_of", format_date(r.as_of));
    std::map<std::string, Json> sections;
    for (const auto& t : titles(r))
        sections.emplace(std::string(t.key), Json::array());
    for (const auto& f : machine_facts(r)) {
        if (f.section == "requests" || f.section == "changes" || f.section == "retention") continue;
        Json j = Json::object();
        if (!f.key.empty())
            j.set(f.section == "renewals" || f.section == "silent" ? "client" : "key", f.key);
        if (!f.currency.empty()) j.set("currency", f.currency);
        bool count = f.section == "clients" || f.section.starts_with("interactions") ||
                     f.section == "silent";
        if (f.value == never)
            j.set("days", nullptr);
        else if (count)
            j.set(f.section == "silent" ? "days" : "count",
                  static_cast<std::int64_t>(std::stoll(f.value)));
        else if (f.section == "hours_logged")
            j.set("hours", Json::decimal(centihours(r.minutes_logged), 2));
        else
            j.set(f.section == "renewals" ? "due" : "amount", f.value);
        if (!f.detail.empty()) j.set("detail", f.detail);
        sections[f.section].push(std::move(j));
    }
    for (const auto& t : titles(r))
        if (t.key != "requests" && t.key != "changes" && t.key != "retention")
            root.set(std::string(t.key), std::move(sections[std::string(t.key)]));
    root.set("minutes_logged", static_cast<std::int64_t>(r.minutes_logged));
    team_json(r.team, root);
    root.set("retention", retention_json(r.retention));
    return root.dump();
}

std::string render_report_csv(const Report& r, const CsvOptions& options) {
    CsvTable t{{{"section"}, {"key"}, {"currency"}, {"value", true}, {"detail"}}, {}};
    for (const auto& f : machine_facts(r))
        t.rows.push_back({f.section, f.key, f.currency,
                          f.value == never || f.value == no_figure ? "" : f.value, f.detail});
    return render_csv(t, options);
}

}  // namespace acctool
