// acct request: move a client's request along (acknowledged, handed over,
// promised, delivered, told, dropped), changing it in place.
#include <memory>
#include <tuple>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/pick_record.h"
#include "acct/cli/record_edit.h"
#include "acct/cli/team_commands.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/rules/request_steps.h"

namespace acctool::cli {

namespace {

struct RequestOptions {
    std::string client, request;
    std::optional<std::string> acked, to, due, done, told, dropped;
    WriteOptions write;
};

// What the options set; checked against the request once it is found.
struct RequestUpdate {
    std::optional<Date> acked, due, done, told, dropped;
    std::optional<std::string> to;
};

Result<RequestUpdate> read_options(const RequestOptions& o, Date as_of) {
    RequestUpdate u;
    for (auto [opt, value, out] :
         {std::tuple{"--acked", &o.acked, &u.acked}, std::tuple{"--due", &o.due, &u.due},
          std::tuple{"--done", &o.done, &u.done}, std::tuple{"--told", &o.told, &u.told},
          std::tuple{"--dropped", &o.dropped, &u.dropped}}) {
        if (!*value) continue;
        auto d = parse_date_option(opt, *value, as_of);
        if (!d) return Failure{d.error()};
        *out = *d;
    }
    if (o.to) {
        auto t = parse_text(*o.to, "--to");
        if (!t) return Failure{t.error()};
        u.to = *t;
    }
    if (!u.acked && !u.due && !u.done && !u.told && !u.dropped && !u.to)
        return Failure{tr("say what happened: --acked, --to, --due, --done, --told or --dropped")};
    if (u.done && u.dropped)
        return Failure{tr("--done and --dropped: a request is one or the other")};
    return u;
}

// The request as it will be, or why not.
Result<Request> updated(Request r, const RequestUpdate& u) {
    if (u.acked) r.acked = u.acked;
    if (u.to) r.to = u.to;
    if (u.due) r.due = u.due;
    if (u.done) r.done = u.done;
    if (u.told) r.told = u.told;
    if (u.dropped) r.dropped = u.dropped;
    for (auto [opt, value] : {std::pair{"--acked", u.acked}, std::pair{"--due", u.due},
                              std::pair{"--done", u.done}, std::pair{"--dropped", u.dropped}})
        if (value && *value < r.date)
            return Failure{trf("{} {} is before the request's date {}", opt, say_date(*value),
                               say_date(r.date))};
    if (r.told && !r.done)
        return Failure{trf("--told: '{}' is not done yet; give --done too", r.title)};
    if (u.told && *u.told < *r.done)
        return Failure{
            trf("--told {} is before it was done ({})", say_date(*u.told), say_date(*r.done))};
    if (u.dropped && r.done)
        return Failure{trf("--dropped: '{}' was done on {}", r.title, say_date(*r.done))};
    if (u.done && r.dropped)
        return Failure{trf("--done: '{}' was dropped on {}", r.title, say_date(*r.dropped))};
    return r;
}

// What the command says it wrote: the request (`before`, as found) and
// what is next for it now (`r`, as written).
std::string moved(const Request& before, const Request& r, const std::string& client,
                  const Config& config) {
    const std::string& title = before.title;
    const std::string& file = before.at.file;
    auto line = before.at.line;
    auto next = request_steps(r, config).item;
    if (!next)
        return r.dropped ? trf("Request '{}' of {} ({}:{}): dropped on {}", title, client, file,
                               line, say_date(*r.dropped))
                         : trf("Request '{}' of {} ({}:{}): nothing left to do", title, client,
                               file, line);
    std::string by = say_date(next->due);
    switch (next->step) {
        case RequestStep::ack:
            return trf("Request '{}' of {} ({}:{}): next: confirm it was received, by {}", title,
                       client, file, line, by);
        case RequestStep::handoff:
            return trf("Request '{}' of {} ({}:{}): next: hand it over, by {}", title, client, file,
                       line, by);
        case RequestStep::deliver:
            return trf("Request '{}' of {} ({}:{}): next: deliver it, by {}", title, client, file,
                       line, by);
        case RequestStep::tell:
            return trf("Request '{}' of {} ({}:{}): next: tell the client it is done, by {}", title,
                       client, file, line, by);
    }
    return "";
}

Plan plan_request(const LoadResult& loaded, const RequestOptions& o, const RequestUpdate& u) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
    const Client& c = *std::get<const Client*>(found);
    auto picked = pick_record<Request>(c, c.requests, o.request, request_messages,
                                       [](const Request& r) { return !r.dropped && !r.told; });
    if (auto* refusal = std::get_if<Refusal>(&picked)) return *refusal;
    const Request& before = *std::get<const Request*>(picked);
    auto after = updated(before, u);
    if (!after) return Refusal{exit_code::usage, after.error()};

    std::vector<std::pair<std::string, YamlValue>> values;
    auto date = [](const std::optional<Date>& d) { return YamlValue::word(format_date(*d)); };
    // In the order of SPEC 2.8, so that added keys fall in place.
    if (u.to) values.push_back({"to", YamlValue::text(*u.to)});
    if (u.acked) values.push_back({"acked", date(u.acked)});
    if (u.due) values.push_back({"due", date(u.due)});
    if (u.done) values.push_back({"done", date(u.done)});
    if (u.told) values.push_back({"told", date(u.told)});
    if (u.dropped) values.push_back({"dropped", date(u.dropped)});
    auto planned = plan_record_edit(ws, "requests", before.at, values);
    if (auto* refusal = std::get_if<Refusal>(&planned)) return *refusal;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    w.reads_back = [at = before.at, want = *after, id = c.id](const Workspace& ws_after) {
        const Request* r = record_at(ws_after, id, at, &Client::requests);
        return r && r->title == want.title && r->date == want.date && r->acked == want.acked &&
               r->to == want.to && r->due == want.due && r->done == want.done &&
               r->told == want.told && r->dropped == want.dropped;
    };
    w.done = moved(before, *after, c.id, ws.config);
    w.commit_message = fmt::format("acct: request of {}: {}", c.id, before.title);
    return w;
}

}  // namespace

Runner setup_request(CLI::App& app) {
    auto o = std::make_shared<RequestOptions>();
    auto* cmd = app.add_subcommand("request", "Move a client's request along");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("REQUEST", o->request, "Its id, its title, or the start of its title")
        ->required();
    cmd->add_option("--acked", o->acked, "The client was told it was received");
    cmd->add_option("--to", o->to, "Who in the team took it on");
    cmd->add_option("--due", o->due, "The date promised to the client");
    cmd->add_option("--done", o->done, "Delivered");
    cmd->add_option("--told", o->told, "The client was told it is done");
    cmd->add_option("--dropped", o->dropped, "It will not be done (and the client knows)");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct request orbit r1 --acked today --to anna\n"
        "  acct request orbit \"Landing page\" --due fri\n"
        "  acct request orbit r1 --done today --told today");
    return [o](Session& s) {
        auto u = read_options(*o, s.as_of);
        if (!u) {
            s.print_error(u.error());
            return exit_code::usage;
        }
        return perform_write(
            s, o->write, [&](const LoadResult& loaded) { return plan_request(loaded, *o, *u); });
    };
}

}  // namespace acctool::cli
