// acct clients: a table of clients with what matters about each today.
#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "acct/cli/client_filters.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/formats.h"
#include "acct/cli/session.h"
#include "acct/cli/values.h"
#include "acct/health/score.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/due.h"
#include "acct/render/json.h"
#include "acct/render/table.h"
#include "acct/report/clients.h"

namespace acctool::cli {

namespace {

struct ClientsOptions {
    std::optional<std::string> status, owner, tag;
    std::string format = "text";
    std::string sort = "id";
    FileFormatOptions file;
};

// "today", "1 day ago", "12 days ago" (a date after as-of: "in 3 days").
std::string ago(int days) {
    if (days == 0) return tr("today");
    if (days < 0) return relative_days(-days);
    auto n = static_cast<unsigned long>(days);
    return trnf("{} day ago", "{} days ago", n, n);
}

// "500.00 EUR; 100000.00 RUB"; for people (`say`), as they write money.
std::string balances_text(const std::vector<Money>& b, bool say = false) {
    std::vector<std::string> parts;
    for (const auto& m : b)
        parts.push_back(say ? say_money(m) : fmt::format("{}", m));
    return parts.empty() ? "" : fmt::format("{}", fmt::join(parts, "; "));
}

// Score and band by client; prospects and former clients have none.
using HealthByClient = std::map<const Client*, ClientHealth>;

HealthByClient health_by_client(const Workspace& ws, Date as_of) {
    HealthByClient out;
    for (auto& h : workspace_health(ws, as_of, ws.config.horizon))
        out.emplace(h.client, std::move(h));
    return out;
}

const ClientHealth* health_of(const HealthByClient& health, const Client& c) {
    auto it = health.find(&c);
    return it == health.end() ? nullptr : &it->second;
}

// The columns, as a typed table: the same for text, CSV and JSON.
Table clients_summary_table(const std::vector<ClientSummary>& rows, Date as_of,
                            const HealthByClient& health) {
    using T = ColumnType;
    Table t{"clients",
            {{"id"},
             {"name"},
             {"status"},
             {"owner"},
             {"last_contact", T::date},
             {"days_since_contact", T::integer},
             {"next_due", T::date},
             {"next_kind"},
             {"open_items", T::integer},
             {"balance", T::balances},
             {"score", T::integer},
             {"band"}},
            {}};
    for (const auto& r : rows) {
        const Client& c = *r.client;
        const ClientHealth* h = health_of(health, c);
        auto cell = [](auto v) { return std::optional<std::string>(std::move(v)); };
        t.rows.push_back(
            {c.id, c.name, std::string(to_string(c.status)), c.owner,
             r.last ? cell(format_date(r.last->date)) : std::nullopt,
             r.last ? cell(fmt::format("{}", days_between(r.last->date, as_of))) : std::nullopt,
             r.next ? cell(format_date(r.next->due)) : std::nullopt,
             r.next ? cell(std::string(to_string(r.next->kind))) : std::nullopt,
             fmt::format("{}", r.open_items), cell(balances_text(r.balances)),
             h ? cell(fmt::format("{}", h->score)) : std::nullopt,
             h ? cell(std::string(to_string(h->band))) : std::nullopt});
    }
    return t;
}

// "20 red"; empty for a client without a score.
std::string health_cell(const ClientHealth* h) {
    return h ? fmt::format("{} {}", h->score, to_string(h->band)) : "";
}

std::string clients_text(const std::vector<ClientSummary>& rows, Date as_of,
                         const HealthByClient& health) {
    std::vector<std::vector<std::string>> lines;
    lines.push_back({tr("ID"), tr("NAME"), tr("STATUS"), tr("OWNER"), tr("LAST CONTACT"),
                     tr("NEXT DUE"), tr("OPEN"), tr("BALANCE"), tr("HEALTH")});
    for (const auto& r : rows) {
        const Client& c = *r.client;
        std::string last = r.last ? fmt::format("{} ({})", say_table_date(r.last->date),
                                                ago(days_between(r.last->date, as_of)))
                                  : std::string(tr("never"));
        std::string next =
            r.next ? fmt::format("{} {}", say_table_date(r.next->due), to_string(r.next->kind))
                   : "";
        lines.push_back({terminal_safe(c.id), terminal_safe(c.name),
                         std::string(to_string(c.status)), terminal_safe(c.owner.value_or("")),
                         last, next, fmt::format("{}", r.open_items),
                         balances_text(r.balances, true), health_cell(health_of(health, c))});
    }
    return align_columns(lines, "");
}

// Balances in currency order: the one that owes first in a currency that
// comes earlier in code order goes first; in the same currency, the larger
// amount; when all shared ones are equal, the one that owes in more
// currencies. Amounts of different currencies are never compared.
bool owes_more(const std::vector<Money>& a, const std::vector<Money>& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i].currency.code != b[i].currency.code)
            return a[i].currency.code < b[i].currency.code;
        if (a[i].minor != b[i].minor) return a[i].minor > b[i].minor;
    }
    return a.size() > b.size();
}

