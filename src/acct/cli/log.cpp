// acct log: append an interaction, so that `due` knows when to follow up.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/log_plan.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/model/period.h"

namespace acctool::cli {

namespace {

struct LogOptions {
    std::string client, kind, summary;
    std::optional<std::string> date, next, todo, with, duration, mood;
    WriteOptions write;
};

// Every option checked up front, each error naming its option.
Result<NewInteraction> read_options(const LogOptions& o, Date as_of) {
    NewInteraction n;
    auto fail = [](std::string_view what, const std::string& why) {
        return Failure{fmt::format("{} {}", what, why)};
    };
    auto kind = parse_choice<InteractionKind>(o.kind);
    if (!kind) return fail("KIND", kind.error());
    n.kind = *kind;
    auto summary = parse_text(o.summary, "SUMMARY");
    if (!summary) return Failure{summary.error()};
    n.summary = *summary;
    auto date = parse_date_option("--date", o.date, as_of);
    if (!date) return Failure{date.error()};
    n.date = *date;
    if (o.next) {
        auto d = parse_when(*o.next, n.date);
        if (!d) return fail("--next", d.error());
        if (*d < n.date)
            return Failure{trf("--next {} is before the interaction's date {}", say_date(*d),
                               say_date(n.date))};
        n.next = *d;
    }
    for (auto [opt, value, out] :
         {std::tuple{"--todo", &o.todo, &n.todo}, std::tuple{"--with", &o.with, &n.with}})
        if (*value) {
            auto t = parse_text(**value, opt);
            if (!t) return Failure{t.error()};
            *out = *t;
        }
    if (o.duration) {
        auto m = parse_duration(*o.duration);
        if (!m) return fail("--duration", m.error());
        n.minutes = *m;
    }
    if (o.mood) {
        auto m = parse_choice<Mood>(*o.mood);
        if (!m) return fail("--mood", m.error());
        n.mood = *m;
    }
    return n;
}

// In the order of SPEC 2.4.
YamlValue to_yaml(const NewInteraction& n) {
    YamlValue v = YamlValue::mapping();
    v.add("date", YamlValue::word(format_date(n.date)));
    v.add("kind", YamlValue::word(to_string(n.kind)));
    if (n.with) v.add("with", YamlValue::text(*n.with));
    v.add("summary", YamlValue::text(n.summary));
    if (n.minutes) v.add("duration", YamlValue::word(format_duration(*n.minutes)));
    if (n.mood) v.add("mood", YamlValue::word(to_string(*n.mood)));
    if (n.next) v.add("next", YamlValue::word(format_date(*n.next)));
    if (n.todo) v.add("todo", YamlValue::text(*n.todo));
    return v;
}

}  // namespace

Plan plan_log(const LoadResult& loaded, const std::string& client_id, const NewInteraction& n) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, client_id);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    std::string file = section_file(ws, c, "interactions", "log.yaml");
    auto planned = plan_append(ws, file, "interactions", to_yaml(n));
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    SourceLocation at = record_location(w);
    w.reads_back = [at, n, id = c.id](const Workspace& after) {
        if (const Client* client = after.client(id))
            for (const auto& i : client->interactions)
                if (i.at == at)
                    return i.date == n.date && i.kind == n.kind && i.summary == n.summary &&
                           i.next == n.next && i.minutes == n.minutes && i.mood == n.mood &&
                           i.with == n.with.value_or("") && i.todo == n.todo.value_or("");
        return false;
    };
    w.done = n.next ? trf("Logged {} with {} on {} at {}:{}; follow-up due {}", to_string(n.kind),
                          c.id, say_date(n.date), at.file, at.line, say_date(*n.next))
                    : trf("Logged {} with {} on {} at {}:{}", to_string(n.kind), c.id,
                          say_date(n.date), at.file, at.line);
    w.commit_message = fmt::format("acct: log {} with {}", to_string(n.kind), c.id);
    return w;
}

Runner setup_log(CLI::App& app) {
    auto o = std::make_shared<LogOptions>();
    auto* cmd = app.add_subcommand("log", "Record an interaction with a client");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("KIND", o->kind, "call, email, meeting, message, report or note")->required();
    cmd->add_option("SUMMARY", o->summary, "What it was about")->required();
    cmd->add_option("--date", o->date, "When it happened (default: today)");
    cmd->add_option("--next", o->next,
                    "Follow up then: a date, a period from --date (2w) or a weekday (fri)");
    cmd->add_option("--todo", o->todo, "What the follow-up is");
    cmd->add_option("--with", o->with, "Who you spoke to");
    cmd->add_option("--duration", o->duration, "Time spent: 45min, 1h30min");
    cmd->add_option("--mood", o->mood, "positive, neutral or negative");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct log romashka call \"Budget for 2027 agreed\" --next 2w\n"
        "  acct log acme email \"Sent the quote\" --next fri --todo \"Ask about the quote\"\n"
        "  acct log acme meeting \"Kick-off\" --with \"Jane Doe\" --duration 1h --mood positive");
    return [o](Session& s) {
        auto n = read_options(*o, s.as_of);
        if (!n) {
            s.print_error(n.error());
            return exit_code::usage;
        }
        return perform_write(
            s, o->write, [&](const LoadResult& loaded) { return plan_log(loaded, o->client, *n); });
    };
}

}  // namespace acctool::cli
