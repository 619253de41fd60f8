// acct ask: record what a client asked the team for.
#include <memory>
#include <tuple>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/open_twin.h"
#include "acct/cli/team_commands.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/load/fields.h"
#include "acct/rules/request_steps.h"

namespace acctool::cli {

namespace {

struct AskOptions {
    std::string client, title;
    std::optional<std::string> id, date, from, priority, to, due, acked;
    WriteOptions write;
};

// Every option checked up front, each error naming its option.
Result<Request> read_options(const AskOptions& o, Date as_of) {
    Request r;
    auto fail = [](std::string_view what, const std::string& why) {
        return Failure{fmt::format("{} {}", what, why)};
    };
    auto title = parse_text(o.title, "TITLE");
    if (!title) return Failure{title.error()};
    r.title = *title;
    if (o.id) {
        auto id = parse_id("--id", *o.id);
        if (!id) return Failure{id.error()};
        r.id = *id;
    }
    auto date = parse_date_option("--date", o.date, as_of);
    if (!date) return Failure{date.error()};
    r.date = *date;
    if (o.from) {
        auto t = parse_text(*o.from, "--from");
        if (!t) return Failure{t.error()};
        r.from = *t;
    }
    if (o.to) {
        auto t = parse_text(*o.to, "--to");
        if (!t) return Failure{t.error()};
        r.to = *t;
    }
    if (o.priority) {
        auto p = parse_choice<Priority>(*o.priority);
        if (!p) return fail("--priority", p.error());
        r.priority = *p;
    }
    for (auto [opt, value, out] :
         {std::tuple{"--due", &o.due, &r.due}, std::tuple{"--acked", &o.acked, &r.acked}}) {
        if (!*value) continue;
        auto d = parse_date_option(opt, *value, as_of);
        if (!d) return Failure{d.error()};
        if (*d < r.date)
            return Failure{
                trf("{} {} is before the request's date {}", opt, say_date(*d), say_date(r.date))};
        *out = *d;
    }
    return r;
}

// What the command says it wrote, with the request's first step (a new
// request is neither done nor dropped: it has one).
std::string recorded(const Request& r, const std::string& client, const SourceLocation& at,
                     const Config& config) {
    StepDate next = *request_steps(r, config).item;
    std::string by = say_date(next.due);
    switch (next.step) {
        case RequestStep::ack:
            return trf("Recorded request '{}' for {} at {}:{}; next: ack by {}", r.title, client,
                       at.file, at.line, by);
        case RequestStep::handoff:
            return trf("Recorded request '{}' for {} at {}:{}; next: handoff by {}", r.title,
                       client, at.file, at.line, by);
        case RequestStep::deliver:
            return trf("Recorded request '{}' for {} at {}:{}; next: deliver by {}", r.title,
                       client, at.file, at.line, by);
        case RequestStep::tell:
            return trf("Recorded request '{}' for {} at {}:{}; next: tell by {}", r.title, client,
                       at.file, at.line, by);
    }
    return "";
}

// In the order of SPEC 2.8.
YamlValue to_yaml(const Request& r, bool priority_given) {
    YamlValue v = YamlValue::mapping();
    if (!r.id.empty()) v.add("id", YamlValue::word(r.id));
    v.add("date", YamlValue::word(format_date(r.date)));
    v.add("title", YamlValue::text(r.title));
    if (!r.from.empty()) v.add("from", YamlValue::text(r.from));
    if (priority_given) v.add("priority", YamlValue::word(to_string(r.priority)));
    if (r.to) v.add("to", YamlValue::text(*r.to));
    if (r.acked) v.add("acked", YamlValue::word(format_date(*r.acked)));
    if (r.due) v.add("due", YamlValue::word(format_date(*r.due)));
    return v;
}

Plan plan_ask(const LoadResult& loaded, const AskOptions& o, const Request& r) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
    const Client& c = *std::get<const Client*>(found);
    if (!r.id.empty() && c.declared_requests.count(r.id)) {
        for (const auto& other : c.requests)
            if (other.id == r.id)
                return Refusal{exit_code::usage, trf("request id '{}' is taken ({}:{})", r.id,
                                                     other.at.file, other.at.line)};
        return Refusal{exit_code::usage, trf("request id '{}' is taken", r.id)};
    }
    std::string file = section_file(ws, c, "requests", "requests.yaml");
    auto planned = plan_append(ws, file, "requests", to_yaml(r, o.priority.has_value()));
    if (auto* refusal = std::get_if<Refusal>(&planned)) return *refusal;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    SourceLocation at = record_location(w);
    w.reads_back = [at, r, id = c.id](const Workspace& after) {
        if (const Client* client = after.client(id))
            for (const auto& x : client->requests)
                if (x.at == at)
                    return x.id == r.id && x.date == r.date && x.title == r.title &&
                           x.from == r.from && x.priority == r.priority && x.to == r.to &&
                           x.acked == r.acked && x.due == r.due && !x.done && !x.dropped;
        return false;
    };
    w.done = recorded(r, c.id, at, ws.config);
    // Open: one that `acct request` can still name (neither dropped nor told).
    if (auto warning =
            twin_warning<Request>(c, c.requests, r.title, request_twin_messages,
                                  [](const Request& x) { return !x.dropped && !x.told; }))
        w.warnings.push_back(*warning);
    w.commit_message = fmt::format("acct: request from {}: {}", c.id, r.title);
    return w;
}

}  // namespace

Runner setup_ask(CLI::App& app) {
    auto o = std::make_shared<AskOptions>();
    auto* cmd = app.add_subcommand("ask", "Record a request a client made of the team");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("TITLE", o->title, "What they asked for")->required();
    cmd->add_option("--id", o->id, "An id, so that a change can refer to it");
    cmd->add_option("--date", o->date, "When they asked (default: today)");
    cmd->add_option("--from", o->from, "Who asked");
    cmd->add_option("--priority", o->priority,
                    "urgent, high, normal (default) or low: picks the SLA");
    cmd->add_option("--to", o->to, "Who in the team took it on");
    cmd->add_option("--due", o->due, "The date promised to the client");
    cmd->add_option("--acked", o->acked, "When the client was told it was received");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct ask orbit \"Landing page copy\" --from Mia --priority high\n"
        "  acct ask orbit \"Pricing table\" --id pricing --acked today --to anna --due fri");
    return [o](Session& s) {
        auto r = read_options(*o, s.as_of);
        if (!r) {
            s.print_error(r.error());
            return exit_code::usage;
        }
        return perform_write(s, o->write,
                             [&](const LoadResult& loaded) { return plan_ask(loaded, *o, *r); });
    };
}

}  // namespace acctool::cli