// Sorts by a column; ties keep the id order.
void sort_rows(std::vector<ClientSummary>& rows, const std::string& by) {
    auto key = [&](const ClientSummary& r) -> std::string {
        const Client& c = *r.client;
        if (by == "name") return c.name;
        if (by == "status") return fmt::format("{}", static_cast<int>(c.status));
        if (by == "owner") return c.owner.value_or("\xff");
        if (by == "last") return r.last ? format_date(r.last->date) : "";
        if (by == "next") return r.next ? format_date(r.next->due) : "\xff";
        if (by == "open") return fmt::format("{:010}", 1000000000 - r.open_items);
        return c.id;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const ClientSummary& a, const ClientSummary& b) {
        if (by == "balance") return owes_more(a.balances, b.balances);
        return key(a) < key(b);
    });
}

int run_clients(Session& s, const ClientsOptions& o) {
    std::optional<ClientStatus> status;
    if (o.status) {
        auto st = parse_choice<ClientStatus>(*o.status);
        if (!st) {
            s.print_error(fmt::format("--status {}", st.error()));
            return exit_code::usage;
        }
        status = *st;
    }
    auto csv = csv_options(o.file, o.format);
    if (!csv) {
        s.print_error(csv.error());
        return exit_code::usage;
    }
    int code = 0;
    auto loaded = s.load(code);
    if (!loaded) return code;
    s.report_diagnostics(*loaded);
    const Workspace& ws = loaded->workspace;
    if (auto why = unmatched_filters(ws, o.owner, o.tag)) {
        s.print_error(*why);
        return exit_code::no_input;
    }
    auto rows = summarize_clients(ws, DueOptions{s.as_of, ws.config.horizon});
    std::erase_if(rows, [&](const ClientSummary& r) {
        const Client& c = *r.client;
        return (status && c.status != *status) || (o.owner && c.owner != *o.owner) ||
               (o.tag && std::find(c.tags.begin(), c.tags.end(), *o.tag) == c.tags.end());
    });
    sort_rows(rows, o.sort);
    auto health = health_by_client(ws, s.as_of);
    if (o.format == "json")
        s.print(table_json(clients_summary_table(rows, s.as_of, health)));
    else if (o.format == "csv")
        s.print(table_csv(clients_summary_table(rows, s.as_of, health), *csv));
    else
        s.print(clients_text(rows, s.as_of, health));
    return data_status(*loaded);
}

}  // namespace

Runner setup_clients(CLI::App& app) {
    auto o = std::make_shared<ClientsOptions>();
    auto* cmd = app.add_subcommand("clients",
                                   "A table of clients: last contact, next due, "
                                   "open items, balance");
    cmd->add_option("--status", o->status, "Only clients with this status");
    cmd->add_option("--owner", o->owner, "Only clients looked after by this person");
    cmd->add_option("--tag", o->tag, "Only clients with this tag");
    cmd->add_option("--format", o->format, "text, json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    cmd->add_option("--sort", o->sort, "Sort by id, name, status, owner, last, next, open, balance")
        ->check(
            CLI::IsMember({"id", "name", "status", "owner", "last", "next", "open", "balance"}));
    add_csv_options(*cmd, o->file);
    cmd->footer(
        "Examples:\n"
        "  acct clients\n"
        "  acct clients --status active --sort last\n"
        "  acct clients --owner ben --format csv > ben.csv");
    return [o](Session& s) { return run_clients(s, *o); };
}

}  // namespace acctool::cli
